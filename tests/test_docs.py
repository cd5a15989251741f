"""docs/API.md, SECURITY.md and DEPLOY.md: written by the project's `make docs` from its spec, answers and
.env.example, present in a fresh project, stale ones named by `make lint` and doctor. That the running app answers
as SECURITY.md's matrix says is checked by `make fuzz` (tests/test_e2e.py). docs/SCHEMA.md is read from a migrated
database; that the shipped one is what each stack's migrations give on a real server is checked by `make schema`
in tests/test_e2e.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from agentgen.catalog import load_catalog
from agentgen.documents import write_docs
from agentgen.resources import data_root

from .conftest import run_agentgen

DOCS = ("docs/API.md", "docs/SECURITY.md", "docs/DEPLOY.md", "docs/SCHEMA.md")
# The one-to-many relationship of every stack's schema: a user owns items (Django prefixes its tables).
OWNS = re.compile(r'^    (\w*users?) \|\|--o\{ (\w*items?) : "owner_id"$', re.MULTILINE)
OPERATION = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \|", re.MULTILINE)
MATRIX_ROW = re.compile(r"^\| (GET|POST|PUT|PATCH|DELETE) `([^`]+)` \| (\S+) \| (\S+) \| (\S+) \|$", re.MULTILINE)


def test_the_script_is_included_verbatim_into_every_stack():
    """Each stack's scripts/docs.py.jinja includes templates/_shared/docs.py; Jinja would read markers in it."""
    assert not re.search(r"\{[{%#]", (data_root() / "templates" / "_shared" / "docs.py").read_text())
    for stack in load_catalog().stacks:
        include = data_root() / "templates" / stack / "scripts" / "docs.py.jinja"
        assert include.read_text() == '{% include "templates/_shared/docs.py" %}', stack


