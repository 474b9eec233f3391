"""Each reader on realistic fixtures: HTML, RSS/Atom, WARC, JSON, CSV, encodings, limits."""

from __future__ import annotations

import gzip
import io
from datetime import date
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest import ReadOptions, read_bytes, read_paths
from sitrep.models import Article, Rejection

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HTML = (FIXTURES / "somalia_page.html").read_bytes()


def split(items: object) -> tuple[list[Article], list[Rejection]]:
    got = list(items)  # type: ignore[call-overload]
    return [x for x in got if isinstance(x, Article)], [x for x in got if isinstance(x, Rejection)]


def make_warc(records: list[tuple[str, str, bytes]], *, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "sitrep tests"}))
    for index, (status, content_type, body) in enumerate(records):
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://horndaily.example/page/{index}",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-06-12T10:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_html_page() -> None:
    (article,), rejected = split(read_paths([FIXTURES / "somalia_page.html"]))
    assert not rejected
    assert article.title == "Car bomb kills six at checkpoint near Mogadishu"
    assert article.published == date(2023, 6, 11) and article.published_from == "html-meta"
    assert article.url == "https://horndaily.example/news/2023/06/car-bomb-checkpoint-mogadishu"
    assert article.source == "Horn Daily Monitor"
    assert article.origin is not None and article.origin.reader == "html"
    assert article.text.startswith(article.title)
    assert "Al-Shabaab said" in article.text
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    assert [z.kind for z in article.zones][:2] == ["headline", "dateline"]


def test_html_without_main_text_is_rejected() -> None:
    (rejection,) = list(read_bytes(b"<html><body><nav>Home</nav></body></html>", "empty.html"))
    assert isinstance(rejection, Rejection)
    assert "no main text" in rejection.reason or "only page furniture" in rejection.reason


def test_rss_feed_entries() -> None:
    (first, second), rejected = split(read_paths([FIXTURES / "conflict_feed.rss"]))
    assert not rejected
    assert first.title == "Rebels and army clash near Rutshuru, thousands flee"
    assert first.published == date(2023, 2, 7) and first.published_from == "feed"
    assert first.url == "https://greatlakeswire.example/2023/02/rebels-army-clash-rutshuru"
    assert first.source == "Great Lakes Wire"
    assert "At least nine fighters were killed" in first.text  # full content, not the summary
    assert "\n\nAt least nine" in first.text  # paragraphs kept
    assert second.text.endswith("witnesses said. Police watched but did not intervene.")
    assert first.origin is not None and first.origin.record == "1"


def test_atom_feed_with_summary_only() -> None:
    atom = b"""<?xml version="1.0" encoding="iso-8859-1"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Sahel Notes</title>
<entry><title>Protesters rally in Niamey</title><link href="https://sahel.example/1"/>
<id>tag:sahel.example,2023:1</id><updated>2023-08-06T10:00:00Z</updated>
<summary>Thousands rallied in Niamey on Sunday, witnesses said. Caf\xe9 owners closed early.</summary>
</entry></feed>"""
    (article,), _ = split(read_bytes(atom, "sahel.atom"))
    assert article.published == date(2023, 8, 6) and article.source == "Sahel Notes"
    assert "Café owners" in article.text


def test_malformed_feed_is_rejected_with_reason() -> None:
    (rejection,) = list(read_bytes(b"<rss><channel><title>x</title>", "broken.rss"))
    assert isinstance(rejection, Rejection)
    assert "malformed" in rejection.reason or "no entries" in rejection.reason


def test_warc_gz_records() -> None:
    data = make_warc(
        [
            ("200 OK", "text/html; charset=utf-8", HTML),
            ("301 Moved Permanently", "text/html", b""),
            ("200 OK", "image/jpeg", b"\xff\xd8\xff\xe0"),
            ("200 OK", "text/html", HTML.replace(b'<meta property="article:published_time"', b"<meta x")),
        ]
    )
    articles, rejected = split(read_bytes(data, "crawl.warc.gz"))
    assert not rejected and len(articles) == 2
    records = [a.origin.record for a in articles if a.origin and a.origin.record]
    assert len(records) == 2 and all(r.startswith("<urn:uuid:") for r in records)
    assert articles[0].published_from == "html-meta"
    assert articles[0].url == "https://horndaily.example/news/2023/06/car-bomb-checkpoint-mogadishu"


