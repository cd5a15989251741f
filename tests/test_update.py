"""The update path: template improvements arrive, user edits survive, conflicts are reported, bad input refused."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import assert_one_line_error, run_agentgen
from .templates_repo import MARKER, NEW, OLD, clone_at_old_tag, git, release_new_version, user_edits


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project generated at OLD with user edits committed, and a template clone that has since released NEW."""
    tmp = tmp_path_factory.mktemp("update")
    clone = clone_at_old_tag(tmp)
    project = tmp / "svc"
    result = run_agentgen("new", "fastapi-postgres", str(project), "--defaults", "--template-src", str(clone))
    assert result.returncode == 0, result.stderr
    user_edits(project)
    release_new_version(clone, "fastapi")
    return clone, project


def copy_of(project: Path, tmp_path: Path) -> Path:
    target = tmp_path / project.name
    shutil.copytree(project, target, symlinks=True)
    return target


def answers(project: Path) -> dict:
    return yaml.safe_load((project / ".copier-answers.yml").read_text())


def test_project_records_the_old_version(released: tuple[Path, Path]):
    clone, project = released
    assert answers(project)["_commit"] == OLD and answers(project)["_src_path"] == str(clone)


@pytest.mark.parametrize("tool", ["agentgen", "copier"])
def test_update_keeps_edits_and_takes_the_change(released: tuple[Path, Path], tmp_path: Path, tool: str):
    _, original = released
    project = copy_of(original, tmp_path)
    if tool == "agentgen":
        result = run_agentgen("update", str(project))
        assert result.returncode == 0, result.stdout + result.stderr
        assert f"{OLD} → {NEW}" in result.stdout
    else:
        copier = Path(sys.executable).with_name("copier")
        subprocess.run([str(copier), "update", "--defaults"], cwd=project, check=True, capture_output=True)
    readme = (project / "README.md").read_text()
    assert readme.startswith("Our team's notes stay at the top.") and MARKER in readme
    assert "# our own make target below" in (project / "Makefile").read_text()
    assert "OUR_FEATURE_FLAG=1" in (project / ".env.example").read_text()
    assert (project / "docs/notes.md").read_text() == "Decisions we made.\n"
    assert (project / "UPGRADE-NOTE.md").is_file()
    assert answers(project)["_commit"] == NEW
    changed = git(project, "diff", "--name-only", "HEAD").split()
    # and the new, untracked UPGRADE-NOTE.md; agentgen also rewrites docs/DEPLOY.md for the edited .env.example
    refreshed = {"docs/DEPLOY.md"} if tool == "agentgen" else set()
    assert set(changed) == {".copier-answers.yml", "README.md"} | refreshed


def test_check_says_whether_an_update_exists(released: tuple[Path, Path], tmp_path: Path):
    _, original = released
    project = copy_of(original, tmp_path)
    result = run_agentgen("update", str(project), "--check")
    assert result.returncode == 1 and "update available" in result.stdout
    assert run_agentgen("update", str(project)).returncode == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "update")
    again = run_agentgen("update", str(project), "--check")
    assert again.returncode == 0 and "up to date" in again.stdout