@pytest.fixture(scope="module", params=sorted(load_catalog().stacks))
def fresh(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("docs") / f"{request.param}-svc"
    result = run_agentgen("new", "fastapi-postgres", str(dest), "--defaults", "--no-git", "--stack", request.param)
    assert result.returncode == 0, result.stderr
    return dest


def test_a_fresh_project_holds_current_documents(fresh: Path):
    assert all((fresh / name).is_file() for name in DOCS)
    assert write_docs(fresh, check=True) == []
    readme = (fresh / "README.md").read_text()
    assert all(f"({name})" in readme for name in DOCS), "README links each document"


def test_readme_states_the_projects_own_values(fresh: Path):
    """README's shared sections read the answers (an empty token lifetime or prefix once went unnoticed)."""
    answers = yaml.safe_load((fresh / ".copier-answers.yml").read_text())
    readme = (fresh / "README.md").read_text()
    assert f"`JWT_EXPIRE_MINUTES`, {answers['token_minutes']} by default" in readme
    assert f"`GET {answers['api_prefix']}/users/me`" in readme


def test_schema_md_shows_users_owning_items_and_records_the_migrations_it_was_read_after(fresh: Path):
    schema = (fresh / "docs" / "SCHEMA.md").read_text()
    assert OWNS.search(schema), schema
    tables = set(re.findall(r"^## (\w+)$", schema, re.MULTILINE))
    assert {"users", "items"} <= tables or {"users_user", "items_item"} <= tables, tables
    assert not tables & {"alembic_version", "django_migrations", "goose_db_version"}, "bookkeeping is left out"
    assert re.search(r"^\| \w*items? \| `[^`]+` \| foreign key \| owner_id \|", schema, re.MULTILINE), schema


def test_api_md_lists_every_operation_of_the_spec(fresh: Path):
    spec = yaml.safe_load((fresh / "openapi.yaml").read_text())
    methods = ("get", "post", "patch", "delete")
    wanted = {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops if m in methods}
    assert set(OPERATION.findall((fresh / "docs" / "API.md").read_text())) == wanted


def test_security_md_says_who_may_call_what(fresh: Path):
    spec = yaml.safe_load((fresh / "openapi.yaml").read_text())
    answers = yaml.safe_load((fresh / ".copier-answers.yml").read_text())
    rows = {(m, p): cells for m, p, *cells in MATRIX_ROW.findall((fresh / "docs" / "SECURITY.md").read_text())}
    prefix = answers["api_prefix"]
    assert rows[("GET", f"{prefix}/items")] == ["401", "yes", "yes"]
    assert rows[("GET", f"{prefix}/users")] == ["401", "403", "yes"]
    assert rows[("POST", f"{prefix}/auth/login")] == ["yes", "yes", "yes"]
    assert rows[("GET", answers["health_path"])] == ["yes", "yes", "yes"]
    assert len(rows) == sum(1 for ops in spec["paths"].values() for m in ops if m in ("get", "post", "patch", "delete"))
    text = (fresh / "docs" / "SECURITY.md").read_text()
    assert f"valid for {answers['token_minutes']} minutes" in text
    assert "`JWT_SECRET`" in text
    named = text.split("## Security standards the profile names", 1)[1]
    by_topic = {r["title"]: r["topic"] == "security" for r in answers["standards"]}
    assert by_topic["JWT authentication"] and not by_topic["OpenAPI documentation"]  # both named by the profile
    assert all((f"| {title} |" in named) == security for title, security in by_topic.items())


def test_deploy_md_lists_every_variable_of_env_example(fresh: Path):
    names = re.findall(r"^([A-Z][A-Z0-9_]*)=", (fresh / ".env.example").read_text(), re.MULTILINE)
    deploy = (fresh / "docs" / "DEPLOY.md").read_text()
    assert names and all(f"| `{name}` |" in deploy for name in names)


def test_a_changed_spec_makes_the_documents_stale_and_doctor_says_so(fresh: Path, tmp_path: Path):
    project = tmp_path / "svc"
    shutil.copytree(fresh, project)
    spec = project / "openapi.yaml"
    text = spec.read_text()
    changed = re.sub(r"(?m)^(\s+summary: ).*$", r"\1Renamed", text, count=1)
    assert changed != text
    spec.write_text(changed)
    assert write_docs(project, check=True) == ["docs/API.md"]
    result = run_agentgen("doctor", str(project), "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["failing"] == ["docs"], result.stdout
    assert write_docs(project) == ["docs/API.md"]
    assert write_docs(project, check=True) == []


def test_schema_md_is_read_from_the_database_and_goes_stale_when_a_migration_changes(fresh: Path, tmp_path: Path):
    """docs.py --schema on a real (SQLite) database: every table but the ledger, keys, the relationship; the digest of
    the migrations it records makes `make lint` (docs.py --check) and doctor name it once a migration changes."""
    import sqlite3

    from agentgen.documents import _docs_script

    project = tmp_path / "svc"
    shutil.copytree(fresh, project)
    globs = _docs_script().RECORD.search((project / "docs" / "SCHEMA.md").read_text())["globs"]
    database = tmp_path / "app.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.executescript(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(320) NOT NULL UNIQUE, team_id INTEGER"
            " REFERENCES teams (id));"
            "CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'core');"
            "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price INTEGER CHECK (price >= 0),"
            " owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE);"
            "CREATE INDEX ix_items_owner_id ON items (owner_id);"
            "CREATE TABLE ledger (version TEXT);"
        )
    url = f"sqlite:///{database}"
    script = _docs_script()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert script.main(["--schema", url, "--migrations", globs, "--skip", "ledger"]) == 0
        schema = (project / "docs" / "SCHEMA.md").read_text()
        assert script.main(["--check-schema"]) == 0
    assert re.findall(r"^## (\w+)$", schema, re.MULTILINE) == ["items", "teams", "users"]
    assert '    users ||--o{ items : "owner_id"\n' in schema and '    teams |o--o{ users : "team_id"\n' in schema
    assert "        varchar(320) email UK\n" in schema and "        integer owner_id FK\n" in schema
    assert "| `name` | TEXT | no | `'core'` |" in schema
    assert "| items | `ix_items_owner_id` | index | owner_id | `(owner_id)` |" in schema
    assert "`FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE CASCADE`" in schema
    assert "| items | `(check)` | check |  | `CHECK (price >= 0)` |" in schema
    assert write_docs(project, check=True) == []

    migration = sorted(p for pattern in globs.split() for p in project.glob(pattern))[-1]
    migration.write_text(migration.read_text() + "\n")
    assert write_docs(project, check=True) == ["docs/SCHEMA.md"]
    assert write_docs(project) == [], "make docs cannot rewrite it without a database: make schema does"
    result = run_agentgen("doctor", str(project), "--json")
    assert result.returncode == 1 and json.loads(result.stdout)["failing"] == ["docs"], result.stdout
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        assert script.main(["--check-schema"]) == 1
        assert script.main(["--check"]) == 1


DELIVERABLES_PROFILE = """---
name: orders-api
description: Orders service with FastAPI on PostgreSQL.
---
You build REST APIs with FastAPI and PostgreSQL, JWT authentication and rate limiting.

## Deliverables

- API specification table with methods and authentication
- ER diagram of the database schema
- Security implementation summary
- Deployment notes for production
- A mobile app
- Test report with coverage per module
"""


def test_standards_md_maps_each_listed_deliverable_and_doctor_checks_its_files(tmp_path: Path):
    profile = tmp_path / "orders-api.md"
    profile.write_text(DELIVERABLES_PROFILE)
    project = tmp_path / "orders"
    result = run_agentgen("new", str(profile), str(project), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    said = result.stdout + result.stderr
    assert "deliverable not generated (line 13: A mobile app): no document" in said
    assert "deliverable not generated (line 9" not in said
    rows = {
        line.split(" | ")[0].removeprefix("| "): line.split(" | ")[1:]
        for line in (project / "STANDARDS.md").read_text().split("## Deliverables", 1)[1].splitlines()
        if line.startswith("| line ")
    }
    assert rows["line 9: API specification table with methods and authentication"] == [
        "API reference",
        "`docs/API.md`<br>`openapi.yaml` |",
    ]
    assert rows["line 10: ER diagram of the database schema"] == [
        "Database schema",
        "`docs/SCHEMA.md`<br>`make schema`: reads it again from a database the migrations ran on |",
    ]
    assert rows["line 11: Security implementation summary"][0] == "Security summary"
    assert rows["line 12: Deployment notes for production"][0] == "Deployment notes"
    assert rows["line 13: A mobile app"][0] == "not generated: no document of a generated project delivers it"
    report_row = rows["line 14: Test report with coverage per module"]
    assert report_row[0] == "Test report" and report_row[1].startswith("`make report`: writes docs/TEST-REPORT.md")

    report = json.loads(run_agentgen("doctor", str(project), "--json").stdout)
    delivered = next(f for f in report["standards"] if f["standard"] == "deliverables")
    assert delivered["status"] == "ok" and "docs/SECURITY.md" in delivered["where"]
    assert "make report" in delivered["where"]
    (project / "docs" / "DEPLOY.md").unlink()
    result = run_agentgen("doctor", str(project), "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and "deliverables" in report["failing"], result.stdout
    delivered = next(f for f in report["standards"] if f["standard"] == "deliverables")
    assert delivered["where"] == "docs/DEPLOY.md"
    makefile = project / "Makefile"
    makefile.write_text(re.sub(r"(?m)^report:", "test-report:", makefile.read_text()))
    report = json.loads(run_agentgen("doctor", str(project), "--json").stdout)
    delivered = next(f for f in report["standards"] if f["standard"] == "deliverables")
    assert delivered["where"] == "docs/DEPLOY.md, make report"


def test_make_report_writes_the_report_of_a_failed_run_and_fails(fresh: Path, tmp_path: Path, monkeypatch):
    """docs.py --report on a run with a failing test and coverage under the gate: the report says so, exit 1."""
    from agentgen.documents import _docs_script

    results = tmp_path / "report"
    results.mkdir()
    (results / "junit.xml").write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.test_a" name="ok"/><testcase classname="tests.test_a" name="bad">'
        '<failure message="boom"/></testcase><testcase classname="tests.test_b" name="later"><skipped/></testcase>'
        "</testsuite></testsuites>"
    )
    (results / "coverage.json").write_text(
        json.dumps(
            {
                "files": {"app/a.py": {"summary": {"covered_lines": 3, "num_statements": 4}}},
                "totals": {"percent_covered": 75.0},
            }
        )
    )
    project = tmp_path / "svc"
    shutil.copytree(fresh, project)
    monkeypatch.chdir(project)
    monkeypatch.setenv("TEST_DATABASE_URL", "postgresql://user:secret@127.0.0.1:5432/test_db")
    assert _docs_script().main(["--report", str(results), "--embedded", "SQLite"]) == 1
    report = (project / "docs" / "TEST-REPORT.md").read_text()
    assert "| tests | 1 passed, 1 failed, 1 skipped |" in report
    assert "| database | postgresql://127.0.0.1:5432/test_db |" in report and "secret" not in report
    gate = yaml.safe_load((project / ".copier-answers.yml").read_text())["coverage_min"]
    assert f"| coverage | 75.0% (gate {gate}%: not met) |" in report
    assert "| `tests.test_a` | 1 | 1 | 0 |" in report and "| `app/a.py` | 3 | 4 | 75.0 |" in report


def test_go_cover_profiles_count_a_block_once_however_many_test_binaries_list_it(tmp_path: Path):
    from agentgen.documents import _docs_script

    profile = tmp_path / "coverage.out"
    profile.write_text(
        "mode: set\n"
        "app/internal/http/a.go:1.1,3.2 4 0\n"
        "app/internal/http/a.go:1.1,3.2 4 1\n"  # the same block, covered by another package's tests
        "app/internal/http/a.go:5.1,6.2 1 0\n"
        "app/internal/service/b.go:1.1,2.2 5 1\n"
    )
    total, packages = _docs_script().go_cover(profile)
    assert packages == {"app/internal/http": (4, 5), "app/internal/service": (5, 5)}
    assert total == 90.0
