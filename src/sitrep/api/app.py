"""The FastAPI application: REST API under /api, dashboard at /, offline API docs at /docs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError
from ..pipeline import Pipeline
from ..store import Store, open_store
from ..store.derived import refresh_statistics
from . import errors, ingest, routes
from .limits import BodyLimit
from .settings import ApiSettings

log = logging.getLogger(__name__)
Next = Callable[[Request], Awaitable[Response]]
WEB = Path(__file__).resolve().parent.parent / "web"
SWAGGER = "/static/vendor/swagger-ui"
DESCRIPTION = """\
Conflict events coded from news by sitrep, with the evidence behind every field.

Read endpoints are open unless the server runs with `--protect-reads`; `POST /api/ingest` needs the
server's token (`SITREP_TOKEN`) as `Authorization: Bearer <token>`. Errors are JSON
`{"detail": ..., "where": ...}` with status 400 (bad input), 401/403 (token), 404, 413 (too large),
503 (store unavailable).
"""
# The dashboard's own files only: no inline script, no third-party origin.
DASHBOARD_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def create_app(settings: ApiSettings | None = None, *, store: Store | None = None) -> FastAPI:
    """An app serving ``settings.store`` (or an already open ``store``, which the caller closes)."""
    settings = settings or ApiSettings.from_env()
    owned = store is None
    opened = store if store is not None else open_store(settings.store)
    try:
        refresh_statistics(opened)  # the planner's statistics, for the right index per filter
    except StoreError as exc:  # a read-only store still serves
        log.warning("%s", exc)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="sitrep",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = opened
    app.state.pipeline = Pipeline()
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(ingest.router)
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.get("/api/health", summary="Liveness: the server is up and the store is open", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__, "backend": opened.dialect}

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"Content-Security-Policy": DASHBOARD_CSP,
                                                         "Cache-Control": "no-cache"})  # fmt: skip

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json",
            title="sitrep API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle.js",
            swagger_css_url=f"{SWAGGER}/swagger-ui.css",
            swagger_favicon_url=f"{SWAGGER}/favicon-32x32.png",
        )

    app.mount("/static", StaticFiles(directory=WEB), name="static")
    return app
