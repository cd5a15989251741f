from http import HTTPStatus
from typing import Any

from app.schemas.errors import ErrorResponse

# What an operation that reads a JSON body answers besides its own errors: a body that is not UTF-8 or nests
# deeper than the parser goes (400), one larger than MAX_BODY_BYTES (413), one that does not validate (422).
BODY_ERRORS = (400, 413, 422)


def errors(*status_codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for error statuses, all in the one error format."""
    return {code: {"model": ErrorResponse, "description": HTTPStatus(code).phrase} for code in status_codes}
