"""Database servers for the end-to-end tests: started by scripts/services.sh; CI sets AGENTGEN_REQUIRE_SERVICES=1."""

from __future__ import annotations

import contextlib
import os
import shlex
import socket
import subprocess
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

SERVICES_SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "services.sh"
ENV_NAMES = {"postgresql": "AGENTGEN_POSTGRES_URL", "mysql": "AGENTGEN_MYSQL_URL", "redis": "AGENTGEN_REDIS_URL"}


def script_urls(environ: Mapping[str, str]) -> dict[str, str]:
    """The URLs `scripts/services.sh env` prints in this environment, by kind: its own private servers (ports and
    logins live in the script alone) unless AGENTGEN_POSTGRES_URL, AGENTGEN_MYSQL_URL or AGENTGEN_REDIS_URL opt in."""
    printed = subprocess.run(
        ["bash", str(SERVICES_SCRIPT), "env"], env=dict(environ), capture_output=True, text=True, check=True
    ).stdout
    assignments = (shlex.split(line)[-1].partition("=") for line in printed.splitlines() if line.startswith("export "))
    exported = {name: value for name, _, value in assignments}
    return {kind: exported[name] for kind, name in ENV_NAMES.items()}


# The private instances scripts/services.sh starts (their ports follow AGENTGEN_POSTGRES_PORT and the like).
DEFAULT_URLS = script_urls({k: v for k, v in os.environ.items() if k not in ENV_NAMES.values()})


def service_url(kind: str) -> str:
    """The URL of a running server, or skip (fail under AGENTGEN_REQUIRE_SERVICES=1) when none answers."""
    url = os.environ.get(ENV_NAMES[kind]) or DEFAULT_URLS[kind]
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 0), timeout=2):
            return url
    except OSError:
        message = f"no {kind} server answers at {parts.hostname}:{parts.port}; run `bash scripts/services.sh start`"
        if os.environ.get("AGENTGEN_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _admin(kind: str, url: str, sql: str) -> None:
    parts = urlsplit(url)
    if kind == "postgresql":
        command = ["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql]
    else:
        command = [
            "mariadb", "--protocol=tcp", "-h", str(parts.hostname), "-P", str(parts.port),
            "-u", str(parts.username), f"-p{parts.password}", "-e", sql,
        ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, text=True)


@contextlib.contextmanager
def fresh_database(kind: str) -> Iterator[str]:
    """A new, empty database on the running server; dropped afterwards."""
    url = service_url(kind)
    name = f"e2e_{uuid.uuid4().hex[:10]}"
    _admin(kind, url, f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        _admin(kind, url, f"DROP DATABASE IF EXISTS {name}")
