"""An event with the article text around its evidence: the sentences that hold each evidence span
and each claim, as passages with the spans' offsets inside them (for highlighting)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..models import Article, Event
from ..text import split_sentences

MAX_PASSAGE = 1200  # characters; a longer sentence is cut around its spans


def _article_ref(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "url": article.url,
    }


def passages(article: Article, event: Event) -> list[dict[str, Any]]:
    """Sentences holding the event's evidence and claims, merged when adjacent, in text order."""
    text = article.text
    spans: list[dict[str, Any]] = []
    for ev in event.evidence:
        spans.append({"kind": "evidence", "field": ev.field, "start": ev.start, "end": ev.end})
    for claim in event.claims:
        spans.append({"kind": "claim", "field": claim.field, "start": claim.start, "end": claim.end,
                      "value": claim.value, "source": claim.source})  # fmt: skip
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= len(text)]
    if not spans:
        return []
    sentences = split_sentences(text, article.zones) or []
    starts = [s.start for s in sentences]
    windows: list[list[int]] = []
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        i = max(bisect_right(starts, span["start"]) - 1, 0)
        low = sentences[i].start if sentences else 0
        j = i
        while sentences and j + 1 < len(sentences) and sentences[j].end < span["end"]:
            j += 1
        high = sentences[j].end if sentences else len(text)
        low, high = min(low, span["start"]), max(high, span["end"])
        if high - low > MAX_PASSAGE:
            low = max(low, span["start"] - MAX_PASSAGE // 2)
            high = min(high, max(span["end"], low + MAX_PASSAGE))
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    out = []
    for low, high in windows:
        inside = [
            {**s, "start": s["start"] - low, "end": s["end"] - low}
            for s in spans
            if low <= s["start"] and s["end"] <= high
        ]
        out.append(
            {"zone": article.zone_at(low), "start": low, "end": high, "text": text[low:high], "spans": inside}
        )
    return out


def detail(key: str, event: Event, article: Article | None) -> dict[str, Any]:
    """The body of ``GET /api/events/{id}``."""
    fields = event.to_dict()
    claims = fields.pop("claims")
    return {
        "event": {"id": key, **fields},
        "claims": claims,
        "article": _article_ref(article) if article else None,
        "passages": passages(article, event) if article else [],
    }


def article_body(article: Article, events: list[str], error: str | None) -> dict[str, Any]:
    """The body of ``GET /api/articles/{id}``."""
    origin = article.origin
    return {
        **_article_ref(article),
        "published_from": article.published_from,
        "language": article.language,
        "origin": {"path": origin.path, "reader": origin.reader, "record": origin.record} if origin else None,
        "zones": [{"kind": z.kind, "start": z.start, "end": z.end} for z in article.zones],
        "text": article.text,
        "error": error,
        "events": events,
    }
