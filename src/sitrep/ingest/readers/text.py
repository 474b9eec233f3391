"""Plain text: decoded with a detected encoding, streamed in chunks, split by the segmenter.

A chunk is cut at a paragraph break; the last article of a chunk is carried over to the next one
so that an article is never split by chunking. An article longer than ``max_record_bytes``
(counted in characters) is rejected and skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ...models import Article, Origin, Rejection
from ..build import Found, from_segment
from ..decode import detect_encoding, looks_binary, text_stream
from ..options import ReadOptions
from ..registry import Reader
from ..segment import Segment, analyse, segment
from ..streams import peek_head

NAME = "text"
CHUNK_CHARS = 1 << 20


def sniff(head: bytes) -> float:
    """The fallback: anything that decodes to text gets a small score."""
    if not head.strip():
        return 0.0
    return 0.0 if looks_binary(head, detect_encoding(head)) else 0.1


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    head = peek_head(stream)
    encoding = detect_encoding(head, options.encoding)
    if looks_binary(head, encoding):
        yield Rejection(name, "binary data, not text")
        return
    source = text_stream(stream, encoding)
    limit = options.max_record_bytes
    count = 0
    base = 0  # character offset of `buffer` in the decoded file
    buffer = ""
    eof = False
    while not eof:
        chunk = source.read(CHUNK_CHARS)
        eof = not chunk
        buffer += chunk
        if not eof:
            cut = buffer.rfind("\n\n")
            if cut < 0:
                if len(buffer) > limit:
                    count += 1
                    yield _too_long(name, count, limit)
                    base, buffer = base + len(buffer), ""
                continue
            work, rest = buffer[: cut + 2], buffer[cut + 2 :]
        else:
            work, rest = buffer, ""
        segments = segment(work, context=options.published) if options.segment else _whole(work)
        if not eof and segments:
            carry = segments.pop()  # may continue in the next chunk
            rest = work[carry.start :] + rest
            consumed = carry.start
        else:
            consumed = len(work)
        for seg in segments:
            count += 1
            text = work[seg.start : seg.end]
            if len(text) > limit:
                yield _too_long(name, count, limit)
                continue
            origin = Origin(path=name, reader=NAME, record=str(count), offset=base + seg.start)
            yield from_segment(text, seg, Found(), origin, options)
        base += consumed
        buffer = rest
        if len(buffer) > limit:  # one article keeps growing past the limit: drop it
            count += 1
            yield _too_long(name, count, limit)
            base, buffer = base + len(buffer), ""
    if count == 0:
        yield Rejection(name, "no text (the file is empty or only whitespace)")


def _whole(text: str) -> list[Segment]:
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    if start >= end:
        return []
    seg = analyse(text[start:end])
    return [Segment(start, end, seg.title, seg.published, seg.published_from, seg.source, seg.zones)]


def _too_long(name: str, record: int, limit: int) -> Rejection:
    return Rejection(name, f"article longer than max_record_bytes ({limit:,} characters)", str(record))


READER = Reader(NAME, (".txt", ".text", ".md"), sniff, read, "plain text, several articles per file")
