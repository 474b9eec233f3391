"""The token check: ``Authorization: Bearer <token>`` or ``X-Sitrep-Token: <token>`` on any request,
or the ``sitrep_token`` cookie (set by the dashboard) on GET requests only, so that a cookie can
never authorise a write from another site."""

from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError
from .settings import TOKEN_ENV, ApiSettings

COOKIE = "sitrep_token"
HEADER = "x-sitrep-token"


def _offered(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if request.headers.get(HEADER):
        return request.headers[HEADER].strip()
    if request.method in ("GET", "HEAD"):
        return request.cookies.get(COOKIE) or None
    return None


def check(request: Request, settings: ApiSettings, *, write: bool) -> None:
    """Raise 401 (no token given) or 403 (wrong token, or writing disabled) unless allowed."""
    if not write and not settings.protect_reads:
        return
    if settings.token is None:
        raise ApiError(403, f"writing is disabled on this server: start it with {TOKEN_ENV} set")
    offered = _offered(request)
    if offered is None:
        raise ApiError(401, "a token is required: send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(offered.encode(), settings.token.encode()):
        raise ApiError(403, "wrong token")
