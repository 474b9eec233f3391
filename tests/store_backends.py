"""Store fixtures over both backends: SQLite in a temporary file and the local PostgreSQL server.

PostgreSQL: one fresh database per test run (``sitrep_test_<random>``, dropped at the end) on
``$SITREP_TEST_POSTGRES`` (default ``postgresql://postgres@127.0.0.1:5432/postgres``, trust auth),
and one fresh schema per test inside it, so every test starts from an empty store. When the server
cannot be reached the PostgreSQL cases are skipped, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError

from sitrep.store import Store, open_store

SERVER_URL = os.environ.get("SITREP_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BACKENDS = ("sqlite", pytest.param("postgres", marks=pytest.mark.postgres))


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class PostgresServer:
    """A database of its own on the test server; :meth:`schema_url` gives each test a fresh schema."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self._count = 0

    def schema_url(self) -> str:
        self._count += 1
        name = f"t{self._count}"
        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        engine.dispose()
        return self.url.update_query_dict({"options": f"-csearch_path={name}"}).render_as_string(
            hide_password=False
        )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    server = make_url(SERVER_URL)
    if server.drivername in ("postgres", "postgresql"):
        server = server.set(drivername="postgresql+psycopg")
    name = f"sitrep_test_{secrets.token_hex(4)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except (SQLAlchemyError, ImportError) as exc:
        admin.dispose()
        message = f"PostgreSQL server {server.render_as_string()} is not usable: {exc}"
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield PostgresServer(server.set(database=name))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL (or SQLite path) of an empty store, on each backend in turn."""
    if request.param == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        return server.schema_url()
    return str(tmp_path / "test.db")


@pytest.fixture(scope="module", params=BACKENDS)
def module_store_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Like ``store_url``, shared by the tests of a module (for read-only tests on one fill)."""
    if request.param == "postgres":
        server: PostgresServer = request.getfixturevalue("postgres_server")
        return server.schema_url()
    return str(tmp_path_factory.mktemp("store") / "test.db")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened
