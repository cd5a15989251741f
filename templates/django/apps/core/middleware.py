"""Request id and access log: one JSON line per request, and the id in every log line and error body."""

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# Ids from clients are echoed into logs and headers: accept only short, plain tokens.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

access_log = structlog.get_logger("apps.access")


def current_request_id() -> str | None:
    request_id: str | None = structlog.contextvars.get_contextvars().get("request_id")
    return request_id


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get(HEADER, "")
        request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        start = time.perf_counter()
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            response = self.get_response(request)
            response[HEADER] = request_id
            access_log.info(
                "request",
                method=request.method,
                path=request.path,
                status=response.status_code,
                duration_ms=round((time.perf_counter() - start) * 1000, 2),
            )
        return response
