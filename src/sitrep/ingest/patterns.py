"""The segmenter's compiled patterns, built once from ``furniture.yaml`` and ``credits.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import DataFileError
from ..resources import load_yaml, require
from .dates import grammar

FURNITURE_FILE = "ingest/furniture.yaml"
CREDITS_FILE = "ingest/credits.yaml"
DATE_KINDS = ("published", "updated")
_LINE_TRIM = " \t:|»>•·-–—"


@dataclass(frozen=True, slots=True)
class Patterns:
    header_lines: frozenset[str]
    lines: frozenset[str]
    list_headers: frozenset[str]
    furniture: re.Pattern[str]
    date_line: re.Pattern[str]  # group 1: keyword
    date_kinds: dict[str, str]  # keyword (lower) -> published/updated
    max_date_line: int
    highlights: frozenset[str]
    byline: re.Pattern[str]
    agency_line: re.Pattern[str]
    agencies: re.Pattern[str]
    caption_tail: re.Pattern[str]
    caption_signal: re.Pattern[str]  # "/" or a caption signal word, in a lower-case tail
    caption_head: re.Pattern[str]
    max_caption: int
    credit: re.Pattern[str]
    max_credit: int
    credit_endings: tuple[str, ...]
    dateline: re.Pattern[str]


def line_key(line: str) -> str:
    """A line as compared with the exact furniture lists: lower case, trailing marks removed."""
    return line.strip(_LINE_TRIM).lower()


def _mapping(name: str) -> dict[str, Any]:
    data = load_yaml(name)
    require(isinstance(data, dict), name, "top level", "must be a mapping")
    require(data.get("version") == 1, name, "version", "unsupported version (expected 1)")
    return dict(data)


def _strings(data: dict[str, Any], key: str, name: str) -> list[str]:
    value: Any = data.get(key)
    require(isinstance(value, list) and bool(value), name, key, "needs a non-empty list")
    for item in value:
        require(isinstance(item, str) and bool(item.strip()), name, key, f"bad entry {item!r}")
    return list(value)


def _positive(data: dict[str, Any], key: str, name: str) -> int:
    value: Any = data.get(key)
    require(isinstance(value, int) and value > 0, name, key, "needs a positive integer")
    return int(value)


def _compile(sources: list[str], name: str, key: str, flags: int, agency: str = "") -> re.Pattern[str]:
    parts = []
    for source in sources:
        expanded = source.replace("{AGENCY}", agency)
        try:
            re.compile(expanded)
        except re.error as exc:
            raise DataFileError(f"entry {source!r} in {key}: invalid regex: {exc}", where=name) from exc
        parts.append(f"(?:{expanded})")
    return re.compile("|".join(parts), flags)


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.strip() for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


@cache
def patterns() -> Patterns:
    f = _mapping(FURNITURE_FILE)
    c = _mapping(CREDITS_FILE)
    date_kinds: dict[str, str] = {}
    entries: Any = f.get("date_lines")
    require(isinstance(entries, list) and bool(entries), FURNITURE_FILE, "date_lines", "needs a list")
    for entry in entries:
        ok = isinstance(entry, dict) and isinstance(entry.get("keyword"), str)
        require(ok and entry.get("kind") in DATE_KINDS, FURNITURE_FILE, entry, f"kind: {DATE_KINDS}")
        date_kinds[" ".join(entry["keyword"].lower().split())] = entry["kind"]
    keywords = _alternation(list(date_kinds))
    agency = r"\b" + _alternation(_strings(c, "agencies", CREDITS_FILE)) + r"\b"
    month_day = grammar().month_day.pattern
    # "KHARTOUM, Sudan, May 3 (Reuters) - ", "MOGADISHU (AP) — ", "Kano, Nigeria (AFP) -",
    # "KHARTOUM: ". Group place, date, agency, separator; shape checks are in the segmenter.
    place = r"[A-Z][\w'’.\-]*(?:[ ][A-Za-z][\w'’.\-]*){0,3}"
    dateline = (
        rf"(?P<place>{place}(?:,[ ]{place}){{0,2}})"
        rf"(?:,?[ ](?P<date>(?i:{month_day})))?"
        r"(?:[ ]?\((?P<agency>[A-Z][\w.\- /]{1,30})\))?"
        r"[ ]*(?P<sep>--|[-—–:])[ ]+(?=\S)"
    )
    return Patterns(
        header_lines=frozenset(line_key(x) for x in _strings(f, "header_lines", FURNITURE_FILE)),
        lines=frozenset(line_key(x) for x in _strings(f, "lines", FURNITURE_FILE)),
        list_headers=frozenset(line_key(x) for x in _strings(f, "list_headers", FURNITURE_FILE)),
        furniture=_compile(_strings(f, "patterns", FURNITURE_FILE), FURNITURE_FILE, "patterns", re.I),
        date_line=re.compile(rf"(?:\W{{0,3}})({keywords})\b\s*(?:on|at|:)?\s*:?\s*", re.I),
        date_kinds=date_kinds,
        max_date_line=_positive(f, "max_date_line", FURNITURE_FILE),
        highlights=frozenset(line_key(x) for x in _strings(f, "highlights_headers", FURNITURE_FILE)),
        byline=_compile(_strings(f, "bylines", FURNITURE_FILE), FURNITURE_FILE, "bylines", 0),
        agency_line=re.compile(rf"(?:(?:by|source:?)\s+|[-–—]{{1,2}}\s*)?{agency}\.?", re.I),
        agencies=re.compile(agency, re.I),
        caption_tail=_compile(
            [f"(?:{s})\\s*$" for s in _strings(c, "caption_tails", CREDITS_FILE)],
            CREDITS_FILE,
            "caption_tails",
            re.I,
            agency,
        ),
        caption_signal=re.compile(
            "|".join(
                re.escape(x)
                for x in ("/", *(x.lower() for x in _strings(c, "caption_signals", CREDITS_FILE)))
            )
        ),
        caption_head=_compile(
            _strings(c, "caption_heads", CREDITS_FILE), CREDITS_FILE, "caption_heads", re.I
        ),
        max_caption=_positive(c, "max_caption", CREDITS_FILE),
        credit=_compile(
            _strings(c, "credit_lines", CREDITS_FILE), CREDITS_FILE, "credit_lines", re.I, agency
        ),
        max_credit=_positive(c, "max_credit", CREDITS_FILE),
        credit_endings=tuple(x.lower() for x in _strings(c, "credit_endings", CREDITS_FILE)),
        dateline=re.compile(dateline),
    )
