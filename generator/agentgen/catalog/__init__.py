"""The catalog: what agentgen knows about technologies, standards and stacks, loaded from the YAML beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from agentgen.errors import AgentgenError
from agentgen.files import SAFE_LOADER, load_yaml, read_bounded
from agentgen.resources import data_root

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
    sources: tuple[str, ...]
    """Regular expressions naming the technology, flags inline; compiled together into the catalog's scanners."""
    fences: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    nearest: str | None = None
    family: str | None = None
    layout: tuple[str, ...] = ()

    @cached_property
    def matchers(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(source) for source in self.sources)


@dataclass(frozen=True)
class Standard:
    id: str
    title: str
    sources: tuple[str, ...]
    unless: re.Pattern[str] | None = None
    tools: dict[str, re.Pattern[str]] = field(default_factory=dict)
    """Ways of meeting the standard a profile may name (marshmallow, Flyway), by display name."""
    topic: str = ""
    """"security" for those a project's docs/SECURITY.md lists again."""


@dataclass(frozen=True)
class Tool:
    """A program a stack's project needs on PATH, and how a person gets it."""

    command: str
    get: str


@dataclass(frozen=True)
class Stack:
    id: str
    title: str
    language: str
    framework: str
    databases: tuple[str, ...]
    verify_seconds: float = 0
    toolchain: tuple[Tool, ...] = ()

    @property
    def default_database(self) -> str:
        return self.databases[0]


@dataclass(frozen=True)
class ValueSpec:
    """A concrete value a profile can state ("/api/v2", "4 workers") and the Copier answer it becomes."""

    answer: str
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    standard: str | None = None
    value: str | None = None
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Deliverable:
    """A document a profile may list among its deliverables, and the files of a generated project that hold it."""

    title: str
    patterns: tuple[re.Pattern[str], ...]
    files: tuple[str, ...] = ()
    note: str = ""
    target: str = ""
    """The make target that writes it on each run (a test report), where no committed file holds it."""


@dataclass(frozen=True)
class Feature:
    """An answer that switches a standard's implementation on or off."""

    answer: str
    standard: str
    title: str
    when_asked: bool = False
    """On only when the profile asks for its standard (tracing); otherwise every project carries it."""


@dataclass(frozen=True)
class Check:
    """One fact `agentgen doctor` verifies: a named check (see doctor.py) on a file, with an optional pattern.

    `${answer}` in a pattern stands for that answer's value, escaped (`${health_path}` → `/healthz`), so the check
    is of the value this project was generated with. `when` ("id_type=uuid") limits the check to projects with
    that answer.
    """

    check: str
    file: str
    pattern: str = ""
    when: str = ""

    def applies(self, answers: dict[str, Any]) -> bool:
        if not self.when:
            return True
        answer, _, value = self.when.partition("=")
        return str(answers.get(answer)) == value


@dataclass(frozen=True)
class Implementation:
    """How one stack implements one standard: the files that do it, and how to see it still does."""

    files: tuple[str, ...]
    feature: str | None = None
    note: str = ""
    checks: tuple[Check, ...] = ()
    requires: dict[str, str] = field(default_factory=dict)
    """Answers without which the standard is not generated (uuid-keys: id_type=uuid)."""
    uses: str | None = None
    """The tool it is met with, one of the standard's `tools` (pydantic, Alembic)."""

    def all_checks(self, answers: dict[str, Any]) -> tuple[Check, ...]:
        """The listed checks that apply to these answers, or else: every file exists."""
        return tuple(c for c in self.checks if c.applies(answers)) or tuple(Check("exists", f) for f in self.files)

    def turned_off(self, answers: dict[str, Any]) -> bool:
        return self.feature is not None and answers.get(self.feature) is False

    def unmet(self, answers: dict[str, Any]) -> str | None:
        """Why the project does not carry this standard although the stack can: an answer chose otherwise."""
        if self.turned_off(answers):
            return f"turned off ({self.feature}=false)"
        wrong = [(k, v) for k, v in self.requires.items() if str(answers.get(k)) != v]
        return "; ".join(f"{k} is {answers.get(k)}, not {v}" for k, v in wrong) or None


