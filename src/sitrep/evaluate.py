"""Measure the event coder on an ACLED export: each row's notes become an article, the coded event
with the highest confidence is compared with the row.

Figures (n = rows with notes): event_type and sub_event_type accuracy, sub_event_type macro-F1 over
the classes present in the export, inter1/inter2 accuracy (numeric codes or ACLED's text labels),
fatalities exact match, country (iso3 or name), location within 25 km, event_date exact match, and
admin1, time_precision, geo_precision. An article without an event is wrong on every field.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .actors import ActorLexicon
from .errors import InputError
from .models import Article, Event
from .pipeline import Pipeline, PipelineOptions

REQUIRED = ("event_id_cnty", "notes", "event_type", "sub_event_type")
INTER_TEXT = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "external other forces": 8,
    "": 0,
}
FIELDS = (
    "event_type",
    "sub_event_type",
    "inter1",
    "inter2",
    "fatalities",
    "country",
    "location<=25km",
    "event_date",
    "admin1",
    "time_precision",
    "geo_precision",
)
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%y", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y")


def _fold(text: Any) -> str:
    norm = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).lower().split())


def _int(value: Any) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def inter_code(value: Any) -> int | None:
    """ACLED inter code from a number (1-8, 0 = none) or a text label ("State forces")."""
    number = _int(value)
    if number is not None:
        return number
    return INTER_TEXT.get(_fold(value))


def parse_date(value: str) -> str:
    value = (value or "").strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return value


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(math.sqrt(min(1.0, h)))


@dataclass
class Report:
    """Per-field results of one evaluation run."""

    n: int = 0
    right: Counter[str] = field(default_factory=Counter)
    with_event: int = 0
    macro_f1: float = 0.0
    per_class: list[tuple[str, int, int, float, float, float]] = field(default_factory=list)
    confusions: list[tuple[int, str, str]] = field(default_factory=list)

    def score(self, name: str) -> float:
        return self.right[name] / self.n if self.n else 0.0

    def summary(self) -> str:
        return (
            f"acled: sub_event_type macro-F1 {self.macro_f1:.3f}, acc {self.score('sub_event_type'):.3f}; "
            f"event_type acc {self.score('event_type'):.3f}; "
            f"fatalities exact {self.score('fatalities'):.3f}; "
            f"inter1 {self.score('inter1'):.3f}; inter2 {self.score('inter2'):.3f}; "
            f"location<=25km {self.score('location<=25km'):.3f}; date exact {self.score('event_date'):.3f}; "
            f"country {self.score('country'):.3f}; n={self.n}"
        )

    def table(self) -> str:
        lines = [f"{'field':<42} {'right':>6} {'of':>6} {'score':>6}"]
        for name in FIELDS[:2]:
            lines.append(f"{name:<42} {self.right[name]:>6} {self.n:>6} {self.score(name):>6.3f}")
        lines.append(
            f"{f'sub_event_type macro-F1 ({len(self.per_class)} classes)':<42} {'':>6} {'':>6} "
            f"{self.macro_f1:>6.3f}"
        )
        for name in FIELDS[2:]:
            lines.append(f"{name:<42} {self.right[name]:>6} {self.n:>6} {self.score(name):>6.3f}")
        lines.append("")
        lines.append(f"{'sub_event_type':<36} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for label, gold, pred, p, r, f1 in self.per_class:
            lines.append(f"{label:<36} {gold:>5} {pred:>5} {p:>6.3f} {r:>6.3f} {f1:>6.3f}")
        if self.confusions:
            lines.append("")
            lines.append("top sub-event-type errors (n, gold -> predicted):")
            lines.extend(f"{n:>5}  {g} -> {p}" for n, g, p in self.confusions)
        return "\n".join(lines)


def read_export(path: str | Path, limit: int | None = None) -> list[dict[str, str]]:
    """Rows of an ACLED CSV export that have notes; raises :class:`InputError` naming what is missing."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise InputError(f"cannot read the export: {exc.strerror}", where=str(path)) from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"not an ACLED export: missing column(s) {', '.join(missing)}", where=str(path))
        rows = []
        for row in reader:
            if (row.get("notes") or "").strip():
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    if not rows:
        raise InputError("no rows with notes", where=str(path))
    return rows


