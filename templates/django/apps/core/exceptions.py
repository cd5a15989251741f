"""One error format for every 4xx/5xx: {"error": {"code", "message", "request_id", "details"?}}."""

from http import HTTPStatus
from typing import Any

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from apps.core.logging import current_request_id

# Codes that differ from the status phrase, or whose phrase changed between Python versions (413).
CODES = {
    status.HTTP_400_BAD_REQUEST: "validation_error",
    status.HTTP_413_REQUEST_ENTITY_TOO_LARGE: "content_too_large",
    status.HTTP_429_TOO_MANY_REQUESTS: "rate_limited",
}


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "Conflict"
    default_code = "conflict"


class ServiceUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "Service unavailable"
    default_code = "service_unavailable"


def error_body(status_code: int, message: str, details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    code = CODES.get(status_code) or HTTPStatus(status_code).phrase.lower().replace(" ", "_").replace("-", "_")
    error: dict[str, Any] = {"code": code, "message": message, "request_id": current_request_id()}
    if details is not None:
        error["details"] = details
    return {"error": error}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler (status, headers such as WWW-Authenticate and Retry-After), with our body."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django answers 500 through config.urls.handler500, and logs it
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body(response.status_code, "Request validation failed", _field_errors(exc.detail))
    else:
        response.data = error_body(response.status_code, _message(response.data))
    return response


def _message(data: Any) -> str:
    # DRF puts the message under "detail"; simplejwt adds "code" and "messages" next to it.
    return str(data.get("detail", data) if isinstance(data, dict) else data)


def _field_errors(detail: Any, loc: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Flatten DRF's nested {field: [ErrorDetail]} into [{loc, message, type}], one entry per problem."""
    if isinstance(detail, dict):
        return [error for key, value in detail.items() for error in _field_errors(value, (*loc, str(key)))]
    if isinstance(detail, list):
        return [error for value in detail for error in _field_errors(value, loc)]
    return [{"loc": list(loc), "message": str(detail), "type": getattr(detail, "code", "invalid")}]
