"""Rebuild the lock files and generated code the stacks ship, with each ecosystem's own tools.

    python scripts/regen.py [--check] [STACK...]

A stack's manifest (templates/<stack>/stack.yml) names them under `regen`: the answers of a project to render
(`data`), the `commands` to run in it (`uv lock`, `npm install --package-lock-only`, `go mod tidy`, ...) and the
`files` to copy back into templates/<stack>/. These files are plain, never Jinja: one lock serves every project,
whatever its switches, because switches change wiring, not dependencies. The tools keep what is locked unless the
manifest asks for something else, so a run without changes to the manifests writes the same bytes.

--check writes nothing and fails, naming the files, when a run would change them (the tests run it).
"""

from __future__ import annotations

import filecmp
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

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


def main(argv: list[str]) -> int:
    check = "--check" in argv
    wanted = [a for a in argv if not a.startswith("--")]
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
