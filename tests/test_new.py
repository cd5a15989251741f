"""`agentgen new`: what it writes, what it refuses, and that it never leaves half a project behind."""

from __future__ import annotations

import ast
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

import pytest
import yaml

from agentgen.catalog import load_catalog
from agentgen.profile import read_profile
from agentgen.resources import builtin_profiles, data_root

from .conftest import ROOT, assert_one_line_error, run_agentgen


def leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if ".agentgen-" in p.name]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("new") / "orders-api"
    result = run_agentgen("new", "fastapi-postgres", str(dest), "--defaults")
    assert result.returncode == 0, result.stderr
    return dest


def test_project_has_the_contract_files(project: Path):
    for relative in (
        "README.md", "AGENTS.md", "STANDARDS.md", "Makefile", "Dockerfile", ".dockerignore", "compose.yaml",
        ".env.example", "openapi.yaml", ".github/workflows/ci.yml", ".pre-commit-config.yaml", "pyproject.toml",
        ".claude/agents/fastapi-postgres.md", ".copier-answers.yml",
    ):  # fmt: skip
        assert (project / relative).is_file(), relative


def test_nothing_is_left_unrendered(project: Path):
    for path in project.rglob("*"):
        if path.is_file() and ".git" not in path.parts and path.suffix != ".lock":
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "{%" not in text, path
            assert "{{" not in text.replace("${{", ""), path


def test_agent_file_is_the_profile_verbatim(project: Path):
    assert (project / ".claude/agents/fastapi-postgres.md").read_bytes() == builtin_profiles()[
        "fastapi-postgres"
    ].read_bytes()


def test_answers_file_records_the_template_repository_and_version(project: Path):
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    assert answers["_src_path"] == str(data_root())
    expected = subprocess.run(["git", "describe", "--tags", "--always"], cwd=ROOT, capture_output=True, text=True)
    assert answers["_commit"] == expected.stdout.strip()
    assert answers["project_name"] == "orders-api"
    assert answers["stack"] == "fastapi" and answers["database"] == "postgresql"
    assert answers["coverage_min"] == 85  # from the profile's "85% or more"
    jwt = next(s for s in answers["standards"] if s["id"] == "jwt")
    assert jwt["asked_by"].startswith("line 36: JWT authentication")
    assert "app/core/security.py" in jwt["files"]


def test_standards_md_traces_each_standard_to_its_line_and_files(project: Path):
    standards = (project / "STANDARDS.md").read_text()
    assert "line 36: JWT authentication" in standards
    assert "app/core/security.py" in standards


def test_catalog_files_exist_in_the_generated_project(project: Path):
    """Every file the catalog names for a standard the project carries (tracing is off unless the profile asks)."""
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text())
    for standard, impl in load_catalog().implementations["fastapi"].items():
        for relative in [] if impl.turned_off(answers) else impl.files:
            assert (project / relative).exists(), f"{standard}: {relative}"


def test_first_commit_and_a_clean_tree(project: Path):
    log = subprocess.run(["git", "log", "--oneline"], cwd=project, capture_output=True, text=True, check=True)
    assert len(log.stdout.splitlines()) == 1 and "agentgen" in log.stdout
    status = subprocess.run(["git", "status", "--porcelain"], cwd=project, capture_output=True, text=True, check=True)
    assert status.stdout == ""


