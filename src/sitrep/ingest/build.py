"""Turning what a reader found (a text plus metadata) into an :class:`Article`.

Every reader ends here, so ids, dates and zones follow one policy:

- ``id``: the caller's id when the input has one, else the content hash of the text.
- ``text``: kept exactly as the reader produced it (offsets index it); zones come from
  :func:`sitrep.ingest.segment.analyse` (headline, dateline, highlights, caption, credit, furniture).
- ``published``: the input's own metadata first (field, HTML meta, feed, WARC header), then a
  date line or dateline in the text, then ``ReadOptions.published``; ``published_from`` says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Article, Origin, Rejection, content_hash
from .options import ReadOptions
from .segment import Segment, analyse


@dataclass(frozen=True, slots=True)
class Found:
    """Metadata a reader found next to the text; any of it may be missing."""

    id: str | None = None
    title: str | None = None
    published: date | None = None
    published_from: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


def clean(value: object) -> str | None:
    """A metadata string, stripped, or None when empty or not a string/number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = " ".join(str(value).split())
        return text or None
    return None


def from_segment(
    text: str, seg: Segment, found: Found, origin: Origin, options: ReadOptions
) -> Article | Rejection:
    """An article whose text and zones come from a segment of a plain-text input."""
    if seg.zones and all(zone.kind == "furniture" for zone in seg.zones):
        return Rejection(origin.path, "only page furniture, no article text", origin.record)
    published, published_from = found.published, found.published_from
    if published is None and seg.published is not None:
        published, published_from = seg.published, seg.published_from
    if published is None and options.published is not None:
        published, published_from = options.published, "option"
    return Article(
        id=found.id or content_hash(text),
        text=text,
        title=found.title or seg.title,
        published=published,
        published_from=published_from if published is not None else None,
        source=found.source or seg.source or options.source,
        url=found.url,
        zones=seg.zones,
        origin=origin,
        language=found.language,
    )


def make_article(text: str, found: Found, origin: Origin, options: ReadOptions) -> Article | Rejection:
    """One input record = one article (never split); zones and fallback title/date from the text."""
    if not text.strip():
        return Rejection(origin.path, "record has no text", origin.record)
    if len(text) > options.max_record_bytes:
        return Rejection(
            origin.path,
            f"text of {len(text):,} characters exceeds max_record_bytes ({options.max_record_bytes:,})",
            origin.record,
        )
    seg = analyse(text, title=found.title, context=found.published or options.published)
    return from_segment(text, seg, found, origin, options)
