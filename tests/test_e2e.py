"""End to end: generate each stack's project untouched, then run what its README promises.

`make install`, `make test` on the embedded default, `make report` on a fresh database of the real server,
`make lint`, hadolint on the Dockerfile and an OpenAPI validator on openapi.yaml. A new stack is one parameter here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import run_agentgen
from .services import fresh_database, service_url
from .templates_repo import MARKER, clone_at_old_tag, release_new_version, user_edits

pytestmark = pytest.mark.e2e

# (built-in profile, stack, database kind of the real server)
STACKS = [
    ("fastapi-postgres", "fastapi", "postgresql"),
    ("gin-postgres", "gin", "postgresql"),
    ("express-layered", "express", "postgresql"),
    ("django-mysql", "django", "mysql"),
]
# Each stack also renders with every feature switched off, and that project must pass too.
FEATURES_OFF = ["--data", "rate_limit=false", "--data", "metrics=false"]

TOOLS = Path(sys.executable).parent


def make(
    project: Path, target: str, env: dict[str, str] | None = None, timeout: int = 900, *, ok: bool = True
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PATH": f"{TOOLS}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    environment.pop("VIRTUAL_ENV", None)
    result = subprocess.run(
        ["make", target], cwd=project, env=environment, capture_output=True, text=True, timeout=timeout
    )
    assert (result.returncode == 0) == ok, (
        f"make {target} {'failed' if ok else 'passed'} in {project}:\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"
    )
    return result


def generate(tmp_path_factory: pytest.TempPathFactory, profile: str, *extra: str) -> Path:
    dest = tmp_path_factory.mktemp("e2e") / f"{Path(profile).stem}-svc"
    result = run_agentgen("new", profile, str(dest), "--defaults", *extra)
    assert result.returncode == 0, result.stderr
    make(dest, "install")
    return dest


def stack_id(case: tuple[str, str, str]) -> str:
    return case[1]


@pytest.fixture(scope="module", params=STACKS, ids=stack_id)
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    profile, _stack, database = request.param
    return generate(tmp_path_factory, profile), database


def test_tests_pass_on_the_embedded_default(generated: tuple[Path, str]):
    project, _ = generated
    make(project, "test")


def test_tests_pass_on_a_fresh_real_database_and_make_report_records_the_run(generated: tuple[Path, str]):
    """`make report` runs the suite as `make test` does and writes docs/TEST-REPORT.md from the runner's own output."""
    project, database = generated
    redis = f"{service_url('redis').rsplit('/', 1)[0]}/15"  # a database of its own: the rate-limit test empties it
    with fresh_database(database) as url:
        make(project, "report", env={"TEST_DATABASE_URL": url, "TEST_REDIS_URL": redis})
    report = (project / "docs" / "TEST-REPORT.md").read_text()
    run = dict(re.findall(r"^\| (\w+) \| (.+) \|$", report.split("## Tests per suite")[0], re.MULTILINE))
    assert run["database"].startswith(url.split("://")[0] + "://127.0.0.1:") and "@" not in run["database"], run
    passed, failed, _ = (int(n) for n in re.findall(r"\d+", run["tests"]))
    assert passed > 0 and failed == 0, run
    suites = report.split("## Tests per suite")[1].split("## Coverage per module")[0]
    assert sum(int(n) for n in re.findall(r"^\| `[^`]+` \| (\d+) \|", suites, re.MULTILINE)) == passed
    gate = yaml.safe_load((project / ".copier-answers.yml").read_text())["coverage_min"]
    assert run["coverage"].endswith(f"(gate {gate}%: met)"), run
    modules = report.split("## Coverage per module")[1]
    assert len(re.findall(r"^\| `[^`]+` \| \d+ \| \d+ \| [\d.]+ \|$", modules, re.MULTILINE)) >= 3, modules
    status = subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True).stdout
    assert "TEST-REPORT" not in status and "build/" not in status, status  # a run's record: ignored, not committed


def test_contract_fuzzing_finds_no_5xx_on_a_real_database(generated: tuple[Path, str]):
    """`make fuzz`: schemathesis on the served app, anonymous and with each role's token, against a real server;
    first, each caller asks each row of docs/SECURITY.md's matrix, so a matrix that lies fails it."""
    project, database = generated
    with fresh_database(database) as url:
        make(project, "fuzz", env={"TEST_DATABASE_URL": url, "FUZZ_EXAMPLES": "15"})

    security = project / "docs" / "SECURITY.md"
    honest = security.read_text()
    row = re.search(r"^\| GET `([^`]*/users)` \| 401 \| 403 \| yes \|$", honest, re.MULTILINE)
    assert row, honest
    security.write_text(honest.replace(row[0], row[0].replace("| 403 |", "| yes |")))
    try:
        with fresh_database(database) as url:
            result = make(project, "fuzz", env={"TEST_DATABASE_URL": url, "FUZZ_EXAMPLES": "1"}, ok=False)
        assert f"access: GET {row[1]} as user: 403, SECURITY.md says yes" in result.stderr, result.stderr[-3000:]
    finally:
        security.write_text(honest)


def test_lint_and_type_checks_are_clean(generated: tuple[Path, str]):
    project, _ = generated
    make(project, "lint")


def git_status(project: Path) -> str:
    return subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True).stdout


