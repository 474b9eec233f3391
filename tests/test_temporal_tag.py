"""sitrep.temporal.tag on hand-written news sentences (tests/fixtures/temporal/cases.tsv)."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from sitrep.models import LAYER_TIME, Timex
from sitrep.temporal import tag

CASES = Path(__file__).parent / "fixtures" / "temporal" / "cases.tsv"
_MARK = re.compile(r"\[\[(.+?)\]\]")


def _cases() -> list[tuple[str, str, str, str]]:
    lines = [ln for ln in CASES.read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r["dct"], r["text"], r["type"], r["value"]) for r in rows]


@pytest.mark.parametrize(("dct", "marked", "kind", "value"), _cases(), ids=lambda v: str(v)[:40])
def test_case(dct: str, marked: str, kind: str, value: str) -> None:
    m = _MARK.search(marked)
    assert m, "each case marks its expression with [[...]]"
    text = marked[: m.start()] + m.group(1) + marked[m.end() :]
    start, end = m.start(), m.start() + len(m.group(1))
    spans = tag(text, date.fromisoformat(dct))
    found = [s for s in spans if s.start == start and s.end == end]
    assert found, f"{m.group(1)!r} not tagged; got {[(text[s.start : s.end], s.value.value) for s in spans]}"
    timex = found[0].value
    assert (timex.type, timex.value) == (kind, value)


def test_spans_are_time_layer_with_rule_and_text_offsets() -> None:
    text = "Gunmen killed 12 people on Friday, two days after the army withdrew."
    spans = tag(text, date(2023, 6, 12))
    assert [text[s.start : s.end] for s in spans] == ["Friday", "two days"]
    for span in spans:
        assert span.layer == LAYER_TIME
        assert span.rule.startswith("temporal.")
        assert isinstance(span.value, Timex)
        assert span.label == span.value.type


def test_calendar_range_and_granularity() -> None:
    text = "The offensive started last week and peaked in the second quarter of 2023."
    week, quarter = (s.value for s in tag(text, date(2023, 6, 14)))
    assert (week.value, week.first, week.last, week.granularity) == (
        "2023-W23",
        date(2023, 6, 5),
        date(2023, 6, 11),
        "week",
    )
    assert (quarter.first, quarter.last, quarter.granularity) == (
        date(2023, 4, 1),
        date(2023, 6, 30),
        "quarter",
    )


def test_without_anchor_relative_expressions_are_unanchored() -> None:
    text = "Troops withdrew on Friday; the accord was signed on 2 May 2023."
    friday, explicit = (s.value for s in tag(text, None))
    assert (friday.value, friday.anchored) == ("XXXX-WXX-5", False)
    assert (explicit.value, explicit.anchored) == ("2023-05-02", True)


def test_ambiguous_words_are_not_dates() -> None:
    text = "Prices may fall further, and the march on the capital went ahead. A second attack followed."
    assert tag(text, date(2023, 6, 12)) == []


def test_ages_and_rates_are_not_durations() -> None:
    text = "A 6-year-old boy was hurt. The fund pays $5 million a year to the victims."
    assert tag(text, date(2023, 6, 12)) == []


def test_typographic_quotes_and_dashes_keep_offsets() -> None:
    text = "The town\u2019s siege \u2014 which began on 3\u00a0March \u2014 ended in June\u2019s heat."
    spans = tag(text, date(2023, 6, 12))
    assert [text[s.start : s.end] for s in spans] == ["3\u00a0March", "June"]
    assert [s.value.value for s in spans] == ["2023-03-03", "2023-06"]


def test_focus_moves_with_the_text() -> None:
    text = "The rebels took the town on 4 April 2021. The next day they lost it. That year was violent."
    values = [s.value.value for s in tag(text, date(2023, 6, 12))]
    assert values == ["2021-04-04", "2021-04-05", "2021"]


def test_financial_comparisons_use_the_quarter_under_discussion() -> None:
    text = "Profit rose in the third quarter from a year earlier. In the year-ago quarter it had fallen."
    values = [s.value.value for s in tag(text, date(2023, 10, 20))]
    assert values == ["2023-Q3", "2022-Q3", "2022-Q3"]


def test_an_outlook_quarter_is_not_the_reports_topic() -> None:
    text = (
        "Acme Corp. said third-quarter profit rose 8%. It expects a loss in the fourth quarter. "
        "Sales fell 3% from a year ago."
    )
    values = {text[s.start : s.end]: s.value.value for s in tag(text, date(2022, 10, 26))}
    assert values["the fourth quarter"] == "2022-Q4"
    assert values["a year ago"] == "2021-Q3"


def test_a_count_after_a_date_is_no_range() -> None:
    text = "On May 3 and 4 people died. It cost $10 to 5 May."
    found = [(text[s.start : s.end], s.value.value) for s in tag(text, date(2013, 3, 22))]
    assert found == [("May 3", "2013-05-03"), ("5 May", "2013-05-05")]
