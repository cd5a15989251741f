"""scripts/services.sh on a machine that already runs database servers of someone else's.

A foreign PostgreSQL (scram passwords) and a foreign Redis (requirepass) run from a temporary folder, each holding
a marker. services.sh must refuse a port they hold with one line, start its private servers from its own state
folder on its own ports and serve real databases there, use a foreign server only when AGENTGEN_*_URL opts in, and
leave the foreign servers as they were: the same processes, the same data, the same settings, passwords still
required. Needs root and the Debian packages (which `make test` installs); CI sets AGENTGEN_REQUIRE_SERVICES=1, so
this fails there instead of skipping.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .services import ENV_NAMES, SERVICES_SCRIPT, fresh_database, script_urls

# The foreign servers' logins (throwaway servers, loopback only).
PG_PASSWORD = "foreign-pg-secret"  # noqa: S105
APP_PASSWORD = "foreign-app-secret"  # noqa: S105
REDIS_PASSWORD = "foreign-redis-secret"  # noqa: S105
MARKER = "foreign-marker-7d1f"


def _pg_bin() -> Path | None:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: [int(n) for n in p.parts[-3].split(".")]
    )
    return found[-1].parent if found else None


def _require_root_and_packages() -> Path:
    missing = [name for name in ("mariadbd", "redis-server", "redis-cli", "psql", "mariadb") if not _which(name)]
    pg_bin = _pg_bin()
    if pg_bin is None:
        missing.append("postgresql")
    if os.geteuid() == 0 and not missing and pg_bin is not None:
        return pg_bin
    needs = [] if os.geteuid() == 0 else ["root"]
    if missing:
        needs.append(f"{', '.join(missing)} (`bash scripts/services.sh start` installs them)")
    reason = f"starting database servers needs {' and '.join(needs)}"
    if os.environ.get("AGENTGEN_REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _as(user: str, *command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["runuser", "-u", user, "--", *command], capture_output=True, text=True, check=check)


def _scratch(prefix: str) -> Path:
    """A folder the servers' users can reach (pytest's tmp_path is root's alone); short, for socket paths."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir="/var/tmp"))
    folder.chmod(0o755)
    return folder


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").is_dir()


def _owner(pid: int) -> str:
    uid = next(line.split()[1] for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line[:4] == "Uid:")
    return pwd.getpwuid(int(uid)).pw_name


@dataclass
class Foreign:
    """The servers that are not services.sh's, and what they looked like before it ran."""

    folder: Path
    pg_port: int
    redis_port: int
    pg_pid: int
    redis_pid: int
    before: dict[str, object]

    @property
    def pg_url(self) -> str:
        return f"postgresql://postgres:{PG_PASSWORD}@127.0.0.1:{self.pg_port}/postgres"

    @property
    def app_url(self) -> str:
        return f"postgresql://app:{APP_PASSWORD}@127.0.0.1:{self.pg_port}/postgres"

    @property
    def redis_url(self) -> str:
        return f"redis://default:{REDIS_PASSWORD}@127.0.0.1:{self.redis_port}/0"

    def psql(self, sql: str, url: str | None = None, check: bool = False) -> subprocess.CompletedProcess[str]:
        command = ["psql", "-X", "-q", "-w", "-At", "-v", "ON_ERROR_STOP=1", url or self.pg_url, "-c", sql]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no PGPASSWORD from outside
        return subprocess.run(command, capture_output=True, text=True, env=env, check=check)

    def redis(self, *args: str, password: str | None = REDIS_PASSWORD) -> str:
        env = {k: v for k, v in os.environ.items() if k != "REDISCLI_AUTH"}
        if password:
            env["REDISCLI_AUTH"] = password
        command = ["redis-cli", "-h", "127.0.0.1", "-p", str(self.redis_port), *args]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout.strip()

    def snapshot(self) -> dict[str, object]:
        data = self.folder / "pg" / "data"
        return {
            "pg files": {
                name: hashlib.sha256((data / name).read_bytes()).hexdigest()
                for name in ("pg_hba.conf", "postgresql.conf", "postgresql.auto.conf")
            },
            "pg marker": self.psql("SELECT v FROM marker", check=True).stdout.strip(),
            "pg settings": self.psql(
                "SELECT string_agg(name || '=' || setting, ',' ORDER BY name) FROM pg_settings WHERE name IN "
                "('port', 'listen_addresses', 'password_encryption', 'unix_socket_directories', 'max_connections')",
                check=True,
            ).stdout.strip(),
            "pg roles": self.psql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles", check=True).stdout,
            "pg databases": self.psql(
                "SELECT string_agg(datname, ',' ORDER BY datname) FROM pg_database", check=True
            ).stdout.strip(),
            "redis marker": self.redis("GET", "marker"),
            "redis requirepass": self.redis("CONFIG", "GET", "requirepass"),
            "redis port": self.redis("CONFIG", "GET", "port"),
            "redis keys": self.redis("DBSIZE"),
        }

    def assert_untouched(self) -> None:
        assert _alive(self.pg_pid) and _alive(self.redis_pid), "a foreign server was stopped"
        assert int((self.folder / "pg" / "data" / "postmaster.pid").read_text().split()[0]) == self.pg_pid
        assert self.snapshot() == self.before
        assert self.before["pg marker"] == MARKER and self.before["redis marker"] == MARKER
        # Passwords are still required: without one, both refuse.
        refused = self.psql("SELECT 1", url=f"postgresql://postgres@127.0.0.1:{self.pg_port}/postgres")
        assert refused.returncode != 0 and "password" in refused.stderr, refused
        assert "NOAUTH" in self.redis("GET", "marker", password=None)


