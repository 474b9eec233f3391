"""Readers never raise on arbitrary input: every problem is a Rejection and the batch goes on."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import ReadOptions, default_registry, read_bytes
from sitrep.ingest.segment import segment
from sitrep.models import Article, Rejection

READERS = sorted(default_registry().readers)
NAMES = ["x.txt", "x.jsonl", "x.json", "x.csv", "x.html", "x.rss", "x.warc", "x.warc.gz", "x", "-"]
PREFIXES = [b"", b"WARC/1.0\r\n", b"<rss><channel><item>", b"<html><body>", b'{"text": ', b"[{", b"text,id\n"]


def _check(items: list[Article | Rejection]) -> None:
    for item in items:
        assert isinstance(item, Article | Rejection)
        if isinstance(item, Article):
            assert item.text.strip()
            for zone in item.zones:
                assert 0 <= zone.start <= zone.end <= len(item.text)
        else:
            assert item.reason


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), data=st.binary(max_size=600), name=st.sampled_from(NAMES))
def test_sniffed_readers_never_raise(prefix: bytes, data: bytes, name: str) -> None:
    _check(list(read_bytes(prefix + data, name, ReadOptions(max_record_bytes=400))))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400), reader=st.sampled_from(READERS))
def test_forced_readers_never_raise(data: bytes, reader: str) -> None:
    _check(list(read_bytes(data, "input", ReadOptions(reader=reader))))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500))
def test_text_of_any_unicode(text: str) -> None:
    for encoding in ("utf-8", "utf-16"):
        _check(list(read_bytes(text.encode(encoding, "surrogatepass"), "page.txt")))


@settings(max_examples=60, deadline=None)
@given(data=st.binary(min_size=1, max_size=300))
def test_gzip_of_anything_and_truncated(data: bytes) -> None:
    packed = gzip.compress(data)
    _check(list(read_bytes(packed, "a.gz")))
    _check(list(read_bytes(packed[: len(packed) // 2], "a.gz")))


@pytest.mark.parametrize("reader", READERS)
def test_each_reader_on_empty_and_junk(reader: str) -> None:
    for data in (b"", b"\x00\x01\x02\xff" * 50, b"\xef\xbb\xbf", b"<", b"{", b"[", b"WARC/1.0"):
        items = list(read_bytes(data, "input", ReadOptions(reader=reader)))
        _check(items)
        assert items, f"{reader} yielded nothing for {data[:10]!r}"


PIECES = [
    "Army shells rebel positions near Goma",
    "Short Url",
    "Updated 14 March 2022",
    "Published On 3 Jan 2023",
    "March 14, 2022 10:15",
    "AFP",
    "By Jane Doe",
    "HIGHLIGHTS",
    "• Dozens killed in the attack",
    "Smoke rises over Aleppo, Syria. (AFP file)",
    "KHARTOUM, Sudan, May 3 (Reuters) - Fighting broke out on Friday, witnesses said.",
    "KYIV: Shelling hit the city overnight, officials said.",
    "Troops clashed with militants near the border on Tuesday, the army said.",
    "(With AP and AFP)",
    "Reporting by Jane Doe; Editing by John Roe",
    "Follow",
    "Most read",
    "* * *",
    "",
    "  ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=40), max_size=40))
def test_segments_and_zones_are_ordered_slices(lines: list[str]) -> None:
    text = "\n".join(lines)
    previous_end = 0
    for seg in segment(text):
        assert previous_end <= seg.start < seg.end <= len(text)
        previous_end = seg.end
        length = seg.end - seg.start
        last = 0
        for zone in seg.zones:
            assert last <= zone.start <= zone.end <= length
            last = zone.end
