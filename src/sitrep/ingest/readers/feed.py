"""RSS and Atom feeds via feedparser: each entry is an article with its own date and link.

The text is the entry's title, a blank line, then its full content when the feed carries it, else
its summary (HTML is reduced to paragraphs). Feeds are small; one larger than ``max_record_bytes``
is rejected. A feed so malformed that no entry can be read is rejected with feedparser's reason.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from ...models import Article, Origin, Rejection
from ..build import Found, clean, make_article
from ..dates import make_date
from ..decode import decode, detect_encoding
from ..htmltext import fragment_text
from ..options import ReadOptions
from ..registry import Reader
from ..streams import HEAD_BYTES, read_bounded

log = logging.getLogger(__name__)

NAME = "feed"
_DECLARATION = re.compile(rb"\s*<\?xml[^>]{0,200}?encoding=[\"']([A-Za-z0-9._-]{1,40})[\"']")
_ROOT = re.compile(rb"<(?:rss[\s>]|feed[\s>]|rdf:RDF[\s>]|channel[\s>])", re.I)


def sniff(head: bytes) -> float:
    return 0.95 if _ROOT.search(head[:4096]) else 0.0


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    import feedparser  # noqa: PLC0415 - only when a feed is read

    data = read_bounded(stream, options.max_record_bytes)
    if data is None:
        yield Rejection(name, f"feed larger than max_record_bytes ({options.max_record_bytes:,} bytes)")
        return
    # Decode here (feedparser raises on some undecodable input) and hand it UTF-8, declared as such.
    text = decode(data, options.encoding or _declared(data) or detect_encoding(data[:HEAD_BYTES]))
    parsed: Any = feedparser.parse(
        text.encode("utf-8", "replace"),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=True,
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        reason = f"malformed feed: {problem}" if problem else "feed has no entries"
        yield Rejection(name, reason)
        return
    if parsed.get("bozo"):
        log.info("%s: feed is not well-formed (%s); read what could be parsed", name, parsed.bozo_exception)
    channel = parsed.get("feed") or {}
    feed_source = clean(channel.get("title"))
    feed_date = _date(channel, "published_parsed", "updated_parsed")
    for index, entry in enumerate(entries, start=1):
        record = str(index)
        origin = Origin(name, NAME, record)
        title = clean(fragment_text(entry.get("title") or ""))
        body = _body(entry)
        if not body and not title:
            yield Rejection(name, "feed entry has neither title nor text", record)
            continue
        text = body if title is None or body.startswith(title) else f"{title}\n\n{body}".strip()
        published = _date(entry, "published_parsed", "updated_parsed", "created_parsed") or feed_date
        source = entry.get("source") or {}
        found = Found(
            title=title,
            published=published,
            published_from="feed" if published else None,
            source=clean(source.get("title")) or feed_source,
            url=clean(entry.get("link")),
            language=clean(channel.get("language")),
        )
        yield make_article(text, found, origin, options)


def _declared(data: bytes) -> str | None:
    """The encoding named in the XML declaration, when Python knows it."""
    m = _DECLARATION.match(data)
    if m is None:
        return None
    name = m.group(1).decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _body(entry: Any) -> str:
    """The longest of the entry's full content and its summary, as text."""
    candidates = [c.get("value") or "" for c in entry.get("content") or []]
    candidates.append(entry.get("summary") or "")
    texts = [fragment_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _date(entry: Any, *keys: str) -> date | None:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            found = make_date(value.tm_year, value.tm_mon, value.tm_mday)
            if found is not None:
                return found
    return None


READER = Reader(NAME, (".rss", ".atom", ".xml", ".rdf"), sniff, read, "RSS / Atom feed (feedparser)")
