"""Property tests for the temporal tagger: arithmetic round-trips and robustness."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.temporal import tag
from sitrep.temporal.calendar import add_months
from sitrep.temporal.patterns import fold

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]  # fmt: skip
WORDS = {2: "two", 3: "three", 5: "five", 12: "twelve", 20: "twenty", 45: "forty-five"}
CONTEXTS = [
    "Police said the attack took place on {w}.",
    "The minister will travel to the region on {w}.",
    "{w} was calm in the capital.",
    "Talks are expected to resume {w}, officials said.",
    "Gunmen fired on the convoy {w} night.",
]

SALAD = [
    "last",
    "next",
    "the",
    "week",
    "ago",
    "two",
    "1999",
    "3",
    "of",
    "early",
    "a",
    "year",
    "quarter",
    "third",
    "days",
    "every",
    "night",
    ",",
    "p.m.",
    "10:30",
    "since",
    "now",
    "decade",
    "1990s",
    "mid-",
    "fiscal",
]

dcts = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _values(text: str, dct: date | None) -> list[str]:
    return [s.value.value for s in tag(text, dct)]


@given(dct=dcts, n=st.integers(min_value=1, max_value=2000))
def test_n_days_ago_is_dct_minus_n(dct: date, n: int) -> None:
    assert _values(f"The village was attacked {n} days ago.", dct) == [(dct - timedelta(days=n)).isoformat()]


@given(dct=dcts, n=st.sampled_from(sorted(WORDS)))
def test_spelled_days_ago(dct: date, n: int) -> None:
    assert _values(f"Fighting broke out {WORDS[n]} days ago.", dct) == [(dct - timedelta(days=n)).isoformat()]


@given(dct=dcts, n=st.integers(min_value=1, max_value=200))
def test_n_weeks_ago_is_the_week_holding_dct_minus_7n(dct: date, n: int) -> None:
    year, week, _ = (dct - timedelta(weeks=n)).isocalendar()
    assert _values(f"The camp was shelled {n} weeks ago.", dct) == [f"{year:04d}-W{week:02d}"]


@given(dct=dcts, n=st.integers(min_value=1, max_value=240))
def test_n_months_ago(dct: date, n: int) -> None:
    target = add_months(dct, -n)
    assert _values(f"The ceasefire collapsed {n} months ago.", dct) == [
        f"{target.year:04d}-{target.month:02d}"
    ]


@given(dct=dcts, n=st.integers(min_value=1, max_value=800))
def test_n_years_ago(dct: date, n: int) -> None:
    assert _values(f"The dam was built {n} years ago.", dct) == [f"{dct.year - n:04d}"]


@given(dct=dcts, weekday=st.sampled_from(range(7)), context=st.sampled_from(CONTEXTS))
def test_weekday_is_within_six_days_of_the_anchor(dct: date, weekday: int, context: str) -> None:
    spans = tag(context.format(w=WEEKDAYS[weekday]), dct)
    assert len(spans) == 1
    timex = spans[0].value
    assert timex.first is not None and timex.first == timex.last
    assert abs((timex.first - dct).days) <= 6
    assert timex.first.isoweekday() == weekday + 1


@given(day=st.dates(min_value=date(1000, 1, 1), max_value=date(2099, 12, 31)), dct=dcts | st.none())
def test_explicit_dates_round_trip(day: date, dct: date | None) -> None:
    month = MONTHS[day.month - 1]
    for text in (
        f"on {day.day} {month} {day.year},",
        f"on {month} {day.day}, {day.year}.",
        f"on {day.isoformat()}.",
    ):
        assert _values(text, dct) == [day.isoformat()], text


@settings(max_examples=300)
@given(text=st.text(max_size=400), dct=dcts | st.none())
def test_any_unicode_input_is_safe(text: str, dct: date | None) -> None:
    spans = tag(text, dct)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end


@settings(max_examples=200)
@given(
    words=st.lists(
        st.sampled_from([*WEEKDAYS, *MONTHS, *SALAD]),
        max_size=12,
    ),
    dct=dcts,
)
def test_temporal_word_salad_is_safe(words: list[str], dct: date) -> None:
    text = " ".join(words)
    for span in tag(text, dct):
        assert 0 <= span.start < span.end <= len(text)


@given(text=st.text(max_size=200))
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@settings(max_examples=100)
@given(text=st.sampled_from(["yesterday", "tomorrow", "next year", "last week", "in 10,000 years", "Friday"]),
       dct=st.sampled_from([date.min, date.max]))  # fmt: skip
def test_extreme_anchor_dates_are_safe(text: str, dct: date) -> None:
    for span in tag(f"It happened {text}.", dct):
        assert span.start < span.end
