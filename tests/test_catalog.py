"""The catalog and the template repository tell the same story."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from agentgen.catalog import load_catalog
from agentgen.resources import data_root

from .conftest import assert_one_line_error, run_agentgen

COPIER = yaml.safe_load((data_root() / "copier.yml").read_text())


def test_stacks_agree_between_catalog_copier_and_templates():
    templates = {p.name for p in (data_root() / "templates").iterdir() if p.is_dir() and not p.name.startswith("_")}
    choices = set(COPIER["stack"]["choices"].values())
    assert set(load_catalog().stacks) == choices == templates


@pytest.mark.parametrize("stack", sorted(load_catalog().stacks))
def test_databases_offered_by_copier_match_the_catalog(stack: str):
    from jinja2 import Environment

    jinja = Environment(autoescape=False)  # noqa: S701 - renders copier.yml expressions, not HTML
    offered = []
    for choice in COPIER["database"]["choices"].values():
        value, validator = (choice, "") if isinstance(choice, str) else (choice["value"], choice["validator"])
        if not jinja.from_string(validator).render(stack=stack).strip():
            offered.append(value)
    assert set(offered) == set(load_catalog().stacks[stack].databases)
    default = jinja.from_string(COPIER["database"]["default"]).render(stack=stack)
    assert default == load_catalog().stacks[stack].default_database


def test_every_implemented_standard_is_a_catalog_standard():
    catalog = load_catalog()
    ids = {s.id for s in catalog.standards}
    for stack, standards in catalog.implementations.items():
        assert stack in catalog.stacks
        assert set(standards) <= ids, stack
    for feature in catalog.features:
        assert feature.standard in ids and feature.answer in COPIER


def test_every_framework_nearest_stack_exists():
    catalog = load_catalog()
    for tech in catalog.of_kind("framework"):
        assert tech.nearest is None or tech.nearest in catalog.stacks, tech.id
    assert set(catalog.language_fallback.values()) <= set(catalog.stacks)


@pytest.mark.parametrize("stack", sorted(load_catalog().stacks))
def test_every_stack_says_how_long_verifying_takes(stack: str):
    assert load_catalog().stacks[stack].verify_seconds > 0


def test_copier_yml_offers_what_the_manifests_say():
    result = subprocess.run(
        [sys.executable, "scripts/copier_choices.py", "--check", str(data_root())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_a_new_stack_is_one_folder(tmp_path: Path):
    """A throwaway stack: its folder with a stack.yml (and its files) is all agentgen needs to infer it, offer it,
    generate it and say which standards it implements."""
    source = tmp_path / "templates-copy"
    (source / "templates").mkdir(parents=True)
    shutil.copy(data_root() / "copier.yml", source)
    shutil.copytree(data_root() / "templates" / "_shared", source / "templates" / "_shared")
    tiny = source / "templates" / "tiny"
    tiny.mkdir()
    (tiny / "stack.yml").write_text(
        "title: Tiny Flask (Python)\nlanguage: python\nframework: flask\ndatabases: [sqlite]\n"
        "implementations:\n"
        "  health:\n    files: [app.py]\n"
        "    checks: [{check: contains, file: app.py, pattern: 'HEALTH_PATH = \"${health_path}\"'}]\n"
    )
    (tiny / "app.py.jinja").write_text('"""{{ description }}"""\n\nHEALTH_PATH = "{{ health_path }}"\n')
    answers_file = "{{ _copier_conf.answers_file }}.jinja"  # every stack records its answers the shared way
    shutil.copy(data_root() / "templates" / "fastapi" / answers_file, tiny / answers_file)
    subprocess.run([sys.executable, "scripts/copier_choices.py", str(source)], check=True, cwd=data_root())
    profile = tmp_path / "flask.md"
    profile.write_text("---\nname: flask-dev\ndescription: Orders API on Flask.\n---\n# Flask\n\n- `/healthz` probe\n")

    result = run_agentgen(
        "new", str(profile), str(tmp_path / "svc"), "--defaults", "--no-git", "--template-src", str(source)
    )
    assert result.returncode == 0, result.stderr
    answers = yaml.safe_load((tmp_path / "svc" / ".copier-answers.yml").read_text())
    assert (answers["stack"], answers["database"]) == ("tiny", "sqlite")
    assert 'HEALTH_PATH = "/healthz"' in (tmp_path / "svc" / "app.py").read_text()
    assert {row["id"]: row["status"] for row in answers["standards"]}["health"] == "implemented"

    # doctor checks it as the source's manifest says, when told which source (never from the answers file alone).
    project = str(tmp_path / "svc")
    assert_one_line_error(run_agentgen("doctor", project), "stack 'tiny' is not one this agentgen knows")
    checked = run_agentgen("doctor", project, "--json", "--template-src", str(source))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert {f["standard"]: f["status"] for f in json.loads(checked.stdout)["standards"]}["health"] == "ok"
    (tmp_path / "svc" / "app.py").write_text('HEALTH_PATH = "/health"\n')
    broken = run_agentgen("doctor", project, "--json", "--template-src", str(source))
    assert broken.returncode == 1
    assert json.loads(broken.stdout)["failing"] == ["health"]
