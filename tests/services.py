"""Database servers for the end-to-end tests: started by scripts/services.sh; CI sets AGENTGEN_REQUIRE_SERVICES=1."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

DEFAULT_URLS = {
    "postgresql": "postgresql://agentgen:agentgen@127.0.0.1:5432/agentgen",
    "mysql": "mysql://agentgen:agentgen@127.0.0.1:3306/agentgen",
    "redis": "redis://127.0.0.1:6379/0",
}
ENV_NAMES = {"postgresql": "AGENTGEN_POSTGRES_URL", "mysql": "AGENTGEN_MYSQL_URL", "redis": "AGENTGEN_REDIS_URL"}


def service_url(kind: str) -> str:
    """The URL of a running server, or skip (fail under AGENTGEN_REQUIRE_SERVICES=1) when none answers."""
    url = os.environ.get(ENV_NAMES[kind], DEFAULT_URLS[kind])
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
