"""Bring template improvements into a generated project with Copier's three-way update, never losing an edit.

The project must be a clean git repository with `.copier-answers.yml` (recording `_src_path` and `_commit`).
The update runs in-process; on any failure the project is reset to the commit it started from.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from agentgen.answers import ANSWERS, agent_file, read_answers, write_answers
from agentgen.copying import CopierFailed, copy_version, update_files
from agentgen.errors import AgentgenError
from agentgen.git import commit, git, is_remote, ref_name, remote_refs, remote_source
from agentgen.interrupts import Interrupts

CONFLICT_MARKER = "<<<<<<< "


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


@dataclass
class UpdateResult:
    current: str
    target: str
    changed: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files the new template version drops but the user had changed: left in place."""


def load_project(path: Path) -> Project:
    """Refuse, with one line, anything that cannot be updated."""
    answers = read_answers(path)
    if not answers.get("_src_path") or not answers.get("_commit"):
        raise AgentgenError(f"{path / ANSWERS}: records no template source and version (_src_path, _commit)")
    if not git(path, "rev-parse", "--show-toplevel", check=False).strip():
        raise AgentgenError(f"{path}: not the root of a git repository; `git init` and commit it first")
    if git(path, "status", "--porcelain"):
        raise AgentgenError(f"{path}: the git tree has uncommitted changes; commit or stash them first")
    where = str(path / ANSWERS)
    answers["_src_path"] = remote_source(answers["_src_path"], f"{where} _src_path")
    answers["_commit"] = ref_name(answers["_commit"], f"{where} _commit")
    project = Project(path, answers)
    source = project.src_path
    if not is_remote(source) and not Path(source).exists():
        raise AgentgenError(f"{path}: the template source {source} recorded in {ANSWERS} does not exist")
    return project


def checked_answers(project: Project, data: dict[str, Any]) -> dict[str, Any]:
    """`update --data`: refused as `new` refuses it (an unknown answer, a value of the wrong type)."""
    from agentgen.answers import typed_answers
    from agentgen.source import TemplateSource, builtin_source

    questions = dict(builtin_source().questions)
    if (local := Path(project.src_path)).is_dir() and (local / "copier.yml").is_file():
        questions.update(TemplateSource(str(local), local, builtin=False).questions)
    known = set(questions) | {k for k in project.answers if not k.startswith("_")}
    unknown = sorted(set(data) - known)
    if unknown:
        raise AgentgenError(f"unknown answer {unknown[0]!r}; answers: {', '.join(sorted(known))}")
    return typed_answers(data, questions)


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


def retarget(project: Project, source: str) -> Project:
    """Record another template source (a team's git URL, a moved checkout) and commit that one change."""
    write_answers(project.path / ANSWERS, {"_src_path": source})
    git(project.path, "add", ANSWERS)
    commit(project.path, f"Template source: {source}")
    return load_project(project.path)


def refreshed_standards(project: Project) -> list[dict[str, Any]] | None:
    """STANDARDS.md rows recomputed from the project's own agent file with this agentgen's catalog."""
    from agentgen.catalog import load_catalog
    from agentgen.infer import infer
    from agentgen.plan import standards_answer
    from agentgen.profile import read_profile

    profile = agent_file(project.path, project.answers)
    catalog = load_catalog()
    stack = str(project.answers.get("stack", ""))
    if profile is None or stack not in catalog.stacks:
        return None
    return standards_answer(infer(read_profile(profile), catalog), catalog, stack, project.answers)


def update_project(
    project: Project, *, data: dict[str, Any], vcs_ref: str | None = None, conflict: str = "inline"
) -> UpdateResult:
    target = latest_version(project.src_path, vcs_ref)
    result = UpdateResult(current=project.commit, target=target)
    start = git(project.path, "rev-parse", "HEAD").strip()
    interrupts = Interrupts()
    with interrupts.installed():
        try:
            update_files(project.path, data, vcs_ref, conflict)
            result.kept = _keep_changed_files_the_template_dropped(project, start)
        except BaseException as err:
            with interrupts.held():  # a second signal must not cut the reset short
                git(project.path, "reset", "-q", "--hard", start, check=False)
                git(project.path, "clean", "-fdq", check=False)
            if isinstance(err, CopierFailed | ValueError):
                raise AgentgenError(f"update failed, nothing changed: {err}") from err
            raise
    status = git(project.path, "status", "--porcelain", "--untracked-files=all").splitlines()
    result.changed = sorted(line[3:] for line in status)
    result.conflicts = sorted(
        path for path in result.changed if path.endswith(".rej") or _has_markers(project.path / path)
    )
    return result


def _keep_changed_files_the_template_dropped(project: Project, start: str) -> list[str]:
    """Copier deletes a file the new template version no longer has, even one the user edited: put those back."""
    status = git(project.path, "status", "--porcelain").splitlines()
    deleted = [line[3:] for line in status if "D" in line[:2]]
    if not deleted:
        return []
    kept = []
    with tempfile.TemporaryDirectory(prefix="agentgen-old-") as old:
        answers = {k: v for k, v in project.answers.items() if not k.startswith("_")}
        copy_version(project.src_path, Path(old), answers, project.commit)
        for path in deleted:
            generated = Path(old, path)
            ours = subprocess.run(["git", "show", f"{start}:{path}"], cwd=project.path, capture_output=True).stdout
            if not generated.is_file() or generated.read_bytes() != ours:
                git(project.path, "checkout", start, "--", path)
                kept.append(path)
    return kept


def _has_markers(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except (IsADirectoryError, FileNotFoundError):
        return False
    return any(line.startswith(CONFLICT_MARKER) for line in text.splitlines())
