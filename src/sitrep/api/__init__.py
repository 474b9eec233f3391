"""sitrep's REST API and dashboard server (FastAPI): ``create_app(ApiSettings(...))``.

    GET  /api/events            filters, sort, cursor pages; ?format=geojson|csv|jsonl streams all
    GET  /api/events/{id}       one event, its claims, the article text around its evidence
    GET  /api/articles/{id}     one article: text, zones, events
    GET  /api/stats             totals, timeline, by type / country / admin1, top actors
    GET  /api/points            compact located events for the map
    POST /api/ingest            upload articles (token)
    GET  /docs                  OpenAPI documentation (served locally)
    GET  /                      the dashboard

Needs the ``serve`` extra (fastapi, uvicorn, python-multipart, psycopg).
"""

from __future__ import annotations

from .app import create_app
from .settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
