"""Reading input into articles: files, directories, globs, stdin and uploads, in many formats.

    read_paths(paths, options) -> Iterator[Article | Rejection]
    read_bytes(data, name, options) -> Iterator[Article | Rejection]

A reader per format (plain text, HTML, RSS/Atom, WARC, JSON Lines/JSON, CSV) is chosen by content
sniffing plus the file extension, or forced with ``ReadOptions(reader=...)``. Bad input never
raises: each problem is a :class:`~sitrep.models.Rejection` with a specific reason, and reading
goes on. Plain text is split into articles and zones by :mod:`sitrep.ingest.segment`.
"""

from __future__ import annotations

from ..models import Article, Rejection
from .options import DEFAULT_MAX_RECORD_BYTES, ReadOptions
from .reading import expand_paths, read_bytes, read_paths, read_stream
from .registry import Reader, Registry, default_registry

__all__ = [
    "DEFAULT_MAX_RECORD_BYTES",
    "Article",
    "ReadOptions",
    "Reader",
    "Registry",
    "Rejection",
    "default_registry",
    "expand_paths",
    "read_bytes",
    "read_paths",
    "read_stream",
]
