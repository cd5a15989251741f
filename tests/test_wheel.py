"""Installed from a built wheel, agentgen's projects still update offline: the wheel ships a git bundle of the
template history, and `_src_path` points at it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .templates_repo import MARKER, NEW, OLD, clone_at_old_tag, release_new_version

pytestmark = pytest.mark.e2e

UV = str(Path(sys.executable).with_name("uv"))


def build_and_install(clone: Path, venv: Path, dist: Path) -> None:
    subprocess.run([UV, "build", "--wheel", "-q", "-o", str(dist), str(clone)], check=True, capture_output=True)
    [wheel] = sorted(dist.glob("*.whl"))
    subprocess.run(
        [
            UV,
            "pip",
            "install",
            "-q",
            "--reinstall-package",
            "agentgen",
            "--python",
            str(venv / "bin/python"),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    wheel.unlink()


def test_projects_from_a_wheel_update_from_its_bundle(tmp_path: Path):
    clone = clone_at_old_tag(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "-q", "--python", sys.executable, str(venv)], check=True)
    build_and_install(clone, venv, tmp_path / "dist")

    project = tmp_path / "svc"
    subprocess.run(
        [str(venv / "bin/agentgen"), "new", "fastapi-postgres", str(project), "--defaults"],
        check=True,
        capture_output=True,
    )
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_commit"] == OLD
    assert answers["_src_path"].endswith("agentgen/_data/template.bundle")
    assert str(venv) in answers["_src_path"]

    release_new_version(clone, "fastapi")
    build_and_install(clone, venv, tmp_path / "dist")
    result = subprocess.run(
        [str(venv / "bin/copier"), "update", "--defaults"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((project / ".copier-answers.yml").read_text())["_commit"] == NEW
    assert MARKER in (project / "README.md").read_text()