def _country_checker() -> Callable[[Event, dict[str, str]], bool]:
    names = {_fold(name): iso3 for iso3, name in ActorLexicon.default().countries.items()}

    def check(event: Event, row: dict[str, str]) -> bool:
        gold = (row.get("iso3") or "").strip().upper() or names.get(_fold(row.get("country")))
        return bool(gold) and (event.iso3 == gold or names.get(_fold(event.country)) == gold)

    return check


def _near(event: Event, row: dict[str, str]) -> bool:
    try:
        lat, lon = float(row.get("latitude") or "nan"), float(row.get("longitude") or "nan")
    except ValueError:
        return False
    if event.latitude is None or event.longitude is None or math.isnan(lat) or math.isnan(lon):
        return False
    return km_between(event.latitude, event.longitude, lat, lon) <= 25.0


def _checks() -> dict[str, Callable[[Event, dict[str, str]], bool]]:
    iso = _country_checker()
    return {
        "event_type": lambda e, g: e.event_type == g.get("event_type"),
        "sub_event_type": lambda e, g: e.sub_event_type == g.get("sub_event_type"),
        "inter1": lambda e, g: e.inter1 == inter_code(g.get("inter1")),
        "inter2": lambda e, g: e.inter2 == (inter_code(g.get("inter2")) or 0),
        "fatalities": lambda e, g: e.fatalities == _int(g.get("fatalities")),
        "country": iso,
        "location<=25km": _near,
        "event_date": lambda e, g: e.event_date.isoformat() == parse_date(g.get("event_date", "")),
        "admin1": lambda e, g: _fold(e.admin1) == _fold(g.get("admin1")),
        "time_precision": lambda e, g: e.time_precision == _int(g.get("time_precision")),
        "geo_precision": lambda e, g: e.geo_precision == _int(g.get("geo_precision")),
    }


def best_events(rows: list[dict[str, str]], options: PipelineOptions | None = None) -> dict[str, Event]:
    """Code each row's notes; per row id, the event with the highest confidence (first on ties)."""

    def articles() -> Iterator[Article]:
        for row in rows:
            yield Article(id=row["event_id_cnty"], text=row["notes"])

    best: dict[str, Event] = {}
    for result in Pipeline(options or PipelineOptions()).run(articles()):
        for event in getattr(result, "events", ()):
            current = best.get(event.article_id)
            if current is None or event.confidence > current.confidence:
                best[event.article_id] = event
    return best


def evaluate(rows: list[dict[str, str]], best: dict[str, Event]) -> Report:
    """Compare coded events with the export's rows."""
    report = Report(n=len(rows), with_event=len(best))
    checks = _checks()
    gold_sub: list[str] = []
    pred_sub: list[str | None] = []
    for row in rows:
        event = best.get(row["event_id_cnty"])
        gold_sub.append(row["sub_event_type"])
        pred_sub.append(event.sub_event_type if event else None)
        if event is None:
            continue
        for name, check in checks.items():
            report.right[name] += bool(check(event, row))
    report.per_class, report.macro_f1 = _classes(gold_sub, pred_sub)
    errors = Counter((g, p or "(no event)") for g, p in zip(gold_sub, pred_sub, strict=True) if g != p)
    report.confusions = [(n, g, p) for (g, p), n in errors.most_common(10)]
    return report


def _classes(
    gold: list[str], pred: list[str | None]
) -> tuple[list[tuple[str, int, int, float, float, float]], float]:
    support = Counter(gold)
    predicted = Counter(p for p in pred if p is not None)
    hits = Counter(g for g, p in zip(gold, pred, strict=True) if g == p)
    rows = []
    for label in sorted(support):
        p = hits[label] / predicted[label] if predicted[label] else 0.0
        r = hits[label] / support[label]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((label, support[label], predicted[label], p, r, f1))
    macro = sum(r[5] for r in rows) / len(rows) if rows else 0.0
    return rows, macro


def evaluate_export(
    path: str | Path, limit: int | None = None, options: PipelineOptions | None = None
) -> Report:
    """Read an ACLED export, code its notes and compare: the library behind ``sitrep eval acled``."""
    rows = read_export(path, limit)
    return evaluate(rows, best_events(rows, options))
