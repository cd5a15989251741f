"""agentgen as a library: each command's work without the terminal. The CLI prints and asks; this does.

from agentgen import api
request = api.prepare("fastapi-postgres", Path("orders"))
plan = api.plan(request, data={"coverage_min": 90})
api.generate(plan, request.source)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agentgen import demo as batch
from agentgen.doctor import Diagnosis, diagnose
from agentgen.documents import refresh_docs
from agentgen.git import remote_source
from agentgen.infer import Inference, infer
from agentgen.plan import Plan, Prompter, default_dest, plan_with_source
from agentgen.profile import Profile, read_profile
from agentgen.project import Project, is_newer, latest_version
from agentgen.render import Rendered, check_destination, render
from agentgen.resources import resolve_profile
from agentgen.source import ENV_VAR, TemplateSource, resolve_source
from agentgen.update import (
    UpdateResult,
    checked_answers,
    load_project,
    refreshed_rows,
    retarget,
    update_project,
)


def inspect(profile: str) -> Inference:
    """What agentgen infers from a built-in profile or a profile file."""
    return infer(read_profile(resolve_profile(profile)))


@dataclass(frozen=True)
class Request:
    """A profile read and inferred with the catalog of the template source that will render it, and where to."""

    profile: Profile
    inference: Inference
    source: TemplateSource
    dest: Path


def prepare(profile: str, dest: Path | None = None, template_src: str | None = None) -> Request:
    """Read the profile, check DEST (default: a folder named after the profile) and infer; nothing is written."""
    parsed = read_profile(resolve_profile(profile))
    target = dest or default_dest(parsed)
    check_destination(target)
    source = resolve_source(template_src)
    return Request(parsed, infer(parsed, source.catalog), source, target)


def plan(
    request: Request,
    *,
    stack: str | None = None,
    database: str | None = None,
    data: dict[str, Any] | None = None,
    prompter: Prompter | None = None,
) -> Plan:
    """Every answer, with where it came from; `prompter` asks what the profile leaves open (none: the defaults)."""
    return plan_with_source(
        request.profile,
        request.inference,
        request.dest,
        request.source,
        stack=stack,
        database=database,
        data=data,
        prompter=prompter,
    )


def generate(plan: Plan, source: TemplateSource, *, git: bool = True) -> Rendered:
    """Render the project into plan.dest in one step: on any failure, nothing is left behind."""
    return render(plan, source, git=git)


def doctor(project: Path, template_src: str | None = None) -> Diagnosis:
    """Does the project still meet the standards its profile names, with the values it was generated with?
    Checked as agentgen's own stack manifests say, or those of the template copy given (`--template-src`,
    $AGENTGEN_TEMPLATE_SRC); never those of the `_src_path` the project's answers file names, which is the
    project's data, not the user's choice."""
    source = resolve_source(template_src)
    return diagnose(project, source.catalog, source.questions)


def _template_source(template_src: str | None) -> str | None:
    given = template_src or os.environ.get(ENV_VAR)
    return remote_source(given, "--template-src" if template_src else f"${ENV_VAR}") if given else None


def update_available(
    project: Path, template_src: str | None = None, vcs_ref: str | None = None
) -> tuple[str, str, bool]:
    """(the project's template version, the newest one, whether that is newer)."""
    loaded = load_project(project)
    target = latest_version(_template_source(template_src) or loaded.src_path, vcs_ref)
    return loaded.commit, target, is_newer(target, loaded.commit)


def update(
    project: Path,
    *,
    data: dict[str, Any] | None = None,
    template_src: str | None = None,
    vcs_ref: str | None = None,
    conflict: str = "inline",
) -> UpdateResult:
    """Bring template improvements in without losing edits; STANDARDS.md is recomputed from the project's profile."""
    loaded: Project = load_project(project)
    answers = checked_answers(loaded, data or {})
    source = _template_source(template_src)
    if source and source != loaded.src_path:
        loaded = retarget(loaded, source)
    answers = refreshed_rows(loaded) | answers  # rows given with --data win
    result = update_project(loaded, data=answers, vcs_ref=vcs_ref, conflict=conflict)
    if not result.conflicts:  # the documents follow the spec and the answers the update brought
        result.changed = sorted(set(result.changed) | set(refresh_docs(loaded.path)))
    return result


@dataclass(frozen=True)
class Batch:
    """A workshop manifest planned: every entry checked, OUT prepared, nothing generated yet."""

    plans: list[Plan]
    source: TemplateSource
    out: Path


def plan_demo(manifest: Path, out: Path, *, force: bool = False, template_src: str | None = None) -> Batch:
    """Check the whole manifest (an unknown profile, a duplicate or unsafe name stops everything) and prepare OUT."""
    source = resolve_source(template_src)
    plans = batch.plan_batch(manifest, out, source)
    batch.prepare_out(out, [p.project_name for p in plans], force=force)
    return Batch(plans, source, out)


def run_demo(
    planned: Batch, *, verify: bool = False, jobs: int | None = None, progress: batch.Progress | None = None
) -> list[batch.Outcome]:
    """Generate (and with `verify`, install and test) each project; OUT/report.json and OUT/REPORT.md say how."""
    outcomes = batch.run_batch(
        planned.plans, planned.source, verify_projects=verify, jobs=jobs or os.cpu_count() or 1, progress=progress
    )
    batch.write_reports(planned.out, outcomes)
    return outcomes
