"""Verify a generated project the way its README tells a person to: install, test, lint."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

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


def _environment(extra: dict[str, str] | None) -> dict[str, str]:
    # agentgen's own environment carries uv (a dependency): Python projects install with it.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    environment = {**os.environ, "PATH": path, **(extra or {})}
    environment.pop("VIRTUAL_ENV", None)
    return environment


def shared_caches(root: Path) -> dict[str, str]:
    """Environment for verify() pointing every shareable tool cache into `root`."""
    return {variable: str(root / folder) for variable, folder in SHARED_CACHES.items()}


def verify(project: Path, log: Path | None = None, env: dict[str, str] | None = None) -> Verification:
    """Run `make install`, `make test`, `make lint`; stop at the first failure. Output goes to `log`."""
    log = log or project / ".agentgen-verify.log"
    environment = _environment(env)
    result = Verification()
    with log.open("w", encoding="utf-8") as out:
        for step in STEPS:
            out.write(f"$ make {step}\n")
            out.flush()
            start = time.perf_counter()
            done = subprocess.run(["make", step], cwd=project, stdout=out, stderr=subprocess.STDOUT, env=environment)
            result.steps.append(StepResult(step, done.returncode == 0, time.perf_counter() - start))
            if done.returncode != 0:
                break
    return result