def with_conflicting_edit(original: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the project whose README ends with a line of its own, where the new template adds one too."""
    project = copy_of(original, tmp_path)
    readme = project / "README.md"
    readme.write_text(readme.read_text() + "Our own closing line.\n")
    git(project, "commit", "-qam", "a closing line where the template adds one too")
    return project, readme


def test_a_conflicting_edit_is_marked_and_exits_1(released: tuple[Path, Path], tmp_path: Path):
    project, readme = with_conflicting_edit(released[1], tmp_path)
    result = run_agentgen("update", str(project))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "conflict" in result.stdout and "README.md" in result.stdout
    # docs/ are not refreshed while markers may sit in the spec: the message says what to run once they are gone.
    assert "run `make docs`" in " ".join(result.stdout.split())
    text = readme.read_text()
    assert "<<<<<<< " in text and "Our own closing line." in text and MARKER in text
    # The project's pre-commit hook refuses to commit the markers.
    hooks = yaml.safe_load((project / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    [hook] = [h for h in hooks if h["id"] == "check-merge-conflict"]
    check = Path(sys.executable).with_name(hook["id"])
    refused = subprocess.run([str(check), *hook["args"], "README.md"], cwd=project, capture_output=True, text=True)
    assert refused.returncode == 1 and "README.md" in refused.stdout


def test_conflicts_as_rej_files(released: tuple[Path, Path], tmp_path: Path):
    project, readme = with_conflicting_edit(released[1], tmp_path)
    result = run_agentgen("update", str(project), "--conflict", "rej")
    assert result.returncode == 1
    # Copier renders the new version and re-applies the user's changes: the hunk that does not fit waits in .rej
    assert "Our own closing line." in (project / "README.md.rej").read_text()
    assert MARKER in readme.read_text()


def test_data_changes_an_answer_during_the_update(released: tuple[Path, Path], tmp_path: Path):
    _, original = released
    project = copy_of(original, tmp_path)
    assert (project / "tests/api/test_metrics.py").is_file()
    result = run_agentgen("update", str(project), "--data", "metrics=false")
    assert result.returncode == 0, result.stdout + result.stderr
    assert answers(project)["metrics"] is False
    assert not (project / "tests/api/test_metrics.py").exists()


def test_a_file_the_template_drops_is_kept_when_the_user_changed_it(tmp_path: Path):
    clone = clone_at_old_tag(tmp_path)
    project = tmp_path / "svc"
    assert (
        run_agentgen("new", "fastapi-postgres", str(project), "--defaults", "--template-src", str(clone)).returncode
        == 0
    )
    with (project / "app/cli.py").open("a") as handle:
        handle.write("# ours\n")
    git(project, "commit", "-qam", "edit a file the template will drop")
    git(clone, "rm", "-q", "templates/fastapi/app/cli.py", "templates/fastapi/alembic.ini")
    git(clone, "commit", "-qm", "drop two files")
    git(clone, "tag", NEW)
    result = run_agentgen("update", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "app/cli.py").read_text().endswith("# ours\n")
    assert "kept" in result.stdout and "app/cli.py" in result.stdout
    assert not (project / "alembic.ini").exists()  # unchanged by the user: the template may remove it


def test_bad_projects_are_refused(released: tuple[Path, Path], tmp_path: Path):
    _, original = released
    dirty = copy_of(original, tmp_path / "dirty")
    (dirty / "README.md").write_text("uncommitted")
    assert_one_line_error(run_agentgen("update", str(dirty)), "uncommitted changes")

    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / ".copier-answers.yml").write_text((original / ".copier-answers.yml").read_text())
    assert_one_line_error(run_agentgen("update", str(plain)), "not the root of a git repository")

    no_answers = copy_of(original, tmp_path / "no-answers")
    git(no_answers, "rm", "-q", ".copier-answers.yml")
    git(no_answers, "commit", "-qm", "drop answers")
    assert_one_line_error(run_agentgen("update", str(no_answers)), "not a generated project")

    moved = copy_of(original, tmp_path / "moved")
    text = (moved / ".copier-answers.yml").read_text()
    (moved / ".copier-answers.yml").write_text(text.replace(answers(moved)["_src_path"], "/nowhere/templates"))
    git(moved, "commit", "-qam", "source moved")
    assert_one_line_error(run_agentgen("update", str(moved)), "/nowhere/templates", "does not exist")

    assert_one_line_error(run_agentgen("update", str(tmp_path / "missing")), "no such project")


def test_template_src_retargets_the_project(released: tuple[Path, Path], tmp_path: Path):
    clone, original = released
    project = copy_of(original, tmp_path)
    mirror = tmp_path / "mirror"
    subprocess.run(["git", "clone", "-q", str(clone), str(mirror)], check=True)
    result = run_agentgen("update", str(project), "--template-src", str(mirror))
    assert result.returncode == 0, result.stdout + result.stderr
    assert answers(project)["_src_path"] == str(mirror) and answers(project)["_commit"] == NEW
    assert "Template source" in git(project, "log", "-1", "--format=%s")


def test_release_tags_match_the_package_version():
    from agentgen import __version__

    from .conftest import ROOT

    tags = subprocess.run(["git", "tag", "--list", "v*"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tags:
        pytest.skip("this clone has no release tags")
    from packaging.version import Version

    newest = max(tags, key=lambda tag: Version(tag))
    assert Version(newest) <= Version(__version__), "a release tag is ahead of agentgen's version"


def test_sigterm_during_an_update_resets_the_tree_and_leaves_no_temporary_folders(
    released: tuple[Path, Path], tmp_path: Path
):
    import os
    import signal
    import time

    _, original = released
    project = copy_of(original, tmp_path)
    head = git(project, "rev-parse", "HEAD")
    scratch = tmp_path / "tmp"  # the system temp folder of this run: copier clones the template into it
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    update = subprocess.Popen(
        [sys.executable, "-m", "agentgen", "update", str(project)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not any(scratch.iterdir()) and update.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # copier has started once its first temporary folder appears
    assert update.poll() is None, "the update finished before it could be interrupted"
    update.send_signal(signal.SIGTERM)
    _, stderr = update.communicate(timeout=60)
    assert update.returncode != 0 and b"Traceback" not in stderr, stderr
    assert git(project, "rev-parse", "HEAD") == head
    assert git(project, "status", "--porcelain", "--untracked-files=all") == ""
    assert list(scratch.iterdir()) == []


def test_a_source_without_release_tags_updates_to_its_newest_commit(tmp_path: Path):
    clone = clone_at_old_tag(tmp_path)
    git(clone, "tag", "-d", OLD)
    project = tmp_path / "svc"
    result = run_agentgen("new", "fastapi-postgres", str(project), "--defaults", "--template-src", str(clone))
    assert result.returncode == 0, result.stderr
    assert run_agentgen("update", str(project), "--check").returncode == 0  # up to date: the same commit
    release_new_version(clone, "fastapi")
    git(clone, "tag", "-d", NEW)
    newest = git(clone, "rev-parse", "--short=12", "HEAD").strip()

    check = run_agentgen("update", str(project), "--check")
    assert check.returncode == 1 and f"→ {newest}: update available" in check.stdout, check.stdout + check.stderr
    result = run_agentgen("update", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    assert MARKER in (project / "README.md").read_text()


def test_write_answers_rewrites_only_the_internal_entries_and_keeps_copiers_bytes(tmp_path: Path):
    from jinja2_ansible_filters.core_filters import to_nice_yaml

    from agentgen.project import write_answers

    answers = {
        "_commit": "abc",
        "_src_path": "/a long path with spaces " * 5,  # wrapped over several lines by copier's dumper
        "project_name": "svc",
        "standards": [{"id": "jwt", "asked_by": "line 3: JWT " * 12}],
    }
    header = "# Changes here will be overwritten by Copier; NEVER EDIT MANUALLY\n"
    answers_file = tmp_path / ".copier-answers.yml"
    answers_file.write_text(header + to_nice_yaml(answers))

    write_answers(answers_file, {"_src_path": "/new/place"})  # as update records a moved source
    expected = {**answers, "_src_path": "/new/place"}
    assert answers_file.read_text() == header + to_nice_yaml(expected)  # what copier itself would write

    write_answers(answers_file, {"_commit": "def", "_src_path": None})
    assert yaml.safe_load(answers_file.read_text()) == {k: v for k, v in expected.items() if k != "_src_path"} | {
        "_commit": "def"
    }
