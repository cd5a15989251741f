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

from agentgen.catalog import load_catalog
from agentgen.copying import CopierFailed, copy_version, own_temp_folder, update_files
from agentgen.errors import AgentgenError
from agentgen.git import commit, git, is_remote, ref_name, remote_source
from agentgen.infer import infer
from agentgen.interrupts import Interrupts
from agentgen.plan import deliverables_answer, standards_answer
from agentgen.profile import read_profile
from agentgen.project import ANSWERS, Project, agent_file, latest_version, read_answers, typed_answers, write_answers
from agentgen.source import TemplateSource, builtin_source

CONFLICT_MARKER = "<<<<<<< "


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
    questions = dict(builtin_source().questions)
    if (local := Path(project.src_path)).is_dir() and (local / "copier.yml").is_file():
        questions.update(TemplateSource(str(local), local, builtin=False).questions)
    known = set(questions) | {k for k in project.answers if not k.startswith("_")}
    unknown = sorted(set(data) - known)
    if unknown:
        raise AgentgenError(f"unknown answer {unknown[0]!r}; answers: {', '.join(sorted(known))}")
    return typed_answers(data, questions)


def retarget(project: Project, source: str) -> Project:
    """Record another template source (a team's git URL, a moved checkout) and commit that one change."""
    write_answers(project.path / ANSWERS, {"_src_path": source})
    git(project.path, "add", ANSWERS)
    commit(project.path, f"Template source: {source}")
    return load_project(project.path)


def refreshed_rows(project: Project) -> dict[str, list[dict[str, Any]]]:
    """STANDARDS.md's rows (the `standards` and `deliverables` answers) recomputed from the project's own agent file
    with this agentgen's catalog; none without one."""
    profile = agent_file(project.path, project.answers)
    catalog = load_catalog()
    stack = str(project.answers.get("stack", ""))
    if profile is None or stack not in catalog.stacks:
        return {}
    inference = infer(read_profile(profile), catalog)
    return {
        "standards": standards_answer(inference, catalog, stack, project.answers),
        "deliverables": deliverables_answer(inference, catalog),
    }


def update_project(
    project: Project, *, data: dict[str, Any], vcs_ref: str | None = None, conflict: str = "inline"
) -> UpdateResult:
    target = latest_version(project.src_path, vcs_ref)
    result = UpdateResult(current=project.commit, target=target)
    start = git(project.path, "rev-parse", "HEAD").strip()
    interrupts = Interrupts()
    with interrupts.installed(), own_temp_folder():
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
