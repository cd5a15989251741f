"""Human output with rich: what was inferred and why."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # each command imports only what it runs; these are for annotations
    from agentgen.catalog import Tool
    from agentgen.demo import Outcome
    from agentgen.doctor import Diagnosis
    from agentgen.infer import Candidate, Inference
    from agentgen.plan import Plan
    from agentgen.render import Rendered
    from agentgen.update import UpdateResult
    from agentgen.verify import Verification

# No markup: profile and repository text is printed as it is ("[/]" in a description is text, not a style).
console = Console(markup=False)
err_console = Console(stderr=True, markup=False)

_KINDS = ("language", "framework", "database", "cache", "queue", "orm", "test", "api", "infrastructure")


def styled(text: str, style: str) -> Text:
    return Text(text, style=style)


def warn(message: str) -> None:
    err_console.print(Text.assemble(("warning:", "yellow"), " ", message), highlight=False, soft_wrap=True)


def _score(candidate: Candidate) -> str:
    return f"{candidate.id} ({candidate.score:.1f})"


def print_profiles() -> None:
    from agentgen.profile import read_profile
    from agentgen.resources import builtin_profiles

    table = Table("profile", "description", box=None, pad_edge=False)
    for name, path in builtin_profiles().items():
        table.add_row(styled(name, "bold"), read_profile(path).description)
    console.print(table)


def print_inference(inference: Inference) -> None:
    console.print(
        styled(inference.name, "bold"),
        f" {inference.description[:160]}{'…' if len(inference.description) > 160 else ''}",
    )
    summary = Table(box=None, pad_edge=False, show_header=False)
    summary.add_row("stack", inference.stack or Text.assemble(("none", "yellow"), " (no agentgen template fits)"))
    if inference.nearest_stack:
        summary.add_row("nearest stack", inference.nearest_stack)
    for kind in ("language", "framework", "database"):
        summary.add_row(kind, getattr(inference, kind) or styled("not named", "dim"))
    if inference.ambiguous:
        summary.add_row("ambiguous", styled(inference.ambiguity or "", "yellow"))
    testing = inference.testing
    summary.add_row("testing", f"tdd={testing.tdd} coverage_min={testing.coverage_min}")
    performance = inference.performance
    target = f"p{performance.percentile} under {performance.target_ms} ms" if performance.target_ms else None
    summary.add_row("performance", target or styled("no latency target", "dim"))
    if inference.structure:
        summary.add_row("structure", ", ".join(inference.structure))
    console.print(summary)

    candidates = Table("kind", "chosen", "runners-up", "deciding line", title="Candidates", title_justify="left")
    for kind in _KINDS:
        ranked = inference.candidates.get(kind) or []
        if not ranked:
            continue
        # Language, framework and database show what was decided (a framework of the chosen language, or none),
        # so this table never contradicts the summary above; other kinds show their top candidate.
        decided = getattr(inference, kind) if kind in ("language", "framework", "database") else ranked[0].id
        best = next((c for c in ranked if c.id == decided), None)
        first = best.evidence[0] if best and best.evidence else None
        candidates.add_row(
            kind,
            _score(best) if best else styled("none", "dim"),
            ", ".join([_score(c) for c in ranked if c is not best][:3]),
            f"L{first.line}: {first.text}" if first else "",
        )
    console.print(candidates)

    if inference.values:
        values = Table("answer", "value", "stated by", title="Values", title_justify="left")
        for answer, stated in inference.values.items():
            values.add_row(answer, str(stated.value), f"L{stated.evidence.line}: {stated.evidence.text}")
        console.print(values)

    if inference.standards:
        standards = Table("standard", "asked by", title="Standards", title_justify="left")
        for hit in inference.standards:
            first = hit.evidence[0]
            standards.add_row(hit.id, f"L{first.line}: {first.text}")
        console.print(standards)
    for warning in inference.warnings:
        warn(warning)


def _short(text: str, limit: int = 72) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_inference_summary(inference: Inference) -> None:
    """What `new` shows before it asks anything: the stack, database and standards, with the deciding lines."""
    table = Table("inferred", "value", "because", box=None, pad_edge=False)
    for kind in ("framework", "language", "database"):
        value = getattr(inference, kind)
        evidence = inference.evidence_for(kind, value)
        because = _short(f"L{evidence[0].line}: {evidence[0].text}") if evidence else ""
        table.add_row(kind, value or styled("not named", "dim"), because)
    table.add_row(
        "stack", inference.stack or inference.nearest_stack or styled("none", "yellow"), inference.ambiguity or ""
    )
    console.print(styled(inference.name, "bold"))
    console.print(table, highlight=False)
    if inference.standards:
        cited = ", ".join(f"{hit.id} (L{hit.evidence[0].line})" for hit in inference.standards)
        console.print(f"standards: {cited}", highlight=False)


def print_plan(plan: Plan) -> None:
    table = Table("answer", "value", "from", box=None, pad_edge=False)
    for key, decision in plan.decisions.items():
        table.add_row(key, _short(str(decision.value), 48), _short(decision.why))
    console.print(table, highlight=False)
    for warning in plan.warnings:
        warn(warning)


def print_next_steps(plan: Plan, rendered: Rendered, missing: list[Tool]) -> None:
    console.print(
        Text.assemble("\n", ("Created", "green"), f" {rendered.path} ({plan.stack}, {plan.answers['database']})")
    )
    if rendered.added_dirs:
        console.print(f"Added from the profile's layout: {', '.join(rendered.added_dirs)}")
    console.print(f"\nNext:\n  cd {rendered.path}\n  make install\n  make test\n  make run")
    for tool in missing:
        warn(f"{tool.command} is not on PATH; get it: {tool.get}")


_STATUS_STYLE = {"implemented": "green", "implemented differently": "yellow", "turned off": "dim"}


def print_conformance(plan: Plan) -> None:
    """The end of `new`: each standard the profile names, as generated (value, or what was asked → what was
    generated), each stated value the project does not follow, and each listed deliverable it lacks."""
    rows = plan.answers.get("standards") or []
    if rows:
        table = Table("standard", "status", "value, or asked → generated", box=None, pad_edge=False)
        for row in rows:
            status = styled(row["status"], _STATUS_STYLE.get(row["status"], "yellow"))
            table.add_row(row["id"], status, _short(row["instead"] or row["value"] or row["note"], 90))
        console.print("\nStandards the profile names (STANDARDS.md lists the files):")
        console.print(table, highlight=False)
    for line in plan.unfollowed:
        warn(line)
    for row in plan.deliverables:
        if not row["files"] and not row["target"]:
            warn(f"deliverable not generated ({_short(row['asked_by'], 70)}): {row['note']}")


def verify_step(step: str) -> None:
    """Said as each verification step starts: `make install` alone takes half a minute on a fresh machine."""
    console.print(f"make {step} …", highlight=False)


def print_verification(result: Verification, project: Path) -> None:
    for step in result.steps:
        mark = styled("ok", "green") if step.ok else styled("failed", "red")
        console.print(Text.assemble(f"make {step.name:8} ", mark, f"  {step.seconds:.1f} s"))
    verdict = styled("passed", "green") if result.ok else styled("failed", "red")
    console.print(
        Text.assemble("verify ", verdict, f" in {result.seconds:.1f} s (log: {project / '.agentgen-verify.log'})")
    )


def print_update(result: UpdateResult) -> None:
    console.print(f"template {result.current} → {result.target}")
    if not result.changed:
        console.print("nothing changed")
        return
    for path in result.changed:
        mark = styled("conflict", "red") if path in result.conflicts else Text("changed ")
        console.print(Text.assemble("  ", mark, f" {path}"), highlight=False)
    for path in result.kept:
        console.print(f"  kept     {path} (the template dropped it, but you had changed it)", highlight=False)
    if result.conflicts:
        console.print(
            styled(f"{len(result.conflicts)} conflict(s):", "yellow"),
            "resolve the markers (or .rej files), run `make docs` (docs/ follow the spec and answers the update "
            "brought, once they hold no markers), then commit. "
            "Nothing else was lost: `git diff` shows the whole update.",
        )
    else:
        console.print("Review with `git diff`, run `make test`, then commit.")


@contextmanager
def batch_progress(total: int, verifying: bool) -> Iterator[Callable[[str, Outcome], None]]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bar:
        generated = bar.add_task("generating", total=total)
        verified = bar.add_task("verifying", total=total, visible=verifying)

        def advance(step: str, outcome: Outcome) -> None:
            bar.advance(generated if step == "generated" else verified)
            if step == "generated" and not outcome.generated:
                bar.advance(verified)  # nothing to verify for it
            bar.console.print(f"{step:9} {outcome.name}", highlight=False)

        yield advance


def print_batch(outcomes: list[Outcome], out: Path) -> None:
    table = Table("project", "profile", "stack", "database", "generated", "tests", "seconds", title="Workshop")
    marks = {None: styled("not run", "dim"), True: styled("passed", "green"), False: styled("failed", "red")}
    for o in outcomes:
        generated = styled("yes", "green") if o.generated else Text.assemble(("no", "red"), f" {o.error or ''}")
        table.add_row(o.name, o.profile, o.stack, o.database, generated, marks[o.tests_passed], f"{o.seconds:.1f}")
    console.print(table)
    console.print(
        f"{sum(o.ok for o in outcomes)} of {len(outcomes)} ready; reports: {out / 'report.json'}, {out / 'REPORT.md'}"
    )


def print_diagnosis(diagnosis: Diagnosis) -> None:
    from agentgen.doctor import Status

    colours = {Status.OK: "green", Status.FAILING: "red"}
    table = Table("standard", "status", "where", "why", title=f"{diagnosis.project} ({diagnosis.stack})")
    for f in diagnosis.findings:
        colour = colours.get(f.status, "yellow")
        table.add_row(f.standard, styled(f.status, colour), f.where, f.why)
    console.print(table, highlight=False)
    console.print(f"profile: {diagnosis.profile or 'none (checked every standard the stack implements)'}")
    console.print(f"template: {diagnosis.template}")
    if diagnosis.failing:
        console.print(styled("failing:", "red"), ", ".join(diagnosis.failing))
    else:
        console.print(styled("all standards hold", "green"))