@pytest.fixture
def foreign() -> Iterator[Foreign]:
    pg_bin = _require_root_and_packages()
    folder = _scratch("agentgen-foreign-")
    pg_port, redis_port = _free_ports(2)
    (folder / "pg").mkdir()
    (folder / "redis").mkdir()
    shutil.chown(folder / "pg", "postgres", "postgres")
    shutil.chown(folder / "redis", "redis", "redis")
    data = folder / "pg" / "data"
    pwfile = folder / "pg" / "pw"
    pwfile.write_text(PG_PASSWORD + "\n")
    shutil.chown(pwfile, "postgres", "postgres")
    pwfile.chmod(0o600)
    try:
        _as("postgres", str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=scram-sha-256",
            f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        options = f"-c listen_addresses=127.0.0.1 -p {pg_port} -c unix_socket_directories={data}"
        _as("postgres", str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(folder / "pg" / "log"), "-w", "-o",
            options, "start")  # fmt: skip
        _as("redis", "redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--requirepass", REDIS_PASSWORD,
            "--daemonize", "yes", "--pidfile", str(folder / "redis" / "pid"), "--dir", str(folder / "redis"),
            "--logfile", str(folder / "redis" / "log"), "--save", "", "--appendonly", "no")  # fmt: skip
        server = Foreign(folder, pg_port, redis_port, 0, 0, {})
        for _ in range(40):
            if (folder / "redis" / "pid").exists() and server.redis("PING") == "PONG":
                break
            subprocess.run(["sleep", "0.25"], check=True)
        setup = f"CREATE TABLE marker (v text); INSERT INTO marker VALUES ('{MARKER}'); "  # noqa: S608
        server.psql(f"{setup}CREATE ROLE app LOGIN CREATEDB PASSWORD '{APP_PASSWORD}'", check=True)
        server.redis("SET", "marker", MARKER)
        server.pg_pid = int((data / "postmaster.pid").read_text().split()[0])
        server.redis_pid = int((folder / "redis" / "pid").read_text().strip())
        server.before = server.snapshot()
        yield server
    finally:
        _as("postgres", str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop", check=False)
        redis_pid = folder / "redis" / "pid"
        if redis_pid.exists():
            subprocess.run(["kill", redis_pid.read_text().strip()], check=False)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def state() -> Iterator[Path]:
    """services.sh's state folder for this test; whatever it started from there is stopped afterwards."""
    folder = _scratch("agentgen-svc-")
    try:
        yield folder
    finally:
        subprocess.run(["bash", str(SERVICES_SCRIPT), "stop"], env=_env(folder), capture_output=True, check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _env(folder: Path, **settings: object) -> dict[str, str]:
    ours = {*ENV_NAMES.values(), "AGENTGEN_POSTGRES_PORT", "AGENTGEN_MYSQL_PORT", "AGENTGEN_REDIS_PORT"}
    env = {k: v for k, v in os.environ.items() if k not in ours}
    return {**env, "AGENTGEN_SERVICES_DIR": str(folder), **{k: str(v) for k, v in settings.items()}}


def _services(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SERVICES_SCRIPT), command], env=env, capture_output=True, text=True, timeout=180)


def _started_from(folder: Path) -> list[int]:
    """Processes whose command line names the state folder."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(folder).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def test_private_servers_leave_foreign_ones_alone(
    foreign: Foreign, state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pg_port, my_port, redis_port = _free_ports(3)
    ports = {"AGENTGEN_POSTGRES_PORT": pg_port, "AGENTGEN_MYSQL_PORT": my_port, "AGENTGEN_REDIS_PORT": redis_port}

    # A port a foreign server holds: one line, nothing started, nothing connected to.
    for name, taken in (("AGENTGEN_POSTGRES_PORT", foreign.pg_port), ("AGENTGEN_REDIS_PORT", foreign.redis_port)):
        refused = _services("start", _env(state, **{**ports, name: taken}))
        assert refused.returncode == 1, refused
        assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert f"port {taken} is taken by a server that is not ours" in refused.stderr
        assert _started_from(state) == []

    env = _env(state, **ports)
    started = _services("start", env)
    assert started.returncode == 0, started.stdout + started.stderr
    status = _services("status", env)
    assert status.returncode == 0, status.stdout
    for kind, port in (("postgresql", pg_port), ("mariadb", my_port), ("redis", redis_port)):
        assert f"{kind}: up (ours, port {port}," in status.stdout
    pids = {
        user: int(Path(state, folder, pidfile).read_text().split()[0])
        for user, folder, pidfile in (
            ("postgres", "postgres", "postgres.pid"),
            ("mysql", "mariadb", "mariadb.pid"),
            ("redis", "redis", "redis.pid"),
        )
    }
    assert {user: _owner(pid) for user, pid in pids.items()} == {user: user for user in pids}

    # The tests' own path to a real database: the URLs `env` prints, on the private servers, with passwords.
    urls = script_urls(env)
    assert [urlsplit(urls[kind]).port for kind in ("postgresql", "mysql", "redis")] == [pg_port, my_port, redis_port]
    for kind, name in ENV_NAMES.items():
        monkeypatch.setenv(name, urls[kind])
    with fresh_database("postgresql") as url:
        made = foreign.psql("CREATE TABLE t (id int); INSERT INTO t VALUES (1); SELECT count(*) FROM t", url=url)
        assert made.returncode == 0 and made.stdout.strip() == "1", made
    with fresh_database("mysql") as url:
        assert url.startswith("mysql://") and f":{my_port}/e2e_" in url
    no_password = foreign.psql("SELECT 1", url=f"postgresql://agentgen@127.0.0.1:{pg_port}/agentgen")
    assert no_password.returncode != 0 and "password" in no_password.stderr, no_password
    private_redis = subprocess.run(["redis-cli", "--no-auth-warning", "-u", urls["redis"], "PING"], capture_output=True,
                                   text=True, check=True)  # fmt: skip
    assert private_redis.stdout.strip() == "PONG"
    foreign.assert_untouched()

    assert _services("start", env).returncode == 0  # again: already up, nothing restarted
    assert all(_alive(pid) for pid in pids.values())

    stopped = _services("stop", env)
    assert stopped.returncode == 0, stopped.stderr
    assert not any(_alive(pid) for pid in pids.values())
    foreign.assert_untouched()


def test_an_opted_in_server_is_used_and_not_managed(foreign: Foreign, state: Path, monkeypatch: pytest.MonkeyPatch):
    urls = {
        "AGENTGEN_POSTGRES_URL": foreign.app_url,
        "AGENTGEN_MYSQL_URL": "mysql://someone:secret@127.0.0.1:1/theirs",
        "AGENTGEN_REDIS_URL": foreign.redis_url,
    }
    env = {**_env(state), **urls}
    started = _services("start", env)
    assert started.returncode == 0, started.stdout + started.stderr
    assert _started_from(state) == [] and sorted(p.name for p in state.iterdir()) == []
    status = _services("status", env).stdout
    for kind, name in (("postgresql", "AGENTGEN_POSTGRES_URL"), ("mariadb", "AGENTGEN_MYSQL_URL")):
        assert f"{kind}: not managed here ({name} points at 127.0.0.1:" in status
    assert "secret" not in status + started.stderr
    assert script_urls(env) == {kind: urls[name] for kind, name in ENV_NAMES.items()}

    for name, url in urls.items():
        monkeypatch.setenv(name, url)
    with fresh_database("postgresql") as url:
        name = url.rsplit("/", 1)[1]
        listed = foreign.psql("SELECT datname FROM pg_database", check=True).stdout.split()
        assert name in listed
    assert _services("stop", env).returncode == 0
    foreign.assert_untouched()  # the test database was dropped again; nothing else changed
