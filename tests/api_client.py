"""A test client for the API app over a store (the store fixture runs on SQLite and PostgreSQL)."""

from __future__ import annotations

import importlib.util
import os
import warnings
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
if importlib.util.find_spec("fastapi") is None and not IN_CI:  # in CI a missing extra is a failure
    pytest.skip('the API tests need the serve extra: pip install ".[serve]"', allow_module_level=True)

from sitrep.api import ApiSettings, create_app  # noqa: E402 - after the extra check
from sitrep.store import Store  # noqa: E402

TOKEN = "test-token-0123456789abcdef"

with warnings.catch_warnings():  # starlette's TestClient prefers the httpx2 package; httpx works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def client_for(store: Store, **settings: Any) -> TestClient:
    app = create_app(ApiSettings(store=None, **settings), store=store)
    return TestClient(app)
