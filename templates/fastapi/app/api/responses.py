from http import HTTPStatus
from typing import Any

from app.schemas.errors import ErrorResponse


def errors(*status_codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for error statuses, all in the one error format."""
    return {code: {"model": ErrorResponse, "description": HTTPStatus(code).phrase} for code in status_codes}
