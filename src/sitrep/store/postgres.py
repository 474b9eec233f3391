"""PostgreSQL specifics of the store (the rest is dialect-neutral SQLAlchemy Core).

- Text values: PostgreSQL ``text`` cannot hold NUL (U+0000), which a JSON article may contain
  (``"\\u0000"``). Every string parameter sent to PostgreSQL has NUL replaced by U+FFFD, the
  replacement character: one character for one, so every offset into an article stays valid.
- Statistics: after a large ingest, ``ANALYZE`` keeps the planner's choice of index right (see
  :func:`analyze`; SQLite gets ``PRAGMA optimize``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Engine, event, text

NUL = "\x00"
REPLACEMENT = "\ufffd"


def _scrub(value: Any) -> Any:
    if isinstance(value, str) and NUL in value:
        return value.replace(NUL, REPLACEMENT)
    return value


def _scrub_params(params: Any) -> Any:
    if isinstance(params, Mapping):
        return {k: _scrub(v) for k, v in params.items()}
    if isinstance(params, tuple):
        return tuple(_scrub(v) for v in params)
    if isinstance(params, list):
        return [_scrub(v) for v in params]
    return params


def _before_cursor_execute(  # noqa: PLR0917 - SQLAlchemy event signature
    conn: Connection, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
) -> tuple[str, Any]:
    if executemany:
        return statement, [_scrub_params(p) for p in parameters]
    return statement, _scrub_params(parameters)


def install(engine: Engine) -> None:
    """Make an engine's string parameters storable by PostgreSQL (NUL → U+FFFD)."""
    event.listen(engine, "before_cursor_execute", _before_cursor_execute, retval=True)


def analyze(conn: Connection) -> None:
    """Refresh the query planner's statistics after a large change, so that it picks the right
    index for each filter (SQLite: ANALYZE with a sampling limit, milliseconds; PostgreSQL: ANALYZE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("ANALYZE"))
    elif conn.dialect.name == "sqlite":
        conn.execute(text("PRAGMA analysis_limit=2000"))
        conn.execute(text("ANALYZE"))
