"""JSON Lines and JSON: one object per line, a (streamed) array of objects, or one document.

Each object is a record mapped to an article through ``data/ingest/fields.yaml`` (id, text, title,
published, url, source and their common aliases). A malformed line, a non-object, or a record
without text becomes a rejection naming the line; reading goes on with the next line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from ...models import Article, Origin, Rejection
from ..decode import detect_encoding, text_stream
from ..options import ReadOptions
from ..records import field_names, normalise_key, record_article
from ..registry import Reader
from ..streams import CHUNK_BYTES, bounded_lines, peek_head, read_bounded

NAME = "jsonl"
_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*([\[{])\s*([\"{\]}]?)")
_DECODER = json.JSONDecoder()


def sniff(head: bytes) -> float:
    m = _START.match(head)
    if m is None:
        return 0.0
    opener, follower = m.groups()
    if opener == b"{":
        return 0.8 if follower in (b'"', b"}") else 0.2
    return 0.8 if follower in (b"{", b"]") else 0.1


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    head = peek_head(stream)
    encoding = detect_encoding(head, options.encoding)
    if not head.strip():
        yield Rejection(name, "empty file")
        return
    opener = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if opener == b"[":
        yield from _array(stream, name, options, encoding)
    elif opener == b"{" and not _first_line_complete(head, encoding):
        yield from _document(stream, name, options, encoding)
    else:
        yield from _lines(stream, name, options, encoding)


def _first_line_complete(head: bytes, encoding: str) -> bool:
    line = head.split(b"\n", 1)[0]
    try:
        json.loads(line.decode(encoding, errors="replace"))
    except json.JSONDecodeError:
        return False
    return True


def _lines(stream: BinaryIO, name: str, options: ReadOptions, encoding: str) -> Iterator[Article | Rejection]:
    limit = options.max_record_bytes
    ascii_compatible = not encoding.replace("_", "-").startswith(("utf-16", "utf-32"))
    lines: Iterator[tuple[int, bytes | None]] | Iterator[tuple[int, str | None]]
    lines = bounded_lines(stream, limit) if ascii_compatible else _text_lines(stream, encoding, limit)
    seen = 0
    for lineno, (offset, line) in enumerate(lines, start=1):
        record = str(lineno)
        if line is None:
            yield Rejection(name, f"line longer than max_record_bytes ({limit:,} bytes)", record)
            continue
        if not line.strip():
            continue
        seen += 1
        text = line if isinstance(line, str) else line.decode(encoding, errors="replace")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Rejection(name, f"malformed JSON: {exc.msg} at column {exc.colno}", record)
            continue
        yield _record(value, name, record, options, offset if ascii_compatible else None)
    if seen == 0:
        yield Rejection(name, "no JSON records (the file is empty or only whitespace)")


def _text_lines(stream: BinaryIO, encoding: str, limit: int) -> Iterator[tuple[int, str | None]]:
    source = text_stream(stream, encoding)
    while True:
        line = source.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            while (more := source.readline(CHUNK_BYTES)) and not more.endswith("\n"):
                pass
            yield 0, None
            continue
        yield 0, line


def _array(stream: BinaryIO, name: str, options: ReadOptions, encoding: str) -> Iterator[Article | Rejection]:
    """Objects of a top-level JSON array, decoded one at a time from a sliding buffer."""
    source = text_stream(stream, encoding)
    buf = source.read(CHUNK_BYTES)
    pos = buf.find("[") + 1
    if pos == 0:
        yield Rejection(name, f"not a JSON array when decoded as {encoding}")
        return
    index = 0
    eof = False
    while True:
        while pos < len(buf) and buf[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(buf):
            if eof:
                yield Rejection(name, "truncated JSON array (no closing ']')")
                return
            more = source.read(CHUNK_BYTES)
            eof = not more
            buf, pos = buf[pos:] + more, 0
            continue
        if buf[pos] == "]":
            if index == 0:
                yield Rejection(name, "empty JSON array")
            return
        try:
            value, end = _DECODER.raw_decode(buf, pos)
        except json.JSONDecodeError as exc:
            if eof or len(buf) - pos > options.max_record_bytes:
                reason = (
                    f"malformed JSON in array item {index + 1}: {exc.msg}"
                    if eof
                    else f"array item {index + 1} longer than max_record_bytes"
                )
                yield Rejection(name, reason + "; stopped reading this file", str(index + 1))
                return
            more = source.read(CHUNK_BYTES)
            eof = not more
            buf, pos = buf[pos:] + more, 0
            continue
        index += 1
        yield _record(value, name, str(index), options)
        pos = end
        if pos > CHUNK_BYTES:
            buf, pos = buf[pos:], 0


def _document(
    stream: BinaryIO, name: str, options: ReadOptions, encoding: str
) -> Iterator[Article | Rejection]:
    """One JSON document: an article object, or an object holding a list of article objects."""
    data = read_bounded(stream, options.max_record_bytes)
    if data is None:
        yield Rejection(name, "JSON document larger than max_record_bytes; use JSON Lines for big inputs")
        return
    try:
        value = json.loads(data.decode(encoding, errors="replace"))
    except json.JSONDecodeError as exc:
        yield Rejection(name, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    if isinstance(value, Mapping) and field_names().lookup(_normalised(value), "text") is None:
        items = next((v for v in value.values() if isinstance(v, list) and v), None)
        if items is not None:
            for index, item in enumerate(items, start=1):
                yield _record(item, name, str(index), options)
            return
    yield _record(value, name, "1", options)


def _normalised(value: Mapping[Any, Any]) -> dict[str, Any]:
    return {normalise_key(k): v for k, v in value.items()}


def _record(
    value: Any, name: str, record: str, options: ReadOptions, offset: int | None = None
) -> Article | Rejection:
    if not isinstance(value, Mapping):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        return Rejection(name, f"expected a JSON object, found {kind}", record)
    return record_article(_normalised(value), Origin(name, NAME, record, offset), options)


READER = Reader(NAME, (".jsonl", ".ndjson", ".jsonlines", ".json"), sniff, read, "JSON Lines / JSON")
