"""Bytes to text without ever crashing: BOMs, UTF-8, else charset-normalizer, else cp1252.

Detection looks at the head of the input only; the rest is decoded with the same codec and
``errors="replace"``, so a stray bad byte becomes U+FFFD instead of an exception.
"""

from __future__ import annotations

import codecs
import io
import logging
from typing import BinaryIO, TextIO

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACK_ENCODING = "cp1252"
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def _valid_utf8_prefix(head: bytes) -> bool:
    """True if ``head`` is UTF-8, allowing a multi-byte character cut at its very end."""
    for cut in range(4):
        try:
            (head[: len(head) - cut] if cut else head).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def detect_encoding(head: bytes, override: str | None = None) -> str:
    """The codec to decode an input whose first bytes are ``head``."""
    if override:
        return override
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if _valid_utf8_prefix(head):
        return "utf-8"
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only needed for non-UTF-8 input

    best = from_bytes(head[:16384]).best()
    if best is not None and best.encoding:
        return str(best.encoding)
    return FALLBACK_ENCODING


def looks_binary(head: bytes, encoding: str) -> bool:
    """True if the head is not text: NUL bytes in a byte-oriented codec, or many control chars."""
    if not head:
        return False
    if b"\x00" in head and not encoding.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        return True
    text = decode(head[:4096], encoding)
    if not text:
        return True
    controls = sum(1 for ch in text if ord(ch) in _CONTROL)
    bad = text.count("\ufffd")
    return (controls + bad) > max(2, len(text) // 50)


def decode(data: bytes, encoding: str) -> str:
    return data.decode(encoding, errors="replace")


def text_stream(stream: BinaryIO, encoding: str, newline: str | None = None) -> TextIO:
    """A text view of a binary stream that replaces undecodable bytes."""
    return io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=newline)
