"""The catalog and the template repository tell the same story."""

from __future__ import annotations

import re

import pytest
import yaml

from agentgen.catalog import load_catalog
from agentgen.resources import data_root

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
def test_every_stack_says_how_long_verifying_takes_and_where_its_package_names_are(stack: str):
    spec = load_catalog().stacks[stack]
    assert spec.verify_seconds > 0
    if spec.packages:
        lock = data_root() / "templates" / stack / spec.packages.file
        assert lock.is_file()
        assert len(re.findall(spec.packages.pattern, lock.read_text())) >= 10
