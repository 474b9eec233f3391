"""WARC / WARC.gz (Common Crawl, CC-NEWS): HTTP response records holding HTML, streamed.

Records are read with warcio, streamed. (FastWARC 2 parses faster but panics on non-seekable
streams such as stdin or a gzip pipe; and trafilatura's ~5 ms per page dwarfs warcio's ~0.15 ms per
record, so the faster parser would not make WARC reading measurably faster.)

Records that are not HTTP responses with an HTML payload are skipped; a successful HTML response
becomes an article through trafilatura, with the WARC-Target-URI as url fallback and the WARC-Date
(the crawl day) as the date of last resort. The record's WARC-Record-ID is the origin's record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from ...models import Article, Origin, Rejection
from ..dates import parse_date
from ..htmltext import page_article
from ..options import ReadOptions
from ..registry import Reader
from ..streams import STREAM_ERRORS

log = logging.getLogger(__name__)

NAME = "warc"
_HTML_TYPES = ("text/html", "application/xhtml")


@dataclass(frozen=True, slots=True)
class Response:
    """What the reader needs from one WARC response record."""

    record_id: str
    uri: str | None
    crawl_date: date | None
    content_type: str
    status: int
    length: int
    body: bytes | None  # None when larger than the limit (not read)


def sniff(head: bytes) -> float:
    return 1.0 if head.lstrip(b"\r\n")[:6] == b"WARC/1" else 0.0


class MalformedWarc(Exception):
    """warcio could not parse the next record; the rest of the file cannot be trusted."""


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    responses = _responses(stream, options.max_record_bytes)
    try:
        yield from _articles(responses, name, options)
    except MalformedWarc as exc:
        yield Rejection(name, f"malformed WARC data, stopped reading this file: {exc}")


def _articles(
    responses: Iterator[Response], name: str, options: ReadOptions
) -> Iterator[Article | Rejection]:
    limit = options.max_record_bytes
    count = skipped = 0
    for index, response in enumerate(responses, start=1):
        record = response.record_id or str(index)
        if not 200 <= response.status < 300 or not response.content_type.startswith(_HTML_TYPES):
            skipped += 1
            continue
        count += 1
        if response.body is None:
            reason = f"record of {response.length:,} bytes exceeds max_record_bytes ({limit:,})"
            yield Rejection(name, reason, record)
            continue
        origin = Origin(name, NAME, record)
        yield page_article(response.body, origin, options, url=response.uri, crawl_date=response.crawl_date)
    log.debug("%s: %d HTML responses, %d other records skipped", name, count, skipped)
    if count == 0:
        yield Rejection(name, f"no HTML response records in the WARC file ({skipped} other records)")


def _responses(stream: BinaryIO, limit: int) -> Iterator[Response]:
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415

    records = iter(ArchiveIterator(stream))
    while (rec := _guarded(lambda: next(records, None))) is not None:
        if rec.rec_type != "response" or rec.http_headers is None:
            continue
        headers: Any = rec.rec_headers
        length = _int(headers.get_header("Content-Length"))
        status = _int(rec.http_headers.get_statuscode())
        body = _guarded(rec.content_stream().read) if length <= limit else None
        yield Response(
            record_id=str(headers.get_header("WARC-Record-ID") or ""),
            uri=headers.get_header("WARC-Target-URI"),
            crawl_date=parse_date(headers.get_header("WARC-Date") or ""),
            content_type=(rec.http_headers.get_header("Content-Type") or "").lower(),
            status=status,
            length=length,
            body=body,
        )


def _guarded(call: Callable[[], Any]) -> Any:
    """Run a warcio call; its parse errors (which include AttributeError and ValueError on
    records missing headers) become :class:`MalformedWarc`. Stream errors pass through."""
    from warcio.exceptions import ArchiveLoadFailed  # noqa: PLC0415
    from warcio.statusandheaders import StatusAndHeadersParserException  # noqa: PLC0415

    try:
        return call()
    except STREAM_ERRORS:
        raise
    except (ArchiveLoadFailed, StatusAndHeadersParserException, AttributeError, ValueError, TypeError) as exc:
        raise MalformedWarc(" ".join(f"{type(exc).__name__}: {exc}".split())[:200]) from exc


def _int(value: object) -> int:
    text = str(value or "").strip()
    return int(text) if text.isdigit() else 0


READER = Reader(NAME, (".warc", ".arc"), sniff, read, "WARC / WARC.gz web archive (warcio)")
