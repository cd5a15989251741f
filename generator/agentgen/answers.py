"""A generated project's `.copier-answers.yml` and its agent file, read and written in one place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from agentgen.errors import AgentgenError

ANSWERS = ".copier-answers.yml"
AGENTS_DIR = Path(".claude") / "agents"


def read_answers(project: Path) -> dict[str, Any]:
    """The answers of a generated project; anything else is refused with one line."""
    if not project.is_dir():
        raise AgentgenError(f"{project}: no such project folder")
    answers_file = project / ANSWERS
    if not answers_file.is_file():
        raise AgentgenError(f"{project}: not a generated project (no {ANSWERS})")
    try:
        answers = yaml.safe_load(answers_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise AgentgenError(f"{answers_file}: not valid YAML ({err})") from err
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
    """The profile the project was generated from: .claude/agents/<agent_name>.md, or the only agent file there."""
    named = project / AGENTS_DIR / f"{answers.get('agent_name') or ''}.md"
    if answers.get("agent_name") and named.is_file():
        return named
    candidates = sorted((project / AGENTS_DIR).glob("*.md"))
    return candidates[0] if len(candidates) == 1 else None