def test_profile_text_is_data_never_evaluated(tmp_path: Path):
    profile = tmp_path / "evil.md"
    profile.write_text(
        "---\nname: evil\ndescription: FastAPI service {{ 7*7 }} $(touch pwned) `touch pwned2`\n---\n"
        "# FastAPI {% raw %} on PostgreSQL\n\n- JWT {{ cycler.__init__ }} $(touch pwned3)\n"
    )
    dest = tmp_path / "out" / "evil-svc"
    result = run_agentgen("new", str(profile), str(dest), "--defaults", "--no-git", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    readme = (dest / "README.md").read_text()
    assert "{{ 7*7 }} $(touch pwned)" in readme
    assert "49" not in readme.split("{{ 7*7 }}")[0][-5:]
    assert "{{ cycler.__init__ }} $(touch pwned3)" in (dest / "STANDARDS.md").read_text()
    assert not list(tmp_path.rglob("pwned*"))
    assert not (ROOT / "pwned").exists()


def test_quotes_in_profile_text_cannot_break_generated_code(tmp_path: Path):
    profile = tmp_path / "quotes.md"
    profile.write_text(
        "---\nname: q\ndescription: 'FastAPI \"); import os; os.system(\"x\") # \\ '' <b> & é'\n---\nbody\n"
    )
    dest = tmp_path / "quotes"
    assert run_agentgen("new", str(profile), str(dest), "--defaults", "--no-git").returncode == 0
    expected = read_profile(profile).description
    for path in dest.rglob("*.py"):
        ast.parse(path.read_text(), str(path))
    assert tomllib.loads((dest / "pyproject.toml").read_text())["project"]["description"] == expected
    assert yaml.safe_load((dest / "openapi.yaml").read_text())["info"]["description"] == expected


def test_profile_layout_directories_are_added(tmp_path: Path):
    profile = tmp_path / "layout.md"
    profile.write_text(
        "---\nname: svc\n---\n# FastAPI on PostgreSQL\n\n```\nsrc/\n├── handlers/\n└── jobs/\napp/\n└── core/\n```\n"
    )
    dest = tmp_path / "svc"
    result = run_agentgen("new", str(profile), str(dest), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    for folder in ("src/handlers", "src/jobs"):
        assert (dest / folder / "README.md").is_file()
    assert not (dest / "app/core/README.md").exists()  # the template's own folder is left alone


def test_nearest_stack_is_used_with_a_warning_naming_it(tmp_path: Path):
    profile = tmp_path / "flask.md"
    profile.write_text("---\nname: flask-dev\ndescription: Flask APIs on PostgreSQL\n---\nFlask blueprints.\n")
    result = run_agentgen("new", str(profile), str(tmp_path / "api"), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    assert "no flask template" in result.stderr and "using fastapi" in result.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--stack", "cobol"], "unknown stack 'cobol'"),
        (["--database", "oracle"], "not 'oracle'"),
        (["--data", "project_name=../evil"], "unsafe project name"),
        (["--data", "project_name=a/b"], "unsafe project name"),
        (["--data", "project_name="], "unsafe project name"),
        (["--data", "nonsense=1"], "unknown answer 'nonsense'"),
        (["--data", "novalue"], "expected key=value"),
        (["--data", "coverage_min=300"], "rendering the fastapi template failed"),
        (["--template-src", "/nonexistent/templates"], "no copier.yml"),
    ],
)
def test_bad_input_writes_nothing(tmp_path: Path, args: list[str], fragment: str):
    dest = tmp_path / "svc"
    assert_one_line_error(run_agentgen("new", "fastapi-postgres", str(dest), "--defaults", *args), fragment)
    assert not dest.exists()
    assert leftovers(tmp_path) == []


def _locked_name(project: Path) -> tuple[str, str]:
    """The name the project's manifest gives it, and the name its lock file records for it."""
    if (project / "package.json").is_file():
        return (
            json.loads((project / "package.json").read_text())["name"],
            json.loads((project / "package-lock.json").read_text())["packages"][""]["name"],
        )
    lock = tomllib.loads((project / "uv.lock").read_text())
    root = next(p["name"] for p in lock["package"] if p["source"] == {"virtual": "."})
    return tomllib.loads((project / "pyproject.toml").read_text())["project"]["name"], root


@pytest.mark.parametrize(("stack", "name"), [("fastapi", "starlette"), ("django", "django"), ("express", "express")])
def test_a_service_may_be_named_like_one_of_its_dependencies(tmp_path: Path, stack: str, name: str):
    """uv and npm refuse a package named like one of its dependencies; the manifest names the package as the
    template's one lock file does, whatever the service is called, so the lock stays true."""
    dest = tmp_path / name
    result = run_agentgen(
        "new",
        "fastapi-postgres",
        str(dest),
        "--defaults",
        "--no-git",
        "--stack",
        stack,
        "--data",
        f"project_name={name}",
    )
    assert result.returncode == 0, result.stderr
    manifest, locked = _locked_name(dest)
    assert manifest == locked
    assert manifest != name
    assert (dest / "README.md").read_text().startswith(f"# {name}")


def test_existing_destinations_are_refused(tmp_path: Path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    (tmp_path / "file").write_text("mine")
    assert_one_line_error(run_agentgen("new", "fastapi-postgres", str(tmp_path / "full"), "--defaults"), "not empty")
    assert_one_line_error(run_agentgen("new", "fastapi-postgres", str(tmp_path / "file"), "--defaults"), "not a dir")
    assert (tmp_path / "full" / "keep.txt").read_text() == "mine"
    assert (tmp_path / "file").read_text() == "mine"


def test_an_empty_destination_folder_is_used(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = run_agentgen("new", "fastapi-postgres", str(tmp_path / "empty"), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "empty" / "Makefile").is_file()


def test_stack_without_a_template_is_refused(tmp_path: Path):
    missing = [s for s in load_catalog().stacks if not (data_root() / "templates" / s).is_dir()]
    if not missing:
        pytest.skip("every catalog stack has its template")
    assert_one_line_error(
        run_agentgen("new", "fastapi-postgres", str(tmp_path / "x"), "--defaults", "--stack", missing[0]),
        "not in this agentgen",
    )
    assert not (tmp_path / "x").exists()


def test_a_broken_template_leaves_no_destination(tmp_path: Path):
    broken = tmp_path / "templates-copy"
    broken.mkdir()
    (broken / "copier.yml").write_text((ROOT / "copier.yml").read_text())
    subprocess.run(["cp", "-r", str(ROOT / "templates"), str(broken)], check=True)
    (broken / "templates" / "fastapi" / "broken.txt.jinja").write_text("{{ undefined_thing.attr }}")
    dest = tmp_path / "out" / "svc"
    result = run_agentgen("new", "fastapi-postgres", str(dest), "--defaults", "--template-src", str(broken))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert not dest.exists() and not dest.parent.exists()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("delay", [0.3, 0.6, 0.9, 1.2])
def test_interrupting_at_any_moment_leaves_no_destination(tmp_path: Path, signum: int, delay: float):
    dest = tmp_path / "svc"
    process = subprocess.Popen(
        [sys.executable, "-m", "agentgen", "new", "fastapi-postgres", str(dest), "--defaults"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "120"},
    )
    time.sleep(delay)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    if dest.exists():  # the rename happened before the signal: then the project is whole
        assert (dest / ".git").is_dir() and (dest / ".copier-answers.yml").is_file(), stderr
    else:
        assert process.returncode != 0
    assert leftovers(tmp_path) == []


def test_plain_copier_renders_this_repository_without_agentgen(tmp_path: Path):
    copier = Path(sys.executable).with_name("copier")
    dest = tmp_path / "plain-svc"
    result = subprocess.run(
        [str(copier), "copy", "--defaults", "--vcs-ref", "HEAD", "--data", "stack=fastapi", str(ROOT), str(dest)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((dest / ".copier-answers.yml").read_text())
    assert answers["_src_path"] == str(ROOT) and answers["_commit"]
    assert answers["project_name"] == "my-service" and answers["standards"] == []
    assert "without an agent profile" in (dest / "STANDARDS.md").read_text()
    assert (dest / "Makefile").is_file() and not (dest / ".claude").exists()


def test_express_layers_hold_real_code_and_profile_folders_are_added(tmp_path: Path):
    profile = tmp_path / "layered.md"
    text = builtin_profiles()["express-layered"].read_text()
    extra_layers = "├── handlers/   # webhooks\n├── jobs/       # queues\n└── config/ "
    profile.write_text(text.replace("└── config/ ", extra_layers))
    dest = tmp_path / "layered"
    result = run_agentgen("new", str(profile), str(dest), "--defaults", "--no-git")
    assert result.returncode == 0, result.stderr
    for layer in ("controllers", "services", "repositories", "models", "middleware", "utils", "config"):
        assert list((dest / "src" / layer).glob("*.ts")), layer
    for extra in ("handlers", "jobs"):
        assert (dest / "src" / extra / "README.md").is_file(), extra


def test_gin_targets_load_dot_env_only_for_what_the_environment_leaves_unset(tmp_path: Path):
    """`make run`, `migrate` and `admin` read .env, but a variable the environment sets wins (as .env.example says)."""
    dest = tmp_path / "svc"
    assert run_agentgen("new", "gin-postgres", str(dest), "--defaults", "--no-git").returncode == 0
    makefile = (dest / "Makefile").read_text()
    assert makefile.count("\t$(LOAD_ENV) && $(GO) run ./cmd/api") == 3
    shutil.copy(dest / ".env.example", dest / ".env")
    (dest / "probe.mk").write_text('probe:\n\t@$(LOAD_ENV) && echo "$$DATABASE_URL|$$PORT"\n')
    probe = ["make", "-s", "-f", "Makefile", "-f", "probe.mk", "probe"]
    mine = {"PATH": os.environ["PATH"], "DATABASE_URL": "postgresql://me@db/app with 'quotes'"}
    done = subprocess.run(probe, cwd=dest, env=mine, capture_output=True, text=True, check=True)
    assert done.stdout == "postgresql://me@db/app with 'quotes'|8080\n"
    done = subprocess.run(probe, cwd=dest, env={"PATH": os.environ["PATH"]}, capture_output=True, text=True, check=True)
    assert done.stdout == "postgresql://app:app@localhost:5432/app|8080\n"


def test_compiled_templates_are_cached_and_a_bad_cache_entry_is_a_miss(tmp_path: Path):
    """`new` keeps Jinja bytecode between runs (in the temp folder, as Jinja does by default); whatever is in
    that cache, the project comes out the same."""
    (tmp_path / "tmp").mkdir()

    def new(run: str) -> None:
        dest = tmp_path / run / "svc"
        result = run_agentgen(
            "new", "fastapi-postgres", str(dest), "--defaults", "--no-git", env={"TMPDIR": str(tmp_path / "tmp")}
        )
        assert result.returncode == 0, result.stderr

    new("cold")
    entries = list((tmp_path / "tmp").glob("_jinja2-cache-*/*.cache"))
    assert len(entries) >= 20  # every template file of the stack
    for entry in entries:
        entry.write_bytes(b"not bytecode")

    new("warm")
    assert all(entry.read_bytes() != b"not bytecode" for entry in entries)  # rewritten after the miss
    new("hot")
    cold, warm, hot = (
        sorted(p.relative_to(tmp_path / run) for p in (tmp_path / run).rglob("*")) for run in ("cold", "warm", "hot")
    )
    assert cold == warm == hot
    for relative in cold:
        if (tmp_path / "cold" / relative).is_file():
            texts = {(tmp_path / run / relative).read_bytes() for run in ("cold", "warm", "hot")}
            assert len(texts) == 1, relative


@pytest.mark.parametrize("broken", ["__init__", "dump_bytecode"])
def test_a_bytecode_cache_that_cannot_be_made_or_written_only_costs_time(tmp_path: Path, monkeypatch, broken: str):
    from jinja2.bccache import FileSystemBytecodeCache

    from agentgen import demo
    from agentgen.source import resolve_source

    def fail(*args: object) -> None:
        raise RuntimeError("no temp folder") if broken == "__init__" else OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemBytecodeCache, broken, fail)
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # a cold cache: every template is dumped
    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump({"projects": [{"name": "svc", "profile": "fastapi-postgres"}]}))
    plans = demo.plan_batch(path, tmp_path / "out", resolve_source(None))
    [outcome] = demo.run_batch(plans, resolve_source(None), verify_projects=False, jobs=1)
    assert outcome.generated, outcome.error
    assert (tmp_path / "out" / "svc" / "app" / "main.py").is_file()


@pytest.mark.parametrize("finished", [True, False], ids=["after-the-rename", "before-the-rename"])
def test_a_signal_during_cleanup_waits_for_the_cleanup(tmp_path: Path, monkeypatch, finished: bool):
    """SIGTERM while the temporary folder is being removed: the removal completes, then the interrupt."""
    import shutil

    from agentgen import demo, render
    from agentgen.source import resolve_source

    path = tmp_path / "one.yaml"
    path.write_text(yaml.safe_dump({"projects": [{"name": "svc", "profile": "fastapi-postgres"}]}))
    source = resolve_source(None)
    (tmp_path / "out").mkdir()
    [plan] = demo.plan_batch(path, tmp_path / "out", source)
    real_rmtree = shutil.rmtree

    def signalled_rmtree(target: Path, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)  # Python runs the handler here, mid-cleanup
        real_rmtree(target, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(render.shutil, "rmtree", signalled_rmtree)
    if not finished:
        monkeypatch.setattr(render, "finish_project", lambda *args, **kwargs: 1 / 0)
    with pytest.raises(KeyboardInterrupt):
        render.render(plan, source, git=False)
    assert leftovers(tmp_path / "out") == []
    assert (tmp_path / "out" / "svc").is_dir() is finished
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


BUILTIN_OF_STACK = {
    "fastapi": "fastapi-postgres",
    "django": "django-mysql",
    "express": "express-layered",
    "gin": "gin-postgres",
}


@pytest.mark.parametrize("stack", sorted(BUILTIN_OF_STACK))
def test_a_missing_tool_is_named_with_where_to_get_it_by_new_and_by_the_makefile(stack: str, tmp_path: Path):
    """On a PATH without the stack's tools, `new` warns and `make install` stops with the same line, not 'not found'."""
    empty = tmp_path / "bin"  # only git, which agentgen itself needs
    empty.mkdir()
    (empty / "git").symlink_to(shutil.which("git") or "/usr/bin/git")
    dest = tmp_path / "svc"
    python = Path(sys.executable)
    result = subprocess.run(
        [str(python), "-m", "agentgen", "new", BUILTIN_OF_STACK[stack], str(dest), "--defaults", "--no-git"],
        capture_output=True, text=True, env={**os.environ, "PATH": str(empty)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    first = load_catalog().stacks[stack].toolchain[0]
    line = f"{first.command} is not on PATH; get it: {first.get}"
    assert f"warning: {line}" in " ".join(result.stderr.split())
    make = subprocess.run(
        ["/usr/bin/make", "install"], cwd=dest, capture_output=True, text=True, env={"PATH": str(empty)}
    )
    assert make.returncode != 0 and make.stderr.splitlines()[0] == line, make.stderr


def test_every_generated_ci_has_uv_for_the_docs_check_and_the_contract_fuzzing(tmp_path: Path):
    for stack, profile in BUILTIN_OF_STACK.items():
        dest = tmp_path / f"{stack}-svc"
        assert run_agentgen("new", profile, str(dest), "--defaults", "--no-git").returncode == 0
        steps = yaml.safe_load((dest / ".github/workflows/ci.yml").read_text())["jobs"]["test"]["steps"]
        runs = [step.get("run") for step in steps]
        uses = [step.get("uses", "") for step in steps]
        assert "make fuzz" in runs and "make lint" in runs, stack
        assert any(use.startswith("astral-sh/setup-uv") for use in uses[: runs.index("make lint")]), stack
