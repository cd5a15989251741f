"""The `agentgen` command line: a thin layer over read → infer → plan → render → verify.

Heavy libraries (copier, questionary, markdown-it, rich consoles) are imported inside the commands that need
them, so `agentgen --help` stays fast.
"""

from __future__ import annotations

import json
import sys
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
        "  agentgen new fastapi-postgres my-service --defaults"
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
    from agentgen.infer import infer
    from agentgen.profile import read_profile
    from agentgen.resources import resolve_profile

    inference = infer(read_profile(resolve_profile(profile)))
    if as_json:
        sys.stdout.write(json.dumps(inference.to_json(), indent=2, ensure_ascii=False, default=str) + "\n")
        return
    from agentgen.report import print_inference

    print_inference(inference)


def main() -> None:
    """Console entry point. Click reports usage errors itself (exit 2); agentgen's own errors become one line."""
    try:
        app()
    except AgentgenError as err:
        sys.stderr.write(f"error: {err}\n")
        sys.exit(err.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
