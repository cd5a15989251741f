"""Every use of Copier, in one place. Its public API (run_copy, run_update) where that suffices; its Worker class and
sandboxed Jinja environment (private) only to cache compiled templates, pinned by tests/test_copying.py so that a
Copier upgrade that changes them fails there, loudly, and nowhere else.

Copier imports lazily: `agentgen --help` must not pay for it.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import signal
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentgen.errors import AgentgenError

if TYPE_CHECKING:
    from copier._main import Worker


class CopierFailed(AgentgenError):
    """Copier, or Jinja in a template, refused; the message is theirs."""


@contextlib.contextmanager
def _quiet_failures() -> Iterator[None]:
    from copier.errors import CopierError
    from jinja2 import TemplateError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # copier's DirtyLocalWarning and friends are not the user's business here
        try:
            yield
        except (CopierError, TemplateError, ValueError) as err:
            raise CopierFailed(str(err)) from err


def copy_template(src: str, dst: Path, answers: dict[str, Any], *, snapshot: bool) -> None:
    """Render the template at `src` into `dst` with these answers and no questions. A `snapshot` (a plain folder
    holding one version) is rendered with git hidden: copier needs none there."""
    with _quiet_failures(), _without_git() if snapshot else contextlib.nullcontext():
        worker = _caching_worker()(
            src_path=src, dst_path=dst, data=answers, defaults=True, quiet=True, unsafe=False, overwrite=True
        )
        with worker:
            worker.run_copy()


@contextlib.contextmanager
def own_temp_folder() -> Iterator[None]:
    """Copier's clones and scratch folders (and anything else made with `tempfile`) go into a folder of ours, removed
    whatever happens. SIGINT and SIGTERM are blocked until the removal is armed: a signal that lands just after a
    folder (or `tempfile`'s first probe file) was made, before its cleanup was registered, cannot leave it behind.
    For update's single thread only (it sets the process-wide default)."""
    signals = {signal.SIGINT, signal.SIGTERM}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    previous, own = tempfile.tempdir, None
    try:
        own = tempfile.tempdir = tempfile.mkdtemp(prefix="agentgen-copier-")
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal held meanwhile is raised here, inside the try
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        tempfile.tempdir = previous
        if own:
            shutil.rmtree(own, ignore_errors=True)


def copy_version(src: str, dst: Path, answers: dict[str, Any], vcs_ref: str) -> None:
    """Render one version of the template (what a project looked like when generated)."""
    from copier import run_copy

    with _quiet_failures():
        run_copy(src, dst, data=answers, vcs_ref=vcs_ref, defaults=True, quiet=True, unsafe=False)


def update_files(project: Path, data: dict[str, Any], vcs_ref: str | None, conflict: str) -> None:
    """copier update: the template's changes since the project's version, merged with the project's own."""
    from copier import run_update

    with _quiet_failures():
        run_update(
            project,
            data=data,
            vcs_ref=vcs_ref,
            defaults=True,
            overwrite=True,
            quiet=True,
            conflict=conflict,  # type: ignore[arg-type]
            unsafe=False,
            skip_answered=True,
        )


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
