"""Interactive `new` on a pseudo-terminal, as a person meets it: questionary's prompts list the candidates by score
with the deciding line, offer the frameworks agentgen has no template for as disabled choices, and let the person
pick another stack or stop."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

HERE = Path(__file__).parent / "fidelity"
DOWN, ENTER = "\x1b[B", "\r"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "200", "LINES": "60"}
    child = pexpect.spawn(
        sys.executable, ["-m", "agentgen", "new", *args], cwd=str(cwd), env=env, encoding="utf-8", timeout=120
    )
    child.setwinsize(60, 200)
    return child


def answer(child: pexpect.spawn, prompt: str, *keys: str) -> str:
    """Wait for the prompt, press the keys; returns what the screen showed up to the prompt, without escapes."""
    child.expect_exact(prompt)
    shown = ANSI.sub("", str(child.before) + prompt)
    child.expect(r"\r")  # the prompt has drawn its choices
    for key in keys:
        child.send(key)
    return shown


def rest(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return ANSI.sub("", str(child.before))


def test_alternatives_across_languages_are_asked_by_score_with_disabled_choices(tmp_path: Path):
    child = spawn(str(HERE / "alternatives.md"), "svc", "--no-git", cwd=tmp_path)
    answer(child, "Project name", ENTER)
    child.expect_exact("Stack (the profile is ambiguous")
    child.expect(r"spring-boot[^\r\n]*no template in agentgen")
    menu = ANSI.sub("", str(child.before))
    order = [stack for stack in ("express", "django", "fastapi", "gin") if f"{stack}: " in menu]
    assert order == ["express", "django", "fastapi", "gin"], menu
    assert re.search(r"express: Express[^\n]*\(score [\d.]+, line \d+: ", menu), menu
    child.send(DOWN + ENTER)  # the second candidate: django
    answer(child, "Features to include", ENTER)
    output = rest(child)
    assert child.exitstatus == 0, output
    assert yaml.safe_load((tmp_path / "svc/.copier-answers.yml").read_text())["stack"] == "django"


def test_a_profile_without_a_template_offers_to_stop_and_stopping_writes_nothing(tmp_path: Path):
    child = spawn(str(HERE / "spring-boot.md"), "svc", "--no-git", cwd=tmp_path)
    answer(child, "Project name", ENTER)
    shown = answer(child, "Generate another stack?", ENTER)
    assert "spring-boot" in shown and "java" in shown
    output = rest(child)
    assert child.exitstatus == 2, output
    errors = [line for line in output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "has no template in agentgen" in errors[0], output
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_a_profile_naming_no_language_is_asked_with_the_default_first(tmp_path: Path):
    child = spawn(str(HERE / "stack-neutral.md"), "svc", "--no-git", cwd=tmp_path)
    answer(child, "Project name", ENTER)
    answer(child, "Stack (the profile names no language or framework)", DOWN + ENTER)
    answer(child, "Features to include", ENTER)
    output = rest(child)
    assert child.exitstatus == 0, output
    stack = yaml.safe_load((tmp_path / "svc/.copier-answers.yml").read_text())["stack"]
    assert stack != "fastapi"  # moved off the default by the person, not by the alphabet
