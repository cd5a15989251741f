"""Infer what a profile asks for: ranked technologies per kind, the stack, standards, layout, testing, performance.

Every conclusion keeps its evidence (file line and text). Where a mention stands weighs more than how often:
the agent's name, its description, a heading, a code block's language or a layout block outweigh one item
in a long "also knows" list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from agentgen.catalog import Catalog, Technology, ValueSpec, load_catalog
from agentgen.profile import Block, Profile

# How much one mention weighs, by where it stands.
WEIGHTS = {
    "name": 6.0,
    "description": 3.0,
    "heading": 3.0,
    "fence": 3.0,
    "tree": 3.0,
    "paragraph": 1.0,
    "bullet": 1.0,
    "table": 1.0,
    "code": 0.5,
    "html": 0.5,
}
# A block naming this many technologies of one kind is a list of what the agent also knows: its items weigh less.
LONG_LIST = 4
MIN_SCORE = 1.0
CLOSE_RATIO = 0.75
MAX_EVIDENCE = 5
EXCERPT = 140

_PERCENTILE = r"(?:\bp(?P<p>50|75|90|95|99)\b|(?P<q>50|75|90|95|99)(?:th|st|nd|rd)?[ -]percentile)"
_TIME = r"(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>ms|milliseconds|s|seconds)\b"
_LATENCY = (
    re.compile(_PERCENTILE + r"[^\n\d]{0,40}?" + _TIME, re.I),
    re.compile(_TIME + r"[^\n.]{0,30}?" + _PERCENTILE, re.I),
    # No percentile stated ("responses under 50 ms"): read as the 95th, the usual target.
    re.compile(r"(?:response|latency|api)[^\n.]{0,30}?(?:under|below|<|less than|within)\s*" + _TIME, re.I),
)
DEFAULT_PERCENTILE = 95


@dataclass(frozen=True)
class Evidence:
    line: int
    text: str
    weight: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text}


@dataclass
class Candidate:
    id: str
    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    first: tuple[int, int] = (1 << 30, 0)
    """Where the profile first names it (line, offset): equal scores go to the one named first, never the alphabet."""

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 2), "evidence": [e.to_json() for e in self.evidence]}


@dataclass
class StandardHit:
    id: str
    title: str
    evidence: list[Evidence]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "evidence": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True)
class ValueHit:
    """A concrete value the profile states ("/api/v2", "4 workers"), as the Copier answer it becomes."""

    answer: str
    value: str | int
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "evidence": self.evidence.to_json()}


@dataclass(frozen=True)
class Testing:
    tdd: bool
    coverage_min: int | None = None
    evidence: Evidence | None = None
    """The line stating the coverage gate."""

    def to_json(self) -> dict[str, Any]:
        evidence = {"coverage_evidence": self.evidence.to_json()} if self.evidence else {}
        return {"tdd": self.tdd, "coverage_min": self.coverage_min, **evidence}


@dataclass(frozen=True)
class Performance:
    """The latency target as the profile states it."""

    percentile: int | None = None
    target_ms: int | None = None
    evidence: Evidence | None = None

    def to_json(self) -> dict[str, Any]:
        evidence = {"evidence": self.evidence.to_json()} if self.evidence else {}
        return {"percentile": self.percentile, "target_ms": self.target_ms, **evidence}


@dataclass
class Inference:
    name: str
    description: str
    language: str | None
    framework: str | None
    database: str | None
    stack: str | None
    nearest_stack: str | None
    ambiguous: bool
    ambiguity: str | None
    candidates: dict[str, list[Candidate]]
    structure: list[str]
    testing: Testing
    performance: Performance
    standards: list[StandardHit]
    warnings: list[str]
    alternatives: list[str] = field(default_factory=list)
    """Frameworks of several languages that one line offers as a choice, in the profile's order."""
    stack_scores: dict[str, float] = field(default_factory=dict)
    values: dict[str, ValueHit] = field(default_factory=dict)
    """The concrete values the profile states, by the answer they become."""
    deliverables: list[Evidence] = field(default_factory=list)
    """The items of the profile's "Deliverables" (or "Output") section, in its order."""

    def evidence_for(self, kind: str, tech_id: str | None) -> list[Evidence]:
        return next((c.evidence for c in self.candidates.get(kind, []) if c.id == tech_id), [])

    def standard(self, standard_id: str) -> StandardHit | None:
        return next((s for s in self.standards if s.id == standard_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "language": self.language,
            "framework": self.framework,
            "database": self.database,
            "stack": self.stack,
            "nearest_stack": self.nearest_stack,
            "ambiguous": self.ambiguous,
            "ambiguity": self.ambiguity,
            "candidates": {kind: [c.to_json() for c in ranked] for kind, ranked in self.candidates.items()},
            "structure": self.structure,
            "testing": self.testing.to_json(),
            "performance": self.performance.to_json(),
            "standards": [s.to_json() for s in self.standards],
            "values": {answer: hit.to_json() for answer, hit in self.values.items()},
            "alternatives": self.alternatives,
            "deliverables": [d.to_json() for d in self.deliverables],
            "warnings": self.warnings,
        }


def excerpt(text: str, start: int, end: int) -> str:
    """The line holding text[start:end], cut to EXCERPT characters around the match."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    offset = start - line_start
    if len(line) > EXCERPT:
        left = max(0, min(offset - EXCERPT // 3, len(line) - EXCERPT))
        line = ("…" if left else "") + line[left : left + EXCERPT] + ("…" if left + EXCERPT < len(line) else "")
    return " ".join(line.split())


def _search_text(block: Block) -> str:
    # Agent names are slugs (`django-expert`, `golang_pro`): read them as words.
    return re.sub(r"[-_]+", " ", block.text) if block.kind == "name" else block.text


@dataclass(frozen=True)
class Offer:
    """One line naming frameworks of different languages ("Node.js/Express, Django/FastAPI, Go Fiber, Spring Boot"):
    alternatives to choose from, whatever their scores."""

    line: int
    frameworks: tuple[str, ...]


def _across_languages(frameworks: list[Technology]) -> bool:
    """Two frameworks that share no language (Express and Django; not Express and NestJS)."""
    return any(not set(a.languages) & set(b.languages) for a in frameworks for b in frameworks)


def _score_technologies(profile: Profile, catalog: Catalog) -> tuple[dict[str, list[Candidate]], list[Offer]]:
    scores: dict[str, dict[str, Candidate]] = defaultdict(dict)
    offers: list[Offer] = []

    def credit(tech: Technology, weight: float, evidence: Evidence, offset: int = 0) -> None:
        candidate = scores[tech.kind].setdefault(tech.id, Candidate(tech.id))
        candidate.score += weight
        candidate.evidence.append(evidence)
        candidate.first = min(candidate.first, (evidence.line, offset))

    for block in profile.blocks:
        text = _search_text(block)
        matches: dict[str, tuple[Technology, re.Match[str]]] = {}
        for scanner in catalog.scanners.values():
            for tech_id, match in scanner.first_matches(text).items():
                tech = catalog.technology(tech_id)
                if tech:
                    matches[tech_id] = (tech, match)
        per_kind: dict[str, int] = defaultdict(int)
        for tech, _ in matches.values():
            per_kind[tech.kind] += 1
        named = sorted((m.start(), tech) for tech, m in matches.values() if tech.kind == "framework")
        if _across_languages([tech for _, tech in named]):
            offers.append(Offer(block.line_of(named[0][0]), tuple(tech.id for _, tech in named)))
        base = WEIGHTS.get(block.kind, 1.0)
        for tech, match in matches.values():
            many = per_kind[tech.kind]
            weight = base if block.kind == "name" or many < LONG_LIST else base * 2 / many
            line = block.line_of(match.start()) if block.kind != "name" else block.line
            credit(tech, weight, Evidence(line, excerpt(block.text, match.start(), match.end()), weight), match.start())
        if block.kind == "code" and block.language:
            for tech in catalog.technologies:
                if block.language in tech.fences:
                    credit(tech, WEIGHTS["fence"], Evidence(block.line - 1, f"```{block.language}", WEIGHTS["fence"]))

    for tree in profile.trees:
        for tech in catalog.technologies:
            hit = next((p for p in tree.paths if tech.files and p.endswith(tech.files)), None)
            if hit:
                credit(tech, WEIGHTS["tree"], Evidence(tree.line, f"layout block: {hit}", WEIGHTS["tree"]))

    ranked: dict[str, list[Candidate]] = {}
    for kind in dict.fromkeys(t.kind for t in catalog.technologies):
        candidates = sorted(scores[kind].values(), key=lambda c: (-c.score, c.first))
        for candidate in candidates:
            strongest = sorted(candidate.evidence, key=lambda e: (-e.weight, e.line))
            candidate.evidence = sorted(_unique(strongest)[:MAX_EVIDENCE], key=lambda e: e.line)
        ranked[kind] = candidates
    return ranked, offers


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, str]] = set()
    kept = []
    for item in evidence:
        if (item.line, item.text) not in seen:
            seen.add((item.line, item.text))
            kept.append(item)
    return kept


@dataclass(frozen=True)
class _Choice:
    language: str | None
    framework: str | None
    stack_scores: dict[str, float]
    """Stacks the profile's frameworks lead to, in the order the frameworks rank."""
    languages: list[tuple[str, float]]
    """Every language named, ranked, with the weight its frameworks lend it."""


def _choose(candidates: dict[str, list[Candidate]], catalog: Catalog) -> _Choice:
    """Pick language and framework together: a framework lends weight to its languages."""
    frameworks = [c for c in candidates.get("framework", []) if c.score >= MIN_SCORE]
    language_scores = {c.id: c.score for c in candidates.get("language", [])}
    first = {c.id: c.first for c in candidates.get("language", [])}
    # A framework lends half its score to its languages (the strongest framework per language, not the sum).
    lent: dict[str, float] = defaultdict(float)
    for fw in frameworks:
        tech = catalog.technology(fw.id)
        for lang in tech.languages if tech else ():
            lent[lang] = max(lent[lang], fw.score / 2)
            first[lang] = min(first.get(lang, fw.first), fw.first)
    for lang, extra in lent.items():
        language_scores[lang] = language_scores.get(lang, 0.0) + extra
    # Ties go to the language the profile names first, then to the one listed first in the catalog (TypeScript
    # before JavaScript: "TypeScript on Node.js").
    order = {t.id: n for n, t in enumerate(catalog.of_kind("language"))}
    ranked_languages = sorted(
        language_scores.items(), key=lambda kv: (-kv[1], first.get(kv[0], (1 << 30, 0)), order.get(kv[0], len(order)))
    )
    language = ranked_languages[0][0] if ranked_languages and ranked_languages[0][1] >= MIN_SCORE else None

    framework = None
    for fw in frameworks:
        tech = catalog.technology(fw.id)
        if language is None or (tech and language in tech.languages):
            framework = fw.id
            break
    if framework and language is None:
        tech = catalog.technology(framework)
        language = tech.languages[0] if tech and tech.languages else None

    # Node: a TypeScript or JavaScript framework is written in whichever of the two the profile names more.
    if framework:
        tech = catalog.technology(framework)
        if tech and len(tech.languages) > 1:
            language = max(
                tech.languages, key=lambda lang: (language_scores.get(lang, 0.0), -tech.languages.index(lang))
            )

    stack_scores: dict[str, float] = defaultdict(float)
    for fw in frameworks:  # ranked: score, then the profile's order, so equal stacks keep that order too
        stack = stack_of(fw.id, catalog, nearest=True)
        if stack:
            stack_scores[stack] += fw.score
    return _Choice(language, framework, dict(stack_scores), ranked_languages)


def stack_of(framework: str, catalog: Catalog, *, nearest: bool) -> str | None:
    own = catalog.stack_for_framework(framework)
    if own:
        return own.id
    tech = catalog.technology(framework)
    if nearest and tech and tech.nearest in catalog.stacks:
        return tech.nearest
    return None


def _first_number(profile: Profile, patterns: tuple[re.Pattern[str], ...]) -> tuple[re.Match[str], Block] | None:
    for pattern in patterns:
        for block in profile.blocks:
            match = pattern.search(block.text)
            if match:
                return match, block
    return None


def _testing(standards: list[StandardHit], values: dict[str, ValueHit]) -> Testing:
    coverage = values.get("coverage_min")
    tdd = any(s.id == "tdd" for s in standards)
    return Testing(tdd, int(coverage.value), coverage.evidence) if coverage else Testing(tdd)


def _performance(profile: Profile) -> Performance:
    """The latency target as written: its percentile (p99 stays p99) and milliseconds."""
    found = _first_number(profile, _LATENCY)
    if not found:
        return Performance()
    match, block = found
    groups = match.groupdict()
    value = float(match.group("value"))
    return Performance(
        int(groups.get("p") or groups.get("q") or DEFAULT_PERCENTILE),
        round(value * 1000 if match.group("unit").lower() in ("s", "seconds") else value),
        Evidence(block.line_of(match.start()), excerpt(block.text, *match.span())),
    )


_UNITS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}
_MINUTES = {"minute": 1, "hour": 60, "day": 24 * 60}


