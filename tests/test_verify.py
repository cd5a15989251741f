"""`--verify`: install, test and lint the new project, stop at the first failure, keep the log."""

from __future__ import annotations

from pathlib import Path

from agentgen.verify import verify


def project_with(tmp_path: Path, test_command: str) -> Path:
    (tmp_path / "Makefile").write_text(
        f"install:\n\t@echo installing\ntest:\n\t@{test_command}\nlint:\n\t@echo linting\n"
    )
    return tmp_path


def test_all_steps_pass(tmp_path: Path):
    result = verify(project_with(tmp_path, "echo testing"))
    assert result.ok and [s.name for s in result.steps] == ["install", "test", "lint"]
    log = (tmp_path / ".agentgen-verify.log").read_text()
    assert "installing" in log and "testing" in log and "linting" in log


def test_a_failing_step_stops_and_fails(tmp_path: Path):
    result = verify(project_with(tmp_path, "echo broken && exit 3"))
    assert not result.ok
    assert [(s.name, s.ok) for s in result.steps] == [("install", True), ("test", False)]
    assert "broken" in (tmp_path / ".agentgen-verify.log").read_text()
