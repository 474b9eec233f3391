"""End to end on the bundled examples: every event keeps the JSON contract and its evidence points
at the article's own text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest import read_paths
from sitrep.models import EVENT_FIELDS, Rejection
from sitrep.pipeline import Pipeline, PipelineOptions, Result

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def results() -> list[Result]:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ is not in this checkout")
    out = []
    for item in Pipeline(PipelineOptions(fail_fast=True)).run(read_paths([str(EXAMPLES)])):
        assert not isinstance(item, Rejection), item
        out.append(item)
    return out


def test_examples_give_events(results: list[Result]) -> None:
    assert results and all(r.ok for r in results)
    assert sum(len(r.events) for r in results) >= len(results) // 2


def test_every_event_keeps_the_contract(results: list[Result]) -> None:
    for result in results:
        text = result.article.text
        for event in result.events:
            row = json.loads(json.dumps(event.to_dict()))
            assert list(row) == [*EVENT_FIELDS, "evidence", "claims"]
            assert 0.0 <= row["confidence"] <= 1.0
            assert row["time_precision"] in (1, 2, 3) and row["geo_precision"] in (1, 2, 3)
            assert row["article_id"] == result.article.id
            assert (
                row["fatalities_low"] <= row["fatalities"] <= max(row["fatalities_high"], row["fatalities"])
            )
            for span in row["evidence"] + row["claims"]:
                assert text[span["start"] : span["end"]] == span["text"], (event.event_id, span)


def test_process_pool_gives_the_same_events(results: list[Result]) -> None:
    options = PipelineOptions(backend="process", workers=2, chunk_size=2)
    pooled = [r for r in Pipeline(options).run(read_paths([str(EXAMPLES)])) if isinstance(r, Result)]
    assert [r.events for r in pooled] == [r.events for r in results]
