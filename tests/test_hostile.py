"""Hostile and broken input: every case is one `error:` line, exit code 2, no traceback and nothing written.

Repositories are input too: a project's answers file and agent file are untrusted, and so is its template source.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import assert_one_line_error, run_agentgen

PROFILE = """---
name: orders-api
description: Orders service on FastAPI and PostgreSQL.
---
# Orders
- FastAPI with PostgreSQL, JWT authentication, rate limiting, Docker.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project, committed; each case works on a copy."""
    dest = tmp_path_factory.mktemp("hostile") / "svc"
    result = run_agentgen("new", "fastapi-postgres", str(dest), "--defaults")
    assert result.returncode == 0, result.stderr
    return dest


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under root with its size and mtime, git's own folder aside (git status refreshes its index)."""
    found = {}
    for path in root.rglob("*"):
        if ".git" in path.relative_to(root).parts:
            continue
        info = path.lstat()
        found[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return found


def set_answer(project: Path, line: str, key: str | None = None) -> None:
    """Replace (or add) one line of the answers file and commit it, as a hostile repository would ship it."""
    answers = project / ".copier-answers.yml"
    key = key or line.split(":", 1)[0]
    lines = [kept for kept in answers.read_text().splitlines() if not kept.startswith(f"{key}:")]
    answers.write_text("\n".join([*lines, line]) + "\n")
    commit_all(project)


def commit_all(project: Path) -> None:
    identity = ["-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run(["git", *identity, "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", *identity, "commit", "-qm", "hostile", "--allow-empty"], cwd=project, check=True)


@dataclass
class Case:
    """A command line made from a sandbox (and a copy of the project), and the words its error must name."""

    make: Callable[[Path, Path], list[str]]
    says: tuple[str, ...] = ()


def profile_file(sandbox: Path, content: bytes | str = PROFILE) -> str:
    path = sandbox / "agent.md"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return str(path)


def fifo(sandbox: Path, name: str = "fifo.md") -> str:
    path = sandbox / name
    os.mkfifo(path)
    return str(path)


def with_answers(line: str) -> Callable[[Path, Path], Path]:
    def change(sandbox: Path, project: Path) -> Path:
        set_answer(project, line)
        return project

    return change


def answers_bytes(data: bytes) -> Callable[[Path, Path], Path]:
    def change(sandbox: Path, project: Path) -> Path:
        (project / ".copier-answers.yml").write_bytes(data)
        commit_all(project)
        return project

    return change


DEEP = b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n"
ATTACK = "_src_path: '--upload-pack=touch pwned; echo #://'"
EXT = "_src_path: 'ext::sh -c touch% pwned'"


def on_project(command: str, change: Callable[[Path, Path], Path], *extra: str) -> Callable[[Path, Path], list[str]]:
    def make(sandbox: Path, project: Path) -> list[str]:
        return [command, str(change(sandbox, project)), *extra]

    return make


def unchanged(sandbox: Path, project: Path) -> Path:
    return project


CASES: dict[str, Case] = {
    # inspect: what cannot be a profile
    "inspect-unknown-profile": Case(lambda s, p: ["inspect", "no-such-profile"], ("unknown profile",)),
    "inspect-directory": Case(lambda s, p: ["inspect", str(s)], ("directory",)),
    "inspect-fifo": Case(lambda s, p: ["inspect", fifo(s)], ("not a regular file",)),
    "inspect-char-device": Case(lambda s, p: ["inspect", "/dev/zero"], ("not a regular file",)),
    "inspect-binary": Case(lambda s, p: ["inspect", profile_file(s, b"\x00\x01binary")], ("binary",)),
    "inspect-empty": Case(lambda s, p: ["inspect", profile_file(s, b"  \n")], ("empty",)),
    "inspect-too-big": Case(lambda s, p: ["inspect", profile_file(s, b"x" * (2 << 20))], ("1 MiB",)),
    # new: destinations that cannot be written, answers that are not answers
    "new-dest-under-a-file": Case(lambda s, p: ["new", profile_file(s), str(Path(profile_file(s)) / "x")]),
    "new-dest-in-procfs": Case(lambda s, p: ["new", profile_file(s), "/proc/agentgen-test/x"], ("cannot write",)),
    "new-dest-long-name": Case(lambda s, p: ["new", profile_file(s), str(s / ("a" * 256))], ("folder name",)),
    "new-dest-not-empty": Case(lambda s, p: ["new", profile_file(s), str(s)], ("not empty",)),
    "new-dest-is-a-file": Case(lambda s, p: ["new", profile_file(s), profile_file(s)], ("not a directory",)),
    "new-profile-fifo": Case(lambda s, p: ["new", fifo(s), str(s / "out")], ("not a regular file",)),
    "new-unknown-stack": Case(lambda s, p: ["new", profile_file(s), str(s / "o"), "--stack", "rails"], ("rails",)),
    "new-database-not-offered": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "--database", "oracle"], ("oracle",)
    ),
    "new-bool-maybe": Case(lambda s, p: ["new", profile_file(s), str(s / "o"), "-d", "metrics=maybe"], ("metrics",)),
    "new-int-words": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "-d", "coverage_min=lots"], ("whole number",)
    ),
    "new-agent-name-path": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "-d", "agent_name=../../x"], ("agent name",)
    ),
    "new-unknown-answer": Case(lambda s, p: ["new", profile_file(s), str(s / "o"), "-d", "colour=red"], ("colour",)),
    "new-bad-project-name": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "-d", "project_name=Bad_Name"], ("project name",)
    ),
    "new-data-file-not-utf8": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "--data-file", profile_file(s, b"a: \xff\xfe\n")]
    ),
    "new-template-src-option": Case(
        lambda s, p: ["new", profile_file(s), str(s / "o"), "--template-src=--upload-pack=touch pwned"],
        ("copier.yml",),
    ),
    "new-unknown-option": Case(lambda s, p: ["new", "--bogus"], ("--bogus",)),
    # update: a repository whose answers file lies
    "update-not-a-project": Case(lambda s, p: ["update", str(s)], ("not a generated project",)),
    "update-src-path-option": Case(on_project("update", with_answers(ATTACK)), ("git option",)),
    "update-check-src-path-option": Case(on_project("update", with_answers(ATTACK), "--check"), ("git option",)),
    "update-src-path-ext": Case(on_project("update", with_answers(EXT), "--check"), ("refused",)),
    "update-commit-option": Case(on_project("update", with_answers("_commit: --orphan=x")), ("template version",)),
    "update-answers-not-utf8": Case(on_project("update", answers_bytes(b"stack: \xff\n")), ("UTF-8",)),
    "update-answers-deep": Case(on_project("update", answers_bytes(DEEP)), ("nested",)),
    "update-answers-not-mapping": Case(on_project("update", answers_bytes(b"- a\n- b\n")), ("mapping",)),
    "update-unknown-answer": Case(on_project("update", unchanged, "-d", "colour=red"), ("colour",)),
    "update-bool-maybe": Case(on_project("update", unchanged, "-d", "metrics=maybe"), ("metrics",)),
    "update-vcs-ref-option": Case(on_project("update", unchanged, "--vcs-ref=--upload-pack=x"), ("template version",)),
    "update-template-src-ext": Case(
        on_project("update", unchanged, "--template-src", "ext::sh -c touch% pwned"), ("refused",)
    ),
    # doctor: the same answers files, and agent files that are not files of the project
    "doctor-not-a-project": Case(lambda s, p: ["doctor", str(s)], ("not a generated project",)),
    "doctor-coverage-words": Case(on_project("doctor", with_answers("coverage_min: lots")), ("whole number",)),
    "doctor-agent-name-path": Case(
        on_project("doctor", with_answers("agent_name: ../../../etc/passwd")), ("agent name",)
    ),
    "doctor-answers-not-utf8": Case(on_project("doctor", answers_bytes(b"stack: \xff\n")), ("UTF-8",)),
    "doctor-answers-deep": Case(on_project("doctor", answers_bytes(DEEP)), ("nested",)),
    "doctor-metrics-maybe": Case(on_project("doctor", with_answers("metrics: maybe")), ("metrics",)),
    # demo: manifests
    "demo-no-manifest": Case(lambda s, p: ["demo", str(s / "none.yaml"), str(s / "out")], ("no such manifest",)),
    "demo-manifest-fifo": Case(lambda s, p: ["demo", fifo(s, "m.yaml"), str(s / "out")], ("not a regular file",)),
    "demo-manifest-not-yaml": Case(
        lambda s, p: ["demo", profile_file(s, "projects: [\n"), str(s / "out")], ("not valid YAML",)
    ),
    "demo-unsafe-name": Case(
        lambda s, p: ["demo", profile_file(s, "projects:\n  - {name: ../x, profile: fastapi-postgres}\n"), str(s)],
        ("unsafe",),
    ),
    "demo-duplicate-name": Case(
        lambda s, p: [
            "demo",
            profile_file(
                s, "projects:\n  - {name: a, profile: fastapi-postgres}\n  - {name: a, profile: gin-postgres}\n"
            ),
            str(s / "out"),
        ],
        ("duplicate",),
    ),
    "demo-bool-maybe": Case(
        lambda s, p: [
            "demo",
            profile_file(s, "projects:\n  - {name: a, profile: fastapi-postgres, answers: {metrics: maybe}}\n"),
            str(s / "out"),
        ],
        ("metrics",),
    ),
    "demo-out-under-a-file": Case(
        lambda s, p: [
            "demo",
            profile_file(s, "projects:\n  - {name: a, profile: fastapi-postgres}\n"),
            str(Path(profile_file(s, "x")) / "out"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_one_line_exit_2_and_nothing_written(name: str, project: Path, tmp_path: Path):
    case = CASES[name]
    sandbox = tmp_path / "sandbox"
    sandbox.mkdir()
    copy = tmp_path / "project"
    shutil.copytree(project, copy, symlinks=True)
    args = case.make(sandbox, copy)
    before = {"sandbox": snapshot(sandbox), "project": snapshot(copy)}
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=copy, capture_output=True, text=True).stdout

    result = run_agentgen(*args, cwd=sandbox, env={"AGENTGEN_GIT_TIMEOUT": "20"}, timeout=120)

    assert_one_line_error(result, *case.says)
    assert {"sandbox": snapshot(sandbox), "project": snapshot(copy)} == before
    assert subprocess.run(["git", "rev-parse", "HEAD"], cwd=copy, capture_output=True, text=True).stdout == head
    assert not list(tmp_path.rglob("pwned")), "a command from the repository ran"


def test_the_answers_file_attack_runs_nothing_on_a_clone_with_a_local_origin(project: Path, tmp_path: Path):
    """The reported attack: `_src_path` read by git as --upload-pack, in a clone whose origin is a local path."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project), str(clone)], check=True)
    set_answer(clone, "_src_path: '--upload-pack=touch pwned; echo #://'")
    for command in (["doctor", str(clone)], ["update", str(clone), "--check"], ["update", str(clone)]):
        run_agentgen(*command, cwd=tmp_path)
        assert not list(tmp_path.rglob("pwned")), command


def test_a_template_source_that_never_answers_times_out_in_one_line(project: Path, tmp_path: Path):
    """doctor and update --check give up on a silent source after $AGENTGEN_GIT_TIMEOUT seconds."""
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        copy = tmp_path / "svc"
        shutil.copytree(project, copy, symlinks=True)
        set_answer(copy, f"_src_path: git://127.0.0.1:{port}/templates.git")
        result = run_agentgen("update", str(copy), "--check", env={"AGENTGEN_GIT_TIMEOUT": "2"}, timeout=60)
        assert_one_line_error(result, "did not answer within 2 s")
        doctor = run_agentgen("doctor", str(copy), env={"AGENTGEN_GIT_TIMEOUT": "2"}, timeout=60)
        assert "did not answer within 2 s" in doctor.stdout and "Traceback" not in doctor.stderr


def test_a_profile_name_cannot_lead_the_default_dest_out_of_the_current_folder(tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    hostile = PROFILE.replace("name: orders-api", 'name: "../../escaped\\0x"')
    profile = tmp_path / "agent.md"
    profile.write_text(hostile)
    result = run_agentgen("new", str(profile), "--defaults", "--no-git", cwd=work)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in work.iterdir()] == ["escaped-x"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agent.md", "work"]


def test_a_symlinked_agent_file_leading_out_of_the_project_is_refused(project: Path, tmp_path: Path):
    copy = tmp_path / "svc"
    shutil.copytree(project, copy, symlinks=True)
    (tmp_path / "secret.md").write_text(PROFILE)
    agents = copy / ".claude" / "agents"
    for old in agents.iterdir():
        old.unlink()
    (agents / "fastapi-postgres.md").symlink_to(tmp_path / "secret.md")
    assert_one_line_error(run_agentgen("doctor", str(copy)), "outside the project")


def test_a_deeply_nested_openapi_file_fails_its_check_without_a_traceback(project: Path, tmp_path: Path):
    copy = tmp_path / "svc"
    shutil.copytree(project, copy, symlinks=True)
    (copy / "openapi.yaml").write_bytes(DEEP)
    result = run_agentgen("doctor", str(copy), "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nested too deeply" in result.stdout


def test_terminal_escapes_in_a_profile_are_printed_inert(tmp_path: Path):
    profile = tmp_path / "agent.md"
    profile.write_text(
        PROFILE.replace("Orders service", "Orders [/] service \\e]0;owned\\a \\e[2J")
        .replace("description: ", 'description: "')
        .replace("PostgreSQL.\n---", 'PostgreSQL."\n---')
    )
    result = run_agentgen("inspect", str(profile))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert "Orders [/] service" in result.stdout


def test_a_killed_run_leaves_a_temporary_folder_the_next_run_removes(tmp_path: Path):
    stale = tmp_path / ".svc.agentgen-dead"
    (stale / "svc").mkdir(parents=True)
    dead = subprocess.Popen(["true"])
    dead.wait()
    (stale / ".agentgen-owner").write_text(f"{dead.pid}\n")
    foreign = tmp_path / ".other.agentgen-kept"  # no owner file: not agentgen's to remove
    foreign.mkdir()
    result = run_agentgen("new", "fastapi-postgres", str(tmp_path / "next"), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and foreign.exists()
