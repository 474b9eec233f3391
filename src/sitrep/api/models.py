"""Response shapes, for the OpenAPI document at /docs. Responses are built as plain JSON (fast for
large pages); these models describe them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EvidenceOut(BaseModel):
    field: str
    start: int
    end: int
    text: str
    rule: str = ""


class EventOut(BaseModel):
    """One event: the JSON contract (see README) plus ``id``, its key in this store."""

    id: str = Field(description='Store key "<article content hash>:<n>", for /api/events/{id}.')
    event_id: str
    event_date: str
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str
    inter1: int
    actor2: str
    assoc_actor_2: str
    inter2: int
    interaction: int
    civilian_targeting: str
    iso3: str
    country: str
    admin1: str
    admin2: str
    admin3: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    fatalities: int
    fatalities_low: int
    fatalities_high: int
    source: str
    source_url: str
    notes: str
    article_id: str
    confidence: float
    tags: str
    evidence: list[EvidenceOut] = []


class EventPage(BaseModel):
    events: list[EventOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last.")
    sort: str


class Span(BaseModel):
    kind: str = Field(description="evidence or claim")
    field: str
    start: int = Field(description="Offset in the passage text (end exclusive).")
    end: int
    value: int | None = None
    source: str | None = None


class Passage(BaseModel):
    zone: str = Field(description="headline, body, caption, ...")
    start: int = Field(description="Offset of the passage in the article text.")
    end: int
    text: str
    spans: list[Span]


class ClaimOut(BaseModel):
    field: str
    value: int
    source: str | None
    start: int
    end: int
    text: str


class ArticleRef(BaseModel):
    id: str
    content_hash: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None


class EventDetail(BaseModel):
    event: EventOut
    claims: list[ClaimOut]
    article: ArticleRef | None
    passages: list[Passage] = Field(description="Article text around the evidence and claims.")


class ZoneOut(BaseModel):
    kind: str
    start: int
    end: int


class ArticleOut(ArticleRef):
    published_from: str | None
    language: str | None
    origin: dict[str, Any] | None
    zones: list[ZoneOut]
    text: str
    error: str | None = None
    events: list[str] = Field(description="Store ids of the events coded from this article.")


class Count(BaseModel):
    events: int
    fatalities: int


class TypeCount(Count):
    event_type: str
    sub_event_type: str


class CountryCount(Count):
    iso3: str
    country: str


class Admin1Count(Count):
    iso3: str
    country: str
    admin1: str


class ActorCount(Count):
    actor: str


class Bucket(Count):
    period: str = Field(description="First day of the bucket.")


class Timeline(BaseModel):
    interval: str
    buckets: list[Bucket]


class Stats(BaseModel):
    articles: int
    events: int
    fatalities: int
    first_date: str | None
    last_date: str | None
    source: str = Field(description="summary (summary tables) or events (the events table).")
    timeline: Timeline
    by_type: list[TypeCount]
    by_country: list[CountryCount]
    by_admin1: list[Admin1Count]
    top_actors: list[ActorCount]


class Points(BaseModel):
    fields: list[str]
    types: list[str] = Field(description="Event types; points refer to them by index.")
    points: list[list[Any]]
    truncated: bool


class Rejected(BaseModel):
    path: str
    record: str | None
    reason: str


class IngestOut(BaseModel):
    run_id: int
    status: str
    articles_read: int
    articles_new: int
    articles_known: int
    articles_failed: int
    rejected: int
    events_found: int
    rejected_reasons: dict[str, int]
    seconds: float
    rejections: list[Rejected]
    events: list[str] = Field(description="Store ids of the events this upload added (at most 1000).")
