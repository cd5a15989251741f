"""Wheel build hook: ship the template history as a git bundle, so projects generated from an installed wheel
can run `copier update` offline (copier needs a git repository or bundle holding the old and the new tag)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class TemplateBundleHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if self.target_name != "wheel" or version == "editable" or not (root / ".git").exists():
            return  # an editable install renders from the checkout itself; an sdist carries no history
        out = Path(tempfile.mkdtemp(prefix="agentgen-bundle-"))
        bundle, described = out / "template.bundle", out / "template-version"
        refs = ["HEAD", "--tags"]
        subprocess.run(["git", "bundle", "create", "-q", str(bundle), *refs], cwd=root, check=True)
        describe = ["git", "describe", "--tags", "--always"]
        described.write_text(subprocess.run(describe, cwd=root, capture_output=True, text=True, check=True).stdout)
        build_data["force_include"][str(bundle)] = "agentgen/_data/template.bundle"
        build_data["force_include"][str(described)] = "agentgen/_data/template-version"