def _unit(word: str) -> str:
    """minutes, min, m → minute; hrs → hour; secs → second (the patterns admit no other words)."""
    return _UNITS[word[0].lower()]


def _about_something_else(unless: re.Pattern[str] | None, text: str, match: re.Match[str]) -> bool:
    """The match's line, up to the match's end, says it is not about this ("UUID request ids" are not keys)."""
    return bool(unless and unless.search(text, text.rfind("\n", 0, match.start()) + 1, match.end()))


def _read_value(spec: ValueSpec, match: re.Match[str]) -> str | int | None:
    raw = match.group("v") if "v" in match.groupdict() else ""
    if spec.kind == "choice":
        return spec.value
    if spec.kind == "path":
        return raw.rstrip("/").lower() or None
    number = int(raw.replace(",", ""))
    if number < 1 or (spec.kind == "percent" and number > 100):
        return None
    if spec.kind == "minutes":
        return number * _MINUTES.get(_unit(match.group("unit")), 0) or None
    if spec.kind == "rate":
        return f"{number}/{_unit(match.group('unit'))}"
    return number


def _values(profile: Profile, catalog: Catalog) -> dict[str, ValueHit]:
    """Each value the profile states: the first pattern that matches, in the profile's order, and reads as a value."""
    found: dict[str, ValueHit] = {}
    for spec in catalog.values:
        for pattern in spec.patterns:
            for block in profile.blocks:
                for match in pattern.finditer(block.text):
                    if _about_something_else(spec.unless, block.text, match):
                        continue
                    value = _read_value(spec, match)
                    if value is not None:
                        evidence = Evidence(block.line_of(match.start()), excerpt(block.text, *match.span()))
                        found[spec.answer] = ValueHit(spec.answer, value, evidence)
                        break
                if spec.answer in found:
                    break
            if spec.answer in found:
                break
    return found


