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
    ("Violence against civilians", "Attack", 15), ("Violence against civilians", "Abduction/forced disappearance", 3),
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
                      f"Civilians ({name})", f"Unidentified Armed Group ({name})", f"Rioters ({name})"]  # fmt: skip
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
        fatalities = int(rng.expovariate(0.25)) if event_type in ("Battles", "Explosions/Remote violence") else 0
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
            article = Article(id=f"syn-{done}", text=text, title=events[0].notes[:60], published=events[0].event_date,
                              source="Synthetic Wire", url=events[0].source_url, zones=(Zone("body", 0, len(text)),))  # fmt: skip
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
