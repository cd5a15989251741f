"""One error format for every 4xx/5xx: {"error": {"code", "message", "request_id", "details"?}}."""

from collections.abc import Mapping
from http import HTTPMethod, HTTPStatus
from typing import Any

import structlog
from asgi_correlation_id import correlation_id
from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from app.schemas.errors import ErrorResponse

logger = structlog.get_logger(__name__)


def error_response(
    status_code: int,
    message: str,
    *,
    code: str | None = None,
    details: list[Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse.model_validate(
        {
            "error": {
                "code": code or HTTPStatus(status_code).phrase.lower().replace(" ", "_").replace("-", "_"),
                "message": message,
                "request_id": correlation_id.get(),
                "details": details,
            }
        }
    )
    return JSONResponse(jsonable_encoder(body, exclude_none=True), status_code=status_code, headers=headers)


def allowed_methods(request: Request) -> list[str]:
    """The methods some route answers at the request's path. Starlette's own 405 names only those of the first
    route with that path: GET alone for a path that also takes POST."""
    routes = request.app.router.routes
    return [
        method
        for method in HTTPMethod
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    ]


def register_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        headers = exc.headers
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return error_response(exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": list(error["loc"]), "message": error["msg"], "type": error["type"]} for error in exc.errors()
        ]
        return error_response(422, "Request validation failed", code="validation_error", details=details)

    @app.exception_handler(Exception)
    async def unhandled(_: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled_error", exc_info=exc)
        # Starlette answers unhandled errors outside every middleware, so the request id header is added here.
        request_id = correlation_id.get()
        return error_response(
            500, "Internal server error", headers={"X-Request-ID": request_id} if request_id else None
        )
