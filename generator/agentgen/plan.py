"""Plan: inference + flags + answers to the few open questions → everything the render needs, with provenance.

Only what the profile leaves open is asked: the stack when the profile is ambiguous or names a framework
agentgen has no template for, the database when the stack does not offer the profile's, and which
standards-driven features to include. Without a terminal the top candidate wins and a warning names the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import yaml

from agentgen.catalog import Catalog, load_catalog
from agentgen.errors import AgentgenError
from agentgen.infer import Evidence, Inference, stack_of
from agentgen.profile import Profile
from agentgen.project import typed_answers
from agentgen.source import TemplateSource

PROJECT_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DEFAULT_COVERAGE = 80
DEFAULT_LATENCY_MS = 100
DEFAULT_API_PREFIX = "/api/v1"


class Prompter(Protocol):
    """Asks the user; a non-interactive prompter answers with the default."""

    interactive: bool

    def select(
        self, question: str, choices: list[tuple[str, str]], default: str, disabled: Sequence[tuple[str, str]] = ()
    ) -> str: ...

    def text(self, question: str, default: str, validate: Any = None) -> str: ...

    def checkbox(self, question: str, choices: list[tuple[str, str, bool]]) -> list[str]: ...


class Defaults:
    """The prompter for `--defaults` and for runs without a terminal."""

    interactive = False

    def select(
        self, question: str, choices: list[tuple[str, str]], default: str, disabled: Sequence[tuple[str, str]] = ()
    ) -> str:
        return default

    def text(self, question: str, default: str, validate: Any = None) -> str:
        return default

    def checkbox(self, question: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        return [value for value, _, checked in choices if checked]


@dataclass(frozen=True)
class Decision:
    value: Any
    why: str


@dataclass
class Plan:
    profile: Profile
    inference: Inference
    dest: Path
    decisions: dict[str, Decision]
    """Every answer the project is rendered with, and why it has its value."""
    standards: list[dict[str, Any]] = field(default_factory=list)
    """STANDARDS.md's rows (see standards_answer): the one answer no single decision gives."""
    deliverables: list[dict[str, Any]] = field(default_factory=list)
    """STANDARDS.md's deliverables rows (see deliverables_answer)."""
    extra_dirs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unfollowed: list[str] = field(default_factory=list)
    """Values the profile states that the project does not follow, and why: said at the end of `new`."""

    @property
    def answers(self) -> dict[str, Any]:
        """The Copier answers: the decisions' values, and the rows of STANDARDS.md."""
        decided = {key: decision.value for key, decision in self.decisions.items()}
        return decided | {"standards": self.standards, "deliverables": self.deliverables}

    @property
    def stack(self) -> str:
        return str(self.decisions["stack"].value)

    @property
    def project_name(self) -> str:
        return str(self.decisions["project_name"].value)


