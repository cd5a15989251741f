"""The lock files and generated code the stacks ship are what their ecosystems' tools write (`make regen`).

Runs uv, npm and go in rendered projects; they reach PyPI, npm and the Go module proxy only for what their caches
lack. CI runs this, so a lock file edited by hand, or a manifest changed without `make regen`, fails here.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agentgen.catalog import manifests
from agentgen.source import data_root

REGEN = data_root() / "scripts" / "regen.py"
STACKS = sorted(stack for stack, spec in manifests(data_root() / "templates").items() if "regen" in spec)


def test_every_stack_ships_its_locks_plain():
    """No lock file or generated code is a Jinja template: one plain file serves every project."""
    assert set(STACKS) == set(manifests(data_root() / "templates"))
    for stack in STACKS:
        for name in manifests(data_root() / "templates")[stack]["regen"]["files"]:
            assert (data_root() / "templates" / stack / name).is_file(), (stack, name)
    jinja = sorted(p.name for p in (data_root() / "templates").rglob("*.jinja"))
    assert not [n for n in jinja if n.removesuffix(".jinja") in {"uv.lock", "package-lock.json", "go.sum"}]
    assert not [n for n in jinja if ".gen." in n]


@pytest.mark.e2e
@pytest.mark.parametrize("stack", STACKS)
def test_make_regen_would_change_nothing(stack: str):
    result = subprocess.run(
        [sys.executable, str(REGEN), "--check", stack], capture_output=True, text=True, timeout=900, cwd=data_root()
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.e2e
def test_the_check_fails_on_a_lock_file_edited_by_hand(tmp_path: Path):
    source = tmp_path / "src"
    (source / "templates").mkdir(parents=True)
    shutil.copy(data_root() / "copier.yml", source)
    for part in ("_shared", "fastapi"):
        shutil.copytree(data_root() / "templates" / part, source / "templates" / part)
    lock = source / "templates" / "fastapi" / "uv.lock"
    pin = re.search(r'    \{ name = "structlog", specifier = "==[^"]+" \},\n', lock.read_text())
    assert pin  # the service's own requirement, as the lock records it
    lock.write_text(lock.read_text().replace(pin[0], "", 1))
    spec = importlib.util.spec_from_file_location("regen", REGEN)
    assert spec and spec.loader
    regen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regen)

    fastapi = manifests(source / "templates")["fastapi"]["regen"]
    assert regen.regen(source, "fastapi", fastapi, tmp_path / "work", check=True) == ["templates/fastapi/uv.lock"]
    assert regen.regen(source, "fastapi", fastapi, tmp_path / "again", check=False) == ["templates/fastapi/uv.lock"]
    assert regen.regen(source, "fastapi", fastapi, tmp_path / "third", check=True) == []
