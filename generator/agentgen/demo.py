"""Workshops: a batch of demo projects from a manifest, each generated atomically, optionally verified in parallel,
and a report of which pass.

The whole manifest is validated (and every project planned) before anything is written.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from agentgen.catalog import Stack
from agentgen.errors import AgentgenError
from agentgen.files import load_yaml, read_bounded
from agentgen.infer import infer
from agentgen.plan import PROJECT_NAME, Plan, plan_with_source
from agentgen.profile import read_profile
from agentgen.render import render
from agentgen.resources import resolve_profile
from agentgen.source import TemplateSource
from agentgen.verify import shared_caches, verify

ENTRY_KEYS = {"name", "profile", "stack", "database", "answers"}
REPORT_JSON = "report.json"
REPORT_MD = "REPORT.md"
LOG = ".agentgen-verify.log"


@dataclass
class Outcome:
    name: str
    profile: str
    stack: str
    database: str
    generated: bool = False
    tests_passed: bool | None = None
    seconds: float = 0.0
    log: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.generated and self.tests_passed is not False


def load_manifest(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise AgentgenError(f"{path}: no such manifest")
    data = load_yaml(read_bounded(path), str(path))
    entries = data.get("projects") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise AgentgenError(f"{path}: expected a `projects:` list with at least one entry")
    seen: set[str] = set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}: entry {number}"
        if not isinstance(entry, dict):
            raise AgentgenError(f"{where}: expected a mapping with name and profile")
        name = entry.get("name")
        where = f"{where} ({name})" if name else where
        unknown = sorted(set(entry) - ENTRY_KEYS)
        if unknown:
            raise AgentgenError(f"{where}: unknown key {unknown[0]!r}; keys: {', '.join(sorted(ENTRY_KEYS))}")
        if not isinstance(name, str) or not PROJECT_NAME.match(name):
            raise AgentgenError(f"{where}: unsafe or missing name; use lowercase letters, digits and single dashes")
        if name in seen:
            raise AgentgenError(f"{where}: duplicate name {name!r}")
        seen.add(name)
        if not isinstance(entry.get("profile"), str):
            raise AgentgenError(f"{where}: missing profile (a built-in name or a path)")
        if not isinstance(entry.get("answers", {}), dict):
            raise AgentgenError(f"{where}: answers must be a mapping")
    return entries


def plan_batch(manifest: Path, out: Path, source: TemplateSource) -> list[Plan]:
    """Plan every project; the first bad entry stops everything, before anything is written."""
    plans = []
    for number, entry in enumerate(load_manifest(manifest), 1):
        name = entry["name"]
        try:
            profile = read_profile(resolve_profile(entry["profile"], base=manifest.parent))
            plan = plan_with_source(
                profile,
                infer(profile, source.catalog),
                out / name,
                source,
                stack=entry.get("stack"),
                database=entry.get("database"),
                data={"project_name": name, **entry.get("answers", {})},
            )
        except AgentgenError as err:
            raise AgentgenError(f"{manifest}: entry {number} ({name}): {err}") from err
        plans.append(plan)
    return plans


def prepare_out(out: Path, names: list[str], *, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise AgentgenError(f"{out} exists and is not a directory")
    existing = [name for name in [*names, REPORT_JSON, REPORT_MD] if (out / name).exists()]
    if existing and not force:
        raise AgentgenError(f"{out} already holds {', '.join(existing)}; pass --force to replace them")
    for name in existing:
        target = out / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise AgentgenError(f"cannot create {out}: {err.strerror or err}") from None


Progress = Callable[[str, Outcome], None]


def run_batch(
    plans: list[Plan],
    source: TemplateSource,
    *,
    verify_projects: bool,
    jobs: int,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Generate each project (one failure does not stop the others), then verify them `jobs` at a time."""
    outcomes = []
    for plan in plans:
        outcome = Outcome(plan.project_name, plan.profile.name, plan.stack, str(plan.answers["database"]))
        start = time.perf_counter()
        try:
            render(plan, source)
            outcome.generated = True
        except AgentgenError as err:
            outcome.error = str(err)
        outcome.seconds = time.perf_counter() - start
        outcomes.append(outcome)
        if progress:
            progress("generated", outcome)

    if verify_projects:
        with tempfile.TemporaryDirectory(prefix="agentgen-demo-") as scratch:
            _verify_all(plans, outcomes, jobs, shared_caches(Path(scratch)), progress, source.catalog.stacks)
    return outcomes


def _verify_all(
    plans: list[Plan],
    outcomes: list[Outcome],
    jobs: int,
    env: dict[str, str],
    progress: Progress | None,
    stacks: dict[str, Stack],
) -> None:
    """Verify the generated projects `jobs` at a time. They share tool caches (`env`): what one project's type
    checker learned about the standard library and common packages, the next one reuses."""

    def check(pair: tuple[Plan, Outcome]) -> None:
        plan, outcome = pair
        if not outcome.generated:
            return
        result = verify(plan.dest, plan.dest / LOG, env)
        outcome.tests_passed = result.ok
        outcome.seconds += result.seconds
        outcome.log = str(plan.dest / LOG)
        if progress:
            progress("verified", outcome)

    # Longest first: otherwise a long project started last runs alone at the end, leaving cores idle.

    def expected_seconds(pair: tuple[Plan, Outcome]) -> float:
        stack = stacks.get(pair[0].stack)  # a template source may offer stacks the catalog does not know
        return stack.verify_seconds if stack else 0

    pairs = sorted(zip(plans, outcomes, strict=True), key=expected_seconds, reverse=True)
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        list(pool.map(check, pairs))


def write_reports(out: Path, outcomes: list[Outcome]) -> None:
    projects = [{k: v for k, v in asdict(o).items() if k != "error" or v} for o in outcomes]
    for project in projects:
        project["seconds"] = round(project["seconds"], 1)
    (out / REPORT_JSON).write_text(json.dumps({"projects": projects}, indent=2) + "\n", encoding="utf-8")
    rows = [
        "| project | profile | stack | database | generated | tests | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        tests = {None: "not run", True: "passed", False: "failed"}[o.tests_passed]
        rows.append(
            f"| {o.name} | {o.profile} | {o.stack} | {o.database} | {'yes' if o.generated else 'no'} | {tests} "
            f"| {o.seconds:.1f} |"
        )
    passed = sum(o.ok for o in outcomes)
    body = "\n".join(rows)
    text = (
        f"# Workshop projects\n\n{passed} of {len(outcomes)} projects ready.\n\n{body}\n\n"
        "In each project folder: `make install`, `make test`, `make run` (see its README.md).\n"
    )
    (out / REPORT_MD).write_text(text, encoding="utf-8")
