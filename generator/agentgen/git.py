"""The few git commands agentgen runs, in one place.

A template source or version read from a repository (`_src_path`, `_commit` in its answers file) is untrusted:
`remote_source` and `ref_name` refuse anything git could read as an option or as a command-running transport,
positionals always follow `--`, and every call that may reach a network has a deadline.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from agentgen.errors import AgentgenError

TIMEOUT_ENV = "AGENTGEN_GIT_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
# Transports git may use for a template source. `ext::` and `fd::` run commands; the rest are refused too.
SCHEMES = ("https://", "http://", "ssh://", "git://", "file://")
_SCP_LIKE = re.compile(r"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+$")  # git@github.com:org/repo.git
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/+-]{0,199}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _environment(path: Path | None = None) -> dict[str, str]:
    env = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",  # never wait for a password nobody will type
        "GIT_SSH_COMMAND": "ssh -o BatchMode=yes -o ConnectTimeout=10",
        "GIT_ALLOW_PROTOCOL": "file:git:http:https:ssh",
    }
    if path is not None:
        env["GIT_CEILING_DIRECTORIES"] = str(path.resolve().parent)
    return env


def timeout() -> float:
    """Seconds any git call that may reach a network gets ($AGENTGEN_GIT_TIMEOUT, default 30)."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT)
    except ValueError:
        raise AgentgenError(f"${TIMEOUT_ENV} must be a number of seconds") from None
    return value if value > 0 else DEFAULT_TIMEOUT


def git(path: Path, *args: str, check: bool = True) -> str:
    """Run git in `path` (never in a repository above it) and return its output."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=path, capture_output=True, text=True, check=False, env=_environment(path),
            timeout=timeout(),
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise AgentgenError(f"git {args[0]} in {path} did not finish within {timeout():.0f} s") from None
    except OSError as err:
        raise AgentgenError(f"cannot run git in {path}: {err.strerror or err}") from None
    if check and result.returncode != 0:
        raise AgentgenError(f"git {' '.join(args)} failed in {path}: {result.stderr.strip()}")
    return result.stdout


def commit(path: Path, message: str) -> None:
    """Commit what is staged, as the user when git knows who that is, else as agentgen."""
    identity = [] if git(path, "config", "user.email", check=False).strip() else [
        "-c", "user.name=agentgen", "-c", "user.email=agentgen@localhost"
    ]  # fmt: skip
    git(path, *identity, "-c", "maintenance.auto=false", "commit", "-q", "--no-verify", "-m", message)


def is_remote(source: str) -> bool:
    return source.startswith(SCHEMES) or bool(_SCP_LIKE.match(source))


def remote_source(value: object, where: str) -> str:
    """A template source safe to hand to git and copier: a local path, an http(s)/ssh/git/file URL or user@host:path."""
    source = value if isinstance(value, str) else ""
    if not source or _CONTROL.search(source):
        raise AgentgenError(f"{where}: the template source must be a path or a git URL on one line")
    if source.startswith("-"):
        raise AgentgenError(f"{where}: refused template source {source[:60]!r}: it would be read as a git option")
    if ("://" in source and not source.startswith(SCHEMES)) or "::" in source.split("/", 1)[0]:
        raise AgentgenError(
            f"{where}: refused template source {source[:60]!r}: use a path or an {', '.join(SCHEMES)} URL"
        )
    return source


def ref_name(value: object, where: str) -> str:
    """A tag, branch or commit as git prints them; anything else (an option, a path trick) is refused."""
    ref = value if isinstance(value, str) else str(value) if isinstance(value, int) else ""
    if not _REF.match(ref) or ".." in ref or ref.endswith((".lock", "/", ".")):
        raise AgentgenError(f"{where}: {ref[:60]!r} is not a template version (a tag such as v1.2.0, or a commit)")
    return ref


def remote_refs(source: str) -> list[tuple[str, str]]:
    """(sha, ref name) of the source's tags and HEAD, read with `git ls-remote` under a deadline."""
    source = remote_source(source, "template source")
    try:
        listed = subprocess.run(
            ["git", "ls-remote", "--tags", "--refs", "--", source], capture_output=True, text=True,
            env=_environment(), timeout=timeout(), stdin=subprocess.DEVNULL,
        )  # fmt: skip
        head = subprocess.run(
            ["git", "ls-remote", "--", source, "HEAD"], capture_output=True, text=True,
            env=_environment(), timeout=timeout(), stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise AgentgenError(
            f"the template source {source} did not answer within {timeout():.0f} s (set ${TIMEOUT_ENV} to wait longer)"
        ) from None
    for result in (listed, head):
        if result.returncode != 0:
            last = (result.stderr.strip().splitlines() or ["git ls-remote failed"])[-1]
            raise AgentgenError(f"cannot read template versions from {source}: {last}")
    refs = [tuple(line.split("\t", 1)) for line in (listed.stdout + head.stdout).splitlines() if "\t" in line]
    return [(sha, name) for sha, name in refs]
