"""HTML pages: main text, title, date, canonical url and site name via trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from ...models import Article, Origin, Rejection
from ..htmltext import page_article
from ..options import ReadOptions
from ..registry import Reader
from ..streams import read_bounded

NAME = "html"
_MARKERS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]", re.I)


def sniff(head: bytes) -> float:
    start = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:14].lower() == b"<!doctype html" or start[:5].lower() == b"<html":
        return 0.9
    return 0.6 if _MARKERS.search(head[:4096]) else 0.0


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    data = read_bounded(stream, options.max_record_bytes)
    if data is None:
        yield Rejection(name, f"HTML page larger than max_record_bytes ({options.max_record_bytes:,} bytes)")
        return
    yield page_article(data, Origin(name, NAME, None), options)


READER = Reader(NAME, (".html", ".htm", ".xhtml", ".shtml"), sniff, read, "HTML page (trafilatura)")
