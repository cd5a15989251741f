"""Human output with rich: what was inferred and why."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from agentgen.infer import Candidate, Inference

console = Console()
err_console = Console(stderr=True)

_KINDS = ("language", "framework", "database", "cache", "queue", "orm", "test", "api", "infrastructure")


def _score(candidate: Candidate) -> str:
    return f"{candidate.id} ({candidate.score:.1f})"


def print_profiles() -> None:
    from agentgen.profile import read_profile
    from agentgen.resources import builtin_profiles

    table = Table("profile", "description", box=None, pad_edge=False)
    for name, path in builtin_profiles().items():
        table.add_row(f"[bold]{name}[/]", read_profile(path).description)
    console.print(table)


def print_inference(inference: Inference) -> None:
    console.print(
        f"[bold]{inference.name}[/]  {inference.description[:160]}{'…' if len(inference.description) > 160 else ''}"
    )
    summary = Table(box=None, pad_edge=False, show_header=False)
    summary.add_row("stack", inference.stack or "[yellow]none[/] (no agentgen template fits)")
    if inference.nearest_stack:
        summary.add_row("nearest stack", inference.nearest_stack)
    for kind in ("language", "framework", "database"):
        summary.add_row(kind, getattr(inference, kind) or "[dim]not named[/]")
    if inference.ambiguous:
        summary.add_row("ambiguous", f"[yellow]{inference.ambiguity}[/]")
    testing = inference.testing
    summary.add_row("testing", f"tdd={testing['tdd']} coverage_min={testing['coverage_min']}")
    summary.add_row("performance", f"p95_ms={inference.performance['p95_ms']}")
    if inference.structure:
        summary.add_row("structure", ", ".join(inference.structure))
    console.print(summary)

    candidates = Table("kind", "chosen", "runners-up", "deciding line", title="Candidates", title_justify="left")
    for kind in _KINDS:
        ranked = inference.candidates.get(kind) or []
        if not ranked:
            continue
        best = ranked[0]
        first = best.evidence[0] if best.evidence else None
        candidates.add_row(
            kind,
            _score(best),
            ", ".join(_score(c) for c in ranked[1:4]),
            f"L{first.line}: {first.text}" if first else "",
        )
    console.print(candidates)

    if inference.standards:
        standards = Table("standard", "asked by", title="Standards", title_justify="left")
        for hit in inference.standards:
            first = hit.evidence[0]
            standards.add_row(hit.id, f"L{first.line}: {first.text}")
        console.print(standards)
    for warning in inference.warnings:
        err_console.print(f"[yellow]warning:[/] {warning}", highlight=False)
