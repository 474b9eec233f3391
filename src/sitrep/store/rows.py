"""Conversions between model objects and table rows (plain dicts), both ways."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..models import EVENT_FIELDS, Article, Claim, Event, Evidence, Origin, Zone


def event_key(content_hash: str, seq: int) -> str:
    """The store's id of the ``seq``-th event coded from an article."""
    return f"{content_hash}:{seq}"


def article_row(
    article: Article, run_id: int | None, error: str | None = None, *, content_hash: str | None = None
) -> dict[str, Any]:
    """The row of an article (``content_hash``: its hash when the caller has it already)."""
    origin = article.origin
    return {
        "content_hash": content_hash or article.content_hash,
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "published_from": article.published_from,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "origin_path": origin.path if origin else None,
        "origin_reader": origin.reader if origin else None,
        "origin_record": origin.record if origin else None,
        "text": article.text,
        "zones": json.dumps([[z.kind, z.start, z.end] for z in article.zones]),
        "error": error,
        "run_id": run_id,
    }


def article_from_row(row: Mapping[Any, Any]) -> Article:
    origin = None
    if row["origin_path"] is not None:
        origin = Origin(
            path=row["origin_path"], reader=row["origin_reader"] or "", record=row["origin_record"]
        )
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        published=row["published"],
        published_from=row["published_from"],
        source=row["source"],
        url=row["url"],
        zones=tuple(Zone(kind, start, end) for kind, start, end in json.loads(row["zones"])),
        origin=origin,
        language=row["language"],
    )


def event_rows(content_hash: str, seq: int, event: Event) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The rows of one event: itself (evidence as JSON text), and its claims."""
    key = event_key(content_hash, seq)
    row = {name: getattr(event, name) for name in EVENT_FIELDS}
    row.update(id=key, content_hash=content_hash, seq=seq)
    row["evidence"] = json.dumps(
        [
            {"field": e.field, "start": e.start, "end": e.end, "text": e.text, "rule": e.rule}
            for e in event.evidence
        ],
        ensure_ascii=False,
    )
    claims = [
        {"event_id": key, "seq": i, "field": c.field, "value": c.value, "source": c.source, "start": c.start,
         "end": c.end, "text": c.text}
        for i, c in enumerate(event.claims)
    ]  # fmt: skip
    return row, claims


def event_from_row(row: Mapping[Any, Any], claims: list[Mapping[Any, Any]]) -> Event:
    values = {name: row[name] for name in EVENT_FIELDS}
    return Event(
        **values,
        evidence=tuple(
            Evidence(e["field"], e["start"], e["end"], e["text"], e["rule"])
            for e in json.loads(row["evidence"])
        ),
        claims=tuple(
            Claim(c["field"], c["value"], c["source"], c["start"], c["end"], c["text"]) for c in claims
        ),
    )