def _standards(profile: Profile, catalog: Catalog) -> list[StandardHit]:
    hits = []
    for standard in catalog.standards:
        evidence: list[Evidence] = []
        titles: list[Evidence] = []
        for block in profile.blocks:
            match = next(
                (
                    m
                    for m in catalog.standard_scanners[standard.id].finditer(block.text)
                    if not _about_something_else(standard.unless, block.text, m)
                ),
                None,
            )
            if match:
                found = Evidence(block.line_of(match.start()), excerpt(block.text, *match.span()))
                (titles if block.kind == "heading" else evidence).append(found)
        # The line that asks comes first; a heading ("Production Readiness") only names a topic.
        evidence += titles
        if evidence:
            hits.append(StandardHit(standard.id, standard.title, _unique(evidence)[:MAX_EVIDENCE]))
    return hits


def _structure(profile: Profile) -> list[str]:
    return list(dict.fromkeys(d for tree in profile.trees for d in tree.dirs))


def _close(ranked: list[tuple[str, float]]) -> str | None:
    if len(ranked) > 1 and ranked[0][1] >= MIN_SCORE and ranked[1][1] >= CLOSE_RATIO * ranked[0][1]:
        (first, a), (second, b) = ranked[:2]
        return f"{first} ({a:.1f}) and {second} ({b:.1f}) score close"
    return None


