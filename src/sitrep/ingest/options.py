"""Options for reading input: one frozen object per run, passed down to every reader."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from datetime import date

from ..errors import ConfigError

DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read input files.

    - ``published``: publication date for articles that carry none of their own (``--published``).
    - ``max_record_bytes``: a single record (an HTML page, a JSON line, a CSV row, a WARC record, one
      article of a plain-text file) larger than this is rejected, never loaded whole.
    - ``encoding``: decode text with this codec instead of detecting it.
    - ``reader``: force a reader by name (``"text"``, ``"jsonl"``, ...) instead of sniffing.
    - ``source``: source name for articles whose input names none.
    - ``segment``: split plain text into several articles (``False``: one file = one article).
    - ``fast_html``: trafilatura without its fallback extractors (several times faster, a little
      less robust on unusual pages).
    """

    published: date | None = None
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    encoding: str | None = None
    reader: str | None = None
    source: str | None = None
    segment: bool = True
    fast_html: bool = False

    def __post_init__(self) -> None:
        if self.max_record_bytes < 1:
            raise ConfigError(f"max_record_bytes must be positive, got {self.max_record_bytes}")
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError as exc:
                raise ConfigError(f"unknown encoding {self.encoding!r}") from exc
