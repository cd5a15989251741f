"""The catalog: what agentgen knows about technologies, standards and stacks, loaded from the YAML beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

# YAML section → the kind reported in inference results.
KINDS = {
    "languages": "language",
    "frameworks": "framework",
    "databases": "database",
    "caches": "cache",
    "queues": "queue",
    "orms": "orm",
    "test_tools": "test",
    "api_styles": "api",
    "infrastructure": "infrastructure",
}


@dataclass(frozen=True)
class Technology:
    id: str
    kind: str
    matchers: tuple[re.Pattern[str], ...]
    fences: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    nearest: str | None = None
    family: str | None = None


@dataclass(frozen=True)
class Standard:
    id: str
    title: str
    matchers: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Stack:
    id: str
    title: str
    language: str
    framework: str
    databases: tuple[str, ...]

    @property
    def default_database(self) -> str:
        return self.databases[0]


@dataclass(frozen=True)
class Feature:
    """An answer that switches a standard's implementation on or off."""

    answer: str
    standard: str
    title: str


@dataclass(frozen=True)
class Check:
    """One fact `agentgen doctor` verifies: a named check (see doctor.py) on a file, with an optional pattern."""

    check: str
    file: str
    pattern: str = ""


@dataclass(frozen=True)
class Implementation:
    """How one stack implements one standard: the files that do it, and how to see it still does."""

    files: tuple[str, ...]
    feature: str | None = None
    note: str = ""
    checks: tuple[Check, ...] = ()

    def all_checks(self) -> tuple[Check, ...]:
        """The listed checks, or else: every file exists."""
        return self.checks or tuple(Check("exists", f) for f in self.files)


@dataclass(frozen=True)
class Catalog:
    technologies: tuple[Technology, ...]
    standards: tuple[Standard, ...]
    stacks: dict[str, Stack]
    language_fallback: dict[str, str]
    features: tuple[Feature, ...] = ()
    implementations: dict[str, dict[str, Implementation]] = field(default_factory=dict)

    def implementation(self, stack: str, standard: str) -> Implementation | None:
        return self.implementations.get(stack, {}).get(standard)

    def technology(self, tech_id: str) -> Technology | None:
        return next((t for t in self.technologies if t.id == tech_id), None)

    def of_kind(self, kind: str) -> list[Technology]:
        return [t for t in self.technologies if t.kind == kind]

    def stack_for_framework(self, framework: str) -> Stack | None:
        return next((s for s in self.stacks.values() if s.framework == framework), None)


def alias_pattern(alias: str) -> re.Pattern[str]:
    """A case-insensitive match of `alias` as a whole word (dashes count as boundaries: `pytest-django`)."""
    return re.compile(rf"(?<![\w@$]){re.escape(alias)}(?![\w@])", re.IGNORECASE)


def _load(name: str) -> Any:
    return yaml.safe_load(resources.files(__name__).joinpath(name).read_text(encoding="utf-8"))


def _technology(tech_id: str, kind: str, spec: dict[str, Any]) -> Technology:
    matchers = [alias_pattern(a) for a in spec.get("aliases", [])]
    matchers += [re.compile(p) for p in spec.get("patterns", [])]
    return Technology(
        id=tech_id,
        kind=kind,
        matchers=tuple(matchers),
        fences=frozenset(spec.get("fences", [])),
        files=tuple(spec.get("files", [])),
        languages=tuple(spec.get("languages", [])),
        nearest=spec.get("nearest"),
        family=spec.get("family"),
    )


@cache
def load_catalog() -> Catalog:
    tech_data = _load("technologies.yml")
    technologies = tuple(
        _technology(tech_id, kind, spec or {})
        for section, kind in KINDS.items()
        for tech_id, spec in (tech_data.get(section) or {}).items()
    )
    standards = tuple(
        Standard(sid, spec["title"], tuple(re.compile(p, re.IGNORECASE) for p in spec["patterns"]))
        for sid, spec in _load("standards.yml")["standards"].items()
    )
    stack_data = _load("stacks.yml")
    stacks = {
        sid: Stack(sid, spec["title"], spec["language"], spec["framework"], tuple(spec["databases"]))
        for sid, spec in stack_data["stacks"].items()
    }
    impl_data = _load("implementations.yml")
    features = tuple(Feature(answer, spec["standard"], spec["title"]) for answer, spec in impl_data["features"].items())
    implementations = {
        stack: {
            sid: Implementation(
                tuple(spec.get("files", [])),
                spec.get("feature"),
                spec.get("note", ""),
                tuple(Check(**check) for check in spec.get("checks", [])),
            )
            for sid, spec in (standards_of_stack or {}).items()
        }
        for stack, standards_of_stack in impl_data["stacks"].items()
    }
    return Catalog(
        technologies,
        standards,
        stacks,
        dict(stack_data.get("language_fallback") or {}),
        features,
        implementations,
    )
