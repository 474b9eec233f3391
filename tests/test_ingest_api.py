"""The public reading API: paths, bytes, stdin, registry choice, rejections."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import date
from pathlib import Path

import pytest

from sitrep.errors import ConfigError
from sitrep.ingest import Reader, ReadOptions, default_registry, read_bytes, read_paths
from sitrep.models import Article, Origin, Rejection


def articles(items: object) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]  # type: ignore[attr-defined]


def rejections(items: object) -> list[Rejection]:
    return [x for x in items if isinstance(x, Rejection)]  # type: ignore[attr-defined]


def test_jsonl_bytes_with_aliases() -> None:
    data = (
        b'{"id": "a1", "body": "Gunmen abducted five traders near Kaduna.", "date": "2023-02-11"}\n'
        b"\n"
        b'{"text": "Police arrested 12 protesters in Goma.", "source": {"name": "Radio Okapi"}}\n'
    )
    got = list(read_bytes(data, "upload.jsonl"))
    first, second = articles(got)
    assert first.id == "a1"
    assert first.published == date(2023, 2, 11) and first.published_from == "field"
    assert first.origin is not None and first.origin.reader == "jsonl" and first.origin.record == "1"
    assert second.id == second.content_hash and second.source == "Radio Okapi"


def test_published_option_is_the_fallback() -> None:
    options = ReadOptions(published=date(2022, 3, 14))
    (article,) = articles(read_bytes(b'{"text": "Shelling hit Kharkiv."}', "x.jsonl", options))
    assert article.published == date(2022, 3, 14) and article.published_from == "option"


def test_bad_lines_do_not_stop_the_file() -> None:
    data = b'{"text": "one"}\n{broken\n[1]\n{"title": "no text"}\n{"text": "two"}\n'
    got = list(read_bytes(data, "x.jsonl"))
    assert [a.text for a in articles(got)] == ["one", "two"]
    reasons = {r.record: r.reason for r in rejections(got)}
    assert "malformed JSON" in reasons["2"]
    assert "expected a JSON object" in reasons["3"]
    assert "no text" in reasons["4"]


def test_paths_directories_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Troops clashed with rebels near Beni.\n")
    (tmp_path / "sub" / "b.jsonl").write_text('{"text": "A drone strike hit Idlib."}\n')
    (tmp_path / ".hidden").write_text("ignored")
    got = list(read_paths([tmp_path, str(tmp_path / "*.txt"), tmp_path / "missing.txt"]))
    assert [a.origin.path for a in articles(got) if a.origin] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.jsonl"),
        str(tmp_path / "a.txt"),
    ]
    (missing,) = rejections(got)
    assert missing.reason == "no such file or directory"


def test_gzip_and_truncated_gzip() -> None:
    body = b"".join(b'{"text": "Protesters marched in Khartoum (%d)."}\n' % (i * 7919) for i in range(5000))
    packed = gzip.compress(body)
    assert len(articles(read_bytes(packed, "news.jsonl.gz"))) == 5000
    got = list(read_bytes(packed[: len(packed) // 2], "news.jsonl.gz"))
    assert 0 < len(articles(got)) < 5000
    assert "truncated or corrupt" in rejections(got)[-1].reason
    (tiny,) = read_bytes(gzip.compress(b'{"text": "x"}')[:10], "tiny.jsonl.gz")
    assert isinstance(tiny, Rejection) and "ends early" in tiny.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n", "blank file"),
        (b"%PDF-1.7 binary", "PDF"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_unreadable_inputs(data: bytes, reason: str) -> None:
    (rejection,) = list(read_bytes(data, "input"))
    assert isinstance(rejection, Rejection) and reason in rejection.reason


def test_unknown_reader_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown reader"):
        list(read_bytes(b"text", "x", ReadOptions(reader="nope")))


def test_jsonl_origin_has_line_and_byte_offset() -> None:
    data = b'{"text": "one"}\n{"text": "two"}\n'
    second = articles(read_bytes(data, "x.jsonl"))[1]
    assert second.origin is not None
    assert (second.origin.record, second.origin.offset) == ("2", 16)


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b'{"text": "Clashes erupted in Tripoli."}\n'))
    monkeypatch.setattr(sys, "stdin", fake)
    (article,) = articles(read_paths(["-"]))
    assert article.origin is not None and article.origin.path == "<stdin>"
    assert article.origin.reader == "jsonl"


def test_registry_accepts_a_new_reader_without_global_state() -> None:
    def read(stream: object, name: str, options: ReadOptions) -> object:
        yield Article(id="x", text="custom", origin=Origin(name, "custom"))

    custom = Reader("custom", (".cst",), lambda head: 1.0 if head.startswith(b"CST") else 0.0, read)  # type: ignore[arg-type]
    registry = default_registry().with_reader(custom)
    (article,) = articles(read_bytes(b"CST data", "a.cst", registry=registry))
    assert article.text == "custom"
    assert "custom" not in default_registry().readers
