"""Every real profile of the corpus (../shared/corpus/agents) is inspected without error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from agentgen.cli import app
from agentgen.infer import infer
from agentgen.profile import read_profile

from .conftest import CORPUS, corpus_files


def test_corpus_is_complete(corpus: list[Path]):
    assert len(corpus) == 134


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_inspect_json_on_every_corpus_file(path: Path):
    result = CliRunner().invoke(app, ["inspect", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["name"]
    if data["stack"] is not None:
        assert data["language"] is not None


def test_corpus_quirks_are_recovered(corpus: list[Path]):
    by_name = {str(p.relative_to(CORPUS)): p for p in corpus}
    no_front_matter = read_profile(by_name["mugubr__django_base/django-expert.md"])
    assert no_front_matter.meta == {} and infer(no_front_matter).framework == "django"

    invalid = [p for p in corpus if any("not valid YAML" in w for w in read_profile(p).warnings)]
    assert len(invalid) >= 9  # the README counts nine; two files that also close on a text line add to them
    for path in invalid:
        profile = read_profile(path)
        assert profile.meta.get("name") and profile.description, path

    shared = [p for p in corpus if p.parent.name == "shaharia-lab__claude-power-user"]
    for path in shared:
        profile = read_profile(path)
        assert any("closes on the same line" in w for w in profile.warnings)
        assert infer(profile).language == "go"


def test_rails_and_laravel_profiles_report_their_framework_with_no_stack(corpus: list[Path]):
    seen = set()
    for path in corpus:
        inference = infer(read_profile(path))
        if inference.framework in ("rails", "laravel"):
            assert inference.stack is None
            seen.add(inference.framework)
    assert seen == {"rails", "laravel"}


def test_framework_experts_map_to_their_stacks(corpus: list[Path]):
    expected = {
        "0xfurai__claude-code-subagents/django-expert.md": ("django", "django", None),
        "0xfurai__claude-code-subagents/fastapi-expert.md": ("fastapi", "fastapi", None),
        "0xfurai__claude-code-subagents/express-expert.md": ("express", "express", None),
        "0xfurai__claude-code-subagents/nestjs-expert.md": ("nestjs", None, "express"),
        "0xfurai__claude-code-subagents/flask-expert.md": ("flask", None, "fastapi"),
    }
    for relative, (framework, stack, nearest) in expected.items():
        inference = infer(read_profile(CORPUS / relative))
        assert (inference.framework, inference.stack, inference.nearest_stack) == (framework, stack, nearest), relative
