"""Where agentgen's own files live: the template repository and the built-in profiles.

A wheel carries them as package data under agentgen/_data; a source checkout has them at the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from agentgen.errors import AgentgenError

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder holding copier.yml and templates/ (this repository's root in a checkout)."""
    for candidate in (_PACKAGE / "_data", _PACKAGE.parents[1]):
        if (candidate / "copier.yml").is_file() and (candidate / "templates").is_dir():
            return candidate
    raise AgentgenError("this agentgen installation has no templates (copier.yml is missing); reinstall it")


def profiles_dir() -> Path:
    root = data_root()
    return root / "profiles" if (root / "profiles").is_dir() else root / "examples" / "profiles"


def builtin_profiles() -> dict[str, Path]:
    return {path.stem: path for path in sorted(profiles_dir().glob("*.md"))}


def resolve_profile(name_or_path: str, base: Path | None = None) -> Path:
    """A built-in profile name, or a path to any profile file (relative to `base` when given)."""
    builtins = builtin_profiles()
    if name_or_path in builtins:
        return builtins[name_or_path]
    path = (base or Path()) / Path(name_or_path).expanduser()
    if path.exists() or "/" in name_or_path or name_or_path.endswith(".md"):
        return path
    raise AgentgenError(f"unknown profile {name_or_path!r}; built-in profiles: {', '.join(builtins) or 'none'}")
