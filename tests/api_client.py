"""A test client for the API app over a store (the store fixture runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import warnings
from typing import Any

from sitrep.api import ApiSettings, create_app
from sitrep.store import Store

TOKEN = "test-token-0123456789abcdef"

with warnings.catch_warnings():  # starlette's TestClient prefers the httpx2 package; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def client_for(store: Store, **settings: Any) -> TestClient:
    app = create_app(ApiSettings(store=None, **settings), store=store)
    return TestClient(app)
