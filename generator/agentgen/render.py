"""Render a plan into DEST atomically: copier writes into a temporary folder beside DEST, post steps run there,
and one rename puts the finished project in place. Ctrl-C, SIGTERM, an exception or a render error leave
no DEST behind (and no temporary folder either, except after SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from agentgen.copying import CopierFailed, copy_template
from agentgen.errors import AgentgenError
from agentgen.interrupts import Interrupts
from agentgen.plan import Plan
from agentgen.post import finish_project
from agentgen.project import ANSWERS, write_answers
from agentgen.source import TemplateSource

OWNER = ".agentgen-owner"
"""A file in each temporary folder naming the process that renders into it, so a later run can tell a folder
left by a killed run (its process gone) from one another run is still writing."""
NAME_MAX = 255


def check_destination(dest: Path) -> None:
    if "\x00" in str(dest) or len(os.fsencode(dest.name)) > NAME_MAX:
        raise AgentgenError(f"{str(dest)[:80]!r}: not a usable folder name")
    if dest.is_symlink() or (dest.exists() and not dest.is_dir()):
        raise AgentgenError(f"{dest} exists and is not a directory")
    if dest.is_dir() and any(dest.iterdir()):
        raise AgentgenError(f"{dest} exists and is not empty")


def remove_stale_work(parent: Path) -> None:
    """Remove temporary folders beside DEST that an earlier run was killed in the middle of (SIGKILL)."""
    for folder in parent.glob(".*.agentgen-*"):
        try:
            pid = int((folder / OWNER).read_text(encoding="utf-8").split()[0])
        except (OSError, ValueError, IndexError):
            continue  # not ours, or being created this instant
        if pid != os.getpid() and not _alive(pid):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _missing_parents(dest: Path) -> list[Path]:
    missing = []
    for parent in dest.parents:
        if parent.exists():
            break
        missing.append(parent)
    return missing


@dataclass(frozen=True)
class Rendered:
    path: Path
    added_dirs: list[str]


def render(plan: Plan, source: TemplateSource, *, git: bool = True) -> Rendered:
    dest = plan.dest.absolute()
    check_destination(dest)
    created = _missing_parents(dest)
    try:
        return _render(plan, source, dest, created, git=git)
    except OSError as err:
        raise AgentgenError(f"cannot write {dest}: {err.strerror or err}") from None


def _render(plan: Plan, source: TemplateSource, dest: Path, created: list[Path], *, git: bool) -> Rendered:
    added: list[str] = []
    interrupts = Interrupts()
    work: Path | None = None
    with interrupts.installed():
        try:
            with interrupts.held():
                dest.parent.mkdir(parents=True, exist_ok=True)
                remove_stale_work(dest.parent)
                work = Path(tempfile.mkdtemp(prefix=f".{dest.name[:40]}.agentgen-", dir=dest.parent))
                (work / OWNER).write_text(f"{os.getpid()}\n", encoding="utf-8")
            project = work / dest.name
            _copy(plan, source, work, project)
            added = finish_project(plan, project, git=git)
            if dest.is_dir():
                dest.rmdir()  # empty, checked above
            project.rename(dest)  # the one step that makes DEST appear, whole
        finally:
            with interrupts.held():
                if work is not None:
                    shutil.rmtree(work, ignore_errors=True)
                for folder in created if not dest.exists() else ():
                    with contextlib.suppress(OSError):
                        folder.rmdir()
    return Rendered(dest, added)


def _copy(plan: Plan, source: TemplateSource, work: Path, project: Path) -> None:
    template = source.snapshot(work / "template", plan.stack) if source.is_git() or source.builtin else None
    try:
        copy_template(str(template or source.location), project, plan.answers, snapshot=template is not None)
    except CopierFailed as err:
        raise AgentgenError(f"rendering the {plan.stack} template failed: {err}") from err
    if template is not None:
        _record_source(project / ANSWERS, source)


def _record_source(answers_file: Path, source: TemplateSource) -> None:
    """Point the answers file at the template repository (not the snapshot) and the version rendered."""
    write_answers(answers_file, {"_commit": source.commit, "_src_path": source.record_path()})
