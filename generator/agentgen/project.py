"""A generated project as agentgen knows it: its `.copier-answers.yml`, its agent file and its template version,
read and written in one place (doctor and update share it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from agentgen.errors import AgentgenError
from agentgen.files import load_yaml, read_bounded
from agentgen.git import ref_name, remote_refs, remote_source

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
    """Change internal answers (`_commit`, `_src_path`), formatted exactly as copier writes the file, so updates show
    no spurious diff. Only their entries are rewritten: the rest of the file keeps copier's own bytes."""
    from jinja2_ansible_filters.core_filters import to_nice_yaml

    text = answers_file.read_text(encoding="utf-8")
    answers = load_yaml(text.encode("utf-8"), str(answers_file)) or {}
    internal = {k: v for k, v in {**answers, **changes}.items() if k.startswith("_") and v}
    ordered = {**{k: internal[k] for k in ("_commit", "_src_path") if k in internal}, **internal}
    header: list[str] = []
    entries: list[str] = []
    replaced = False
    for line in text.splitlines(keepends=True):
        if line.startswith("#") and not entries:
            header.append(line)
            continue
        if not line[:1].isspace() and not line.startswith("-"):  # a top-level key; the rest continue its entry
            replaced = line.split(":", 1)[0] in {*ordered, *changes}
        if not replaced:
            entries.append(line)
    answers_file.write_text("".join([*header, to_nice_yaml(ordered), *entries]), encoding="utf-8")


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


@dataclass(frozen=True)
class Project:
    path: Path
    answers: dict[str, Any]

    @property
    def src_path(self) -> str:
        return str(self.answers["_src_path"])

    @property
    def commit(self) -> str:
        return str(self.answers["_commit"])


def _version(tag: str) -> Version | None:
    try:
        return Version(tag)
    except InvalidVersion:
        return None


def latest_version(source: str, vcs_ref: str | None = None) -> str:
    """The template version an update would bring: `vcs_ref`, else the newest release tag (vX.Y.Z) of the source,
    else (a source without release tags) its newest commit."""
    if vcs_ref:
        return ref_name(vcs_ref, "--vcs-ref")
    refs = remote_refs(source)
    tags = [name.removeprefix("refs/tags/") for _, name in refs if name.startswith("refs/tags/")]
    releases = [(v, tag) for tag in tags if (v := _version(tag)) is not None and not v.is_prerelease]
    if releases:
        return max(releases)[1]
    head = [sha for sha, name in refs if name == "HEAD"]
    if not head:
        raise AgentgenError(f"{source} has neither release tags (vX.Y.Z) nor commits to update to")
    return head[0][:12]


def is_newer(target: str, current: str) -> bool:
    """Whether `target` is a later release than `current` (a tag, or `git describe` output past a tag)."""
    target_version, current_version = _version(target), _version(current.split("-", 1)[0])
    if target_version is None or current_version is None:
        commit = current.rsplit("-g", 1)[-1]  # `git describe` output ends in -g<commit>
        return not (target.startswith(commit) or commit.startswith(target))
    return target_version > current_version


def template_status(answers: dict[str, Any]) -> str:
    """One line on the project's template version: up to date, an update available, or why that is unknown."""
    current, source = answers.get("_commit"), answers.get("_src_path")
    if not current or not source:
        return "unknown: the answers file records no template source and version"
    try:
        current = ref_name(current, "_commit")
        target = latest_version(remote_source(source, "_src_path"))
    except AgentgenError as err:
        return f"{current} (newer versions unknown: {err})"
    return f"{current} → {target}: update available" if is_newer(target, str(current)) else f"{current} (up to date)"
