"""Load a generated service and a bare app of the same framework, side by side, on loopback.

For one stack: generate the built-in profile's project, install it, migrate a fresh database, start the
service with production settings (its real database, Redis for rate limits, the limit raised for the run),
register a user and seed items, then load the authenticated, paginated list endpoint with wrk for a fixed
time. The bare app (same framework, same query, no middleware) runs beside it on the same data; the two are
loaded in turns, a few rounds each, and the medians compared. Each run also reports the CPU time per request of
the server, the database, Redis, wrk and the whole machine: where a goal is missed, it shows where the time went.
Bounded in time, loopback only, stops by itself.
"""

from __future__ import annotations

import json
import os
import re
import resource
import secrets
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CONNECTIONS = 64
SEED_ITEMS = 100
PAGE = "/api/v1/items?limit=20&offset=0"


@dataclass(frozen=True)
class Spec:
    profile: str
    prepare: list[list[str]]
    migrate: list[str]
    serve: list[str]
    bare: list[str]
    env: dict[str, str] = field(default_factory=dict)
    bare_env: dict[str, str] = field(default_factory=dict)
    database: str = "postgresql"
    new_args: list[str] = field(default_factory=list)


# Filled in at run time, in every command and env value: {port} (of the server being started), {db} (standard
# URL), {db_async}, {redis}, {secret} (a fresh random key), {bare} (this stack's folder under bench/bare).
SPECS: dict[str, Spec] = {
    "fastapi": Spec(
        profile="fastapi-postgres",
        prepare=[["make", "install"]],
        migrate=["uv", "run", "--no-sync", "alembic", "upgrade", "head"],
        # The Dockerfile's CMD and worker count (uvicorn reads WEB_CONCURRENCY, so the bare app gets as many workers).
        serve=["uv", "run", "--no-sync", "python", "-m", "app", "--port", "{port}"],
        bare=[
            "uv",
            "run",
            "--no-sync",
            "uvicorn",
            "bare:app",
            "--app-dir",
            "{bare}",
            "--port",
            "{port}",
            "--no-access-log",
        ],
        env={"RATE_LIMIT": "100000000/minute", "WEB_CONCURRENCY": "2"},
        bare_env={"BARE_DATABASE_URL": "{db_async}"},
    ),
    "django": Spec(
        profile="django-mysql",
        new_args=["--database", "postgresql"],
        prepare=[["make", "install"]],
        migrate=["uv", "run", "--no-sync", "python", "manage.py", "migrate", "--noinput"],
        # The Dockerfile's CMD, bound to loopback.
        serve=[
            "uv",
            "run",
            "--no-sync",
            "gunicorn",
            "config.wsgi",
            "--bind",
            "127.0.0.1:{port}",
            "--graceful-timeout",
            "20",
        ],
        bare=[
            "uv",
            "run",
            "--no-sync",
            "gunicorn",
            "bare:application",
            "--pythonpath",
            "{bare}",
            "--bind",
            "127.0.0.1:{port}",
        ],
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "{secret}",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "RATE_LIMIT_ANON": "100000000/minute",
            "RATE_LIMIT_USER": "100000000/minute",
            "WEB_CONCURRENCY": "2",  # the Dockerfile's; gunicorn reads it, so the bare app gets as many workers
        },
    ),
    "express": Spec(
        profile="express-layered",
        # The Dockerfile's build stage, then its CMD.
        prepare=[["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], ["npm", "run", "build"]],
        migrate=["node", "dist/db/migrate.js"],
        serve=["node", "--enable-source-maps", "dist/server.js"],
        bare=["node", "{bare}/bare.mjs"],
        env={"NODE_ENV": "production", "PORT": "{port}", "RATE_LIMIT": "100000000/minute"},
    ),
    "gin": Spec(
        profile="gin-postgres",
        # The Dockerfile's build; the bare app is built with the same go.mod, in this temporary copy only.
        prepare=[
            ["env", "CGO_ENABLED=0", "go", "build", "-trimpath", "-ldflags=-s -w", "-o", "bin/api", "./cmd/api"],
            ["cp", "-r", "{bare}", "cmd/bare"],
            ["env", "CGO_ENABLED=0", "go", "build", "-trimpath", "-ldflags=-s -w", "-o", "bin/bare", "./cmd/bare"],
        ],
        migrate=["bin/api", "-migrate"],
        serve=["bin/api"],
        bare=["bin/bare"],
        env={"PORT": "{port}", "RATE_LIMIT": "100000000/minute"},
    ),
}


@dataclass
class Load:
    name: str
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int
    # CPU milliseconds per request, by role; "machine" is every process, so the rest is its remainder.
    cpu_ms: dict[str, float] = field(default_factory=dict)
    busy_cores: float = 0.0


# Which processes do what, by their command name; the server under load is found by its session instead.
ROLES = {"postgres": "database", "redis-server": "redis"}
# The columns of CPU time: the roles, wrk (this process's finished children) and the whole machine.
CPU_COLUMNS = ("app", *dict.fromkeys(ROLES.values()), "wrk", "machine")
TICK = os.sysconf("SC_CLK_TCK")


def cpu_snapshot(server_session: int) -> dict[tuple[str, int], float]:
    """CPU seconds used so far, by (role, process id): the server under load (its whole session), the database and
    Redis processes, wrk (finished children of this process) and the whole machine (from /proc/stat)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = {("wrk", 0): children.ru_utime + children.ru_stime}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process has just exited
            continue
        command, fields = text[text.index("(") + 1 : text.rindex(")")], text[text.rindex(")") + 2 :].split()
        # stat fields 6 (session) and 14 to 17: user and system time, its own and that of its children once they
        # exited (PostgreSQL's server process collects those of its finished connections).
        session, times = int(fields[3]), fields[11:15]
        role = "app" if session == server_session else ROLES.get(command)
        if role:
            used[role, int(stat.parent.name)] = sum(map(int, times)) / TICK
    cpu = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(n) for n in cpu[:8])
    used["machine", 0] = (user + nice + system + irq + softirq + steal) / TICK
    return used


def cpu_used(before: dict[tuple[str, int], float], after: dict[tuple[str, int], float]) -> Counter[str]:
    """CPU seconds by role between two snapshots, process by process. A process that exited in between (say, a
    database connection closed) leaves its whole time to its parent's children's time, so its past is taken off."""
    used: Counter[str] = Counter()
    for role, pid in before.keys() | after.keys():
        used[role] += after.get((role, pid), 0.0) - before.get((role, pid), 0.0)
    return used


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fill(values: list[str], context: dict[str, str]) -> list[str]:
    return [value.format(**context) for value in values]


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} exited with {done.returncode}:\n{done.stdout}{done.stderr}")


def _request(url: str, body: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers), timeout=10) as response:  # noqa: S310 - loopback only
        return json.loads(response.read() or b"{}")


def _wait_healthy(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"{base}/health", timeout=1)  # noqa: S310 - loopback only
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not become healthy")


@contextmanager
def _server(command: list[str], cwd: Path, env: dict[str, str], port: int, log: Path) -> Iterator[tuple[str, int]]:
    """The server's base URL and its session id (its own session: every worker it forks is counted)."""
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base, process) if "bare" not in log.name else _wait_port(port, process)
            yield base, process.pid
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def _wait_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the bare app exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise RuntimeError("the bare app did not start")


