"""Verify a generated project the way its README tells a person to: install, test, lint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from agentgen.catalog import Tool

STEPS = ("install", "test", "lint")

# Tool caches that projects verified together may share: environment variable -> folder. Each tool checks every
# entry against the file it was made from, so a project never reuses what does not match its own code.
SHARED_CACHES = {"MYPY_CACHE_DIR": "mypy"}


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float


@dataclass
class Verification:
    steps: list[StepResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.steps) and all(step.ok for step in self.steps)

    @property
    def seconds(self) -> float:
        return sum(step.seconds for step in self.steps)


def missing_tools(toolchain: tuple[Tool, ...]) -> list[Tool]:
    """The programs of a stack's toolchain that are not on this PATH (the one a person runs `make` with)."""
    return [tool for tool in toolchain if shutil.which(tool.command) is None]


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    # agentgen's own environment carries uv (a dependency): Python projects install with it.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    environment = {**os.environ, "PATH": path, **(extra or {})}
    environment.pop("VIRTUAL_ENV", None)
    return environment


def shared_caches(root: Path) -> dict[str, str]:
    """Environment for verify() pointing every shareable tool cache into `root`."""
    return {variable: str(root / folder) for variable, folder in SHARED_CACHES.items()}


def verify(
    project: Path,
    log: Path | None = None,
    env: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Verification:
    """Run `make install`, `make test`, `make lint`; stop at the first failure. Output goes to `log`;
    `progress` hears each step as it starts."""
    log = log or project / ".agentgen-verify.log"
    environment = _environment(env)
    result = Verification()
    with log.open("w", encoding="utf-8") as out:
        for step in STEPS:
            if progress:
                progress(step)
            out.write(f"$ make {step}\n")
            out.flush()
            start = time.perf_counter()
            done = subprocess.run(["make", step], cwd=project, stdout=out, stderr=subprocess.STDOUT, env=environment)
            result.steps.append(StepResult(step, done.returncode == 0, time.perf_counter() - start))
            if done.returncode != 0:
                break
    return result
