"""Render a plan into DEST atomically: copier writes into a temporary folder beside DEST, post steps run there,
and one rename puts the finished project in place. Ctrl-C, SIGTERM, an exception or a render error leave
no DEST behind (and no temporary folder either, except after SIGKILL).
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from agentgen.answers import ANSWERS, write_answers
from agentgen.errors import AgentgenError
from agentgen.interrupts import Interrupts
from agentgen.plan import Plan
from agentgen.post import finish_project
from agentgen.source import TemplateSource

if TYPE_CHECKING:
    from copier._main import Worker


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
    from copier.errors import CopierError
    from jinja2 import TemplateError

    template = source.snapshot(work / "template", plan.stack) if source.is_git() or source.builtin else None
    with warnings.catch_warnings(), _without_git() if template else contextlib.nullcontext():
        warnings.simplefilter("ignore")  # copier's DirtyLocalWarning and friends are not the user's business here
        try:
            worker = _caching_worker()(
                src_path=str(template or source.location),
                dst_path=project,
                data=plan.answers,
                defaults=True,
                quiet=True,
                unsafe=False,
                overwrite=True,
            )
            with worker:
                worker.run_copy()
        except (CopierError, TemplateError, ValueError) as err:
            raise AgentgenError(f"rendering the {plan.stack} template failed: {err}") from err
    if template is not None:
        _record_source(project / ANSWERS, source)


@functools.cache
def _caching_worker() -> type[Worker]:
    """copier's Worker, with its Jinja environment compiling less: template files go through a bytecode cache
    shared by every run (Jinja checks each entry against the file's source), and path parts, which copier
    compiles one by one and which repeat (`app`, `tests`, ...), are compiled once per render."""

    import copier
    import jinja2
    from copier._jinja_ext import SandboxedEnvironment
    from copier._main import Worker
    from jinja2.bccache import Bucket, FileSystemBytecodeCache

    class BytecodeCache(FileSystemBytecodeCache):
        def __init__(self, environment: jinja2.Environment) -> None:
            super().__init__()
            extensions = sorted(type(extension).__name__ for extension in environment.extensions.values())
            self.fingerprint = f"{copier.__version__}|{jinja2.__version__}|{extensions}"

        def get_cache_key(self, name: str, filename: str | None = None) -> str:
            # By template name, not file path: each render reads the template from a fresh temporary snapshot.
            return super().get_cache_key(f"{self.fingerprint}|{name}")

        def load_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError, ValueError, EOFError):  # an unreadable entry is a miss
                super().load_bytecode(bucket)

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):  # a cache that cannot be written (disk full, ...) only costs time
                super().dump_bytecode(bucket)

    class CachingWorker(Worker):
        @functools.cached_property
        def jinja_env(self) -> SandboxedEnvironment:
            environment = super().jinja_env
            with contextlib.suppress(OSError, RuntimeError):  # no usable temp folder: render without the cache
                environment.bytecode_cache = BytecodeCache(environment)
            environment.from_string = functools.cache(environment.from_string)  # type: ignore[assignment,method-assign]
            return environment

    return CachingWorker


@contextlib.contextmanager
def _without_git() -> Iterator[None]:
    """Hide git from copier while it renders a plain snapshot: it needs none, and otherwise runs
    `git config core.fileMode` once per written file (a third of the render's time)."""
    from plumbum import local

    with local.env(PATH=""):
        yield


def _record_source(answers_file: Path, source: TemplateSource) -> None:
    """Point the answers file at the template repository (not the snapshot) and the version rendered."""
    write_answers(answers_file, {"_commit": source.commit, "_src_path": source.record_path()})
