"""Fidelity: profiles written for these tests (tests/fidelity/), each with the decisions a reader would agree with
(expected.yml). The profile's own words decide; where agentgen cannot follow them it says so and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from agentgen.catalog import load_catalog

from .conftest import assert_one_line_error, run_agentgen

HERE = Path(__file__).parent / "fidelity"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((HERE / "expected.yml").read_text())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_inspect_decides_as_the_profile_says(name: str):
    expected = EXPECTED[name]
    result = run_agentgen("inspect", str(HERE / name), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key, value in expected["inspect"].items():
        if isinstance(value, dict):
            assert {k: data[key][k] for k in value} == value, key
        else:
            assert data[key] == value, key
    for kind, order in expected.get("candidates", {}).items():
        assert [c["id"] for c in data["candidates"][kind]][: len(order)] == order, kind
    if data["framework"] is not None and data["stack"] is not None:  # never a contradiction
        assert load_catalog().stacks[data["stack"]].framework == data["framework"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_new_generates_that_stack_or_refuses_in_one_line(name: str, tmp_path: Path):
    expected = EXPECTED[name]
    dest = tmp_path / "svc"
    result = run_agentgen("new", str(HERE / name), str(dest), "--defaults", "--no-git")
    warnings = " ".join(result.stderr.split())
    if expected["new"] == "error":
        assert_one_line_error(result, *expected["error_names"])
        assert list(tmp_path.iterdir()) == []
        return
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((dest / ".copier-answers.yml").read_text())
    assert answers["stack"] == expected["new"]
    for words in expected.get("warning_names", []):
        assert words in warnings, words
    assert {key: answers[key] for key in expected.get("answers", {})} == expected.get("answers", {})
    rows = {row["id"]: row for row in answers["standards"]}
    for standard, (status, said) in expected.get("conformance", {}).items():
        row = rows[standard]
        assert (row["status"], said) == (status, row["instead"] or row["value"] or row["note"]), standard
        assert f"| {status}" in (dest / "STANDARDS.md").read_text()


def test_java_layout_folders_are_not_planted_into_another_stack(tmp_path: Path):
    dest = tmp_path / "svc"
    result = run_agentgen(
        "new", str(HERE / "spring-boot.md"), str(dest), "--defaults", "--no-git", "--stack", "fastapi"
    )
    assert result.returncode == 0, result.stderr
    assert "layout folders of java are not added" in " ".join(result.stderr.split())
    assert not (dest / "src").exists() and not (dest / "main").exists()


def test_a_p99_target_reaches_agents_md_as_p99(tmp_path: Path):
    dest = tmp_path / "svc"
    assert run_agentgen("new", str(HERE / "ties.md"), str(dest), "--defaults", "--no-git").returncode == 0
    answers = yaml.safe_load((dest / ".copier-answers.yml").read_text())
    assert (answers["latency_percentile"], answers["latency_target_ms"]) == (99, 200)
    assert "p99 under **200 ms**" in (dest / "AGENTS.md").read_text()


def test_a_dest_that_is_no_project_name_takes_the_profile_name(tmp_path: Path):
    dest = tmp_path / "2026"
    assert run_agentgen("new", str(HERE / "ties.md"), str(dest), "--defaults", "--no-git").returncode == 0
    assert yaml.safe_load((dest / ".copier-answers.yml").read_text())["project_name"] == "ties"


def test_inspect_shows_each_stated_value_with_its_line():
    result = run_agentgen("inspect", str(HERE / "values.md"), env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    table = result.stdout[result.stdout.index("Values") :]
    for answer, value, line in [("api_prefix", "/api/v2", 8), ("id_type", "uuid", 10), ("token_minutes", "15", 14)]:
        assert any(answer in row and value in row and f"L{line}:" in row for row in table.splitlines()), answer
