"""Render a plan into DEST atomically: copier writes into a temporary folder beside DEST, post steps run there,
and one rename puts the finished project in place. Ctrl-C, SIGTERM, an exception or a render error leave
no DEST behind (and no temporary folder either, except after SIGKILL).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import signal
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from agentgen.answers import ANSWERS, write_answers
from agentgen.errors import AgentgenError
from agentgen.plan import Plan
from agentgen.post import finish_project
from agentgen.source import TemplateSource

if TYPE_CHECKING:
    from copier._main import Worker


def check_destination(dest: Path) -> None:
    if dest.is_symlink() or (dest.exists() and not dest.is_dir()):
        raise AgentgenError(f"{dest} exists and is not a directory")
    if dest.is_dir() and any(dest.iterdir()):
        raise AgentgenError(f"{dest} exists and is not empty")


class _Interrupts:
    """While rendering, SIGINT and SIGTERM raise KeyboardInterrupt, except during cleanup: a signal that arrives
    while the temporary folder is being removed is held until the removal is done, so it is never cut short."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.holding = False
        self.pending = False

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.holding:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        try:
            previous = {signum: signal.signal(signum, self._handle) for signum in self.SIGNALS}
        except ValueError:  # not the main thread: signals go elsewhere
            yield
            return
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
            if self.pending:
                self.pending = False
                raise KeyboardInterrupt


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
    dest.parent.mkdir(parents=True, exist_ok=True)
    added: list[str] = []
    interrupts = _Interrupts()
    work: Path | None = None
    with interrupts.installed():
        try:
            with interrupts.held():
                work = Path(tempfile.mkdtemp(prefix=f".{dest.name}.agentgen-", dir=dest.parent))
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
