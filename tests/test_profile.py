"""The reader: front matter (strict, then lenient), Markdown blocks with line numbers, directory trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from agentgen.errors import AgentgenError
from agentgen.profile import parse_profile, parse_tree, read_profile


def read(text: str | bytes):
    return parse_profile(text.encode() if isinstance(text, str) else text, Path("agent.md"))


def test_strict_front_matter_and_body_blocks_carry_file_line_numbers():
    profile = read(
        "---\nname: api-dev\ndescription: Builds APIs\ntools: Read, Write\n---\n\n"
        "# Role\n\nYou build **FastAPI** services.\n\n"
        "## Stack\n\n- PostgreSQL 15\n- Redis\n\n```python\nfrom fastapi import FastAPI\n```\n"
    )
    assert profile.meta == {"name": "api-dev", "description": "Builds APIs", "tools": "Read, Write"}
    assert profile.meta_lines["description"] == 3
    assert profile.warnings == []
    headings = [(b.text, b.line, b.section) for b in profile.sections]
    assert headings == [("Role", 7, ()), ("Stack", 11, ("Role",))]
    assert [(b.text, b.line) for b in profile.bullets] == [("PostgreSQL 15", 13), ("Redis", 14)]
    assert profile.bullets[0].section == ("Role", "Stack")
    [code] = profile.code_blocks
    assert (code.language, code.line, code.text) == ("python", 17, "from fastapi import FastAPI\n")
    paragraph = next(b for b in profile.blocks if b.kind == "paragraph")
    assert paragraph.line == 9


def test_unquoted_colon_in_description_is_read_leniently_with_a_warning_naming_the_line():
    profile = read(
        '---\nname: helper\ndescription: Use this agent when needed. Example: user: "add an endpoint" assistant: ok\n'
        "tools: Read, Grep\nmodel: sonnet\n---\nBody text.\n"
    )
    assert profile.meta["name"] == "helper"
    assert profile.meta["description"].startswith("Use this agent when needed. Example: user:")
    assert profile.meta["tools"] == "Read, Grep"
    assert profile.meta["model"] == "sonnet"
    assert len(profile.warnings) == 1 and profile.warnings[0].startswith("line 3: front matter is not valid YAML")


def test_closing_marker_sharing_a_line_with_text_keeps_that_text_as_body():
    profile = read("---\nname: go-dev\nmodel: inherit\n--- You are a **Go** developer.\n## Stack\n- Gin\n")
    assert profile.meta == {"name": "go-dev", "model": "inherit"}
    assert profile.warnings == ["line 4: front matter closes on the same line as text; read the text as body"]
    first = profile.blocks[1]
    assert (first.kind, first.line) == ("paragraph", 4)
    assert first.text.startswith("You are a **Go** developer.")
    assert [b.line for b in profile.sections] == [5]


def test_no_front_matter_reads_the_whole_file_as_body_and_names_the_agent_after_the_file():
    profile = read("# Django Expert\n\nYou know Django.\n")
    assert profile.meta == {}
    assert profile.name == "agent"
    assert profile.sections[0].line == 1


def test_unclosed_front_matter_is_a_warning_not_a_crash():
    profile = read("---\nname: x\nNo closing marker here.\n")
    assert profile.meta == {}
    assert "never closed" in profile.warnings[0]


def test_tools_as_list_nested_maps_and_flow_lists_survive():
    profile = read(
        "---\nname: x\ntools:\n  - Read\n  - Write\nmetadata:\n  triggers:\n    - api\nbundle: [a, b]\n"
        'color: "#7B1FA2"\n---\nbody\n'
    )
    assert profile.meta["tools"] == ["Read", "Write"]
    assert profile.meta["metadata"] == {"triggers": ["api"]}
    assert profile.meta["bundle"] == ["a", "b"]
    assert profile.meta["color"] == "#7B1FA2"


def test_block_and_folded_descriptions_and_literal_backslash_n():
    block = read("---\nname: x\ndescription: |\n  Line one.\n  Line two.\n---\nbody\n")
    assert block.description == "Line one.\nLine two."
    folded = read("---\nname: x\ndescription: >-\n  Folded\n  text\n---\nbody\n")
    assert folded.description == "Folded text"
    literal = read("---\nname: x\ndescription: Examples:\\n- <example>one</example>\n---\nbody\n")
    assert "\\n" in literal.description


def test_long_one_line_description_with_example_blocks():
    description = "Use this agent for APIs. " + "<example>user: build it</example> " * 120
    profile = read(f"---\nname: x\ndescription: {description}\n---\nbody\n")
    assert len(profile.description) > 4000
    assert profile.warnings  # `user: ` makes it invalid YAML


def test_bom_crlf_tabs_cjk_and_no_final_newline():
    text = "\ufeff---\r\nname: 数据库专家\r\ndescription: 后端 PostgreSQL\r\n---\r\n# 标题\r\n\r\n-\tFastAPI"
    profile = read(text)
    assert profile.name == "数据库专家"
    assert profile.sections[0].text == "标题"
    assert profile.bullets[0].text == "FastAPI"
    assert profile.bullets[0].line == 7


def test_text_that_is_not_utf8_is_decoded_with_a_warning():
    profile = read("---\nname: café\n---\nbody é\n".encode("latin-1"))
    assert profile.name == "café"
    assert "not UTF-8" in profile.warnings[0]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x00\x01binary", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_refuses_what_is_not_a_profile(raw: bytes, message: str):
    with pytest.raises(AgentgenError, match=message):
        parse_profile(raw, Path("x.md"))


def test_read_profile_refuses_missing_files_directories_and_big_files(tmp_path: Path):
    with pytest.raises(AgentgenError, match="no such file"):
        read_profile(tmp_path / "missing.md")
    with pytest.raises(AgentgenError, match="is a directory"):
        read_profile(tmp_path)
    big = tmp_path / "big.md"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(AgentgenError, match="1 MiB"):
        read_profile(big)


def test_tree_block_with_glyphs_becomes_directories():
    tree = parse_tree(
        "src/\n├── controllers/   # handlers\n│   └── user.controller.ts\n├── services/\n└── config/\ntests/\n"
    )
    assert tree is not None
    paths, dirs = tree
    assert "src/controllers/user.controller.ts" in paths
    assert dirs == ("src", "src/controllers", "src/services", "src/config", "tests")


def test_indented_tree_without_glyphs():
    tree = parse_tree("app/\n  api/\n    routes/\n  core/\n    config.py\n  main.py\n")
    assert tree is not None
    assert tree[1] == ("app", "app/api", "app/api/routes", "app/core")


@pytest.mark.parametrize(
    "text",
    [
        "Project\n├─ Need flexible schema? → MongoDB\n├─ Complex relations? → TypeORM\n",  # a decision tree
        "┌──────────┐\n│ Spring Boot Framework │\n├──────────┤\n│ • Auto-configuration │\n",  # a box
        "pip install fastapi\nuvicorn app.main:app --reload\n",  # commands
    ],
)
def test_drawings_that_are_not_directory_trees_are_ignored(text: str):
    assert parse_tree(text) is None


def test_tree_blocks_of_code_languages_are_not_trees():
    assert parse_tree("src/\n  app.py\n  models/\n", "python") is None


def test_profile_collects_its_tree_blocks_with_line_numbers():
    profile = read("---\nname: x\n---\n## Layout\n\n```\nsrc/\n├── models/\n└── routes/\n```\n")
    [tree] = profile.trees
    assert tree.line == 7
    assert tree.dirs == ("src", "src/models", "src/routes")
