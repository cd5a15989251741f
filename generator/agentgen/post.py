"""Post-generation steps, in agentgen's own Python (no copier `_tasks`, so nothing needs `--trust`):
the agent's profile beside the code, the profile's extra layout directories, the documents `make docs` writes,
and a first git commit.
"""

from __future__ import annotations

from pathlib import Path

from agentgen import __version__
from agentgen.documents import write_docs
from agentgen.git import commit
from agentgen.git import git as run_git
from agentgen.plan import Plan
from agentgen.project import AGENTS_DIR


def finish_project(plan: Plan, project: Path, *, git: bool) -> list[str]:
    """Run the post steps; return the layout directories that were added."""
    write_agent_file(plan, project)
    added = create_layout_dirs(plan, project)
    write_docs(project)
    if git:
        git_init(project, f"Initial commit from agentgen {__version__} (profile: {plan.profile.name})")
    return added


def write_agent_file(plan: Plan, project: Path) -> Path:
    """The profile, byte for byte, where Claude Code looks for agents."""
    target = project / AGENTS_DIR / f"{plan.answers['agent_name']}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(plan.profile.raw)
    return target


# Folders a layout block names as the code's own root: kept as the profile gives them (`src/`, `service/`).
SOURCE_ROOTS = frozenset(
    {"src", "source", "app", "apps", "lib", "internal", "cmd", "pkg", "service", "services", "api"}
)


def _strip_common_root(dirs: list[str], project: Path) -> list[str]:
    """A layout drawn under a project folder (`my-api/src/...`) is the project itself; `src/...` is not."""
    roots = {d.split("/", 1)[0] for d in dirs}
    if len(roots) == 1 and len(dirs) > 1:
        (root,) = roots
        if root.lower() not in SOURCE_ROOTS and not (project / root).exists():
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


def git_init(project: Path, message: str) -> None:
    run_git(project, "init", "-q", "-b", "main")
    run_git(project, "add", "-A")
    commit(project, message)