def parse_data(pairs: list[str], data_file: Path | None) -> dict[str, Any]:
    """`--data-file` (a YAML mapping) first, then each `--data key=value` over it."""
    data: dict[str, Any] = {}
    if data_file is not None:
        try:
            loaded = yaml.safe_load(data_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
            raise AgentgenError(f"--data-file {data_file}: cannot read it as YAML ({err})") from err
        if loaded is not None and not isinstance(loaded, dict):
            raise AgentgenError(f"--data-file {data_file}: must hold a mapping of answers")
        data.update({str(k): v for k, v in (loaded or {}).items()})
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise AgentgenError(f"--data {pair!r}: expected key=value")
        data[key.strip()] = value
    return data


def slugify(text: str) -> str:
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def default_dest(profile: Profile) -> Path:
    """Without DEST: a folder in the current directory named after the profile, never a path it spells out."""
    name = slugify(profile.name)[:64].strip("-")
    if not PROJECT_NAME.match(name):
        raise AgentgenError(f"the profile's name {one_line(profile.name, 60)!r} cannot name a folder; give DEST")
    return Path(name)


def check_project_name(name: str) -> str:
    if not PROJECT_NAME.match(name):
        raise AgentgenError(
            f"unsafe project name {name!r}: use lowercase letters, digits and single dashes, starting with a letter"
        )
    return name


def _cite(evidence: list[Evidence] | None) -> str:
    if not evidence:
        return "profile"
    first = evidence[0]
    return f"profile line {first.line}: {first.text}"


def _choose_stack(
    inference: Inference, catalog: Catalog, available: list[str], flag: str | None, prompter: Prompter
) -> tuple[Decision, list[str]]:
    if flag:
        if flag not in catalog.stacks:
            raise AgentgenError(f"unknown stack {flag!r}; stacks: {', '.join(catalog.stacks)}")
        return Decision(flag, "--stack"), []

    if inference.stack in available and not inference.ambiguous:
        evidence = inference.evidence_for("framework", inference.framework) or inference.evidence_for(
            "language", inference.language
        )
        return Decision(inference.stack, _cite(evidence)), []

    if inference.stack and inference.stack not in available and not inference.ambiguous and not prompter.interactive:
        raise AgentgenError(
            f"the profile asks for the {inference.stack} stack, whose template is not in this agentgen "
            f"(available: {', '.join(available)}); pass --stack to choose one"
        )

    preferred = inference.stack or inference.nearest_stack
    ranked = [
        s for s in dict.fromkeys([*([preferred] if preferred else []), *inference.stack_scores]) if s in available
    ]
    named = inference.framework or inference.language
    if not ranked and named:
        return _no_stack_for(inference, catalog, available, named, prompter)
    if not ranked:
        default = catalog.default_stack if catalog.default_stack in available else available[0]
        reason = "the profile names no language or framework"
        chosen = prompter.select(f"Stack ({reason})", _stack_choices(inference, catalog, available), default)
        if prompter.interactive:
            return Decision(chosen, "asked"), []
        return Decision(chosen, f"agentgen's default stack ({reason})"), [
            f"{reason}; using agentgen's default stack, {chosen} (pass --stack to choose another)"
        ]

    if inference.ambiguous:
        reason = f"the profile is ambiguous: {inference.ambiguity}"
    else:
        reason = f"agentgen has no {inference.framework} template; {inference.nearest_stack} is the nearest"
    without = [
        (fw, "no template in agentgen") for fw in inference.alternatives if not stack_of(fw, catalog, nearest=True)
    ]
    choices = _stack_choices(inference, catalog, [*ranked, *(s for s in available if s not in ranked)])
    chosen = prompter.select(f"Stack ({reason})", choices, ranked[0], disabled=without)
    if prompter.interactive:
        return Decision(chosen, "asked"), []
    others = [s for s in ranked if s != chosen] + [f"{fw} (no template)" for fw, _ in without]
    warning = f"{reason}; using {chosen}" + (f" (alternatives: {', '.join(others)})" if others else "")
    return Decision(chosen, f"top candidate ({reason})"), [warning]


def _stack_choices(inference: Inference, catalog: Catalog, stacks: list[str]) -> list[tuple[str, str]]:
    """Each stack with its title, its score in this profile and the line that speaks for it."""
    choices = []
    for stack in stacks:
        framework = catalog.stacks[stack].framework if stack in catalog.stacks else None
        evidence = inference.evidence_for("framework", framework)
        score = inference.stack_scores.get(stack)
        said = f", line {evidence[0].line}: {evidence[0].text}" if evidence else ""
        title = catalog.stacks[stack].title if stack in catalog.stacks else stack
        choices.append((stack, f"{title}" + (f" (score {score:.1f}{said})" if score is not None else "")))
    return choices


def _no_stack_for(
    inference: Inference, catalog: Catalog, available: list[str], named: str, prompter: Prompter
) -> tuple[Decision, list[str]]:
    """The profile names a language or framework agentgen has no template for, nor any of the same language:
    never an unrelated stack in silence."""
    evidence = inference.evidence_for("framework", inference.framework) or inference.evidence_for(
        "language", inference.language
    )
    what = inference.framework or inference.language
    if inference.framework and inference.language:
        what = f"{inference.framework} ({inference.language})"
    message = (
        f"the profile asks for {what} ({_cite(evidence)}), and agentgen has no template for it or for any "
        f"{inference.language or named} stack (it has {', '.join(available)}); pass --stack to generate one anyway"
    )
    if not prompter.interactive:
        raise AgentgenError(message)
    stop = "stop"
    chosen = prompter.select(
        f"{message[0].upper()}{message[1:]}. Generate another stack?",
        [(stop, "no, stop here"), *_stack_choices(inference, catalog, available)],
        stop,
    )
    if chosen == stop:
        raise AgentgenError(f"stopped: {message.split(', and ')[0]} has no template in agentgen")
    return Decision(chosen, f"asked (the profile asks for {what})"), []


def _choose_database(
    inference: Inference, catalog: Catalog, stack: str, flag: str | None, prompter: Prompter
) -> tuple[Decision, list[str]]:
    offered = list(catalog.stacks[stack].databases)
    asked_for = inference.database
    tech = catalog.technology(asked_for) if asked_for else None
    family = tech.family if tech and tech.family else asked_for
    cited = _cite(inference.evidence_for("database", asked_for))
    if flag:
        if flag not in offered:
            raise AgentgenError(f"the {stack} stack offers databases {', '.join(offered)}, not {flag!r}")
        if tech is None or family == flag:
            return Decision(flag, "--database"), []
        warning = f"--database {flag} replaces the {asked_for} the profile names ({cited})"
        if inference.description and any(m.search(inference.description) for m in tech.matchers):
            warning += "; the description, copied from the profile, still names it"
        return Decision(flag, "--database"), [warning]
    if family in offered:
        return Decision(family, cited), []
    default = offered[0]
    if asked_for is None:
        return Decision(default, f"default of the {stack} stack"), []
    reason = f"the profile names {asked_for}, which the {stack} stack does not offer"
    chosen = prompter.select(f"Database ({reason})", [(d, d) for d in offered], default)
    if prompter.interactive:
        return Decision(chosen, "asked"), []
    return Decision(chosen, reason), [f"{reason}; using {chosen}"]


def _features(inference: Inference, catalog: Catalog, prompter: Prompter) -> dict[str, Decision]:
    """Standards-driven switches. On by default (every generated project carries them), or only when the profile
    asks; the profile's line is cited."""
    reasons, on = {}, {}
    for feature in catalog.features:
        hit = inference.standard(feature.standard)
        on[feature.answer] = bool(hit) or not feature.when_asked
        default = "off: the profile does not ask" if feature.when_asked else "agentgen default"
        reasons[feature.answer] = _cite(hit.evidence) if hit else default
    choices = [(f.answer, f"{f.title} ({reasons[f.answer]})", on[f.answer]) for f in catalog.features]
    picked = set(prompter.checkbox("Features to include", choices))
    why = "asked" if prompter.interactive else None
    return {answer: Decision(answer in picked, why or reasons[answer]) for answer in reasons}


def _stated_values(
    inference: Inference, catalog: Catalog, stack: str, known_answers: set[str] | None
) -> tuple[dict[str, Decision], list[str]]:
    """The concrete values the profile states ("/api/v2", "UUID keys"), as answers citing their line; one the stack
    cannot follow is named, never replaced in silence."""
    decisions: dict[str, Decision] = {}
    warnings = []
    for spec in catalog.values:
        hit = inference.values.get(spec.answer)
        if hit is None:
            continue
        asked = f"line {hit.evidence.line} asks for {spec.answer} = {hit.value}"
        impl = catalog.implementation(stack, spec.standard) if spec.standard else None
        if impl is not None and not impl.files:
            warnings.append(f"{asked}; not followed: {impl.note or f'the {stack} stack cannot'}")
        elif known_answers is not None and spec.answer not in known_answers:
            warnings.append(f"{asked}; not followed: this template source has no {spec.answer} question")
        else:
            decisions[spec.answer] = Decision(hit.value, _cite([hit.evidence]))
    return decisions, warnings


def _probe_paths(decisions: dict[str, Decision]) -> list[str]:
    """Probes stay outside the API prefix (rate-limited, versioned) and apart from each other, as copier.yml's
    validators require: a profile asking otherwise is told so, and the template's path is kept."""
    warnings = []
    prefix = str(decisions["api_prefix"].value) if "api_prefix" in decisions else DEFAULT_API_PREFIX
    for answer in ("health_path", "ready_path"):
        decision = decisions.get(answer)
        if decision is None:
            continue
        path = str(decision.value)
        if path == prefix or path.startswith(f"{prefix}/"):
            warnings.append(
                f"{answer} {path} ({decision.why}) is not followed: the probes stay outside {prefix}, which is "
                "rate-limited and versioned"
            )
            del decisions[answer]
    health, ready = decisions.get("health_path"), decisions.get("ready_path")
    if health and ready and health.value == ready.value:
        warnings.append(f"ready_path {ready.value} is not followed: liveness ({health.value}) needs a path of its own")
        del decisions["ready_path"]
    return warnings


def _description(profile: Profile, catalog: Catalog, project_name: str) -> Decision:
    """What the service is, not who the agent is: the profile's description unless it describes a persona."""
    text = one_line(profile.description)
    persona = catalog.persona.match(text)
    if text and not persona:
        return Decision(text, "profile description")
    what = persona.group("what") if persona else None
    if what:
        return Decision(f"{project_name}: {what.strip()}.", "what the profile's persona builds")
    return Decision(f"The {project_name} service.", "project name (the profile describes the agent)")


def agent_file_name(profile: Profile) -> str:
    name = re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9._-]+", "-", profile.name)).strip("-._")[:100]
    return name or "agent"


