"""The documents a generated project's `make docs` writes (docs/API.md, SECURITY.md, DEPLOY.md), written or
checked by agentgen's own copy of that script: new writes them, update refreshes them, doctor checks them."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

from agentgen.resources import data_root


@functools.cache
def _docs_script() -> ModuleType:
    """agentgen's own copy of the script projects run as `make docs` (templates/_shared/docs.py)."""
    path = data_root() / "templates" / "_shared" / "docs.py"
    spec = importlib.util.spec_from_file_location("agentgen_project_docs", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def write_docs(project: Path, *, check: bool = False) -> list[str]:
    """docs/*.md as the project's `make docs` writes them, or (`check`) those it would change. Written by agentgen's
    own copy of the script, never by code from a template source; a project without scripts/docs.py has none."""
    if not (project / "scripts" / "docs.py").is_file():
        return []
    stale: list[str] = _docs_script().write(project, check=check)
    return stale


def refresh_docs(project: Path) -> list[str]:
    """write_docs after an update; a spec or answers file it cannot read (conflict markers, say) leaves docs/ as it
    is, for `make lint` to name."""
    try:
        return write_docs(project)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, yaml.YAMLError):
        return []
