"""The reading driver: paths to streams, streams to a reader, readers to articles and rejections.

Nothing here raises on bad input: a missing file, an unknown format, a broken compressed stream
each become a :class:`Rejection` and the iteration goes on with the next input.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..models import Article, Rejection
from .options import ReadOptions
from .registry import Reader, Registry, default_registry
from .streams import STREAM_ERRORS, extension_of, open_input

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"
_GLOB_CHARS = frozenset("*?[")
# First bytes of common binary formats, to say what a rejected file is.
_MAGIC = (
    (b"%PDF", "a PDF document; convert it to text first"),
    (b"PK\x03\x04", "a ZIP archive; unpack it first"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x7fELF", "an executable"),
)


def read_paths(
    paths: Iterable[str | Path], options: ReadOptions | None = None, registry: Registry | None = None
) -> Iterator[Article | Rejection]:
    """Articles from files, directories (recursively), globs, or ``"-"`` (stdin), in order."""
    options = options or ReadOptions()
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        elif item == STDIN:
            yield from read_stream(sys.stdin.buffer, STDIN_NAME, options, registry)
        else:
            try:
                handle = open(item, "rb")  # noqa: SIM115 - closed below, after the generator ends
            except OSError as exc:
                yield Rejection(item, f"cannot open: {exc.strerror or exc}")
                continue
            with handle:
                yield from read_stream(handle, item, options, registry)


def read_bytes(
    data: bytes, name: str, options: ReadOptions | None = None, registry: Registry | None = None
) -> Iterator[Article | Rejection]:
    """Articles from an in-memory upload; ``name`` (a file name) helps choose the reader."""
    return read_stream(io.BytesIO(data), name, options or ReadOptions(), registry)


def read_stream(
    raw: BinaryIO, name: str, options: ReadOptions, registry: Registry | None = None
) -> Iterator[Article | Rejection]:
    """Articles from one binary stream (compressed or not), read record by record."""
    registry = registry or default_registry()
    try:
        stream, head, compression = open_input(raw)
    except STREAM_ERRORS as exc:
        yield Rejection(name, f"cannot read: {_describe(exc)}")
        return
    if not head.strip():
        what = f"empty {compression} stream" if compression else "empty file"
        yield Rejection(name, what if not head else what.replace("empty", "blank"))
        return
    known_binary = next((what for magic, what in _MAGIC if head.startswith(magic)), None)
    reader: Reader | None
    if options.reader:
        reader = registry.get(options.reader)
    else:
        reader = None if known_binary else registry.choose(head, extension_of(name))
    if reader is None:
        yield Rejection(name, binary_reason(head))
        return
    log.debug("reading %s with the %s reader", name, reader.name)
    count = 0
    try:
        for item in reader.read(stream, name, options):
            count += 1
            yield item
    except STREAM_ERRORS as exc:
        yield Rejection(name, f"input is truncated or corrupt after {count} record(s): {_describe(exc)}")


def binary_reason(head: bytes) -> str:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"not a supported input: {what}"
    return f"binary data, not a supported format (starts with {head[:8].hex(' ')})"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return f"compressed data ends early ({exc})"
    return f"{type(exc).__name__}: {exc}"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[str | Rejection]:
    """Each path: ``"-"`` as is, a file, every file under a directory (sorted, no hidden ones),
    or the matches of a glob; a path that names nothing becomes a rejection."""
    for path in paths:
        text = str(path)
        if text == STDIN:
            yield STDIN
        elif os.path.isdir(text):
            yield from _walk(text)
        elif os.path.exists(text):
            yield text
        elif _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield Rejection(text, "no file matches this pattern")
            for match in matches:
                yield from _walk(match) if os.path.isdir(match) else iter((match,))
        else:
            yield Rejection(text, "no such file or directory")


def _walk(directory: str) -> Iterator[str]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)