def test_truncated_warc_gz_keeps_earlier_records() -> None:
    data = make_warc([("200 OK", "text/html", HTML)] * 30)
    articles, rejected = split(read_bytes(data[: len(data) * 2 // 3], "crawl.warc.gz"))
    assert 0 < len(articles) < 30
    assert rejected and "truncated or corrupt" in rejected[-1].reason


def test_oversized_warc_record_is_rejected() -> None:
    data = make_warc([("200 OK", "text/html", HTML)], compress=False)
    (rejection,) = list(read_bytes(data, "crawl.warc", ReadOptions(max_record_bytes=1000)))
    assert isinstance(rejection, Rejection) and "exceeds max_record_bytes" in rejection.reason


def test_csv_detects_text_column_and_maps_others() -> None:
    data = (
        b"story_id;heading;story;pub_date;permalink\n"
        b's1;Mob burns police post;"A mob set fire to a police post in Kano, witnesses said.";'
        b"14/04/2023;https://x.example/1\n"
        b"s2;Empty;;2023-04-15;\n"
    )
    (article,), (rejection,) = split(read_bytes(data, "stories.csv"))
    assert article.id == "s1" and article.title == "Mob burns police post"
    assert article.published == date(2023, 4, 14) and article.url == "https://x.example/1"
    assert rejection.record == "3" and "no text" in rejection.reason


def test_csv_without_known_text_column_uses_the_longest() -> None:
    data = b"a,b\nshort,Soldiers clashed with gunmen near the border on Tuesday night.\n"
    (article,), _ = split(read_bytes(data, "x.csv"))
    assert article.text.startswith("Soldiers clashed")


def test_json_array_and_document() -> None:
    array = b'[{"id": 1, "content": "Shelling hit Donetsk."}, 5, {"body": "Clashes in Tripoli."}]'
    articles, rejected = split(read_bytes(array, "x.json"))
    assert articles[0].id == "1" and len(articles) == 2 and len(rejected) == 1
    document = (
        b'{\n "status": "ok",\n "articles": [\n  {"title": "T", "description": "Riot in Dakar."}\n ]\n}'
    )
    (article,), _ = split(read_bytes(document, "news.json"))
    assert article.text == "Riot in Dakar." and article.title == "T"


def test_big_json_array_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("w") as out:
        out.write("[")
        out.write(",".join(f'{{"id": "{i}", "text": "Report {i} of fighting."}}' for i in range(30000)))
        out.write("]")
    articles, rejected = split(read_paths([path]))
    assert len(articles) == 30000 and not rejected and articles[-1].id == "29999"


def test_jsonl_oversized_line_is_rejected_and_reading_goes_on() -> None:
    data = b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "short"}\n'
    articles, (rejection,) = split(read_bytes(data, "x.jsonl", ReadOptions(max_record_bytes=1000)))
    assert [a.text for a in articles] == ["short"]
    assert rejection.record == "1" and "longer than max_record_bytes" in rejection.reason


def test_encodings_cp1252_utf16_and_override() -> None:
    text = "Protesters gathered in Bouaké on Friday, the café owner said.\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        (article,), _ = split(read_bytes(text.encode(encoding), "a.txt"))
        assert "Bouaké" in article.text and "café" in article.text, encoding
    (forced,), _ = split(read_bytes(text.encode("latin-1"), "a.txt", ReadOptions(encoding="latin-1")))
    assert "Bouaké" in forced.text


def test_invalid_utf8_bytes_are_replaced_not_fatal() -> None:
    data = b"Shelling in Kharkiv \xff\xfe killed two people on Monday, officials said.\n" * 3
    articles, _ = split(read_bytes(data, "a.txt"))
    assert articles and "Kharkiv" in articles[0].text


def test_long_plain_text_file_is_streamed_in_chunks(tmp_path: Path) -> None:
    story = (
        "Militants attack army base near Gao number {i}\nShort Url\nUpdated 3 May 2023\n"
        "Militants attacked an army base near Gao on Tuesday, the army said in statement {i}.\n"
        "(With AFP)\n\n"
    )
    path = tmp_path / "big.txt"
    with path.open("w") as out:
        for i in range(12000):  # ~2.5 MB: several 1 MB chunks
            out.write(story.format(i=i))
    articles, rejected = split(read_paths([path]))
    assert not rejected and len(articles) == 12000
    page = path.read_text()
    for article in articles[::997]:
        assert article.origin is not None and article.origin.offset is not None
        assert page[article.origin.offset :].startswith(article.text)
    assert articles[5000].title == "Militants attack army base near Gao number 5000"


def test_gzip_text_and_stdin_name(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress((FIXTURES / "glued_page.txt").read_bytes()))
    articles, _ = split(read_paths([path]))
    assert len(articles) == 3
