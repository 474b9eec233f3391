"""Benchmark the REST API on a large store: first pages, stats, and a full CSV export.

    python benchmarks/api.py                       # 1,000,000 events, SQLite and PostgreSQL
    python benchmarks/api.py --events 100000 --backend sqlite
    python benchmarks/api.py --keep /tmp/bench     # keep (and reuse) the generated SQLite store

Synthetic events, generated with a fixed seed and a realistic skew (a few countries, regions,
event types and actors carry most events; activity grows over five years), are written through
``Store.add_batch`` (so the summary tables and the search index are built as at ingest). Then
``sitrep serve`` runs in a subprocess and the script times HTTP requests against it:

- ``GET /api/events`` first page (100 rows) with typical filters (p50/p95 over the filter mix);
- ``GET /api/stats`` with typical filters (p50/p95);
- ``GET /api/events?format=csv`` of every event: rows/s and the server's peak RSS during the
  export compared with its RSS before (flat memory: the export streams).

PostgreSQL: a fresh database on ``--postgres`` (default the local server), dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.models import Article, Claim, Event, Evidence, Zone
from sitrep.store import Store, open_store

SEED = 20240514
START = date(2020, 1, 1)
DAYS = 5 * 365
SUB_TYPES = [
    ("Battles", "Armed clash", 30), ("Battles", "Government regains territory", 2),
    ("Battles", "Non-state actor overtakes territory", 2),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 25),
    ("Explosions/Remote violence", "Air/drone strike", 12),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 5),
    ("Explosions/Remote violence", "Suicide bomb", 0.3), ("Explosions/Remote violence", "Grenade", 0.5),
    ("Violence against civilians", "Attack", 15),
    ("Violence against civilians", "Abduction/forced disappearance", 3),
    ("Violence against civilians", "Sexual violence", 0.5),
    ("Protests", "Peaceful protest", 40), ("Protests", "Protest with intervention", 4),
    ("Protests", "Excessive force against protesters", 0.5),
    ("Riots", "Violent demonstration", 6), ("Riots", "Mob violence", 3),
    ("Strategic developments", "Arrests", 2), ("Strategic developments", "Looting/property destruction", 2),
    ("Strategic developments", "Agreement", 0.5), ("Strategic developments", "Other", 1),
]  # fmt: skip
COUNTRIES = [
    ("UKR", "Ukraine", 48.4, 31.2), ("SYR", "Syria", 35.0, 38.5), ("MMR", "Myanmar", 21.9, 95.9),
    ("SDN", "Sudan", 15.5, 30.2), ("NGA", "Nigeria", 9.1, 8.7), ("IND", "India", 22.0, 79.0),
    ("PAK", "Pakistan", 30.4, 69.3), ("MEX", "Mexico", 23.6, -102.5), ("BRA", "Brazil", -10.8, -52.9),
    ("COD", "Democratic Republic of Congo", -2.9, 23.7), ("YEM", "Yemen", 15.6, 48.0),
    ("SOM", "Somalia", 5.2, 46.2), ("AFG", "Afghanistan", 33.9, 67.7), ("IRQ", "Iraq", 33.2, 43.7),
    ("BFA", "Burkina Faso", 12.2, -1.6), ("MLI", "Mali", 17.6, -4.0), ("ETH", "Ethiopia", 9.1, 40.5),
    ("COL", "Colombia", 4.6, -74.3), ("PHL", "Philippines", 12.9, 121.8), ("CMR", "Cameroon", 7.4, 12.4),
    ("PSE", "Palestine", 31.9, 35.2), ("LBN", "Lebanon", 33.9, 35.9), ("ISR", "Israel", 31.0, 34.9),
    ("LBY", "Libya", 26.3, 17.2), ("MOZ", "Mozambique", -18.7, 35.5), ("HTI", "Haiti", 18.97, -72.3),
    ("VEN", "Venezuela", 6.4, -66.6), ("BGD", "Bangladesh", 23.7, 90.4), ("KEN", "Kenya", -0.02, 37.9),
    ("SSD", "South Sudan", 6.9, 31.3), ("CAF", "Central African Republic", 6.6, 20.9),
    ("NER", "Niger", 17.6, 8.1), ("TCD", "Chad", 15.5, 18.7), ("IRN", "Iran", 32.4, 53.7),
    ("TUR", "Turkey", 38.96, 35.2), ("EGY", "Egypt", 26.8, 30.8), ("ZAF", "South Africa", -30.6, 22.9),
    ("PER", "Peru", -9.2, -75.0), ("CHL", "Chile", -35.7, -71.5), ("USA", "United States", 38.0, -97.0),
    ("FRA", "France", 46.2, 2.2), ("GBR", "United Kingdom", 55.4, -3.4), ("RUS", "Russia", 61.5, 105.3),
    ("GEO", "Georgia", 42.3, 43.4), ("ARM", "Armenia", 40.1, 45.0), ("AZE", "Azerbaijan", 40.1, 47.6),
    ("THA", "Thailand", 15.9, 100.99), ("IDN", "Indonesia", -0.8, 113.9), ("KHM", "Cambodia", 12.6, 104.99),
    ("NPL", "Nepal", 28.4, 84.1), ("LKA", "Sri Lanka", 7.9, 80.8), ("UGA", "Uganda", 1.4, 32.3),
    ("BDI", "Burundi", -3.4, 29.9), ("RWA", "Rwanda", -1.9, 29.9), ("TUN", "Tunisia", 33.9, 9.5),
    ("DZA", "Algeria", 28.0, 1.7), ("MAR", "Morocco", 31.8, -7.1), ("SEN", "Senegal", 14.5, -14.5),
    ("GIN", "Guinea", 9.9, -9.7), ("ECU", "Ecuador", -1.8, -78.2),
]  # fmt: skip


class Generator:
    """Synthetic events with a realistic skew; the same seed gives the same events."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.country_weights = [1 / (i + 1) ** 1.2 for i in range(len(COUNTRIES))]
        self.profiles = []
        for iso3, name, lat, lon in COUNTRIES:
            regions = [f"{name} Region {k}" for k in range(rng.randint(6, 36))]
            actors = [f"Military Forces of {name}", f"Police Forces of {name}", f"Protesters ({name})",
                      f"Civilians ({name})", f"Unidentified Armed Group ({name})",
                      f"Rioters ({name})"]  # fmt: skip
            actors += [f"{name} Militia {k}" for k in range(rng.randint(5, 120))]
            self.profiles.append(
                {
                    "iso3": iso3, "country": name, "lat": lat, "lon": lon, "regions": regions,
                    "region_w": [1 / (k + 1) ** 1.1 for k in range(len(regions))],
                    "actors": actors, "actor_w": [1 / (k + 1) ** 1.1 for k in range(len(actors))],
                    "type_w": [w * rng.random() ** 2 for *_, w in SUB_TYPES], "start": rng.random() * 0.6,
                }
            )  # fmt: skip

    def event(self, i: int) -> Event:
        rng = self.rng
        p = rng.choices(self.profiles, self.country_weights)[0]
        event_type, sub_type, _ = rng.choices(SUB_TYPES, p["type_w"])[0]
        day = START + timedelta(days=int((p["start"] + (1 - p["start"]) * rng.random() ** 0.8) * (DAYS - 1)))
        region = rng.choices(p["regions"], p["region_w"])[0]
        actor1 = rng.choices(p["actors"], p["actor_w"])[0]
        actor2 = rng.choices(p["actors"], p["actor_w"])[0] if rng.random() < 0.7 else ""
        fatalities = (
            int(rng.expovariate(0.25)) if event_type in ("Battles", "Explosions/Remote violence") else 0
        )
        location = f"{region} town {rng.randint(1, 40)}"
        notes = f"On {day:%d %B %Y}, {actor1} clashed with {actor2 or 'unknown forces'} in {location}."
        sentence = f"{actor1} attacked {location}, killing {fatalities} people."
        return Event(
            event_id=f"SYN{i}", event_date=day, time_precision=1, disorder_type="Political violence",
            event_type=event_type, sub_event_type=sub_type, actor1=actor1, actor2=actor2, inter1=1,
            inter2=7 if actor2 else 0, interaction=17 if actor2 else 10, iso3=p["iso3"],
            country=p["country"], admin1=region, location=location,
            latitude=round(p["lat"] + rng.gauss(0, 2), 4), longitude=round(p["lon"] + rng.gauss(0, 2), 4),
            geo_precision=1, fatalities=fatalities, fatalities_low=fatalities, fatalities_high=fatalities + 2,
            source="Synthetic Wire", source_url=f"https://news.example/{i}", notes=notes,
            article_id=f"syn-{i}", confidence=round(rng.random(), 2),
            evidence=(Evidence("event_type", 0, len(sentence), sentence, "bench"),
                      Evidence("location", 0, len(location), location, "bench")),
            claims=(Claim("fatalities", fatalities, "officials", 0, len(sentence), sentence),),
        )  # fmt: skip

    def batches(self, n: int, size: int = 2000) -> Iterator[list[tuple[Article, list[Event], None]]]:
        """Articles with 1-3 events each, ``size`` articles per batch, ``n`` events in all."""
        done = 0
        batch: list[tuple[Article, list[Event], None]] = []
        while done < n:
            k = min(n - done, self.rng.choice((1, 1, 2, 3)))
            events = [self.event(done + j) for j in range(k)]
            text = " ".join(e.notes for e in events) + f" ({done})"
            first = events[0]
            article = Article(
                id=f"syn-{done}", text=text, title=first.notes[:60], published=first.event_date,
                source="Synthetic Wire", url=first.source_url, zones=(Zone("body", 0, len(text)),),
            )  # fmt: skip
            batch.append((article, [replace(e, article_id=article.id) for e in events], None))
            done += k
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch


def generate(store: Store, n: int) -> float:
    started = time.perf_counter()
    written = 0
    for batch in Generator().batches(n):
        written += store.add_batch(batch).events
        if written % 100_000 < sum(len(b[1]) for b in batch):
            rate = written / (time.perf_counter() - started)
            print(f"  {written:>9,} events stored ({rate:,.0f} events/s)", file=sys.stderr, flush=True)
    return time.perf_counter() - started


# -- the server and the measurements ---------------------------------------------------------------

PAGE_QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("newest", {}),
    ("country code", {"country": "UKR"}),
    ("country name", {"country": "Sudan"}),
    ("event type", {"event_type": "Battles"}),
    ("sub-event type", {"sub_event_type": "Air/drone strike"}),
    ("last 90 days", {"since": "2024-10-03", "until": "2024-12-31"}),
    ("country + year", {"country": "SYR", "since": "2023-01-01", "until": "2023-12-31"}),
    ("country + type + since",
     {"country": "UKR", "event_type": "Explosions/Remote violence", "since": "2024-01-01"}),
    ("admin1", {"admin1": "Ukraine Region 3"}),
    ("min fatalities", {"min_fatalities": 10}),
    ("deadliest in a country", {"country": "NGA", "sort": "-fatalities"}),
    ("actor", {"actor": "Military Forces of Syria"}),
    ("full text", {"q": "Myanmar Region 4 town 12"}),
    ("bounding box", {"bbox": "30,44,40,52"}),
]  # fmt: skip
STATS_QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("everything", {}),
    ("country code", {"country": "UKR"}),
    ("country name", {"country": "Sudan"}),
    ("event type", {"event_type": "Battles"}),
    ("sub-event type", {"sub_event_type": "Air/drone strike"}),
    ("last 90 days", {"since": "2024-10-03", "until": "2024-12-31"}),
    ("one year", {"since": "2023-03-15", "until": "2024-03-14"}),
    ("brushed 4 years", {"since": "2020-06-10", "until": "2024-08-20"}),
    ("country + type + dates", {"country": "UKR", "event_type": "Battles", "since": "2022-02-24"}),
    ("admin1", {"admin1": "Ukraine Region 3"}),
    ("min fatalities", {"min_fatalities": 30}),
]  # fmt: skip
# Filters the summary tables cannot answer and that match a large share of events: the events
# table is read once (reported apart; not in the bar's "typical filters").
HEAVY_STATS: list[tuple[str, dict[str, Any]]] = [
    ("actor substring", {"actor": "Military Forces of Syria"}),
    ("full text", {"q": "Myanmar Region 4"}),
    ("bounding box", {"bbox": "30,44,40,52"}),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(target: str) -> Iterator[tuple[str, int]]:
    """``sitrep serve`` on a free port, in a subprocess; yields (base URL, pid)."""
    import httpx  # noqa: PLC0415 - a test dependency

    port = _free_port()
    command = [sys.executable, "-m", "sitrep", "serve", "--db", target, "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(
                    f"the server exited: {process.stderr.read().decode() if process.stderr else ''}"
                )
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_requests(
    base: str, path: str, queries: list[tuple[str, dict[str, Any]]], repeat: int
) -> list[float]:
    """Latencies (ms) of ``repeat`` rounds over the queries (one warm-up round first)."""
    import httpx  # noqa: PLC0415

    all_ms: list[float] = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for name, params in queries:
            client.get(path, params=params).raise_for_status()
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(path, params=params)
                times.append((time.perf_counter() - started) * 1000)
                response.raise_for_status()
            all_ms.extend(times)
            p50, p95 = statistics.median(times), _percentile(times, 0.95)
            print(f"    {name:28s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    return all_ms


def _rss_kb(pid: int) -> int:
    """The process's own memory (anonymous RSS): SQLite's memory-mapped store pages are file-backed
    and shared with the OS cache, so they are left out."""
    with open(f"/proc/{pid}/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    return 0


def time_export(base: str, pid: int, limit: int | None) -> dict[str, float]:
    """Stream an ACLED CSV export; rows/s and the server's RSS before and at its peak."""
    import httpx  # noqa: PLC0415

    before = _rss_kb(pid)
    peak = before
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _rss_kb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    params: dict[str, Any] = {"format": "csv"} | ({"limit": limit} if limit else {})
    started = time.perf_counter()
    lines = size = 0
    with httpx.stream("GET", f"{base}/api/events", params=params, timeout=None) as response:
        response.raise_for_status()
        for chunk in response.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"rows": lines - 1, "seconds": seconds, "mb": size / 1e6, "rss_before_mb": before / 1024,
            "rss_peak_mb": peak / 1024}  # fmt: skip


def bench_backend(label: str, target: str, repeat: int) -> dict[str, Any]:
    print(f"\n== {label}: {target}")
    with server(target) as (base, pid):
        print("  GET /api/events, first page of 100 (typical filters)")
        pages = time_requests(base, "/api/events", PAGE_QUERIES, repeat)
        print("  GET /api/stats (typical filters)")
        stats_ms = time_requests(base, "/api/stats", STATS_QUERIES, repeat)
        print("  GET /api/stats (filters only the events table can answer)")
        heavy = time_requests(base, "/api/stats", HEAVY_STATS, max(2, repeat // 4))
        print("  GET /api/events?format=csv (ACLED CSV, streamed)")
        small = time_export(base, pid, 100_000)
        full = time_export(base, pid, None)
        for name, run in (("100k rows", small), ("all rows", full)):
            rate = run["rows"] / run["seconds"]
            print(
                f"    {name:10s} {run['rows']:>9,} rows in {run['seconds']:6.1f} s ({rate:,.0f} rows/s, "
                f"{run['mb']:,.0f} MB); server RSS {run['rss_before_mb']:.0f} MB before, "
                f"{run['rss_peak_mb']:.0f} MB peak"
            )
    summary = {
        "events_p50": statistics.median(pages), "events_p95": _percentile(pages, 0.95),
        "stats_p50": statistics.median(stats_ms), "stats_p95": _percentile(stats_ms, 0.95),
        "heavy_stats_p50": statistics.median(heavy), "export": full, "export_100k": small,
    }  # fmt: skip
    p50, p95 = summary["events_p50"], summary["events_p95"]
    print(f"  => events first page p50 {p50:.1f} ms, p95 {p95:.1f} ms (bar < 100)")
    print(f"  => stats p50 {summary['stats_p50']:.1f} ms, p95 {summary['stats_p95']:.1f} ms (bar < 300)")
    return summary


def _count(store: Store) -> int:
    return store.count()


def sqlite_store(n: int, keep: Path | None) -> str:
    folder = keep or Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench-{n}.db"
    with open_store(path) as store:
        have = _count(store)
        if have not in (0, n):
            raise SystemExit(f"{path} holds {have} events, not {n}; remove it first")
        if have == 0:
            print(f"generating {n:,} events into {path} ...", file=sys.stderr)
            print(f"  stored in {generate(store, n):.0f} s", file=sys.stderr)
    return str(path)


def postgres_store(n: int, server_url: str, database: str | None) -> tuple[str, str, bool]:
    """(URL of a database holding n events, its name, whether this run created it)."""
    from sqlalchemy import create_engine, text  # noqa: PLC0415
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    url = make_url(server_url).set(drivername="postgresql+psycopg")
    name = database or f"sitrep_bench_{secrets.token_hex(3)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    target = url.set(database=name).render_as_string(hide_password=False)
    with open_store(target) as store:
        have = _count(store)
        if have not in (0, n):
            raise SystemExit(f"database {name} holds {have} events, not {n}")
        if have == 0:
            print(f"generating {n:,} events into PostgreSQL database {name} ...", file=sys.stderr)
            print(f"  stored in {generate(store, n):.0f} s", file=sys.stderr)
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    return target, name, not exists


def drop_database(server_url: str, name: str) -> None:
    from sqlalchemy import create_engine, text  # noqa: PLC0415
    from sqlalchemy.engine import make_url  # noqa: PLC0415

    admin = create_engine(
        make_url(server_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events (default 1,000,000)")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per query (default 20)")
    parser.add_argument("--keep", type=Path, help="folder for the SQLite store, kept and reused across runs")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("SITREP_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="PostgreSQL server (a database on it is created, and dropped unless --pg-database)",
    )
    parser.add_argument("--pg-database", help="use (and keep) this PostgreSQL database")
    args = parser.parse_args(argv)
    results = {}
    if args.backend in ("sqlite", "both"):
        results["SQLite"] = bench_backend("SQLite", sqlite_store(args.events, args.keep), args.repeat)
    if args.backend in ("postgres", "both"):
        target, name, created = postgres_store(args.events, args.postgres, args.pg_database)
        try:
            results["PostgreSQL"] = bench_backend("PostgreSQL", target, args.repeat)
        finally:
            if created and not args.pg_database:
                drop_database(args.postgres, name)
    print(f"\n{args.events:,} events: events page p50/p95 ms | stats p50/p95 ms | CSV rows/s | RSS MB")
    for label, r in results.items():
        export = r["export"]
        rate = export["rows"] / export["seconds"]
        print(
            f"{label:10s} | {r['events_p50']:.1f} / {r['events_p95']:.1f} | {r['stats_p50']:.1f} / "
            f"{r['stats_p95']:.1f} | {rate:,.0f} | {export['rss_before_mb']:.0f}->{export['rss_peak_mb']:.0f}"
        )


if __name__ == "__main__":
    main()