@dataclass(frozen=True)
class Catalog:
    technologies: tuple[Technology, ...]
    standards: tuple[Standard, ...]
    stacks: dict[str, Stack]
    language_fallback: dict[str, str]
    features: tuple[Feature, ...] = ()
    implementations: dict[str, dict[str, Implementation]] = field(default_factory=dict)
    default_stack: str = "fastapi"
    """For a profile that names no language or framework at all (never for one naming a stack agentgen lacks)."""
    values: tuple[ValueSpec, ...] = ()
    """The concrete values a profile can state, in values.yml's order."""
    persona: re.Pattern[str] = re.compile("(?!)")
    """A profile description that speaks of the agent rather than the service."""
    deliverables_section: re.Pattern[str] = re.compile("(?!)")
    """A heading whose bullets list what the profile's agent delivers."""
    deliverables: tuple[Deliverable, ...] = ()
    by_standards: Deliverable = Deliverable("", ())
    """What delivers an item that matches no document but names standards: the code, as STANDARDS.md shows."""

    def implementation(self, stack: str, standard: str) -> Implementation | None:
        return self.implementations.get(stack, {}).get(standard)

    def standard(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standards if s.id == standard_id), None)

    @cached_property
    def scanners(self) -> dict[str, Scanner]:
        """One scanner per kind of technology (technologies of different kinds may overlap in a text)."""
        kinds = dict.fromkeys(t.kind for t in self.technologies)
        return {kind: scanner([(t.id, t.sources) for t in self.of_kind(kind)]) for kind in kinds}

    @cached_property
    def standard_scanners(self) -> dict[str, re.Pattern[str]]:
        """One regular expression per standard (standards overlap freely: "HEALTHCHECK" is two of them)."""
        return {s.id: scanner([(s.id, s.sources)]).regex for s in self.standards}

    @cached_property
    def _by_id(self) -> dict[str, Technology]:
        return {t.id: t for t in self.technologies}

    def technology(self, tech_id: str) -> Technology | None:
        return self._by_id.get(tech_id)

    def of_kind(self, kind: str) -> list[Technology]:
        return [t for t in self.technologies if t.kind == kind]

    def stack_for_framework(self, framework: str) -> Stack | None:
        return next((s for s in self.stacks.values() if s.framework == framework), None)


@dataclass(frozen=True)
class Scanner:
    """Many patterns in one regular expression: one pass over a text finds the first match of each key."""

    regex: re.Pattern[str]
    keys: tuple[str, ...]

    def first_matches(self, text: str) -> dict[str, re.Match[str]]:
        found: dict[str, re.Match[str]] = {}
        for match in self.regex.finditer(text):
            found.setdefault(self.keys[int(str(match.lastgroup)[1:])], match)
        return found


def scanner(entries: list[tuple[str, tuple[str, ...]]]) -> Scanner:
    """Alternation of every source, each in a named group that maps back to its key. Only the alternations are
    compiled: a run pays for a few large regular expressions, not for hundreds of small ones it never uses alone."""
    parts: list[str] = []
    keys: list[str] = []
    for key, sources in entries:
        for source in sources:
            parts.append(f"(?P<g{len(keys)}>{source})")
            keys.append(key)
    return Scanner(re.compile("|".join(parts) or "(?!)"), tuple(keys))


def ignoring_case(source: str) -> str:
    """`source` with case-insensitivity scoped to itself, so it can sit in an alternation with others."""
    return f"(?i:{source.removeprefix('(?i)')})"


def alias_source(alias: str) -> str:
    """A case-insensitive match of `alias` as a whole word (dashes count as boundaries: `pytest-django`)."""
    return ignoring_case(rf"(?<![\w@$]){re.escape(alias)}(?![\w@])")


def _load(name: str) -> Any:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def _technology(tech_id: str, kind: str, spec: dict[str, Any]) -> Technology:
    sources = [alias_source(a) for a in spec.get("aliases", [])]
    sources += [ignoring_case(p) if p.startswith("(?i)") else p for p in spec.get("patterns", [])]
    return Technology(
        id=tech_id,
        kind=kind,
        sources=tuple(sources),
        fences=frozenset(spec.get("fences", [])),
        files=tuple(spec.get("files", [])),
        layout=tuple(spec.get("layout", [])),
        languages=tuple(spec.get("languages", [])),
        nearest=spec.get("nearest"),
        family=spec.get("family"),
    )