def one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.replace("\\n", " ").split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class Conformance(StrEnum):
    """What STANDARDS.md and `new` say of a standard the profile names (stored in the answers as its text)."""

    IMPLEMENTED = "implemented"
    DIFFERENTLY = "implemented differently"
    NOT_GENERATED = "not generated"
    TURNED_OFF = "turned off"


def deliverables_answer(inference: Inference, catalog: Catalog) -> list[dict[str, Any]]:
    """Each deliverable the profile lists, with the document of the project that delivers it (the first in the
    catalog whose patterns match), or why none does."""
    rows = []
    for item in inference.deliverables:
        document = next((d for d in catalog.deliverables if any(p.search(item.text) for p in d.patterns)), None)
        note = document.note if document else "no document of a generated project delivers it"
        if document is None and (
            standards := [s.title for s in catalog.standards if catalog.standard_scanners[s.id].search(item.text)]
        ):
            document, note = catalog.by_standards, ", ".join(standards)
        rows.append(
            {
                "asked_by": f"line {item.line}: {item.text}",
                "document": document.title if document else "",
                "files": list(document.files) if document else [],
                "target": document.target if document else "",
                "note": note,
            }
        )
    return rows


def standards_answer(
    inference: Inference, catalog: Catalog, stack: str, answers: dict[str, Any]
) -> list[dict[str, Any]]:
    """What STANDARDS.md and the end of `new` say of each standard the profile names: implemented (files, value),
    implemented differently (what was asked → what was generated), not generated, or turned off."""
    rows = []
    for hit in inference.standards:
        impl = catalog.implementation(stack, hit.id)
        standard = catalog.standard(hit.id)
        first = hit.evidence[0]
        row: dict[str, Any] = {
            "id": hit.id,
            "title": hit.title,
            "topic": standard.topic if standard else "",
            "asked_by": f"line {first.line}: {first.text}",
            "status": Conformance.NOT_GENERATED.value,
            "files": [],
            "value": "",
            "instead": "",
            "note": impl.note if impl else "",
        }
        rows.append(row)
        if impl is None or not impl.files:
            continue
        if unmet := impl.unmet(answers):
            status = Conformance.TURNED_OFF if impl.turned_off(answers) else Conformance.NOT_GENERATED
            row.update(status=status.value, note=unmet)
            continue
        specs = [spec for spec in catalog.values if spec.standard == hit.id and spec.answer in answers]
        row.update(
            status=Conformance.IMPLEMENTED.value,
            files=list(impl.files),
            value=", ".join(f"{spec.answer} = {answers[spec.answer]}" for spec in specs),
        )
        changed = [
            f"{stated.value} → {answers[spec.answer]}"
            for spec in specs
            if (stated := inference.values.get(spec.answer)) and str(stated.value) != str(answers[spec.answer])
        ]
        tools = standard.tools if standard else {}
        asked = [name for name, pattern in tools.items() if any(pattern.search(e.text) for e in hit.evidence)]
        if impl.uses and asked and impl.uses not in asked:
            changed.append(f"{', '.join(asked)} → {impl.uses}")
        if changed:
            row.update(status=Conformance.DIFFERENTLY.value, instead="; ".join(changed))
    return rows


