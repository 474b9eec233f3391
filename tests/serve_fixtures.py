"""Fixture articles and events for the API and dashboard tests (tests/fixtures/serve/articles.json).

Evidence and claims are named by phrase in the fixture; their offsets are found in the text here,
so every span points at the words it names.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from sitrep.models import Article, Claim, Event, Evidence, Zone
from sitrep.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "serve" / "articles.json"


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _event(article: Article, n: int, spec: dict[str, Any]) -> Event:
    spec = dict(spec)
    text = article.text
    evidence = tuple(
        Evidence(name, *_span(text, phrase), phrase, f"fixture.{name}")
        for name, phrase in spec.pop("evidence").items()
    )
    claims = tuple(
        Claim("fatalities", c["value"], c["source"], *_span(text, c["phrase"]), c["phrase"])
        for c in spec.pop("claims")
    )
    spec["event_date"] = date.fromisoformat(spec["event_date"])
    spec.setdefault("disorder_type", "Political violence")
    return Event(
        event_id=f"{article.id}-{n}", time_precision=1, source=article.source or "",
        source_url=article.url or "", article_id=article.id, confidence=0.8, evidence=evidence, claims=claims,
        **spec,
    )  # fmt: skip


@cache
def fixture_items() -> tuple[tuple[Article, tuple[Event, ...]], ...]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    out = []
    for spec in data["articles"]:
        text = spec["text"]
        headline = text.index("\n")
        article = Article(
            id=spec["id"], text=text, title=spec["title"], published=date.fromisoformat(spec["published"]),
            published_from="field", source=spec["source"], url=spec["url"],
            zones=(Zone("headline", 0, headline), Zone("body", headline + 2, len(text))),
        )  # fmt: skip
        out.append((article, tuple(_event(article, n, e) for n, e in enumerate(spec["events"]))))
    return tuple(out)


def fixture_events() -> list[Event]:
    return [event for _, events in fixture_items() for event in events]


def fill_fixture(store: Store) -> None:
    """Store the fixture articles and their events."""
    store.add_batch([(article, events, None) for article, events in fixture_items()])
