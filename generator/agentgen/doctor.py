"""Does a generated repository still meet its profile? Each standard the profile names is checked against the
catalog's record of how the project's stack implements it. Checks are data (each stack's templates/<stack>/stack.yml)
plus the small named functions below.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from agentgen.catalog import Catalog, Check, load_catalog
from agentgen.documents import write_docs
from agentgen.errors import AgentgenError
from agentgen.files import MAX_BYTES, load_yaml, read_bounded
from agentgen.infer import Inference, infer
from agentgen.plan import deliverables_answer
from agentgen.profile import read_profile
from agentgen.project import ANSWERS, agent_file, read_answers, template_status, typed_answers
from agentgen.source import builtin_source


class Status(StrEnum):
    """How a standard the profile names stands in the project."""

    OK = "ok"
    FAILING = "failing"
    OFF = "off"
    NOT_GENERATED = "not generated"


@dataclass(frozen=True)
class Finding:
    standard: str
    status: Status
    where: str
    why: str

    def to_json(self) -> dict[str, str]:
        return {"standard": self.standard, "status": self.status, "where": self.where, "why": self.why}


@dataclass
class Diagnosis:
    project: Path
    stack: str
    profile: str | None
    findings: list[Finding]
    template: str

    @property
    def failing(self) -> list[str]:
        return [f.standard for f in self.findings if f.status == Status.FAILING]

    def to_json(self) -> dict[str, Any]:
        return {
            "project": str(self.project),
            "stack": self.stack,
            "profile": self.profile,
            "ok": not self.failing,
            "failing": self.failing,
            "template": self.template,
            "standards": [f.to_json() for f in self.findings],
        }


# ---- the named checks: each returns None when the fact holds, else why not ------------------------------------


def _read(project: Path, check: Check) -> str:
    return read_bounded(project / check.file, 4 * MAX_BYTES).decode("utf-8", errors="replace")


def exists(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    return None if (project / check.file).exists() else "missing"


_ANSWER = re.compile(r"\$\{(\w+)\}")


def pattern_of(check: Check, answers: dict[str, Any]) -> str:
    """The check's pattern with each `${answer}` replaced by that answer's value, escaped."""
    return _ANSWER.sub(lambda m: re.escape(str(answers.get(m.group(1), ""))), check.pattern)


def contains(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    pattern = pattern_of(check, answers)
    return None if re.search(pattern, _read(project, check), re.MULTILINE) else f"no /{pattern}/"


def lacks(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    """The file holds nothing like the pattern (SQL assembled from strings)."""
    found = re.search(pattern_of(check, answers), _read(project, check), re.MULTILINE)
    return f"has {found.group(0)!r}" if found else None


def dockerfile_instructions(text: str, name: str) -> list[str]:
    return [line.split(None, 1)[1].strip() for line in text.splitlines() if re.match(rf"^{name}\s+\S", line, re.I)]


def dockerfile_nonroot(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    users = dockerfile_instructions(_read(project, check), "USER")
    if not users:
        return "no USER instruction: the container runs as root"
    if users[-1].split(":")[0] in ("root", "0"):
        return f"the last USER is {users[-1]}"
    return None


def dockerfile_multistage(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    stages = dockerfile_instructions(_read(project, check), "FROM")
    return None if len(stages) >= 2 else f"{len(stages)} FROM stage(s): not a multi-stage build"


def coverage_at_least(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    match = re.search(check.pattern, _read(project, check), re.MULTILINE)
    wanted = int(answers.get("coverage_min") or 0)
    if not match:
        return "no coverage threshold"
    found = float(match.group(1))
    return None if found >= wanted else f"threshold {match.group(1)} is below the profile's {wanted}"


def openapi(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    spec = load_yaml(_read(project, check).encode(), check.file)
    if not isinstance(spec, dict) or not str(spec.get("openapi", "")).startswith("3."):
        return "not an OpenAPI 3 document"
    return None if spec.get("paths") else "no paths"


def openapi_paths(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    """The spec (equal to the served one: each stack's own test compares them) serves the probes at the project's
    paths and every other operation under its API prefix."""
    spec = load_yaml(_read(project, check).encode(), check.file)
    paths = [str(p) for p in (spec.get("paths") or {})] if isinstance(spec, dict) else []
    probes = [str(answers.get(a)) for a in ("health_path", "ready_path") if answers.get(a)]
    missing = [p for p in probes if p not in paths]
    if missing:
        return f"no {', '.join(missing)} in its paths"
    prefix = str(answers.get("api_prefix") or "")
    outside = [p for p in paths if p not in probes and p != "/metrics" and not p.startswith(f"{prefix}/")]
    return f"{', '.join(outside[:3])} outside {prefix}" if prefix and outside else None


CHECKS: dict[str, Callable[[Path, Check, dict[str, Any]], str | None]] = {
    "exists": exists,
    "contains": contains,
    "lacks": lacks,
    "dockerfile_nonroot": dockerfile_nonroot,
    "dockerfile_multistage": dockerfile_multistage,
    "coverage_at_least": coverage_at_least,
    "openapi": openapi,
    "openapi_paths": openapi_paths,
}


def run_check(project: Path, check: Check, answers: dict[str, Any]) -> str | None:
    path = project / check.file
    if not path.resolve().is_relative_to(project.resolve()):
        return "leads outside the project"
    if check.check != "exists" and not path.is_file():
        return "missing"
    try:
        return CHECKS[check.check](project, check, answers)
    except AgentgenError as err:  # unreadable, not UTF-8, not YAML, nested too deeply...
        return str(err).removeprefix(f"{check.file}: ").removeprefix(f"{path}: ")


# ---- the diagnosis ------------------------------------------------------------------------------------------


def documents_finding(project: Path) -> Finding:
    """docs/*.md hold what the project's `make docs` would write from its spec, answers and .env.example now."""
    try:
        load_yaml(read_bounded(project / "openapi.yaml"), "openapi.yaml")  # refused here first if hostile
        read_bounded(project / ".env.example")
        stale = write_docs(project, check=True)
    except AgentgenError as err:
        return Finding("docs", Status.FAILING, "docs/", f"cannot be checked: {err}")
    except (ValueError, KeyError, TypeError, AttributeError) as err:  # a spec of an unexpected shape
        return Finding("docs", Status.FAILING, "docs/", f"cannot be checked: {type(err).__name__}: {err}")
    if stale:
        return Finding("docs", Status.FAILING, ", ".join(stale), "differs from what `make docs` writes now")
    return Finding("docs", Status.OK, "docs/", "")


def deliverables_finding(project: Path, inference: Inference, catalog: Catalog) -> Finding | None:
    """Each file STANDARDS.md names for a deliverable the profile lists is in the project, each make target in its
    Makefile."""
    rows = deliverables_answer(inference, catalog)
    files = dict.fromkeys(f for row in rows for f in row["files"])
    targets = dict.fromkeys(row["target"] for row in rows if row["target"])
    if not files and not targets:
        return None
    makefile = read_bounded(project / "Makefile").decode(errors="replace") if (project / "Makefile").is_file() else ""
    missing = [f for f in files if not (project / f).is_file()]
    missing += [f"make {t}" for t in targets if not re.search(rf"^{re.escape(t)}:", makefile, re.MULTILINE)]
    if missing:
        return Finding("deliverables", Status.FAILING, ", ".join(missing), "a listed deliverable's file is missing")
    return Finding("deliverables", Status.OK, ", ".join([*files, *(f"make {t}" for t in targets)]), "")


def diagnose(project: Path, catalog: Catalog | None = None, questions: dict[str, Any] | None = None) -> Diagnosis:
    catalog = catalog or load_catalog()
    questions = builtin_source().questions if questions is None else questions
    raw = read_answers(project)
    try:
        answers = {**raw, **typed_answers({k: v for k, v in raw.items() if not k.startswith("_")}, questions)}
    except AgentgenError as err:
        raise AgentgenError(f"{project / ANSWERS}: {err}") from None
    stack = str(answers.get("stack", ""))
    if not stack:
        raise AgentgenError(f"{project}: its answers file records no stack")
    if stack not in catalog.stacks:
        raise AgentgenError(
            f"{project}: stack {stack!r} is not one this agentgen knows; "
            "pass --template-src with the templates it was generated from"
        )
    path = agent_file(project, answers)
    inference = infer(read_profile(path), catalog) if path else None
    profile = str(path.relative_to(project)) if path else None
    # The standards the project's profile names, else every standard the stack implements.
    standards = [hit.id for hit in inference.standards] if inference else list(catalog.implementations.get(stack, {}))
    findings = []
    for standard in standards:
        impl = catalog.implementation(stack, standard)
        checks = impl.all_checks(answers) if impl else ()
        if impl is None or not checks:
            findings.append(Finding(standard, Status.NOT_GENERATED, "", impl.note if impl else ""))
            continue
        if unmet := impl.unmet(answers):
            findings.append(
                Finding(standard, Status.OFF if impl.turned_off(answers) else Status.NOT_GENERATED, "", unmet)
            )
            continue
        problems = [(c.file, problem) for c in checks if (problem := run_check(project, c, answers))]
        if problems:
            findings.append(
                Finding(standard, Status.FAILING, problems[0][0], "; ".join(f"{f}: {w}" for f, w in problems))
            )
        else:
            findings.append(Finding(standard, Status.OK, ", ".join(dict.fromkeys(c.file for c in checks)), ""))
    if (project / "scripts" / "docs.py").is_file():
        findings.append(documents_finding(project))
    if inference and (delivered := deliverables_finding(project, inference, catalog)):
        findings.append(delivered)
    return Diagnosis(project.resolve(), stack, profile, findings, template_status(answers))