def build_plan(
    profile: Profile,
    inference: Inference,
    dest: Path,
    *,
    available_stacks: list[str],
    known_answers: set[str] | None,
    stack: str | None = None,
    database: str | None = None,
    data: dict[str, Any] | None = None,
    prompter: Prompter | None = None,
    catalog: Catalog | None = None,
    defaults: dict[str, Any] | None = None,
) -> Plan:
    """`defaults`: the template's answers where nothing decides otherwise (STANDARDS.md shows the value generated,
    whether the profile stated it or not, as `update` will)."""
    catalog = catalog or load_catalog()
    prompter = prompter or Defaults()
    data = dict(data or {})
    unknown = sorted(set(data) - known_answers) if known_answers else []
    if unknown and known_answers:
        raise AgentgenError(f"unknown answer {unknown[0]!r}; answers: {', '.join(sorted(known_answers))}")
    stack = stack or data.pop("stack", None)
    database = database or data.pop("database", None)

    decisions: dict[str, Decision] = {}
    warnings = list(inference.warnings)

    if "project_name" in data:
        decisions["project_name"] = Decision(check_project_name(str(data.pop("project_name"))), "--data")
    else:
        default_name, source = slugify(dest.name), "DEST"
        if not PROJECT_NAME.match(default_name):  # a folder such as 2026 or _tmp: the profile's name instead
            default_name, source = slugify(profile.name)[:64].strip("-"), "profile name"
        if not PROJECT_NAME.match(default_name):
            raise AgentgenError(f"cannot make a project name from {dest.name!r}; pass --data project_name=…")
        name = prompter.text("Project name", default_name, validate=lambda v: bool(PROJECT_NAME.match(v)))
        decisions["project_name"] = Decision(check_project_name(name), "asked" if prompter.interactive else source)

    stack_decision, stack_warnings = _choose_stack(inference, catalog, available_stacks, stack, prompter)
    decisions["stack"] = stack_decision
    warnings += stack_warnings
    if stack_decision.value not in available_stacks:
        raise AgentgenError(
            f"the {stack_decision.value} template is not in this agentgen (available: {', '.join(available_stacks)})"
        )
    database_decision, database_warnings = _choose_database(
        inference, catalog, stack_decision.value, database, prompter
    )
    decisions["database"] = database_decision
    warnings += database_warnings

    features = _features(inference, catalog, prompter)
    decisions.update({k: v for k, v in features.items() if k not in data})

    decisions["coverage_min"] = Decision(DEFAULT_COVERAGE, "agentgen default")  # unless the profile states one
    performance = inference.performance
    latency_why = _cite([performance.evidence]) if performance.evidence else "agentgen default"
    decisions["latency_percentile"] = Decision(performance.percentile or 95, latency_why)
    decisions["latency_target_ms"] = Decision(performance.target_ms or DEFAULT_LATENCY_MS, latency_why)
    stated, unfollowed = _stated_values(inference, catalog, str(stack_decision.value), known_answers)
    decisions.update(stated)
    decisions["description"] = _description(profile, catalog, str(decisions["project_name"].value))
    decisions["agent_name"] = Decision(agent_file_name(profile), "profile name")
    for key, value in data.items():
        decisions[key] = Decision(value, "--data")
    unfollowed += _probe_paths(decisions)

    chosen = str(stack_decision.value)
    values = {key: decision.value for key, decision in decisions.items()}
    standards = standards_answer(inference, catalog, chosen, {**(defaults or {}), **values})
    dirs, foreign = split_layout(structure_dirs(inference.structure), catalog, chosen)
    warnings += [
        f"layout folders of {tech} are not added to a {chosen} project: {', '.join(folders)}"
        for tech, folders in foreign.items()
    ]
    deliverables = deliverables_answer(inference, catalog)
    return Plan(profile, inference, dest, decisions, standards, deliverables, dirs, warnings, unfollowed)


