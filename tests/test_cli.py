"""The command line as a user meets it: a real subprocess, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agentgen import __version__

from .conftest import assert_one_line_error, run_agentgen


def test_version_and_help_with_examples():
    assert run_agentgen("--version").stdout.strip() == f"agentgen {__version__}"
    help_text = run_agentgen("--help").stdout
    assert "Examples:" in help_text and "agentgen inspect fastapi-postgres" in help_text
    assert "agentgen inspect fastapi-postgres" in run_agentgen("inspect", "--help").stdout


def test_profiles_lists_the_builtins():
    out = run_agentgen("profiles").stdout
    for name in ("fastapi-postgres", "django-mysql", "express-layered"):
        assert name in out


@pytest.mark.parametrize(
    ("profile", "stack", "database"),
    [
        ("fastapi-postgres", "fastapi", "postgresql"),
        ("django-mysql", "django", "mysql"),
        ("express-layered", "express", "postgresql"),
    ],
)
def test_inspect_json_for_builtins(profile: str, stack: str, database: str):
    result = run_agentgen("inspect", profile, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["stack"], data["database"]) == (stack, database)


def test_inspect_human_view_shows_choice_runner_ups_and_deciding_lines():
    result = run_agentgen("inspect", "django-mysql", env={"COLUMNS": "200"})
    assert result.returncode == 0
    assert "django" in result.stdout and "mysql" in result.stdout
    assert "mariadb" in result.stdout  # the runner-up database
    assert "L2: django-mysql" in result.stdout  # the agent's name decided the framework
    assert "Standards" in result.stdout


def test_warnings_go_to_stderr_and_json_stays_clean(tmp_path: Path):
    profile = tmp_path / "p.md"
    profile.write_text('---\nname: x\ndescription: Use it. Example: user: "hi"\n---\nFastAPI\n')
    result = run_agentgen("inspect", str(profile), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["warnings"][0].startswith("line 3:")


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "directory": ("", "is a directory"),
    "empty": (b"", "empty"),
    "binary": (b"\x89PNG\x00\x00", "binary"),
    "too-big": (b"#" * (1024 * 1024 + 10), "1 MiB"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, case: str):
    content, fragment = BAD_INPUTS[case]
    target = tmp_path if content == "" else tmp_path / f"{case}.md"
    if isinstance(content, bytes):
        target.write_bytes(content)
    assert_one_line_error(run_agentgen("inspect", str(target)), fragment)


def test_unknown_builtin_lists_the_builtins():
    result = run_agentgen("inspect", "no-such-profile")
    assert_one_line_error(result, "no-such-profile", "fastapi-postgres", "django-mysql", "express-layered")
