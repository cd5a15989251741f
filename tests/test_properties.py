"""Property: whatever text arrives, the reader and inference raise nothing but agentgen's own error."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentgen.errors import AgentgenError
from agentgen.infer import infer
from agentgen.profile import parse_profile


def _pieces(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


yaml_ish = _pieces([*"abc:- \n\t'\"[]{}|>#&*!%@`,?\\", "---", "\r\n", "é", "数", "name: ", "tools:\n  - "], 120)
markdown_ish = _pieces(
    [*"ab #-*`>|\n\t1.", "```", "├── ", "└── ", "src/", "FastAPI", "\r", "\x00", "\ufeff", "- ", "## "], 200
)


def _read(raw: bytes) -> None:
    with contextlib.suppress(AgentgenError):
        infer(parse_profile(raw, Path("p.md")))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(front=yaml_ish, body=markdown_ish)
def test_front_matter_and_body_never_raise_anything_else(front: str, body: str):
    _read(f"---\n{front}\n---\n{body}".encode())


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_anything_else(raw: bytes):
    _read(raw)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_never_raises_anything_else(text: str):
    _read(text.encode("utf-8", "surrogatepass"))
