"""Read endpoints: events (pages and streamed exports), one event, one article, stats, map points."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from ..store import Store
from ..store.query import Sort, article_extras, event_dict, page
from ..store.query import points as query_points
from ..store.stats import stats
from . import auth, exports, models, points
from .context import article_body, detail
from .errors import ApiError
from .params import EventsQuery, PointsQuery, StatsQuery
from .settings import ApiSettings

DEFAULT_PAGE = 100
KEY_PATTERN = r"^[^/]{1,200}$"


def settings_of(request: Request) -> ApiSettings:
    settings: ApiSettings = request.app.state.settings
    return settings


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def may_read(request: Request) -> None:
    auth.check(request, settings_of(request), write=False)


router = APIRouter(prefix="/api", dependencies=[Depends(may_read)])
StoreDep = Annotated[Store, Depends(store_of)]


def _default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def json_response(body: Any, status: int = 200) -> Response:
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_default)
    return Response(text.encode(), status, media_type="application/json")


@router.get(
    "/events",
    summary="Events matching filters: a JSON page, or every match as GeoJSON, ACLED CSV or JSONL",
    response_model=models.EventPage,
    responses={200: {"content": {media: {} for media in exports.MEDIA_TYPES.values()}}},
)
def list_events(store: StoreDep, params: Annotated[EventsQuery, Query()]) -> Response:
    """Filters combine with AND. ``format=json`` (default) returns one page in ``sort`` order with
    a ``next_cursor``; the other formats stream every matching event (from ``cursor`` if given,
    at most ``limit``), so a whole store can be exported in one request."""
    sort = Sort.parse(params.sort)
    if params.format == "json":
        result = page(
            store, params.to_filter(), sort=sort, limit=params.limit or DEFAULT_PAGE, cursor=params.cursor
        )
        body = {"events": [event_dict(row) for row in result.rows], "next_cursor": result.next_cursor,
                "sort": result.sort}  # fmt: skip
        return json_response(body)
    if params.cursor:
        raise ApiError(400, "cursor is for JSON pages; exports stream every matching event", where="cursor")
    filters = params.to_filter(limit=params.limit)
    name = f"sitrep-events.{exports.EXTENSIONS[params.format]}"
    return StreamingResponse(
        exports.stream(store, filters, sort, params.format),
        media_type=exports.MEDIA_TYPES[params.format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/events/{key}", summary="One event with its claims and the article text around its evidence",
            response_model=models.EventDetail)  # fmt: skip
def get_event(store: StoreDep, key: Annotated[str, Path(pattern=KEY_PATTERN)]) -> Response:
    event = store.get_event(key)
    if event is None:
        raise ApiError(404, "no such event", where=key)
    content_hash = key.rsplit(":", 1)[0]
    return json_response(detail(key, event, store.get_article(content_hash)))


@router.get("/articles/{key}", summary="One article (by content hash or id): text, zones, events",
            response_model=models.ArticleOut)  # fmt: skip
def get_article(store: StoreDep, key: Annotated[str, Path(pattern=KEY_PATTERN)]) -> Response:
    article = store.get_article(key)
    if article is None:
        raise ApiError(404, "no such article", where=key)
    error, events = article_extras(store, article.content_hash)
    return json_response(article_body(article, events, error))


@router.get("/stats", summary="Totals, timeline, and counts by type, country, admin1 and actor",
            response_model=models.Stats)  # fmt: skip
def get_stats(store: StoreDep, params: Annotated[StatsQuery, Query()]) -> Response:
    return json_response(stats(store, params.to_filter(), interval=params.interval, top=params.top))


@router.get(
    "/points",
    summary="Compact located events for maps (newest first), as JSON or as typed-array columns",
    response_model=models.Points,
    responses={200: {"content": {points.MEDIA_TYPE: {}}}},
)
def get_points(request: Request, store: StoreDep, params: Annotated[PointsQuery, Query()]) -> Response:
    """``format=json`` (default): one ``[longitude, latitude, type, fatalities, id]`` array per
    event. ``format=binary``: the same columns as little-endian typed arrays (layout in
    ``sitrep.api.points``), which the dashboard maps without parsing each point."""
    cap = settings_of(request).max_points
    limit = min(params.limit or cap, cap)
    located = points.Points.of(query_points(store, params.to_filter(), limit=limit + 1), limit)
    if params.format == "binary":
        return Response(located.to_binary(), media_type=points.MEDIA_TYPE)
    return json_response(located.to_json())
