"""The pipeline runner (sitrep.pipeline): stage order, per-article errors, backends, order of results."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from sitrep.errors import ConfigError, ExtractionError
from sitrep.models import READ_DATE_RULE, Article, Doc, Event, Evidence, Rejection, Span
from sitrep.pipeline import NoteCounts, Pipeline, PipelineOptions, Result, check_order
from sitrep.text import TextStage

# Stages and a coder that tests name as "test_pipeline:..." so that worker processes can build them.


class MarkStage:
    name = "mark"
    requires: tuple[str, ...] = ("sentence",)
    assigns: tuple[str, ...] = ("mark",)

    def __call__(self, doc: Doc) -> None:
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        doc.add("mark", [Span(s.start, s.end, "mark", "x") for s in doc.layer("sentence")])


class NeedsLaterStage:
    name = "early"
    requires: tuple[str, ...] = ("mark",)
    assigns: tuple[str, ...] = ("early",)

    def __call__(self, doc: Doc) -> None:  # pragma: no cover - never runs
        raise AssertionError


def one_event_per_sentence(doc: Doc) -> list[Event]:
    return [
        Event(
            event_id=f"{doc.article.id}-{i}",
            event_date=doc.article.published or date(2024, 1, 1),
            time_precision=1,
            disorder_type="Political violence",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="A",
            article_id=doc.article.id,
            confidence=0.2 if "weak" in doc.text[s.start : s.end] else 0.9,
        )
        for i, s in enumerate(doc.layer("mark"))
    ]


OPTIONS = PipelineOptions(
    stages=("text", "test_pipeline:MarkStage"), coder="test_pipeline:one_event_per_sentence"
)


def articles(n: int) -> list[Article]:
    return [Article(id=f"a{i}", text=f"Article {i} first. A weak second.") for i in range(n)]


def test_inline_run_codes_events() -> None:
    (result,) = Pipeline(OPTIONS).run(articles(1))
    assert isinstance(result, Result) and result.ok
    assert [e.event_id for e in result.events] == ["a0-0", "a0-1"]


def test_min_confidence_filters() -> None:
    options = PipelineOptions(stages=OPTIONS.stages, coder=OPTIONS.coder, min_confidence=0.5)
    result = Pipeline(options).process(articles(1)[0])
    assert [e.event_id for e in result.events] == ["a0-0"]


def test_stage_failure_is_recorded_per_article_and_batch_goes_on(caplog: pytest.LogCaptureFixture) -> None:
    items = [Article(id="bad", text="BOOM here."), *articles(1)]
    with caplog.at_level(logging.ERROR):
        results = list(Pipeline(OPTIONS).run(items))
    assert isinstance(results[0], Result) and isinstance(results[0].error, ExtractionError)
    assert "bad" in str(results[0].error) and "mark" in str(results[0].error)
    assert isinstance(results[1], Result) and results[1].ok
    assert "boom" in caplog.text


class NoteStage:
    name = "note"
    requires: tuple[str, ...] = ("sentence",)
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Doc) -> None:
        if doc.article.published is None:
            doc.notes.append("no publication date")
        if "BOOM" in doc.text:
            raise RuntimeError("boom")


def read_day_coder(doc: Doc) -> list[Event]:
    """One event, dated by the read day when the article has no date."""
    rule = "date.test" if doc.article.published else READ_DATE_RULE
    return [
        Event(
            event_id=f"{doc.article.id}-0", event_date=date(2024, 1, 1), time_precision=3,
            disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
            actor1="A", confidence=0.9, evidence=(Evidence("actor1", 0, 1, "A", READ_DATE_RULE),
                                                  Evidence("event_date", 0, 1, "A", rule)),
        )
    ]  # fmt: skip


def test_results_carry_the_doc_notes_and_note_counts_add_them_up() -> None:
    options = PipelineOptions(
        stages=("text", "test_pipeline:NoteStage"), coder="test_pipeline:read_day_coder"
    )
    items = [
        Article(id="undated", text="Fighting."),
        Article(id="dated", text="Fighting.", published=date(2024, 1, 2)),
        Article(id="broken", text="BOOM."),
    ]
    results = [r for r in Pipeline(options).run(items) if isinstance(r, Result)]
    assert [r.notes for r in results] == [("no publication date",), (), ("no publication date",)]
    assert results[2].error is not None  # a failed article keeps the notes made before the failure
    assert [e.dated_by_read_day for r in results[:2] for e in r.events] == [True, False]
    counts = NoteCounts()
    for result in results:
        counts.add(result)
    assert counts == NoteCounts(undated_articles=2, read_date_events=1, noted_articles=2)
    assert counts.to_dict() == {"articles_undated": 2, "events_read_date": 1, "articles_with_notes": 2}


def test_fail_fast_reraises() -> None:
    options = PipelineOptions(stages=OPTIONS.stages, coder=OPTIONS.coder, fail_fast=True)
    with pytest.raises(RuntimeError, match="boom"):
        Pipeline(options).process(Article(id="bad", text="BOOM."))


def test_stage_order_is_checked() -> None:
    with pytest.raises(ConfigError, match="assigns later"):
        check_order([NeedsLaterStage(), MarkStage()])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="no stage assigns"):
        check_order([MarkStage()])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="reorder"):
        Pipeline(PipelineOptions(stages=("test_pipeline:MarkStage", "text"), code=False)).check()


def test_missing_stage_module_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    options = PipelineOptions(stages=("text", "sitrep.not_built_yet:Stage"), code=False, keep_docs=True)
    with caplog.at_level(logging.WARNING):
        result = Pipeline(options).process(Article(id="x", text="One. Two."))
    assert "not available" in caplog.text
    assert result.doc is not None and len(result.doc.layer("sentence")) == 2


@pytest.mark.parametrize(
    "bad",
    [
        {"backend": "threads"},
        {"workers": 0},
        {"chunk_size": 0},
        {"min_confidence": 1.5},
        {"stages": ("text", "nonsense")},
    ],
)
def test_options_are_validated(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        PipelineOptions(**bad)  # type: ignore[arg-type]


def test_ready_built_stages_run_inline_only() -> None:
    doc = (
        Pipeline(PipelineOptions(code=False, keep_docs=True), stages=[TextStage(), MarkStage()])
        .process(Article(id="x", text="One."))
        .doc
    )
    assert doc is not None and len(doc.layer("mark")) == 1
    with pytest.raises(ConfigError):
        Pipeline(PipelineOptions(backend="process"), stages=[MarkStage()])  # type: ignore[list-item]


def test_process_pool_keeps_input_order_and_rejections() -> None:
    items: list[Article | Rejection] = []
    for i, article in enumerate(articles(23)):
        items.append(article)
        if i % 5 == 0:
            items.append(Rejection(path=f"r{i}", reason="junk"))
    options = PipelineOptions(
        stages=OPTIONS.stages, coder=OPTIONS.coder, backend="process", workers=2, chunk_size=4
    )
    out = list(Pipeline(options).run(items))
    kinds = {"Article": "Result", "Rejection": "Rejection"}
    assert [type(x).__name__ for x in out] == [kinds[type(x).__name__] for x in items]
    assert [getattr(x, "path", None) or x.article.id for x in out] == [  # type: ignore[union-attr]
        getattr(x, "path", None) or x.id
        for x in items  # type: ignore[union-attr]
    ]
    inline = list(Pipeline(OPTIONS).run(items))
    assert [r.events for r in out if isinstance(r, Result)] == [
        r.events for r in inline if isinstance(r, Result)
    ]


@pytest.mark.slow
def test_dask_local_cluster_matches_inline() -> None:
    pytest.importorskip("distributed")
    options = PipelineOptions(
        stages=OPTIONS.stages, coder=OPTIONS.coder, backend="dask", workers=1, chunk_size=3
    )
    out = [r for r in Pipeline(options).run(articles(7)) if isinstance(r, Result)]
    assert [r.article.id for r in out] == [f"a{i}" for i in range(7)]
    assert all(len(r.events) == 2 for r in out)
