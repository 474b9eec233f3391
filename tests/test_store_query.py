"""Store queries for the API (sitrep.store.query, .stats, .search, .rollup), on SQLite and PostgreSQL."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from conftest import make_article, make_event
from sitrep.errors import InputError
from sitrep.models import Event, Evidence
from sitrep.store import EventFilter, Store, open_store
from sitrep.store.query import Sort, decode_cursor, iter_events, page, points, resolve
from sitrep.store.stats import split, stats, uses_rollup

PLACES = [
    ("UKR", "Ukraine", ["Kharkivska", "Donetska", "Kyiv City"]),
    ("SDN", "Sudan", ["Khartoum", "North Darfur"]),
    ("NGA", "Nigeria", ["Borno", "Zamfara", "Kaduna"]),
    ("CIV", "Côte d'Ivoire", ["Abidjan"]),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]
ACTORS = ["Military Forces of Russia (2000-)", "RSF: Rapid Support Forces", "Unidentified Armed Group",
          "Protesters", "Civilians", ""]  # fmt: skip
START = date(2022, 10, 20)


def random_events(n: int, seed: int = 3) -> list[Event]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        iso3, country, regions = rng.choice(PLACES)
        event_type, sub_type = rng.choice(TYPES)
        actor1 = rng.choice(ACTORS[:-1])
        located = rng.random() < 0.9
        out.append(
            make_event(
                event_id=f"ev-{i}", event_date=START + timedelta(days=rng.randrange(600)), iso3=iso3,
                country=country, admin1=rng.choice([*regions, ""]), event_type=event_type,
                sub_event_type=sub_type, actor1=actor1, actor2=rng.choice([*ACTORS, actor1]),
                fatalities=rng.choice([0, 0, 1, 3, 12]), confidence=round(rng.random(), 3),
                latitude=rng.uniform(-10, 50) if located else None,
                longitude=rng.uniform(-20, 40) if located else None,
                notes=f"Event {i} in {regions[0]}: {'drone' if i % 7 == 0 else 'clash'}",
                evidence=(Evidence("location", 0, 5, f"word{i % 5} evidence", "r"),),
                article_id=f"a{i // 3}",
            )
        )  # fmt: skip
    return out


def fill(store: Store, events: list[Event]) -> None:
    batch = []
    for start in range(0, len(events), 3):
        group = events[start : start + 3]
        batch.append((make_article(id=f"a{start // 3}", text=f"article {start}"), group, None))
    store.add_batch(batch)


@pytest.fixture
def filled(store: Store) -> tuple[Store, list[Event]]:
    events = random_events(300)
    fill(store, events)
    return store, events


def matching(events: list[Event], **cond: Any) -> list[Event]:
    def ok(ev: Event) -> bool:
        if "since" in cond and ev.event_date < cond["since"]:
            return False
        if "until" in cond and ev.event_date > cond["until"]:
            return False
        if "iso3" in cond and ev.iso3 != cond["iso3"]:
            return False
        return not ("event_type" in cond and ev.event_type != cond["event_type"])

    return [ev for ev in events if ok(ev)]


FILTERS = [
    EventFilter(),
    EventFilter(since=date(2023, 12, 5)),
    EventFilter(until=date(2024, 1, 31)),
    EventFilter(since=date(2023, 12, 1), until=date(2024, 2, 29)),
    EventFilter(since=date(2023, 12, 10), until=date(2024, 2, 20), country="ukr"),
    EventFilter(since=date(2024, 1, 3), until=date(2024, 1, 9)),
    EventFilter(since=date(2024, 1, 9), until=date(2024, 1, 3)),
    EventFilter(country="côte d'ivoire", event_type="battles"),
    EventFilter(country="SUDAN", sub_event_type="armed CLASH"),
    EventFilter(country="Atlantis"),
    EventFilter(since=date(2022, 11, 10), until=date(2024, 2, 10)),
    EventFilter(since=date(2023, 1, 1), event_type="Protests"),
    EventFilter(until=date(2023, 12, 31), country="NGA"),
]


@pytest.mark.parametrize("interval", ["auto", "month"])
@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_stats_from_summary_tables_equal_stats_from_events(
    filled: tuple[Store, list[Event]], filters: EventFilter, interval: str
) -> None:
    store, _ = filled
    assert uses_rollup(filters)
    fast = stats(store, filters, top=50, interval=interval)
    slow = stats(store, EventFilter(**{**_fields(filters), "min_fatalities": 0}), top=50, interval=interval)
    assert (fast.pop("source"), slow.pop("source")) == ("summary", "events")
    for key in ("by_type", "by_country", "by_admin1", "top_actors"):
        fast[key].sort(key=lambda row: sorted(row.items()))
        slow[key].sort(key=lambda row: sorted(row.items()))
    assert fast == slow


def _fields(filters: EventFilter) -> dict[str, Any]:
    return {name: getattr(filters, name) for name in filters.__slots__}


def test_stats_numbers(filled: tuple[Store, list[Event]]) -> None:
    store, events = filled
    since, until = date(2023, 12, 10), date(2024, 2, 20)
    want = matching(events, since=since, until=until, iso3="NGA")
    got = stats(store, EventFilter(since=since, until=until, country="nga"), interval="week")
    assert got["events"] == len(want) and got["fatalities"] == sum(e.fatalities for e in want)
    assert got["first_date"] == min(e.event_date for e in want)
    assert got["timeline"]["interval"] == "week"
    assert sum(b["events"] for b in got["timeline"]["buckets"]) == len(want)
    assert all(date.fromisoformat(b["period"]).weekday() == 0 for b in got["timeline"]["buckets"])
    by_region = Counter(e.admin1 for e in want if e.admin1)
    assert {r["admin1"]: r["events"] for r in got["by_admin1"]} == dict(by_region)
    assert all(r["country"] == "Nigeria" for r in got["by_admin1"])
    actors = Counter(a for e in want for a in {e.actor1, e.actor2} - {""})
    assert {r["actor"]: r["events"] for r in got["top_actors"]} == dict(actors)
    assert got["top_actors"] == sorted(got["top_actors"], key=lambda r: -r["events"])
    assert stats(store, EventFilter(actor="rapid"))["source"] == "events"


def test_split_into_years_months_and_edges() -> None:
    def parts(since: date | None, until: date | None) -> tuple[Any, ...]:
        found = split(since, until)
        return found.years, found.months, found.edges, found.whole_months

    d = date
    assert parts(None, None) == ((None, None), (), (), (None, None))
    assert parts(d(2024, 3, 2), d(2024, 3, 1)) == (None, (), (), None)
    assert parts(d(2022, 11, 15), d(2024, 4, 10)) == (
        (d(2023, 1, 1), d(2023, 1, 1)),
        ((d(2022, 12, 1), d(2022, 12, 1)), (d(2024, 1, 1), d(2024, 3, 1))),
        ((d(2022, 11, 15), d(2022, 11, 30)), (d(2024, 4, 1), d(2024, 4, 10))),
        (d(2022, 12, 1), d(2024, 3, 1)),
    )
    assert parts(d(2024, 1, 15), d(2024, 4, 10)) == (
        None,
        ((d(2024, 2, 1), d(2024, 3, 1)),),
        ((d(2024, 1, 15), d(2024, 1, 31)), (d(2024, 4, 1), d(2024, 4, 10))),
        (d(2024, 2, 1), d(2024, 3, 1)),
    )
    assert parts(d(2024, 2, 1), d(2024, 2, 29))[1:3] == (((d(2024, 2, 1), d(2024, 2, 1)),), ())
    assert parts(d(2024, 2, 3), d(2024, 3, 5)) == (None, (), ((d(2024, 2, 3), d(2024, 3, 5)),), None)
    assert parts(d(2023, 1, 1), None)[:3] == ((d(2023, 1, 1), None), (), ())
    assert parts(None, d(2023, 6, 30))[:3] == ((None, d(2022, 1, 1)), ((d(2023, 1, 1), d(2023, 6, 1)),), ())
    assert split(d(2020, 1, 1), d(2024, 12, 31)).years == (d(2020, 1, 1), d(2024, 1, 1))


def test_resolve_finds_stored_spellings(filled: tuple[Store, list[Event]]) -> None:
    store, _ = filled
    with store.engine.connect() as conn:
        assert resolve(conn, EventFilter(country="ukr")).iso3 == ("UKR",)
        by_name = resolve(conn, EventFilter(country=" CÔTE D'IVOIRE "))
        assert (by_name.iso3, by_name.countries) == (("CIV",), ("Côte d'Ivoire",))
        assert resolve(conn, EventFilter(event_type="protests")).event_types == ("Protests",)
        assert resolve(conn, EventFilter(admin1="borno")).admin1 == ("Borno",)
        assert resolve(conn, EventFilter(sub_event_type="nope")).empty


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "confidence", "country", "-id"])
def test_pages_walk_every_event_once_in_order(filled: tuple[Store, list[Event]], sort: str) -> None:
    store, events = filled
    filters = EventFilter(since=date(2023, 12, 1))
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        result = page(store, filters, sort=sort, limit=37, cursor=cursor)
        seen.extend(result.rows)
        if result.next_cursor is None:
            break
        cursor = result.next_cursor
    assert len(seen) == len(matching(events, since=date(2023, 12, 1)))
    assert len({r["id"] for r in seen}) == len(seen)
    order = Sort.parse(sort)
    values = [r[order.key] for r in seen]
    assert values == sorted(values, reverse=order.descending)


def test_page_filters_and_limits(filled: tuple[Store, list[Event]]) -> None:
    store, events = filled
    rows = page(store, EventFilter(country="Ukraine", event_type="Battles"), limit=1000).rows
    assert len(rows) == sum(1 for e in events if e.iso3 == "UKR" and e.event_type == "Battles")
    assert page(store, EventFilter(admin1="khartoum"), limit=1000).rows
    assert all(r["admin1"] == "Khartoum" for r in page(store, EventFilter(admin1="KHARTOUM")).rows)
    drones = page(store, EventFilter(text="Drone"), limit=1000).rows
    assert len(drones) == sum(1 for e in events if "drone" in e.notes)
    assert len(page(store, EventFilter(text="word3 evid*"), limit=1000).rows) == 60
    assert page(store, EventFilter(text="word3 evid"), limit=1000).rows == []  # whole words unless *
    assert len(page(store, EventFilter(text="WORD3 EVIDENCE"), limit=1000).rows) == 60
    boxed = page(store, EventFilter(bbox=(0.0, 10.0, 20.0, 30.0)), limit=1000).rows
    assert boxed and all(0 <= r["longitude"] <= 20 and 10 <= r["latitude"] <= 30 for r in boxed)
    with pytest.raises(InputError, match="limit"):
        page(store, EventFilter(), limit=0)
    with pytest.raises(InputError, match="sort"):
        page(store, EventFilter(), sort="notes; DROP TABLE events")


def test_cursor_errors(filled: tuple[Store, list[Event]]) -> None:
    store, _ = filled
    cursor = page(store, EventFilter(), limit=5).next_cursor
    assert cursor is not None
    with pytest.raises(InputError, match="another sort"):
        page(store, EventFilter(), sort="fatalities", cursor=cursor)
    for junk in ("%%%", "bm9wZQ", "WyItZXZlbnRfZGF0ZSIsIngiLCJ5Il0"):
        with pytest.raises(InputError, match="cursor"):
            decode_cursor(Sort.parse("-event_date"), junk)


def test_iter_events_and_points(filled: tuple[Store, list[Event]]) -> None:
    store, events = filled
    streamed = list(iter_events(store, EventFilter(country="SDN")))
    assert sorted(e.event_id for e in streamed) == sorted(e.event_id for e in events if e.iso3 == "SDN")
    assert all(len(e.claims) == 2 and e.evidence for e in streamed)
    assert len(list(iter_events(store, EventFilter(limit=7)))) == 7
    located = list(points(store, EventFilter()))
    assert len(located) == sum(1 for e in events if e.latitude is not None)


@pytest.mark.parametrize(
    "value", ["x' OR '1'='1", "1; DROP TABLE events; --", '" OR ""="', "%' --", "\\'; SELECT 1"]
)
def test_injection_attempts_through_every_filter_match_nothing(
    filled: tuple[Store, list[Event]], value: str
) -> None:
    store, events = filled
    for name in ("country", "event_type", "sub_event_type", "actor", "admin1", "article_id", "text"):
        filters = EventFilter(**{name: value})
        assert page(store, filters).rows == [], name
        assert stats(store, filters)["events"] == 0, name
    assert page(store, EventFilter(), limit=1000).rows.__len__() == len(events)


def test_nul_is_stored_as_replacement_character_on_postgresql(store: Store) -> None:
    article = make_article(text="Gunmen\x00 killed five")
    store.add(article, [make_event(actor1="Gun\x00men")])
    stored = store.get_article(article.content_hash)
    assert stored is not None
    expected = "\ufffd" if store.dialect == "postgresql" else "\x00"
    assert stored.text == f"Gunmen{expected} killed five"


def test_migration_fills_derived_tables_of_an_older_store(store_url: str) -> None:
    with open_store(store_url) as store:
        fill(store, random_events(40))
        before = stats(store)
        with store.engine.begin() as conn:
            for table in ("event_rollup", "facet_values", "event_search"):
                conn.execute(text(f"DROP TABLE {table}"))
            if store.dialect == "sqlite":
                conn.execute(text("DROP TABLE event_fts"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version >= 2"))
    with open_store(store_url) as store:
        assert stats(store) == before
        assert len(page(store, EventFilter(text="drone")).rows) == 6
