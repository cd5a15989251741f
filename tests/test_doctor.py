"""`agentgen doctor`: a fresh project holds every standard; breaking one is named; bad input is exit 2."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from agentgen.catalog import load_catalog
from agentgen.doctor import CHECKS

from .conftest import assert_one_line_error, run_agentgen


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("doctor") / "svc"
    assert run_agentgen("new", "fastapi-postgres", str(dest), "--defaults", "--no-git").returncode == 0
    return dest


@pytest.fixture
def project(fresh: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "svc"
    shutil.copytree(fresh, copy)
    return copy


def doctor(project: Path) -> tuple[int, dict]:
    result = run_agentgen("doctor", str(project), "--json")
    return result.returncode, json.loads(result.stdout)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text()
    changed = re.sub(pattern, replacement, text, flags=re.MULTILINE | re.DOTALL)
    assert changed != text, pattern
    path.write_text(changed)


def test_a_fresh_project_holds_every_standard_its_profile_names(fresh: Path):
    code, report = doctor(fresh)
    assert code == 0 and report["ok"] and report["failing"] == []
    statuses = {s["standard"]: s["status"] for s in report["standards"]}
    assert statuses["jwt"] == statuses["docker-nonroot"] == statuses["coverage"] == "ok"
    assert statuses["caching"] == "not generated"
    assert report["profile"] == ".claude/agents/fastapi-postgres.md"


def test_dockerfile_without_healthcheck_and_user(project: Path):
    edit(project / "Dockerfile", r"^HEALTHCHECK.*?\n(?=\S|\Z)", "")
    edit(project / "Dockerfile", r"^USER .*\n", "")
    code, report = doctor(project)
    assert code == 1
    assert set(report["failing"]) == {"docker-healthcheck", "docker-nonroot"}
    human = run_agentgen("doctor", str(project), env={"COLUMNS": "200"})
    assert human.returncode == 1 and "docker-healthcheck" in human.stdout and "docker-nonroot" in human.stdout


def test_lowered_coverage_threshold(project: Path):
    edit(project / "Makefile", r"--cov-fail-under=\d+", "--cov-fail-under=50")
    assert doctor(project)[1]["failing"] == ["coverage"]


def test_unwired_rate_limiter(project: Path):
    edit(project / "app/main.py", r"    app\.add_middleware\(\s*RateLimitMiddleware,.*?\)\n", "")
    assert doctor(project)[1]["failing"] == ["rate-limit"]


def test_a_feature_turned_off_is_reported_not_failed(tmp_path: Path):
    dest = tmp_path / "lean"
    assert (
        run_agentgen(
            "new", "fastapi-postgres", str(dest), "--defaults", "--no-git", "-d", "rate_limit=false"
        ).returncode
        == 0
    )
    code, report = doctor(dest)
    assert code == 0
    assert {s["standard"]: s["status"] for s in report["standards"]}["rate-limit"] == "off"


def test_without_an_agent_file_every_implemented_standard_is_checked(project: Path):
    shutil.rmtree(project / ".claude")
    code, report = doctor(project)
    assert code == 0 and report["profile"] is None
    assert {s["standard"] for s in report["standards"]} == {*load_catalog().implementations["fastapi"], "docs"}


def test_not_a_generated_project(tmp_path: Path):
    assert_one_line_error(run_agentgen("doctor", str(tmp_path)), "not a generated project")


def test_catalog_checks_name_known_functions():
    for stack, standards in load_catalog().implementations.items():
        for standard, impl in standards.items():
            for check in impl.checks:
                assert check.check in CHECKS, f"{stack}/{standard}: {check.check}"


def test_generated_ci_runs_doctor_once_agentgen_is_configured(fresh: Path):
    import yaml

    workflow = yaml.safe_load((fresh / ".github/workflows/ci.yml").read_text())
    job = workflow["jobs"]["standards"]
    assert "vars.AGENTGEN_SPEC" in job["if"]
    assert any("agentgen doctor" in step.get("run", "") for step in job["steps"])


VALUES = Path(__file__).parent / "fidelity" / "values.md"
# Each value, and the standard doctor must name once the code no longer has it.
DRIFTS = {
    "api_prefix": ("/api/v9", "api-versioning"),
    "health_path": ("/alive", "health"),
    "ready_path": ("/up", "health"),
    "token_minutes": (16, "jwt"),
    "rate_limit_quota": ("51/minute", "rate-limit"),
    "coverage_min": (95, "coverage"),
}


@pytest.fixture(scope="module", params=sorted(load_catalog().stacks))
def valued(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("values") / "svc"
    result = run_agentgen("new", str(VALUES), str(dest), "--defaults", "--no-git", "--stack", request.param)
    assert result.returncode == 0, result.stderr
    return dest


def test_doctor_checks_the_values_against_the_code(valued: Path, tmp_path: Path):
    """A project whose code no longer has a value it was generated with fails, naming the standard: the checks read
    the code (and openapi.yaml), not the template's intentions."""
    code, report = doctor(valued)
    assert code == 0, report
    statuses = {s["standard"]: s["status"] for s in report["standards"]}
    assert statuses["uuid-keys"] == statuses["api-versioning"] == statuses["health"] == "ok"
    for answer, (other, standard) in DRIFTS.items():
        project = tmp_path / answer
        shutil.copytree(valued, project)
        edit(project / ".copier-answers.yml", rf"^{answer}: [^\n]*", f"{answer}: {other}")
        code, report = doctor(project)
        assert code == 1 and standard in report["failing"], (answer, report["failing"])


