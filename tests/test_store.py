"""The event store (sitrep.store): schema, idempotent adds, queries, stats, ingest runs."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from conftest import make_article, make_event
from sitrep.errors import StoreError
from sitrep.models import Article, Event, Evidence, Rejection
from sitrep.pipeline import Pipeline, PipelineOptions
from sitrep.store import EventFilter, Store, ingest, migrate, open_store
from sitrep.store.migrations import MIGRATIONS, current_version

# The `store` fixture (tests/store_backends.py) runs each test on SQLite and on PostgreSQL.


def test_open_creates_wal_sqlite_with_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "events",
        "claims",
        "ingest_runs",
        "rejections",
        "schema_migrations",
    } <= tables
    assert con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == MIGRATIONS[-1].version


def test_sqlite_memory_map_is_per_store(tmp_path: Path) -> None:
    # Readers map the file (shared OS pages); a writer such as `sitrep ingest` maps none, so its
    # RSS does not follow the size of the database.
    def mapped(store: Store) -> int:
        with store.engine.connect() as conn:
            return int(conn.execute(text("PRAGMA mmap_size")).scalar_one())

    with open_store(tmp_path / "r.db") as reader:
        assert mapped(reader) > 0
    with open_store(tmp_path / "w.db", mmap_bytes=0) as writer:
        assert mapped(writer) == 0


def test_migrate_is_idempotent_and_refuses_newer_schema(store: Store) -> None:
    assert migrate(store.engine) == MIGRATIONS[-1].version
    with store.engine.begin() as conn:
        assert current_version(conn) == MIGRATIONS[-1].version
        conn.execute(text("INSERT INTO schema_migrations VALUES (999, 'future', 'x')"))
    with pytest.raises(StoreError, match="newer"):
        migrate(store.engine)


def test_open_errors_name_the_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing-dir" / "x.db")
    with pytest.raises(StoreError, match="no such store"):
        open_store(tmp_path / "absent.db", create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(junk)


def test_add_round_trips_and_is_idempotent(store: Store) -> None:
    article = make_article()
    events = [make_event(), make_event(event_id="sitrep-0002", latitude=None, longitude=None)]
    first = store.add(article, events)
    assert (first.new, first.known, first.events) == (1, 0, 2)
    again = store.add(article, events)
    assert (again.new, again.known, again.events) == (0, 1, 0)
    assert list(store.query()) == events
    assert store.get_article(article.content_hash) == article
    assert store.get_article("art-1") == article
    assert store.get_event(f"{article.content_hash}:1") == events[1]
    assert store.get_event("nope:0") is None


def test_add_batch_dedupes_within_the_batch(store: Store) -> None:
    article = make_article()
    result = store.add_batch([(article, [make_event()], None), (article, [make_event()], None)])
    assert (result.new, result.known, result.events) == (1, 1, 1)


def _several(store: Store) -> None:
    store.add(make_article(id="a", text="one"), [make_event(article_id="a")])
    store.add(
        make_article(id="b", text="two"),
        [make_event(article_id="b", event_date=date(2024, 6, 1), iso3="SDN", country="Sudan",
                    event_type="Battles", sub_event_type="Armed clash", actor1="RSF: Rapid Support Forces",
                    actor2="Military Forces of Sudan (2019-)", fatalities=12)],
    )  # fmt: skip
    store.add(
        make_article(id="c", text="three"), [make_event(article_id="c", fatalities=0, actor1="50%_off")]
    )


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), ["a", "c", "b"]),
        (EventFilter(since=date(2024, 5, 20)), ["b"]),
        (EventFilter(until=date(2024, 5, 20)), ["a", "c"]),
        (EventFilter(country="sdn"), ["b"]),
        (EventFilter(country="Sudan"), ["b"]),
        (EventFilter(country="ukraine"), ["a", "c"]),
        (EventFilter(event_type="battles"), ["b"]),
        (EventFilter(sub_event_type="Armed clash"), ["b"]),
        (EventFilter(actor="rapid support"), ["b"]),
        (EventFilter(actor="military forces of sudan"), ["b"]),
        (EventFilter(actor="50%"), ["c"]),
        (EventFilter(actor="%"), ["c"]),
        (EventFilter(min_fatalities=5), ["b"]),
        (EventFilter(article_id="c"), ["c"]),
        (EventFilter(limit=1), ["a"]),
        (EventFilter(country="x' OR 1=1 --"), []),
    ],
)
def test_query_filters(store: Store, filters: EventFilter, expected: list[str]) -> None:
    _several(store)
    assert [e.article_id for e in store.query(filters)] == expected
    assert store.count(filters) == (len(expected) if filters.limit is None else 3)


def test_stats(store: Store) -> None:
    _several(store)
    stats = store.stats()
    assert stats["articles"] == 3 and stats["events"] == 3 and stats["fatalities"] == 16
    assert stats["first_date"] == date(2024, 5, 14) and stats["last_date"] == date(2024, 6, 1)
    assert stats["by_country"][0] == {"iso3": "UKR", "country": "Ukraine", "events": 2, "fatalities": 4}
    assert store.stats(EventFilter(country="SDN"))["events"] == 1


def test_query_streams_large_results(store: Store) -> None:
    items = [
        (make_article(id=f"x{i}", text=f"text {i}"), [make_event(article_id=f"x{i}")], None)
        for i in range(2500)
    ]
    store.add_batch(items)
    assert sum(1 for _ in store.query()) == 2500
    assert all(e.evidence and len(e.claims) == 2 for e in store.query(EventFilter(limit=5)))


def coder(doc: object) -> list[Event]:
    article: Article = doc.article  # type: ignore[attr-defined]
    return [make_event(article_id=article.id, event_id=f"{article.id}-e")]


OPTIONS = PipelineOptions(stages=("text",), coder="test_store:coder")


def articles(n: int, start: int = 0) -> list[Article | Rejection]:
    return [make_article(id=f"n{i}", text=f"News number {i}.") for i in range(start, start + n)]


def test_ingest_is_idempotent_and_counts(store: Store) -> None:
    items = [*articles(5), Rejection("bad.bin", "binary data"), articles(1)[0]]
    first = ingest(store, items, pipeline=Pipeline(OPTIONS), inputs=["in/"], batch_size=2)
    assert first.to_dict() | {"seconds": 0} == {
        "run_id": 1, "status": "done", "articles_read": 6, "articles_new": 5, "articles_known": 1,
        "articles_failed": 0, "rejected": 1, "events_found": 5, "articles_undated": 0,
        "events_read_date": 0, "articles_with_notes": 0, "rejected_reasons": {"binary data": 1},
        "seconds": 0,
    }  # fmt: skip
    second = ingest(store, items, pipeline=Pipeline(OPTIONS), inputs=["in/"])
    assert (second.articles_new, second.articles_known, second.events_found) == (0, 6, 0)
    assert store.count() == 5
    runs = store.runs()
    assert [r["status"] for r in runs] == ["done", "done"] and runs[0]["events_found"] == 5
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT reason FROM rejections")).scalars().all() == ["binary data"] * 2


def test_ingest_summary_counts_articles_without_a_date(store: Store) -> None:
    items = [make_article(id="u", text="Undated news.", published=None, published_from=None), *articles(2)]
    summary = ingest(store, items, pipeline=Pipeline(OPTIONS))
    assert summary.notes.undated_articles == 1 and summary.to_dict()["articles_undated"] == 1
    again = ingest(store, items, pipeline=Pipeline(OPTIONS))  # known articles are not run again
    assert again.notes.undated_articles == 0


def test_interrupted_ingest_resumes_without_loss_or_duplicates(store: Store) -> None:
    items = articles(10)

    def interrupt_after_five() -> object:
        for i, item in enumerate(items):
            if i == 5:
                raise KeyboardInterrupt
            yield item

    with pytest.raises(KeyboardInterrupt):
        ingest(store, interrupt_after_five(), pipeline=Pipeline(OPTIONS), batch_size=2)  # type: ignore[arg-type]
    assert store.runs()[0]["status"] == "interrupted"
    stored = store.count()
    assert stored == 4  # two committed batches of two; the fifth article was not yet committed
    resumed = ingest(store, items, pipeline=Pipeline(OPTIONS), batch_size=2)
    assert (resumed.articles_known, resumed.articles_new) == (4, 6)
    assert sorted(e.article_id for e in store.query()) == sorted(f"n{i}" for i in range(10))


def failing_coder(doc: object) -> list[Event]:
    raise ValueError("coder bug")


def test_failed_articles_are_stored_with_their_error(store: Store) -> None:
    options = PipelineOptions(stages=("text",), coder="test_store:failing_coder")
    summary = ingest(store, articles(2), pipeline=Pipeline(options))
    assert (summary.articles_failed, summary.articles_new, summary.events_found) == (2, 2, 0)
    with store.engine.connect() as conn:
        errors = conn.execute(text("SELECT error FROM articles")).scalars().all()
    assert all("coder bug" in e for e in errors)


# NUL is left out: PostgreSQL text cannot hold it (the store writes U+FFFD there; test_store_query.py)
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    title=st.none() | texts,
    body=texts.filter(bool),
    actor=texts,
    fatalities=st.integers(0, 10**6),
    lat=st.none() | st.floats(-90, 90),
    evidence=st.lists(st.tuples(texts, st.integers(0, 10**6), texts), max_size=3),
)
def test_round_trip_property(
    store: Store,
    *, title: str | None, body: str, actor: str, fatalities: int, lat: float | None,
    evidence: list[tuple[str, int, str]],
) -> None:  # fmt: skip
    article = make_article(title=title, text=body, id=body[:20] or "x")
    event = make_event(
        actor1=actor, fatalities=fatalities, latitude=lat, article_id=article.id,
        evidence=tuple(Evidence(f, s, s + 1, t, "r") for f, s, t in evidence),
    )  # fmt: skip
    if store.add(article, [event]).new:
        assert store.get_article(article.content_hash) == article
        assert store.get_event(f"{article.content_hash}:0") == event