def wrk(name: str, url: str, token: str | None, seconds: int, server: int, threads: int = 2) -> Load:
    """Load `url` for `seconds`; `server` is the session id of the server's processes, for its CPU time."""
    command = [
        shutil.which("wrk") or "wrk",
        f"-t{threads}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "-s",
        str(BENCH / "latency.lua"),
    ]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    before = cpu_snapshot(server)
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    used = cpu_used(before, cpu_snapshot(server))
    found = re.search(r"AGENTGEN requests=(\d+) duration_us=(\d+) errors=(\d+) p50=(\d+) p95=(\d+) p99=(\d+)", output)
    if not found:
        raise RuntimeError(f"wrk printed no summary:\n{output}")
    requests, duration, errors, p50, p95, p99 = map(int, found.groups())
    cpu_ms = {role: used[role] * 1000 / max(requests, 1) for role in CPU_COLUMNS}
    seconds_loaded = duration / 1e6
    figures = (requests / seconds_loaded, p50 / 1000, p95 / 1000, p99 / 1000)
    return Load(name, *figures, errors, cpu_ms, used["machine"] / seconds_loaded)


def service_urls() -> dict[str, str]:
    """AGENTGEN_POSTGRES_URL, AGENTGEN_MYSQL_URL and AGENTGEN_REDIS_URL as `scripts/services.sh env` prints them: the
    private servers it starts (the same the tests use), or the ones those variables opt in to."""
    printed = subprocess.run(
        ["bash", str(ROOT / "scripts" / "services.sh"), "env"], capture_output=True, text=True, check=True
    ).stdout
    assignments = (shlex.split(line)[-1].partition("=") for line in printed.splitlines() if line.startswith("export "))
    return {name: value for name, _, value in assignments}