def plan_with_source(
    profile: Profile,
    inference: Inference,
    dest: Path,
    source: TemplateSource,
    *,
    stack: str | None = None,
    database: str | None = None,
    data: dict[str, Any] | None = None,
    prompter: Prompter | None = None,
) -> Plan:
    """build_plan with the stacks and questions this template source offers."""
    data = typed_answers(data or {}, source.questions)
    catalog = source.catalog
    plan = build_plan(
        profile,
        inference,
        dest,
        available_stacks=source.stacks or list(catalog.stacks),
        known_answers=set(source.questions) or None,
        stack=stack,
        database=database,
        data=data,
        prompter=prompter,
        catalog=catalog,
        defaults=source.defaults,
    )
    if source.dirty:
        plan.warnings.append(f"{source.location} has uncommitted template changes; the project records {source.commit}")
    return plan


_UNSAFE_PART = re.compile(r"^(?:\.{1,2}|~.*|.*[$`{}\\:*?<>|].*)$")


def split_layout(dirs: list[str], catalog: Catalog, stack: str) -> tuple[list[str], dict[str, list[str]]]:
    """The layout folders a project of `stack` can use, and those of another ecosystem (Java's main/java in a
    Python project, Prisma's folder in a project on another ORM), by technology."""
    own = {catalog.stacks[stack].language, catalog.stacks[stack].framework} if stack in catalog.stacks else set()
    kept: list[str] = []
    foreign: dict[str, list[str]] = {}
    for folder in dirs:
        owner = next(
            (
                tech.id
                for tech in catalog.technologies
                if tech.id not in own and any(f"/{part}/" in f"/{folder}/" for part in tech.layout)
            ),
            None,
        )
        if owner:
            foreign.setdefault(owner, []).append(folder)
        else:
            kept.append(folder)
    refused = [folder for folders in foreign.values() for folder in folders]
    for folder in sorted(kept, key=lambda f: -f.count("/")):  # parents that only held refused folders go too
        holds_refused = any(other.startswith(f"{folder}/") for other in refused)
        if holds_refused and not any(other.startswith(f"{folder}/") for other in kept):
            kept.remove(folder)
    leaves = {
        tech: [f for f in folders if not any(other.startswith(f"{f}/") for other in folders)]
        for tech, folders in foreign.items()
    }
    return kept, leaves


def structure_dirs(structure: list[str]) -> list[str]:
    """The profile's layout directories, safe to create inside the project."""
    dirs = [
        d for d in structure if d and not d.startswith("/") and not any(_UNSAFE_PART.match(p) for p in d.split("/"))
    ]
    return dirs
