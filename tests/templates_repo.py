"""A temporary clone of this template repository with synthetic release tags, for update tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import ROOT

IDENTITY = ["-c", "user.name=test", "-c", "user.email=test@localhost"]
OLD, NEW = "v100.0.0", "v100.1.0"
MARKER = "Template upgrade marker v100.1.0"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *IDENTITY, *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def clone_at_old_tag(tmp: Path) -> Path:
    """A clone of the committed repository, tagged OLD."""
    clone = tmp / "templates-repo"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    git(clone, "tag", OLD)
    return clone


def release_new_version(clone: Path, stack: str) -> None:
    """Change the stack's README template, add a file, and tag NEW."""
    readme = clone / "templates" / stack / "README.md.jinja"
    readme.write_text(readme.read_text() + f"\n{MARKER}\n")
    (clone / "templates" / stack / "UPGRADE-NOTE.md").write_text("Added in v100.1.0.\n")
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", f"{stack}: a template improvement")
    git(clone, "tag", NEW)


def user_edits(project: Path) -> dict[str, str]:
    """Edits a person makes after generating, committed; returns file → a line that must survive."""
    edits = {
        "README.md": "Our team's notes stay at the top.",
        "Makefile": "# our own make target below",
        ".env.example": "OUR_FEATURE_FLAG=1",
        "docs/notes.md": "Decisions we made.",
    }
    for relative, line in edits.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        before = path.read_text() if path.exists() else ""
        path.write_text(f"{line}\n{before}" if relative == "README.md" else f"{before}{line}\n")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "our edits")
    return edits
