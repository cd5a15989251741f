"""Request id and access log (one JSON line per request, the id in every log line and error body); body size cap."""

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse

from apps.core.exceptions import error_body

HEADER = "X-Request-ID"
# Ids from clients are echoed into logs and headers: accept only short, plain tokens.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

access_log = structlog.get_logger("apps.access")


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


class BodySizeLimitMiddleware:
    """Answers 413 to a body over MAX_BODY_BYTES (DATA_UPLOAD_MAX_MEMORY_SIZE) before anything reads it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = request.META.get("CONTENT_LENGTH", "")
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if length.isdecimal() and int(length) > limit:
            return JsonResponse(error_body(413, f"Request body larger than {limit} bytes"), status=413)
        return self.get_response(request)
