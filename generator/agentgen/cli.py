"""The `agentgen` command line: a thin layer over read → infer → plan → render → verify.

Heavy libraries (copier, questionary, markdown-it, rich consoles) are imported inside the commands that need
them, so `agentgen --help` stays fast.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from agentgen import __version__
from agentgen.errors import AgentgenError

app = typer.Typer(
    name="agentgen",
    help=(
        "Turn an agent profile (Markdown with YAML front matter) into a starter backend repository.\n\n"
        "\b\nExamples:\n"
        "  agentgen profiles\n"
        "  agentgen inspect fastapi-postgres\n"
        "  agentgen inspect ./agents/backend.md --json\n"
        "  agentgen new fastapi-postgres my-service --defaults\n"
        "  agentgen update my-service --check\n"
        "  agentgen doctor my-service\n"
        "  agentgen demo examples/workshop.yaml /tmp/workshop --verify"
    ),
    # Plain click help: rich's help renderer alone costs ~80 ms of imports on every `--help`.
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"agentgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """agentgen: agent profile in, tested backend service out."""


ProfileArg = Annotated[
    str,
    typer.Argument(
        metavar="PROFILE", help="A built-in profile name (see `agentgen profiles`) or a path to a profile file."
    ),
]


@app.command()
def profiles() -> None:
    """List the built-in profiles.

    \b
    Example:
      agentgen profiles
    """
    from agentgen.report import print_profiles

    print_profiles()


@app.command()
def inspect(
    profile: ProfileArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print the inference as JSON.")] = False,
) -> None:
    """Show what agentgen infers from a profile, the runner-up candidates and the lines that decided it.

    \b
    Examples:
      agentgen inspect fastapi-postgres
      agentgen inspect ~/.claude/agents/backend-developer.md --json
    """
    from agentgen import api

    inference = api.inspect(profile)
    if as_json:
        sys.stdout.write(json.dumps(inference.to_json(), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    from agentgen.report import print_inference

    print_inference(inference)


@app.command()
def new(
    profile: Annotated[
        str, typer.Argument(metavar="[PROFILE]", help="Built-in profile name or a path to a profile file.")
    ] = "fastapi-postgres",
    dest: Annotated[
        Path | None, typer.Argument(metavar="[DEST]", help="Folder to create (default: ./<profile name>).")
    ] = None,
    stack: Annotated[str | None, typer.Option(help="Stack template to use, overriding the inference.")] = None,
    database: Annotated[str | None, typer.Option(help="Database, overriding the inference.")] = None,
    data: Annotated[list[str] | None, typer.Option("--data", "-d", help="An answer as key=value (repeatable).")] = None,
    data_file: Annotated[Path | None, typer.Option(help="A YAML file of answers.")] = None,
    template_src: Annotated[
        str | None,
        typer.Option(help="Another copy of agentgen's template repository: a local path or a git URL."),
    ] = None,
    defaults: Annotated[
        bool, typer.Option("--defaults", help="Ask nothing; take the inferred or default answers.")
    ] = False,
    git: Annotated[bool, typer.Option("--git/--no-git", help="git init and a first commit.")] = True,
    run_verify: Annotated[
        bool, typer.Option("--verify", help="Install the new project and run its tests and lint.")
    ] = False,
) -> None:
    """Generate a backend project from an agent profile.

    Shows what was inferred and why, asks only what the profile leaves open (nothing with --defaults or
    without a terminal), and writes DEST in one step: on any failure or interrupt, DEST is not created.

    \b
    Examples:
      agentgen new                                   # fastapi-postgres into ./fastapi-postgres
      agentgen new fastapi-postgres my-service --defaults
      agentgen new ./agents/backend.md api --stack fastapi -d coverage_min=90
      agentgen new django-mysql shop --database postgresql --no-git
    """
    from agentgen import api, report
    from agentgen.plan import parse_data
    from agentgen.prompts import prompter
    from agentgen.verify import missing_tools, verify

    request = api.prepare(profile, dest, template_src)
    report.print_inference_summary(request.inference)
    plan = api.plan(
        request,
        stack=stack,
        database=database,
        data=parse_data(data or [], data_file),
        prompter=prompter(not defaults and sys.stdin.isatty()),
    )
    report.print_plan(plan)
    rendered = api.generate(plan, request.source, git=git)
    chosen = request.source.catalog.stacks.get(plan.stack)
    report.print_conformance(plan)
    report.print_next_steps(plan, rendered, missing_tools(chosen.toolchain if chosen else ()))
    if run_verify:
        result = verify(rendered.path, progress=report.verify_step)
        report.print_verification(result, rendered.path)
        if not result.ok:
            raise typer.Exit(1)


class Conflict(StrEnum):
    inline = "inline"
    rej = "rej"


@app.command()
def update(
    project: Annotated[Path, typer.Argument(metavar="[DIR]", help="The generated project (default: here).")] = Path(),
    check: Annotated[bool, typer.Option("--check", help="Only say whether a newer template version exists.")] = False,
    vcs_ref: Annotated[str | None, typer.Option(help="Template version (tag or commit) to update to.")] = None,
    conflict: Annotated[
        Conflict, typer.Option(help="How to leave conflicts: inline markers or .rej files.")
    ] = Conflict.inline,
    data: Annotated[
        list[str] | None, typer.Option("--data", "-d", help="Change an answer, as key=value (repeatable).")
    ] = None,
    template_src: Annotated[
        str | None,
        typer.Option(help="Record another template source first (a git URL or path); env AGENTGEN_TEMPLATE_SRC."),
    ] = None,
) -> None:
    """Bring template improvements into a generated project without losing your edits (copier update).

    Exit codes: 0 updated (or already up to date), 1 conflicts need a person (or, with --check, an update
    exists), 2 bad input (not a generated project, a dirty git tree, a missing template source).

    \b
    Examples:
      agentgen update --check
      agentgen update ./orders-api
      agentgen update --data metrics=true --conflict rej
    """
    from agentgen import api, report
    from agentgen.plan import parse_data

    changes = parse_data(data or [], None)
    if check:
        current, target, newer = api.update_available(project, template_src, vcs_ref)
        report.console.print(f"{current} → {target}: " + ("update available" if newer else "up to date"))
        raise typer.Exit(1 if newer else 0)
    result = api.update(project, data=changes, template_src=template_src, vcs_ref=vcs_ref, conflict=conflict.value)
    report.print_update(result)
    raise typer.Exit(1 if result.conflicts else 0)


@app.command()
def demo(
    manifest: Annotated[Path, typer.Argument(help="Workshop manifest (YAML): a `projects:` list.")],
    out: Annotated[Path, typer.Argument(help="Folder that receives one project per entry and the reports.")],
    run_verify: Annotated[
        bool, typer.Option("--verify", help="Install each project and run its tests and lint.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Projects verified at once (default: the number of cores).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace projects and reports already in OUT.")] = False,
    template_src: Annotated[str | None, typer.Option(help="Another copy of agentgen's templates.")] = None,
) -> None:
    """Build a batch of demo projects from a manifest and report which pass their own tests.

    The whole manifest is checked first: an unknown profile, a duplicate or unsafe name stops everything
    before anything is written. Reports: a table here, OUT/report.json and OUT/REPORT.md. Exit 0 only when
    every project was generated and, with --verify, passed.

    \b
    Examples:
      agentgen demo examples/workshop.yaml /tmp/workshop
      agentgen demo examples/workshop.yaml /tmp/workshop --verify --jobs 2 --force
    """
    from agentgen import api, report

    planned = api.plan_demo(manifest, out, force=force, template_src=template_src)
    with report.batch_progress(len(planned.plans), run_verify) as progress:
        outcomes = api.run_demo(planned, verify=run_verify, jobs=jobs, progress=progress)
    report.print_batch(outcomes, out)
    raise typer.Exit(0 if all(o.ok for o in outcomes) else 1)


@app.command()
def doctor(
    project: Annotated[Path, typer.Argument(metavar="[DIR]", help="The generated project (default: here).")] = Path(),
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON (for CI).")] = False,
    template_src: Annotated[
        str | None, typer.Option(help="The copy of agentgen's templates the project came from, if not these.")
    ] = None,
) -> None:
    """Check that a generated project still meets the standards its agent profile names.

    Reads .copier-answers.yml and .claude/agents/*.md, checks each standard the way the catalog says the
    stack implements it, and says whether a newer template version exists. Exit 0 when all hold, 1 when any
    fails (each failing standard is named), 2 when DIR is not a generated project.

    \b
    Examples:
      agentgen doctor
      agentgen doctor ./orders-api --json
    """
    from agentgen import api, report

    diagnosis = api.doctor(project, template_src)
    if as_json:
        sys.stdout.write(json.dumps(diagnosis.to_json(), indent=2) + "\n")
    else:
        report.print_diagnosis(diagnosis)
    raise typer.Exit(1 if diagnosis.failing else 0)


def main() -> None:
    """Console entry point: every error, agentgen's own or a usage error, is one `error:` line and exit code 2."""
    try:
        code = app(standalone_mode=False)
    except AgentgenError as err:
        sys.stderr.write(f"error: {err}\n")
        sys.exit(err.exit_code)
    except typer.TyperException as err:  # click's usage errors: a bad option, a missing argument...
        message = err.format_message()
        if message.startswith("Usage:"):  # no arguments at all: the help is the answer
            sys.stderr.write(message + "\n")
        else:
            context = getattr(err, "ctx", None)
            hint = f" (see `{context.command_path} --help`)" if context is not None else ""
            sys.stderr.write(f"error: {' '.join(message.split())}{hint}\n")
        sys.exit(err.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
