"""The API's one parser: DRF's JSON parser, with JSON nested too deep to parse answered as a 400."""

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    def parse(
        self, stream: IO[Any], media_type: str | None = None, parser_context: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            # Python's json recurses once per level: a few thousand "[" exhaust the stack before validation runs.
            raise ParseError("JSON parse error - nested too deeply") from exc