def _ambiguity(
    language: str | None, siblings: tuple[str, ...], languages: list[tuple[str, float]], stacks: list[tuple[str, float]]
) -> str | None:
    if language is None:
        return "no language or framework is named"
    # TypeScript vs JavaScript under Express, Java vs Kotlin under Spring: one framework, not an open question.
    rivals = [(lang, score) for lang, score in languages if lang == language or lang not in siblings]
    close_languages = _close(rivals)
    if close_languages and language in close_languages:
        return f"languages {close_languages}"
    close_stacks = _close(stacks)
    return f"stacks {close_stacks}" if close_stacks else None


def _deliverables(profile: Profile, catalog: Catalog) -> list[Evidence]:
    """The bullets right under a heading that lists what the agent delivers ("Deliverables", "## 5. Output:")."""
    return [
        Evidence(block.line, excerpt(block.text, 0, 0))
        for block in profile.blocks
        if block.kind == "bullet"
        and block.section
        and catalog.deliverables_section.fullmatch(re.sub(r"^[\W\d_]+|[\W_]+$", "", block.section[-1]))
    ]


def infer(profile: Profile, catalog: Catalog | None = None) -> Inference:
    catalog = catalog or load_catalog()
    candidates, offers = _score_technologies(profile, catalog)
    choice = _choose(candidates, catalog)
    language, framework, stack_scores = choice.language, choice.framework, choice.stack_scores
    warnings = list(profile.warnings)

    stack = nearest = None
    if framework:
        stack = stack_of(framework, catalog, nearest=False)
        nearest = None if stack else stack_of(framework, catalog, nearest=True)
    elif language:
        stack = catalog.language_fallback.get(language)
        if stack:
            stack_scores.setdefault(stack, 0.0)

    databases = [c for c in candidates.get("database", []) if c.score >= MIN_SCORE]
    database = databases[0].id if databases else None

    order = list(stack_scores)  # the order frameworks were ranked in: score, then first named
    ranked_stacks = sorted(stack_scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    framework_tech = catalog.technology(framework) if framework else None
    if framework_tech:
        siblings = framework_tech.languages
    else:  # languages that lead to the same stack are no rivals either
        siblings = tuple(lang for lang, s in catalog.language_fallback.items() if s and s == stack)
    ambiguity = _ambiguity(language, siblings, choice.languages, ranked_stacks)
    alternatives = list(dict.fromkeys(fw for offer in offers for fw in offer.frameworks))
    if offers and ambiguity is None:
        ambiguity = f"line {offers[0].line} offers frameworks of several languages: {', '.join(offers[0].frameworks)}"
    for fw in alternatives:  # each offered framework's stack is a candidate, however briefly it is named
        if (offered := stack_of(fw, catalog, nearest=True)) and offered not in dict(ranked_stacks):
            ranked_stacks.append((offered, next((c.score for c in candidates["framework"] if c.id == fw), 0.0)))

    standards = _standards(profile, catalog)
    values = _values(profile, catalog)
    return Inference(
        name=profile.name,
        description=profile.description,
        language=language,
        framework=framework,
        database=database,
        stack=stack,
        nearest_stack=nearest,
        ambiguous=ambiguity is not None,
        ambiguity=ambiguity,
        candidates=candidates,
        structure=_structure(profile),
        testing=_testing(standards, values),
        performance=_performance(profile),
        standards=standards,
        warnings=warnings,
        alternatives=alternatives,
        stack_scores=dict(ranked_stacks),
        values=values,
        deliverables=_deliverables(profile, catalog),
    )
