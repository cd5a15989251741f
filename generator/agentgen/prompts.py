"""Interactive questions with questionary (imported only when a terminal asks)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agentgen.errors import AgentgenError


class Questionary:
    interactive = True

    def __init__(self) -> None:
        import questionary

        self._q = questionary

    def _ask(self, question: Any) -> Any:
        answer = question.ask()
        if answer is None:  # questionary returns None on Ctrl-C
            raise KeyboardInterrupt
        return answer

    def select(
        self, question: str, choices: list[tuple[str, str]], default: str, disabled: Sequence[tuple[str, str]] = ()
    ) -> str:
        options = [self._q.Choice(title=f"{value}: {title}", value=value) for value, title in choices]
        options += [self._q.Choice(title=label, value=label, disabled=reason) for label, reason in disabled]
        return str(self._ask(self._q.select(question, choices=options, default=default)))

    def text(self, question: str, default: str, validate: Any = None) -> str:
        def check(value: str) -> bool | str:
            return True if validate is None or validate(value) else "lowercase letters, digits and single dashes"

        return str(self._ask(self._q.text(question, default=default, validate=check)))

    def checkbox(self, question: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        options = [self._q.Choice(title=title, value=value, checked=checked) for value, title, checked in choices]
        return list(self._ask(self._q.checkbox(question, choices=options)))


def prompter(interactive: bool) -> Any:
    from agentgen.plan import Defaults

    if not interactive:
        return Defaults()
    try:
        return Questionary()
    except ImportError as err:  # pragma: no cover - questionary is a dependency
        raise AgentgenError("questionary is not installed; use --defaults") from err
