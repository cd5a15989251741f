"""docs/API.md, SECURITY.md and DEPLOY.md: written by the project's `make docs` from its spec, answers and
.env.example, present in a fresh project, stale ones named by `make lint` and doctor. That the running app answers
as SECURITY.md's matrix says is checked by `make fuzz` (tests/test_e2e.py)."""

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

DOCS = ("docs/API.md", "docs/SECURITY.md", "docs/DEPLOY.md")
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
