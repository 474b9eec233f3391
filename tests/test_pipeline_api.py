"""The library entry points exported from ``sitrep``: extract() and extract_text()."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest

import sitrep
from sitrep.models import Event
from sitrep.pipeline import PipelineOptions

FIXTURES = Path(__file__).parent / "fixtures" / "core"


def test_extract_yields_events_and_logs_rejections(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sitrep.pipeline"):
        events = list(sitrep.extract([str(FIXTURES / "articles.jsonl"), str(FIXTURES / "junk.bin")]))
    assert all(isinstance(e, Event) for e in events)
    assert {e.article_id for e in events} <= {"core-1", "core-2", "core-3"}
    assert "junk.bin" in caplog.text


def test_extract_text_uses_the_content_hash_as_id() -> None:
    text = "Gunmen killed five villagers in a raid on a village in Zamfara State on Monday, police said."
    events = sitrep.extract_text(text, published=date(2024, 3, 12))
    assert all(e.article_id == sitrep.Article(id="x", text=text).content_hash for e in events)
    named = sitrep.extract_text(text, published=date(2024, 3, 12), article_id="mine")
    assert all(e.article_id == "mine" for e in named)


def failing_coder(doc: object) -> list[Event]:
    raise ValueError("coder bug")


def test_extract_text_with_a_failing_stage_raises() -> None:
    options = PipelineOptions(stages=("text",), coder="test_pipeline_api:failing_coder")
    with pytest.raises(sitrep.ExtractionError, match="coder bug"):
        sitrep.extract_text("Anything.", options=options)