MANIFEST = "stack.yml"


def _implementation(spec: dict[str, Any]) -> Implementation:
    return Implementation(
        tuple(spec.get("files", [])),
        spec.get("feature"),
        spec.get("note", ""),
        tuple(Check(**check) for check in spec.get("checks", [])),
        {str(k): str(v) for k, v in (spec.get("requires") or {}).items()},
        spec.get("uses"),
    )


def manifests(templates: Path) -> dict[str, dict[str, Any]]:
    """Each stack's templates/<stack>/stack.yml, by stack, in the folders' order."""
    found = {}
    for path in sorted(templates.glob(f"*/{MANIFEST}")):
        spec = load_yaml(read_bounded(path), str(path))
        if not isinstance(spec, dict):
            raise AgentgenError(f"{path}: not a mapping")
        found[path.parent.name] = spec
    return found


def load_catalog(templates: Path | None = None) -> Catalog:
    """The catalog of agentgen's own stacks and, where another copy of the templates is given, of the stacks whose
    manifests it holds (its knowledge wins; a copy older than the manifests keeps agentgen's)."""
    given = templates.resolve() if templates else None
    return _load_catalog(None if given == (data_root() / "templates").resolve() else given)


@cache
def _load_catalog(templates: Path | None) -> Catalog:
    tech_data = _load("technologies.yml")
    technologies = tuple(
        _technology(tech_id, kind, spec or {})
        for section, kind in KINDS.items()
        for tech_id, spec in (tech_data.get(section) or {}).items()
    )
    standards = tuple(
        Standard(
            sid,
            spec["title"],
            tuple(ignoring_case(p) for p in spec["patterns"]),
            re.compile(spec["unless"], re.IGNORECASE) if "unless" in spec else None,
            {name: re.compile(pattern, re.IGNORECASE) for name, pattern in (spec.get("tools") or {}).items()},
            spec.get("topic", ""),
        )
        for sid, spec in _load("standards.yml")["standards"].items()
    )
    stack_data = _load("stacks.yml")
    specs = manifests(data_root() / "templates") | (manifests(templates) if templates else {})
    try:
        stacks = {
            sid: Stack(
                sid,
                spec["title"],
                spec["language"],
                spec["framework"],
                tuple(spec["databases"]),
                spec.get("verify_seconds", 0),
                tuple(Tool(name, stack_data["tools"][name]) for name in spec.get("toolchain", [])),
            )
            for sid, spec in specs.items()
        }
        implementations = {
            sid: {standard: _implementation(impl) for standard, impl in (spec.get("implementations") or {}).items()}
            for sid, spec in specs.items()
        }
    except (KeyError, TypeError) as err:
        raise AgentgenError(f"{templates or data_root()}: a stack's {MANIFEST} lacks or misnames {err}") from None
    features = tuple(
        Feature(answer, spec["standard"], spec["title"], spec.get("default") == "when asked")
        for answer, spec in stack_data["features"].items()
    )
    value_data = _load("values.yml")
    deliverable_data = _load("deliverables.yml")
    values = tuple(
        ValueSpec(
            answer,
            spec["kind"],
            tuple(re.compile(p, re.IGNORECASE) for p in spec["patterns"]),
            spec.get("standard"),
            spec.get("value"),
            re.compile(spec["unless"], re.IGNORECASE) if "unless" in spec else None,
        )
        for answer, spec in value_data["values"].items()
    )
    return Catalog(
        technologies,
        standards,
        stacks,
        dict(stack_data.get("language_fallback") or {}),
        features,
        implementations,
        stack_data.get("default_stack", "fastapi"),
        values,
        re.compile(value_data["persona"], re.IGNORECASE),
        re.compile(deliverable_data["section"], re.IGNORECASE),
        tuple(
            Deliverable(
                spec["title"],
                tuple(re.compile(p, re.IGNORECASE) for p in spec["patterns"]),
                tuple(spec.get("files", [])),
                spec.get("note", ""),
                spec.get("target", ""),
            )
            for spec in deliverable_data["documents"]
        ),
        Deliverable(deliverable_data["by_standards"]["title"], (), tuple(deliverable_data["by_standards"]["files"])),
    )