def _database(kind: str) -> tuple[str, str]:
    """(admin URL, fresh database URL) on the servers scripts/services.sh starts."""
    admin = service_urls()["AGENTGEN_POSTGRES_URL"]
    name = f"bench_{secrets.token_hex(4)}"
    subprocess.run(["psql", "-q", admin, "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return admin, urlunsplit(urlsplit(admin)._replace(path=f"/{name}"))


def run_service(stack: str, seconds: int, rounds: int, feature: str | None = None) -> tuple[list[Load], list[Load]]:
    """The generated service against the bare app; with `feature`, the service with that answer on against the same
    service with it off."""
    spec = SPECS[stack]
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    redis = service_urls()["AGENTGEN_REDIS_URL"].rsplit("/", 1)[0] + "/11"
    if shutil.which("redis-cli"):  # the bench's own Redis database: no counters left over from an earlier run
        subprocess.run(["redis-cli", "-u", redis, "flushdb"], capture_output=True)
    admin, db = _database(spec.database)
    try:
        return _measure(stack, spec, db, redis, seconds, rounds, feature)
    finally:
        subprocess.run(
            ["psql", "-q", admin, "-c", f"DROP DATABASE IF EXISTS {urlsplit(db).path[1:]}"], capture_output=True
        )


def _generate(project: Path, spec: Spec, data: list[str], env: dict[str, str], context: dict[str, str]) -> Path:
    subprocess.run(
        [str(BIN / "agentgen"), "new", spec.profile, str(project), "--defaults", "--no-git", *spec.new_args, *data],
        check=True,
        capture_output=True,
    )
    for step in spec.prepare:
        _run(_fill(step, context), project, env)
    return project


def _measure(
    stack: str, spec: Spec, db: str, redis: str, seconds: int, rounds: int, feature: str | None
) -> tuple[list[Load], list[Load]]:
    with tempfile.TemporaryDirectory(prefix=f"agentgen-bench-{stack}-") as scratch:
        work = Path(scratch)
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
        env.pop("VIRTUAL_ENV", None)
        port = _free_port()
        context = {
            "db": db,
            "db_async": db.replace("postgresql://", "postgresql+psycopg://", 1),
            "redis": redis,
            "secret": secrets.token_urlsafe(48),
            "bare": str(BENCH / "bare" / stack),
            "port": str(port),
        }
        on = ["--data", f"{feature}=true"] if feature else []
        project = _generate(work / f"{stack}-svc", spec, on, env, context)
        off = _generate(work / f"{stack}-off", spec, ["--data", f"{feature}=false"], env, context) if feature else None
        production = {
            **env,
            "ENVIRONMENT": "production",
            "JWT_SECRET": secrets.token_urlsafe(48),
            "DATABASE_URL": db,
            "REDIS_URL": redis,
            **{k: v.format(**context) for k, v in spec.env.items()},
        }
        _run(_fill(spec.migrate, context), project, production)

        with _server(_fill(spec.serve, context), project, production, port, work / "service.log") as (base, session):
            credentials = {"email": "bench@example.com", "password": "bench-password-1"}
            _request(f"{base}/api/v1/auth/register", credentials)
            token = _request(f"{base}/api/v1/auth/login", credentials)["access_token"]
            owner = _request(f"{base}/api/v1/users/me", token=token)["id"]
            for n in range(SEED_ITEMS):
                _request(
                    f"{base}/api/v1/items",
                    {"name": f"item {n}", "description": "seeded", "price_cents": 100 + n},
                    token,
                )
            context["port"] = str(other_port := _free_port())
            own_port = {k: v.format(**context) for k, v in spec.env.items()}
            if off is None:
                other_env = {
                    **production,
                    **own_port,
                    "BARE_OWNER_ID": str(owner),
                    **{k: v.format(**context) for k, v in spec.bare_env.items()},
                }
                other = _server(_fill(spec.bare, context), project, other_env, other_port, work / "bare.log")
            else:  # the same service with the feature off, on the same database and data
                other = _server(
                    _fill(spec.serve, context), off, {**production, **own_port}, other_port, work / "off.log"
                )
            # Both stay up and take turns, so a slow spell of the machine falls on both alike.
            with other as (other_base, other_session):
                other_token = _request(f"{other_base}/api/v1/auth/login", credentials)["access_token"] if off else None
                names = (f"{feature} on", f"{feature} off") if feature else ("generated", "bare")
                wrk("warm-up", base + PAGE, token, 3, session)
                wrk("warm-up", other_base + PAGE, other_token, 3, other_session)
                service, compared = [], []
                for n in range(1, rounds + 1):
                    service.append(wrk(f"{stack} ({names[0]}) #{n}", base + PAGE, token, seconds, session))
                    compared.append(
                        wrk(f"{stack} ({names[1]}) #{n}", other_base + PAGE, other_token, seconds, other_session)
                    )
    return service, compared


def median(name: str, loads: list[Load]) -> Load:
    """Each figure's median over the rounds; errors summed."""

    def mid(figure: str) -> float:
        return statistics.median(getattr(load, figure) for load in loads)

    cpu_ms = {role: statistics.median(load.cpu_ms[role] for load in loads) for role in CPU_COLUMNS}
    figures = (mid("rps"), mid("p50_ms"), mid("p95_ms"), mid("p99_ms"))
    return Load(name, *figures, sum(load.errors for load in loads), cpu_ms, mid("busy_cores"))


def report(
    stack: str, service: list[Load], bare: list[Load], names: tuple[str, str] = ("generated", "bare")
) -> tuple[Load, float]:
    """Every round, then the medians; returns the first side's medians and the median per-round ratio."""
    print(f"{'app':28} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}", end="")
    print("  CPU ms per request: " + " ".join(f"{role:>8}" for role in CPU_COLUMNS) + f" {'cores':>6}")
    summary = [median(f"{stack} ({names[0]}) median", service), median(f"{stack} ({names[1]}) median", bare)]
    for load in [*service, *bare, *summary]:
        print(
            f"{load.name:28} {load.rps:9.0f} {load.p50_ms:8.1f} {load.p95_ms:8.1f} {load.p99_ms:8.1f} {load.errors:7d}"
            + " " * 21
            + " ".join(f"{load.cpu_ms[role]:8.2f}" for role in CPU_COLUMNS)
            + f" {load.busy_cores:6.2f}"
        )
    # Each round's two runs ran back to back, so their ratio is the paired measurement; its median is the result.
    ratios = [s.rps / b.rps for s, b in zip(service, bare, strict=True)]
    ratio = statistics.median(ratios)
    rounds = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"connections={CONNECTIONS}  throughput ratio ({names[0]} / {names[1]}) per round: {rounds}")
    print(f"median ratio = {ratio:.2f}")
    return summary[0], ratio
