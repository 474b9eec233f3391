"""Plain-text segmenter: split scraped pages into articles and mark zones (first version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Zone


@dataclass(frozen=True, slots=True)
class Segment:
    """One article inside a text: its slice ``[start, end)`` and what was found in it.

    Zone offsets are relative to ``start`` (they index the article's own text).
    """

    start: int
    end: int
    title: str | None = None
    published: date | None = None
    published_from: str | None = None
    source: str | None = None
    zones: tuple[Zone, ...] = ()


def analyse(text: str, *, title: str | None = None, context: date | None = None) -> Segment:
    """Zones, title and date of a text that is one article (never split)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    first_break = text.find("\n", start)
    zones: list[Zone] = []
    found_title = title
    if 0 <= first_break < end:
        line = text[start:first_break].strip()
        if line and len(line) < 200 and line[-1] not in ".;,":
            zones.append(Zone("headline", start, start + len(line)))
            found_title = found_title or line
    return Segment(0, len(text), title=found_title, zones=tuple(zones))


def segment(text: str, *, context: date | None = None) -> list[Segment]:
    """Articles in a plain text, in order (first version: the whole text is one article)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    seg = analyse(text[start:end], context=context)
    return [Segment(start, end, seg.title, seg.published, seg.published_from, seg.source, seg.zones)]
