"""Byte streams: transparent decompression, a peeked head, bounded line and block reads.

Errors of a broken compressed stream (truncated gzip, corrupt bzip2/xz) surface as the exceptions
in :data:`STREAM_ERRORS`; :mod:`sitrep.ingest.reading` turns them into rejections.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from collections.abc import Iterator
from typing import BinaryIO, cast

HEAD_BYTES = 64 * 1024
CHUNK_BYTES = 1024 * 1024

# Raised while reading a damaged compressed stream (or a failing device).
STREAM_ERRORS: tuple[type[BaseException], ...] = (EOFError, zlib.error, lzma.LZMAError, OSError)

_COMPRESSIONS = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_COMPRESSED_EXTENSIONS = (".gz", ".bz2", ".xz")


class _Prefixed(io.RawIOBase):
    """A raw stream that first replays ``head`` and then reads on from ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO, error: BaseException | None = None) -> None:
        self._head = memoryview(head)
        self._rest = rest
        self._error = error  # raised once the head is replayed (the head read hit it)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            n = min(len(buffer), self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self._error is not None:
            raise self._error
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def compression_of(magic: bytes) -> str | None:
    for prefix, name in _COMPRESSIONS:
        if magic.startswith(prefix):
            return name
    return None


def decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    if compression == "gzip":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))  # reads multi-member files (WARC.gz) too
    if compression == "bzip2":
        return cast(BinaryIO, bz2.BZ2File(raw, mode="rb"))
    if compression == "xz":
        return cast(BinaryIO, lzma.LZMAFile(raw, mode="rb"))
    return raw


def read_head(stream: BinaryIO, size: int = HEAD_BYTES) -> bytes:
    """Up to ``size`` bytes, looping over short reads (a decompressor may return fewer)."""
    parts: list[bytes] = []
    read_into(stream, size, parts)
    return b"".join(parts)


def read_into(stream: BinaryIO, size: int, parts: list[bytes]) -> None:
    """Append up to ``size`` bytes to ``parts`` in pieces (kept if a later read fails)."""
    remaining = size
    while remaining > 0:
        data = stream.read(min(remaining, 8192))
        if not data:
            break
        parts.append(data)
        remaining -= len(data)


def open_input(raw: BinaryIO) -> tuple[BinaryIO, bytes, str | None]:
    """Decompress if needed; return (stream positioned at 0, head bytes, compression name)."""
    magic = read_head(raw, 8)
    compression = compression_of(magic)
    stream = decompressed(io.BufferedReader(_Prefixed(magic, raw)), compression)
    parts: list[bytes] = []
    error: BaseException | None = None
    try:
        read_into(stream, HEAD_BYTES, parts)
    except STREAM_ERRORS as exc:  # keep what decompressed; the reader meets the error after it
        if not parts:
            raise
        error = exc
    head = b"".join(parts)
    prefixed = _Prefixed(head, stream, error)
    return io.BufferedReader(prefixed, buffer_size=CHUNK_BYTES), head, compression


def extension_of(name: str) -> str:
    """The format extension of a file name, ignoring a compression suffix: 'a.warc.gz' -> '.warc'."""
    lower = name.lower()
    for suffix in _COMPRESSED_EXTENSIONS:
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
            break
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return lower[dot:] if dot > slash + 1 else ""


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(byte offset, line) for each line; ``None`` for a line longer than ``limit``, skipped unread."""
    offset = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        start = offset
        offset += len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line in bounded pieces
                more = stream.readline(CHUNK_BYTES)
                offset += len(more)
                if not more or more.endswith(b"\n"):
                    break
            yield start, None
            continue
        yield start, line


def read_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """The whole stream if it holds at most ``limit`` bytes, else None (reads at most limit + 1)."""
    data = read_head(stream, limit + 1)
    return None if len(data) > limit else data


def peek_head(stream: BinaryIO) -> bytes:
    """The first bytes of a stream opened by :func:`open_input`, without consuming them."""
    peek = getattr(stream, "peek", None)
    return bytes(peek(HEAD_BYTES)[:HEAD_BYTES]) if peek is not None else b""
