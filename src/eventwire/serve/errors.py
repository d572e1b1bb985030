"""API errors: each exception carries its HTTP status and a stable code, and one set of handlers
renders every failure, ours, Starlette's (unknown route, wrong method) and pydantic's (a bad query
parameter), as the same JSON envelope:

    {"error": {"status": 404, "code": "not_found", "message": "no event 'x'"}}

Clients and the dashboard then need one code path for failures, and a test checks the envelope on
every endpoint.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

# Codes for the statuses Starlette raises on its own (unknown route, wrong method, ...).
STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ApiError(Exception):
    """Base of the errors an endpoint raises on purpose."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class InvalidParameter(ApiError):
    """A parameter that parsed but makes no sense (a bbox with west > east, an unknown sort)."""

    status, code = 422, "invalid_parameter"


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": 'Bearer realm="eventwire"'})


class Forbidden(ApiError):
    status, code = 403, "forbidden"


class NotFound(ApiError):
    status, code = 404, "not_found"


class TooLarge(ApiError):
    status, code = 413, "too_large"


def envelope(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any) -> JSONResponse:
    return JSONResponse(envelope(status, code, message, **extra), status_code=status, headers=headers)


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the envelope."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        status = exc.status_code
        message = exc.detail if isinstance(exc.detail, str) else STATUS_CODES.get(status, "error")
        if status == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        return error_response(status, STATUS_CODES.get(status, "http_error"), message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in err.get("loc", ())), "message": str(err.get("msg", ""))}
            for err in exc.errors()
        ]
        summary = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
        return error_response(422, "invalid_parameter", summary, details=details)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        # The message stays generic: a stack trace or SQL text must not leak to a client.
        log.exception("unhandled error in the API: %s", type(exc).__name__)
        return error_response(500, "internal_error", "internal error; see the server log")
