"""A generated project's `.copier-answers.yml` and its agent file, read and written in one place."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from agentgen.errors import AgentgenError
from agentgen.files import load_yaml, read_bounded

ANSWERS = ".copier-answers.yml"
AGENTS_DIR = Path(".claude") / "agents"


_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0"}
_AGENT_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


def typed_answers(data: dict[str, Any], questions: dict[str, Any]) -> dict[str, Any]:
    """Answers cast to the type their copier.yml question declares; a value of another type is refused."""
    typed = dict(data)
    for key, value in data.items():
        kind = (questions.get(key) or {}).get("type") if isinstance(questions.get(key), dict) else None
        if kind == "bool" and not isinstance(value, bool):
            word = str(value).strip().lower()
            if word not in _TRUE | _FALSE:
                raise AgentgenError(f"answer {key}={value!r}: expected true or false")
            typed[key] = word in _TRUE
        elif kind == "int" and not (isinstance(value, int) and not isinstance(value, bool)):
            if not re.fullmatch(r"\s*-?\d{1,9}\s*", str(value)):
                raise AgentgenError(f"answer {key}={value!r}: expected a whole number")
            typed[key] = int(value)
        elif kind == "str" and not isinstance(value, str):
            raise AgentgenError(f"answer {key}={value!r}: expected text")
    if "agent_name" in typed:
        typed["agent_name"] = check_agent_name(typed["agent_name"])
    return typed


def check_agent_name(name: object) -> str:
    """The agent file's stem: one plain file name inside .claude/agents/, never a path."""
    if not isinstance(name, str) or not _AGENT_NAME.match(name) or ".." in name:
        raise AgentgenError(
            f"agent name {str(name)[:60]!r}: use letters, digits, dots, dashes and underscores (it names a file)"
        )
    return name


def read_answers(project: Path) -> dict[str, Any]:
    """The answers of a generated project; anything else is refused with one line."""
    if not project.is_dir():
        raise AgentgenError(f"{project}: no such project folder")
    answers_file = project / ANSWERS
    if not answers_file.is_file():
        raise AgentgenError(f"{project}: not a generated project (no {ANSWERS})")
    answers = load_yaml(read_bounded(answers_file), str(answers_file))
    if not isinstance(answers, dict):
        raise AgentgenError(f"{answers_file}: not a mapping of answers")
    return answers


def write_answers(answers_file: Path, changes: dict[str, Any]) -> None:
    """Change internal answers, formatted exactly as copier writes the file (so updates show no spurious diff)."""
    from jinja2_ansible_filters.core_filters import to_nice_yaml

    text = answers_file.read_text(encoding="utf-8")
    header = text.split("\n", 1)[0] if text.startswith("#") else ""
    answers = yaml.safe_load(text) or {}
    internal = {k: v for k, v in {**answers, **changes}.items() if k.startswith("_") and v}
    ordered = {**{k: internal[k] for k in ("_commit", "_src_path") if k in internal}, **internal}
    body = to_nice_yaml({**ordered, **{k: v for k, v in answers.items() if not k.startswith("_")}})
    answers_file.write_text(f"{header}\n{body}" if header else body, encoding="utf-8")


def agent_file(project: Path, answers: dict[str, Any]) -> Path | None:
    """The profile the project was generated from: .claude/agents/<agent_name>.md, or the only agent file there.

    Only a file inside the project's own .claude/agents/ counts: a name that is a path, or a symlink that leads
    out of the project, is refused.
    """
    name = answers.get("agent_name") and check_agent_name(answers["agent_name"])
    folder = project / AGENTS_DIR
    named = folder / f"{name}.md"
    if name and (named.is_file() or named.is_symlink()):
        return _inside(project, named)
    candidates = sorted(folder.glob("*.md")) if folder.is_dir() and not folder.is_symlink() else []
    return _inside(project, candidates[0]) if len(candidates) == 1 else None


def _inside(project: Path, path: Path) -> Path:
    if not path.resolve().is_relative_to(project.resolve()):
        raise AgentgenError(f"{path}: leads outside the project; refused")
    return path
