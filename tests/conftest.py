"""Shared test helpers: small, realistic objects built in code (never copied from evaluation data)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from sitrep.models import Article, Claim, Event, Evidence, Zone
from store_backends import module_store_url, postgres_server, store, store_url  # noqa: F401 - fixtures

ARTICLE_TEXT = (
    "Shelling kills four in Kharkiv\n\n"
    "KHARKIV, Ukraine (Wire) - Russian artillery shelled a residential district of Kharkiv on Tuesday, "
    "killing four civilians and wounding nine, the regional governor said. Local officials put the "
    "toll at five."
)


def make_article(**changes: Any) -> Article:
    """A small article with a headline and a body zone."""
    article = Article(
        id="art-1",
        text=ARTICLE_TEXT,
        title="Shelling kills four in Kharkiv",
        published=date(2024, 5, 14),
        published_from="field",
        source="Wire",
        url="https://news.example/kharkiv",
        zones=(Zone("headline", 0, 30), Zone("body", 32, len(ARTICLE_TEXT))),
    )
    return replace(article, **changes)


def _claim(value: int, source: str, text: str) -> Claim:
    start = ARTICLE_TEXT.index(text)
    return Claim("fatalities", value, source, start, start + len(text), text)


def make_event(**changes: Any) -> Event:
    """A plausible ACLED-style event with evidence and two conflicting claims."""
    start = ARTICLE_TEXT.index("shelled")
    event = Event(
        event_id="sitrep-0001",
        event_date=date(2024, 5, 14),
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Russia (2000-)",
        inter1=8,
        actor2="Civilians (Ukraine)",
        inter2=7,
        interaction=78,
        civilian_targeting="Civilian targeting",
        iso3="UKR",
        country="Ukraine",
        admin1="Kharkivska",
        admin2="Kharkivskyi",
        location="Kharkiv",
        latitude=49.9935,
        longitude=36.2304,
        geo_precision=1,
        fatalities=4,
        fatalities_low=4,
        fatalities_high=5,
        source="Wire",
        source_url="https://news.example/kharkiv",
        notes="On 14 May 2024, Russian forces shelled Kharkiv, killing 4 civilians.",
        article_id="art-1",
        confidence=0.82,
        evidence=(Evidence("sub_event_type", start, start + 7, "shelled", "events.trigger.shell"),),
        claims=(
            _claim(4, "the regional governor", "killing four"),
            _claim(5, "Local officials", "toll at five"),
        ),
    )
    return replace(event, **changes)


@pytest.fixture
def article_factory() -> Callable[..., Article]:
    return make_article


@pytest.fixture
def event_factory() -> Callable[..., Event]:
    return make_event
