from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "agents"


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.rglob("*.md") if p.parent != CORPUS and "LICENSES" not in p.parts)


@pytest.fixture
def corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        pytest.skip(f"the profile corpus is not here ({CORPUS}); it lives in ../shared beside the checkout")
    return files


def run_agentgen(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 600):
    """Run the real console entry point in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "agentgen", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    # Warnings (e.g. a dirty template checkout) may come first; the error itself is one line, and the last.
    lines = [line for line in result.stderr.strip().splitlines() if not line.startswith(("warning: ", " "))]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]
