"""Query parameters (pydantic), validated before anything touches the store.

Every string has a length limit; dates are ISO dates; the box is four numbers in range. Unknown
parameters are an error (400), so that a misspelt filter never silently returns everything.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..store import EventFilter
from ..store.stats import Interval

Format = Literal["json", "geojson", "csv", "acled-csv", "jsonl"]
SHORT = 200  # longest name a filter takes (country, type, admin1, actor)


class Filters(BaseModel):
    """Which events: the same filters for /api/events, /api/stats, /api/points."""

    model_config = ConfigDict(extra="forbid")

    since: date | None = Field(None, description="Events on or after this date (YYYY-MM-DD).")
    until: date | None = Field(None, description="Events on or before this date (YYYY-MM-DD).")
    country: str | None = Field(None, max_length=SHORT, description="Country name or ISO 3166 alpha-3 code.")
    admin1: str | None = Field(None, max_length=SHORT, description="First-level region, e.g. Donetska.")
    event_type: str | None = Field(None, max_length=SHORT, description='ACLED event type, e.g. "Battles".')
    sub_event_type: str | None = Field(None, max_length=SHORT, description='e.g. "Air/drone strike".')
    actor: str | None = Field(None, max_length=SHORT, description="Substring of an actor's name.")
    min_fatalities: int | None = Field(None, ge=0, le=10**9, description="At least this many fatalities.")
    bbox: str | None = Field(
        None,
        max_length=100,
        description="Bounding box west,south,east,north in degrees (west > east crosses the antimeridian).",
        examples=["22,44,41,53"],
    )
    q: str | None = Field(None, max_length=SHORT, description="Words in the notes or evidence (full-text).")
    article_id: str | None = Field(None, max_length=SHORT, description="Events of one article (its id).")

    @field_validator("country", "admin1", "event_type", "sub_event_type", "actor", "q", "article_id")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value if value is None or value.strip() else None

    @field_validator("bbox")
    @classmethod
    def _box(cls, value: str | None) -> str | None:
        if value is not None:
            parse_bbox(value)
        return value

    def to_filter(self, limit: int | None = None) -> EventFilter:
        return EventFilter(
            since=self.since, until=self.until, country=self.country, event_type=self.event_type,
            sub_event_type=self.sub_event_type, actor=self.actor, min_fatalities=self.min_fatalities,
            article_id=self.article_id, limit=limit, admin1=self.admin1,
            bbox=parse_bbox(self.bbox) if self.bbox else None, text=self.q,
        )  # fmt: skip


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox needs four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError("bbox out of range: longitudes -180..180, latitudes -90..90, south <= north")
    return west, south, east, north


class EventsQuery(Filters):
    sort: str = Field(
        "-event_date",
        max_length=40,
        description="event_date, fatalities, confidence, country, admin1, location, event_type, "
        "sub_event_type, actor1 or id; prefix - for descending.",
    )
    limit: int | None = Field(
        None,
        ge=1,
        le=10**9,
        description="JSON: page size (default 100, at most 1000). Exports: at most this many.",
    )
    cursor: str | None = Field(None, max_length=1000, description="next_cursor of the previous page.")
    format: Format = Field(
        "json",
        description="json: one page; geojson, csv (= acled-csv, ACLED's columns), jsonl: every matching "
        "event, streamed.",
    )


class StatsQuery(Filters):
    interval: Interval = Field("auto", description="Timeline buckets: day, week, month, or auto.")
    top: int = Field(20, ge=1, le=500, description="How many admin1 regions and actors to list.")


class PointsQuery(Filters):
    limit: int | None = Field(None, ge=1, le=10**7, description="At most this many points (newest first).")
    format: Literal["json", "binary"] = Field(
        "json", description="json: an array per point; binary: typed-array columns (see the endpoint)."
    )


class IngestQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    published: date | None = Field(None, description="Publication date for articles that carry none.")
    reader: str | None = Field(
        None, max_length=20, description="Force a reader: text, html, feed, warc, jsonl, csv."
    )
    name: str | None = Field(None, max_length=200, description="File name of a raw (non-multipart) body.")
