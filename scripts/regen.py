"""Rebuild the lock files and generated code the stacks ship, with each ecosystem's own tools.

    python scripts/regen.py [--check] [STACK...]

A stack's manifest (templates/<stack>/stack.yml) names them under `regen`: the answers of a project to render
(`data`), the `commands` to run in it (`uv lock`, `npm install --package-lock-only`, `go mod tidy`, ...) and the
`files` to copy back into templates/<stack>/. These files are plain, never Jinja: one lock serves every project,
whatever its switches, because switches change wiring, not dependencies. The tools keep what is locked unless the
manifest asks for something else, so a run without changes to the manifests writes the same bytes.

--check writes nothing and fails, naming the files, when a run would change them (the tests run it).

    python scripts/regen.py --schema [STACK...]

docs/SCHEMA.md of each database a stack offers (its manifest's `databases`) and each kind of key (copier.yml's
`id_type`): a project rendered with those answers runs its own `make schema` on a fresh database of the servers
scripts/services.sh runs, and its docs/SCHEMA.md becomes templates/<stack>/_schema/<database>-<id_type>.md, which
the stack's docs/SCHEMA.md.jinja includes. The end-to-end tests run `make schema` in the projects they generate and
fail when it changes what was shipped.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from agentgen.catalog import manifests
from agentgen.copying import copy_template

ROOT = Path(__file__).resolve().parent.parent


def regen(root: Path, stack: str, spec: dict[str, Any], work: Path, *, check: bool) -> list[str]:
    """Render a project of `stack` from the template at `root`, run the manifest's commands in it, and copy its
    files back (or, with `check`, compare them). Returns the files that differ."""
    project = work / stack
    copy_template(
        str(root), project, {"stack": stack, "project_name": f"regen-{stack}", **spec.get("data", {})}, snapshot=False
    )
    env = os.environ | {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for command in spec["commands"]:
        print(f"{stack}: {command}", file=sys.stderr)
        subprocess.run(shlex.split(command), cwd=project, env=env, check=True, timeout=900)
    differing = []
    for name in spec["files"]:
        made, kept = project / name, root / "templates" / stack / name
        if kept.is_file() and filecmp.cmp(made, kept, shallow=False):
            continue
        differing.append(f"templates/{stack}/{name}")
        if not check:
            shutil.copyfile(made, kept)
    return differing


def schema_variants(root: Path, stack: str, spec: dict[str, Any], work: Path) -> list[str]:
    """Write templates/<stack>/_schema/<database>-<id_type>.md for every database and kind of key; returns those
    that changed."""
    sys.path.insert(0, str(root))
    from tests.services import fresh_database  # the one place that knows the test servers

    keys = yaml.safe_load((root / "copier.yml").read_text(encoding="utf-8"))["id_type"]["choices"].values()
    changed = []
    for database in spec["databases"]:
        for id_type in keys:
            project = work / f"{stack}-{database}-{id_type}"
            answers = {"stack": stack, "project_name": f"regen-{stack}", "database": database, "id_type": id_type}
            copy_template(str(root), project, answers, snapshot=False)
            with contextlib.ExitStack() as stack_of:
                url = (
                    f"sqlite:///{project}/schema.sqlite3"
                    if database == "sqlite"
                    else stack_of.enter_context(fresh_database(database))
                )
                print(f"{stack}: make schema on {database}, {id_type} keys", file=sys.stderr)
                subprocess.run(["make", "schema", f"TEST_DATABASE_URL={url}"], cwd=project, check=True, timeout=900)
            kept = root / "templates" / stack / "_schema" / f"{database}-{id_type}.md"
            made = project / "docs" / "SCHEMA.md"
            if not (kept.is_file() and filecmp.cmp(made, kept, shallow=False)):
                kept.parent.mkdir(exist_ok=True)
                shutil.copyfile(made, kept)
                changed.append(str(kept.relative_to(root)))
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    if "--schema" in argv:
        stacks = manifests(ROOT / "templates")
        with tempfile.TemporaryDirectory(prefix="agentgen-schema-") as work:
            changed = [
                name for stack in wanted or stacks for name in schema_variants(ROOT, stack, stacks[stack], Path(work))
            ]
        print(f"{'changed' if changed else 'unchanged'}: {', '.join(changed) or 'every schema'}", file=sys.stderr)
        return 0
    specs = {stack: spec["regen"] for stack, spec in manifests(ROOT / "templates").items() if "regen" in spec}
    unknown = sorted(set(wanted) - set(specs))
    if unknown:
        print(f"no stack with a `regen` entry: {', '.join(unknown)}", file=sys.stderr)
        return 2
    differing: list[str] = []
    with tempfile.TemporaryDirectory(prefix="agentgen-regen-") as work:
        for stack in wanted or specs:
            differing += regen(ROOT, stack, specs[stack], Path(work), check=check)
    if check and differing:
        print(f"not what `make regen` writes: {', '.join(differing)}", file=sys.stderr)
        return 1
    print(f"{'changed' if differing else 'unchanged'}: {', '.join(differing) or 'every file'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