def test_doctor_fails_when_the_key_type_changes(valued: Path, tmp_path: Path):
    project = tmp_path / "svc"
    shutil.copytree(valued, project)
    edit(project / ".copier-answers.yml", r"^id_type: uuid$", "id_type: int")
    code, report = doctor(project)
    statuses = {s["standard"]: (s["status"], s["why"]) for s in report["standards"]}
    assert statuses["uuid-keys"] == ("not generated", "id_type is int, not uuid")
    assert code == 0  # reported, as a standard the project does not carry; not a failure of the code


# SQL assembled from strings, as each stack would write it: the `lacks` checks must see it.
STRING_SQL = {
    "fastapi": 'QUERY = text(f"SELECT * FROM items WHERE id = {1}")\n',
    "django": 'ROWS = Item.objects.raw("SELECT * FROM items_item")\n',
    "express": 'export const q = sql.raw("SELECT 1");\n',
    "gin": 'var q = fmt.Sprintf("SELECT %d", 1)\n',
}


def test_every_check_of_every_named_standard_can_fail(valued: Path, tmp_path: Path):
    """No claim that cannot fail: for each check doctor runs on this project, take away what it looks for (or add
    what it must not find) and doctor names that standard."""
    from agentgen.doctor import diagnose, pattern_of
    from agentgen.project import read_answers

    answers = read_answers(valued)
    report = diagnose(valued)
    ok = [f.standard for f in report.findings if f.status == "ok" and f.standard != "docs"]  # tests/test_docs.py
    assert {"sql-injection", "audit-fields", "csrf"} <= set(ok)
    catalog = load_catalog()
    for n, standard in enumerate(ok):
        impl = catalog.implementation(report.stack, standard)
        assert impl is not None
        for m, check in enumerate(impl.all_checks(answers)):
            project = tmp_path / f"{n}-{m}"
            shutil.copytree(valued, project)
            target = project / check.file
            if check.check in ("contains", "coverage_at_least"):
                target.write_text(re.sub(pattern_of(check, answers), "", target.read_text(), flags=re.MULTILINE))
            elif check.check == "lacks":
                target.write_text(target.read_text() + STRING_SQL[report.stack])
            elif check.check == "openapi_paths":
                target.write_text(target.read_text().replace(f"{answers['ready_path']}:", "/elsewhere:"))
            else:
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            assert standard in diagnose(project).failing, (standard, check)
            shutil.rmtree(project)
