"""``sitrep serve``: the REST API and dashboard (FastAPI + uvicorn) over a store."""

from __future__ import annotations

import logging

import click

from ..errors import ConfigError
from ..store import DEFAULT_DB

log = logging.getLogger(__name__)


@click.command("serve")
@click.option("--db", metavar="FILE|URL", envvar="SITREP_DB", default=None,
              help=f"SQLite file (default {DEFAULT_DB}, or $SITREP_DB) or a database URL.")  # fmt: skip
@click.option("--database-url", metavar="URL", help="A database URL, e.g. postgresql://user@host/sitrep.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--protect-reads", is_flag=True, help="Require the token for the read endpoints too.")
@click.option("--max-upload-mb", type=click.FloatRange(0.001), default=50.0, show_default=True,
              help="Largest POST /api/ingest body.")  # fmt: skip
def serve(  # noqa: PLR0917 - click passes options as arguments
    db: str | None, database_url: str | None, host: str, port: int, protect_reads: bool, max_upload_mb: float
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) over a store.

    POST /api/ingest needs the token in $SITREP_TOKEN (16+ characters); without it the server
    is read-only.

    Example: SITREP_TOKEN=$(openssl rand -hex 16) sitrep serve --db sitrep.db --port 8000
    """
    try:
        import uvicorn  # noqa: PLC0415 - the serve extra
    except ImportError as exc:
        raise ConfigError('sitrep serve needs the serve extra: pip install "sitrep[serve]"') from exc
    from ..api import ApiSettings, create_app  # noqa: PLC0415 - imports FastAPI

    if db and database_url:
        raise click.UsageError("give --db or --database-url, not both")
    settings = ApiSettings.from_env(
        store=database_url or db,
        protect_reads=protect_reads,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
    )
    app = create_app(settings)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("listening on %s: the API is reachable from other machines", host)
    click.echo(
        f"sitrep: serving {app.state.store.where} on http://{host}:{port}/ (API docs at /docs)", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
