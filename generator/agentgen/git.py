"""The few git commands agentgen runs, in one place."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from agentgen.errors import AgentgenError


def git(path: Path, *args: str, check: bool = True) -> str:
    """Run git in `path` (never in a repository above it) and return its output."""
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(path.resolve().parent)}
    result = subprocess.run(["git", *args], cwd=path, capture_output=True, text=True, check=False, env=env)
    if check and result.returncode != 0:
        raise AgentgenError(f"git {' '.join(args)} failed in {path}: {result.stderr.strip()}")
    return result.stdout


def commit(path: Path, message: str) -> None:
    """Commit what is staged, as the user when git knows who that is, else as agentgen."""
    identity = [] if git(path, "config", "user.email", check=False).strip() else [
        "-c", "user.name=agentgen", "-c", "user.email=agentgen@localhost"
    ]  # fmt: skip
    git(path, *identity, "commit", "-q", "--no-verify", "-m", message)
