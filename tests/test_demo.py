"""`agentgen demo`: a manifest in, a batch of projects and a report out; bad manifests write nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, assert_one_line_error, run_agentgen


def manifest(tmp_path: Path, projects: list[dict]) -> Path:
    path = tmp_path / "workshop.yaml"
    path.write_text(yaml.safe_dump({"projects": projects}))
    return path


@pytest.mark.parametrize(
    ("projects", "fragment"),
    [
        ([{"name": "a", "profile": "no-such-profile"}], "entry 1 (a): unknown profile 'no-such-profile'"),
        ([{"name": "a", "profile": "fastapi-postgres"}, {"name": "a", "profile": "fastapi-postgres"}], "duplicate"),
        ([{"name": "../escape", "profile": "fastapi-postgres"}], "unsafe or missing name"),
        ([{"name": "a", "profile": "fastapi-postgres", "colour": "red"}], "unknown key 'colour'"),
        ([{"name": "a", "profile": "fastapi-postgres", "stack": "cobol"}], "unknown stack 'cobol'"),
        ([{"name": "a", "profile": "fastapi-postgres", "answers": {"nonsense": 1}}], "unknown answer"),
        ([{"name": "ok", "profile": "fastapi-postgres"}, {"name": "b", "profile": "missing.md"}], "entry 2 (b)"),
    ],
)
def test_a_broken_entry_writes_nothing_and_is_named(tmp_path: Path, projects: list[dict], fragment: str):
    out = tmp_path / "out"
    assert_one_line_error(run_agentgen("demo", str(manifest(tmp_path, projects)), str(out)), fragment)
    assert not out.exists()


def test_not_a_manifest(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n")
    assert_one_line_error(run_agentgen("demo", str(bad), str(tmp_path / "out")), "projects")
    assert_one_line_error(run_agentgen("demo", str(tmp_path / "none.yaml"), str(tmp_path / "out")), "no such manifest")


def test_generates_each_project_and_reports(tmp_path: Path):
    local = tmp_path / "profiles" / "mine.md"
    local.parent.mkdir()
    local.write_text("---\nname: mine\n---\n# FastAPI service on PostgreSQL\n")
    path = manifest(
        tmp_path,
        [
            {"name": "one", "profile": "fastapi-postgres"},
            {"name": "two", "profile": "profiles/mine.md", "answers": {"metrics": False}},
        ],
    )
    out = tmp_path / "out"
    result = run_agentgen("demo", str(path), str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((out / "report.json").read_text())["projects"]
    assert [p["name"] for p in report] == ["one", "two"]
    assert report[1] == report[1] | {"profile": "mine", "stack": "fastapi", "database": "postgresql", "generated": True}
    assert all(p["tests_passed"] is None for p in report)
    assert (out / "one" / ".copier-answers.yml").is_file() and (out / "two" / "Makefile").is_file()
    assert yaml.safe_load((out / "two" / ".copier-answers.yml").read_text())["metrics"] is False
    assert "2 of 2 projects ready" in (out / "REPORT.md").read_text()

    again = run_agentgen("demo", str(path), str(out))
    assert_one_line_error(again, "--force")
    assert run_agentgen("demo", str(path), str(out), "--force").returncode == 0


def test_one_failing_project_does_not_stop_the_others(tmp_path: Path):
    path = manifest(
        tmp_path,
        [
            {"name": "bad", "profile": "fastapi-postgres", "answers": {"coverage_min": 300}},
            {"name": "good", "profile": "fastapi-postgres"},
        ],
    )
    out = tmp_path / "out"
    result = run_agentgen("demo", str(path), str(out))
    assert result.returncode == 1
    report = {p["name"]: p for p in json.loads((out / "report.json").read_text())["projects"]}
    assert report["bad"]["generated"] is False and "coverage_min" in report["bad"]["error"]
    assert report["good"]["generated"] is True
    assert not (out / "bad").exists() and (out / "good" / "Makefile").is_file()


def test_example_manifest_covers_every_builtin_profile():
    entries = yaml.safe_load((ROOT / "examples" / "workshop.yaml").read_text())["projects"]
    builtins = {p.stem for p in (ROOT / "examples" / "profiles").glob("*.md")}
    assert builtins <= {entry["profile"] for entry in entries}


def test_verification_starts_with_the_longest_and_shares_tool_caches_for_the_batch_only(tmp_path: Path, monkeypatch):
    from agentgen import demo
    from agentgen.catalog import load_catalog
    from agentgen.source import resolve_source
    from agentgen.verify import StepResult, Verification

    calls = []

    def verify(project: Path, log: Path, env: dict[str, str]) -> Verification:
        calls.append((project.name, env))
        assert Path(env["MYPY_CACHE_DIR"]).parent.is_dir()
        return Verification([StepResult("test", True, 0.1)])

    monkeypatch.setattr(demo, "verify", verify)
    stacks = load_catalog().stacks
    assert stacks["django"].verify_seconds < stacks["fastapi"].verify_seconds
    path = manifest(
        tmp_path, [{"name": "quick", "profile": "django-mysql"}, {"name": "long", "profile": "fastapi-postgres"}]
    )
    plans = demo.plan_batch(path, tmp_path / "out", resolve_source(None))
    outcomes = demo.run_batch(plans, resolve_source(None), verify_projects=True, jobs=1)
    assert [o.name for o in outcomes] == ["quick", "long"]  # the report keeps the manifest's order
    assert [o.tests_passed for o in outcomes] == [True, True]
    assert [name for name, _ in calls] == ["long", "quick"]
    assert calls[0][1] == calls[1][1]  # one cache folder for the batch
    assert not Path(calls[0][1]["MYPY_CACHE_DIR"]).parent.exists()  # gone with the batch


@pytest.mark.e2e
def test_example_workshop_verifies(tmp_path: Path):
    out = tmp_path / "ws"
    result = run_agentgen("demo", str(ROOT / "examples" / "workshop.yaml"), str(out), "--verify", timeout=3000)
    report = json.loads((out / "report.json").read_text())["projects"]
    failed = [p for p in report if not (p["generated"] and p["tests_passed"])]
    assert result.returncode == 0 and not failed, failed
    assert {p["stack"] for p in report} >= {"fastapi", "django", "express"}
