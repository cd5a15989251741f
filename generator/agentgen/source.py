"""Where templates come from: agentgen's own template repository, or another copy of it (`--template-src`).

Copier clones a template that is a git repository. agentgen's own templates are rendered from a plain
snapshot instead (no clone, no git per file), and the answers file records the repository and the tag
they came from, so `copier update` works on the project later.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from agentgen.catalog import Catalog, load_catalog
from agentgen.errors import AgentgenError
from agentgen.files import load_yaml, read_bounded
from agentgen.git import git
from agentgen.resources import data_root

ENV_VAR = "AGENTGEN_TEMPLATE_SRC"
BUNDLE = "template.bundle"
BUNDLE_VERSION = "template-version"


@dataclass(frozen=True)
class TemplateSource:
    location: str
    """What copier records as `_src_path`: a local path or a git URL."""
    root: Path | None
    """The local folder holding copier.yml; None for a remote URL (copier fetches it)."""
    builtin: bool

    # Read once per run: `agentgen demo` plans many projects from one source.
    @cached_property
    def questions(self) -> dict[str, Any]:
        if self.root is None:
            return {}
        config = load_yaml(read_bounded(self.root / "copier.yml"), str(self.root / "copier.yml")) or {}
        if not isinstance(config, dict):
            raise AgentgenError(f"{self.root / 'copier.yml'}: not a mapping of questions")
        return {str(k): v for k, v in config.items() if not str(k).startswith("_")}

    @cached_property
    def defaults(self) -> dict[str, Any]:
        """Each question's default where it is a plain value (not one Jinja computes from other answers)."""
        plain = {k: q.get("default") for k, q in self.questions.items() if isinstance(q, dict) and "default" in q}
        return {k: v for k, v in plain.items() if not (isinstance(v, str) and "{{" in v)}

    @cached_property
    def catalog(self) -> Catalog:
        """The catalog with this source's own stacks: a local copy brings its templates/<stack>/stack.yml."""
        return load_catalog(self.root / "templates" if self.root else None)

    @cached_property
    def stacks(self) -> list[str]:
        if self.root is None:
            return []
        return sorted(p.name for p in (self.root / "templates").iterdir() if p.is_dir() and not p.name.startswith("_"))

    def is_git(self) -> bool:
        return self.root is not None and (self.root / ".git").exists()

    def bundle(self) -> Path | None:
        """A wheel's git bundle of the template history (every tagged version), for `copier update` offline."""
        bundle = self.root / BUNDLE if self.root else None
        return bundle if bundle and bundle.is_file() else None

    def record_path(self) -> str:
        """What `_src_path` records: the bundle a wheel ships, else the repository itself."""
        bundle = self.bundle()
        return str(bundle) if bundle else self.location

    @cached_property
    def commit(self) -> str | None:
        """The template version the project is rendered from: the nearest tag, or the commit."""
        if self.bundle() and self.root:
            return (self.root / BUNDLE_VERSION).read_text(encoding="utf-8").strip() or None
        if not self.is_git() or self.root is None:
            return None
        return git(self.root, "describe", "--tags", "--always", check=False).strip() or None

    @cached_property
    def dirty(self) -> bool:
        """Uncommitted template changes: the project gets them, but its `_commit` cannot name them."""
        if not self.is_git() or self.root is None:
            return False
        return bool(git(self.root, "status", "--porcelain", "--", "copier.yml", "templates", check=False).strip())

    def snapshot(self, into: Path, stack: str) -> Path:
        """A plain copy of what one stack needs, so copier renders it without cloning."""
        assert self.root is not None
        into.mkdir(parents=True)
        shutil.copy2(self.root / "copier.yml", into / "copier.yml")
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", ".venv")
        for part in ("_shared", stack):
            shutil.copytree(self.root / "templates" / part, into / "templates" / part, ignore=ignore)
        return into


def builtin_source() -> TemplateSource:
    """agentgen's own templates."""
    root = data_root()
    return TemplateSource(str(root), root, builtin=True)


def resolve_source(given: str | None) -> TemplateSource:
    """`--template-src`, else $AGENTGEN_TEMPLATE_SRC, else agentgen's own templates."""
    given = given or os.environ.get(ENV_VAR) or None
    if given is None:
        return builtin_source()
    if "://" in given or given.startswith("git@"):
        return TemplateSource(given, None, builtin=False)
    path = Path(given).expanduser().resolve()
    if not (path / "copier.yml").is_file():
        raise AgentgenError(f"--template-src {given}: no copier.yml there; expected a copy of agentgen's templates")
    return TemplateSource(str(path), path, builtin=False)
