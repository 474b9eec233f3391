"""Errors → HTTP statuses, in one place. Every error body is ``{"detail": message, "where": ...}``.

InputError, ConfigError, bad parameters      400
missing token                                401
wrong token, writing disabled                403
unknown event / article / path               404
request body over the limit                  413
StoreError                                   503 (the database cannot be opened or read)
DataFileError, ExtractionError, other        500
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, InputError, SitrepError, StoreError

log = logging.getLogger(__name__)

STATUS_OF: tuple[tuple[type[SitrepError], int], ...] = (
    (InputError, 400),
    (ConfigError, 400),
    (StoreError, 503),
)


class ApiError(Exception):
    """An error with its HTTP status, raised by the API's own code."""

    def __init__(self, status: int, message: str, *, where: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.where = where
        self.extra = extra


class PayloadTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the limit of {limit:,} bytes", limit=limit)


def body(message: str, where: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"detail": message, **({"where": where} if where else {}), **extra}


def status_of(exc: SitrepError) -> int:
    return next((status for kind, status in STATUS_OF if isinstance(exc, kind)), 500)


def _describe_validation(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into JSON error responses."""

    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(body(exc.message, exc.where, **exc.extra), exc.status, headers=headers)

    async def sitrep_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, SitrepError)
        status = status_of(exc)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
        return JSONResponse(body(exc.message, exc.where), status)

    async def invalid(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        return JSONResponse(body(_describe_validation(exc)), 400)

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return JSONResponse(body(str(exc.detail)), exc.status_code, headers=exc.headers)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(SitrepError, sitrep_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
