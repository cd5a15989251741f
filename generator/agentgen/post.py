"""Post-generation steps, in agentgen's own Python (no copier `_tasks`, so nothing needs `--trust`):
the agent's profile beside the code, the profile's extra layout directories, and a first git commit.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from agentgen import __version__
from agentgen.plan import Plan

AGENTS_DIR = Path(".claude") / "agents"


def finish_project(plan: Plan, project: Path, *, git: bool) -> list[str]:
    """Run the post steps; return the layout directories that were added."""
    write_agent_file(plan, project)
    added = create_layout_dirs(plan, project)
    if git:
        git_init(project, f"Initial commit from agentgen {__version__} (profile: {plan.profile.name})")
    return added


def write_agent_file(plan: Plan, project: Path) -> Path:
    """The profile, byte for byte, where Claude Code looks for agents."""
    target = project / AGENTS_DIR / f"{plan.answers['agent_name']}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plan.profile.raw)
    return target


def _strip_common_root(dirs: list[str], project: Path) -> list[str]:
    """A layout drawn under a project folder (`my-api/src/...`) is the project itself."""
    roots = {d.split("/", 1)[0] for d in dirs}
    if len(roots) == 1 and len(dirs) > 1:
        (root,) = roots
        if not (project / root).exists():
            return [d.split("/", 1)[1] for d in dirs if "/" in d]
    return dirs


def create_layout_dirs(plan: Plan, project: Path) -> list[str]:
    """Directories the profile's layout names and the template lacks, each with a README saying what goes there."""
    created = []
    for relative in _strip_common_root(plan.extra_dirs, project):
        folder = project / relative
        if folder.exists():
            continue
        folder.mkdir(parents=True)
        (folder / "README.md").write_text(
            f"# {relative}/\n\nThe agent profile's layout names this folder; the {plan.stack} template has no code"
            " for it yet.\nPut here what the profile describes for it, following the layering in AGENTS.md.\n",
            encoding="utf-8",
        )
        created.append(relative)
    return created


def _git(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # A project rendered inside another repository still gets a repository of its own.
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(project.parent)}
    return subprocess.run(["git", *args], cwd=project, capture_output=True, text=True, check=True, env=env)


def git_init(project: Path, message: str) -> None:
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    identity: list[str] = []
    if not subprocess.run(["git", "config", "user.email"], cwd=project, capture_output=True, check=False).stdout:
        identity = ["-c", "user.name=agentgen", "-c", "user.email=agentgen@localhost"]
    _git(project, *identity, "commit", "-q", "--no-verify", "-m", message)