def test_make_schema_reads_what_was_shipped_and_lint_names_a_schema_the_migrations_left_behind(
    generated: tuple[Path, str],
):
    """`make docs` on a fresh project changes nothing, and docs/SCHEMA.md as shipped is what the project's own
    migrations give on the real server (`make schema` on a fresh database changes nothing either). A migration
    edited without `make docs` fails `make lint`, naming the document; `make docs` with a database then runs
    `make schema`, and only the record of the migrations changes."""
    project, database = generated
    make(project, "docs")
    assert git_status(project) == ""
    with fresh_database(database) as url:
        make(project, "schema", env={"TEST_DATABASE_URL": url})
    assert git_status(project) == ""
    schema = project / "docs" / "SCHEMA.md"
    globs = re.search(r"^<!-- migrations: (.+?) sha256=", schema.read_text(), re.MULTILINE)
    assert globs, schema.read_text()[:300]
    migration = sorted(p for pattern in globs[1].split() for p in project.glob(pattern))[-1]
    original = migration.read_text()
    migration.write_text(("-- reviewed\n" if migration.suffix == ".sql" else "# reviewed\n") + original)
    try:
        result = make(project, "lint", ok=False)
        assert "docs/SCHEMA.md differ" in result.stderr, result.stderr[-2000:]
        with fresh_database(database) as url:
            make(project, "docs", env={"TEST_DATABASE_URL": url})
        diff = subprocess.run(["git", "diff", "-U0", "docs"], cwd=project, capture_output=True, text=True).stdout
        assert re.findall(r"^[-+](?![-+])(.*)$", diff, re.MULTILINE)[0].startswith("<!-- migrations:"), diff
        assert len(re.findall(r"^[-+](?![-+])", diff, re.MULTILINE)) == 2, diff
    finally:
        migration.write_text(original)
        subprocess.run(["git", "checkout", "--", "docs"], cwd=project, check=True)


def test_dockerfile_passes_hadolint(generated: tuple[Path, str]):
    project, _ = generated
    hadolint = shutil.which("hadolint", path=str(TOOLS)) or shutil.which("hadolint")
    assert hadolint, "hadolint is installed with agentgen's test extras"
    result = subprocess.run([hadolint, "Dockerfile"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_openapi_file_is_valid(generated: tuple[Path, str]):
    project, _ = generated
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    spec, _ = read_from_filename(str(project / "openapi.yaml"))
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_doctor_finds_every_standard_in_place(generated: tuple[Path, str]):
    project, _ = generated
    result = run_agentgen("doctor", str(project), "--json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_git_tree_stays_clean_after_install_and_tests(generated: tuple[Path, str]):
    project, _ = generated
    assert git_status(project) == ""


@pytest.mark.parametrize("case", STACKS, ids=stack_id)
def test_features_off_still_passes(tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str, str]):
    project = generate(tmp_path_factory, case[0], *FEATURES_OFF)
    make(project, "test")
    make(project, "lint")


@pytest.mark.parametrize("case", STACKS, ids=stack_id)
def test_update_keeps_user_edits_and_the_project_still_passes(tmp_path: Path, case: tuple[str, str, str]):
    profile, stack, _ = case
    clone = clone_at_old_tag(tmp_path)
    project = tmp_path / f"{stack}-svc"
    result = run_agentgen("new", profile, str(project), "--defaults", "--template-src", str(clone))
    assert result.returncode == 0, result.stderr
    edits = user_edits(project)
    release_new_version(clone, stack)

    result = run_agentgen("update", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    for relative, line in edits.items():
        assert line in (project / relative).read_text(), relative
    assert MARKER in (project / "README.md").read_text()
    assert (project / "UPGRADE-NOTE.md").is_file()
    make(project, "install")
    make(project, "test")


VALUES_PROFILE = Path(__file__).parent / "fidelity" / "values.md"


@pytest.mark.parametrize("case", STACKS, ids=stack_id)
def test_the_values_a_profile_states_reach_the_code(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str, str]
):
    """/api/v2, /healthz, /readyz, UUID keys, 90 %, tracing: the project passes its own tests (its tracing tests
    among them) and lint on its embedded and real database with exactly those, its spec (equal to the served one:
    its own test compares them) has them, and doctor fails once one of them changes."""
    _, stack, database = case
    project = generate(tmp_path_factory, str(VALUES_PROFILE), "--stack", stack, "--database", database)
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert (answers["api_prefix"], answers["health_path"], answers["ready_path"]) == ("/api/v2", "/healthz", "/readyz")
    assert (answers["id_type"], answers["coverage_min"], answers["tracing"]) == ("uuid", 90, True)
    make(project, "test")
    redis = f"{service_url('redis').rsplit('/', 1)[0]}/15"
    with fresh_database(database) as url:
        make(project, "test", env={"TEST_DATABASE_URL": url, "TEST_REDIS_URL": redis})
    with fresh_database(database) as url:
        make(project, "schema", env={"TEST_DATABASE_URL": url})  # the schema shipped for UUID keys is the real one
    assert git_status(project) == ""
    make(project, "lint")

    paths = set(yaml.safe_load((project / "openapi.yaml").read_text())["paths"])
    assert {"/healthz", "/readyz"} <= paths
    assert all(p.startswith("/api/v2/") for p in paths - {"/healthz", "/readyz", "/metrics"}), paths
    assert "uuid" in (project / "openapi.yaml").read_text()
    leftovers = subprocess.run(
        ["git", "grep", "-nP", "-e", "/api/v1\\b", "-e", "/health(?![\\w.-])", "-e", "/ready(?![\\w.-])"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert leftovers.stdout == "", leftovers.stdout

    result = run_agentgen("doctor", str(project), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    spec = project / "openapi.yaml"
    spec.write_text(spec.read_text().replace("/readyz:", "/ready:"))
    result = run_agentgen("doctor", str(project), "--json")
    assert result.returncode == 1 and "health" in json.loads(result.stdout)["failing"], result.stdout
