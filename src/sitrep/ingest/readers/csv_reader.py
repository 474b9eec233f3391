"""CSV / TSV with a header row and a text column, streamed row by row.

The delimiter is sniffed from the head (``,`` ``;`` tab ``|``). The text column is the first
header that is a known text field name (``data/ingest/fields.yaml``); failing that, the column
with the longest values in the first rows. Other columns map as for JSON (id, title, published,
url, source). A malformed row becomes a rejection naming its line, and reading goes on.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from ...models import Article, Origin, Rejection
from ..decode import decode, detect_encoding, looks_binary, text_stream
from ..options import ReadOptions
from ..records import field_names, normalise_key, record_article
from ..registry import Reader
from ..streams import peek_head

NAME = "csv"
_DELIMITERS = ",;\t|"
SAMPLE_ROWS = 20


def sniff(head: bytes) -> float:
    first = head.split(b"\n", 1)[0].lower()
    if not first or len(first) > 2000 or first.lstrip()[:1] in (b"{", b"[", b"<"):
        return 0.0
    for delimiter in _DELIMITERS.encode():
        cells = [c.strip(b' "\r') for c in first.split(bytes([delimiter]))]
        if len(cells) >= 2 and all(0 < len(c) <= 40 for c in cells):
            names = {normalise_key(c.decode("utf-8", "replace")) for c in cells}
            if names & set(field_names().names["text"]):
                return 0.5
    return 0.0


def read(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[Article | Rejection]:
    head = peek_head(stream)
    encoding = detect_encoding(head, options.encoding)
    if looks_binary(head, encoding):
        yield Rejection(name, "binary data, not CSV")
        return
    sample = decode(head, encoding)
    delimiter = "\t" if name.lower().endswith((".tsv", ".tsv.gz", ".tab")) else _delimiter(sample)
    rows = csv.reader(text_stream(stream, encoding, newline=""), delimiter=delimiter)
    try:
        header = [normalise_key(h) for h in next(rows)]
    except (StopIteration, csv.Error) as exc:
        yield Rejection(name, f"no CSV header row ({exc or 'empty file'})")
        return
    text_key = _text_column(header, sample, delimiter)
    if text_key is None:
        yield Rejection(name, f"no text column among the CSV columns {header[:12]}")
        return
    limit = options.max_record_bytes
    count = 0
    while True:
        line = rows.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Rejection(name, f"malformed CSV row: {exc}", str(line))
            continue
        if not any(cell.strip() for cell in row):
            continue
        count += 1
        record = str(line)
        if len(row) != len(header):
            yield Rejection(name, f"row has {len(row)} cells, the header has {len(header)}", record)
            continue
        if sum(map(len, row)) > limit:
            yield Rejection(name, f"row longer than max_record_bytes ({limit:,})", record)
            continue
        yield record_article(
            dict(zip(header, row, strict=True)), Origin(name, NAME, record), options, text_key
        )
    if count == 0:
        yield Rejection(name, "CSV file has a header but no rows")


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample[:8192], delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _text_column(header: list[str], sample: str, delimiter: str) -> str | None:
    names = field_names().names["text"]
    for key in names:
        if key in header:
            return key
    lengths = [0] * len(header)
    rows = csv.reader(io.StringIO(sample), delimiter=delimiter)
    try:
        next(rows)
        for _, row in zip(range(SAMPLE_ROWS), rows, strict=False):
            for i, cell in enumerate(row[: len(header)]):
                lengths[i] += len(cell)
    except csv.Error:
        pass
    best = max(range(len(header)), key=lengths.__getitem__, default=None)
    return header[best] if best is not None and lengths[best] > 0 else None


READER = Reader(NAME, (".csv", ".tsv", ".tab"), sniff, read, "CSV / TSV with a text column")
