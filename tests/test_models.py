"""The shared model objects: fast constructors, span order in a layer, the read-day flag of events."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.models import READ_DATE_RULE, Article, Doc, Event, Evidence, Span, Timex, fast_init


def test_fast_init_keeps_the_dataclass_behaviour() -> None:
    span = Span(3, 9, "place", "city")
    assert (
        span
        == Span(3, 9, "place", "city", "", None, 1.0)
        == Span(start=3, end=9, layer="place", label="city")
    )
    assert hash(span) == hash(Span(3, 9, "place", "city")) and span != Span(3, 9, "place", "town")
    assert repr(span).startswith("Span(start=3, end=9, layer='place'")
    assert pickle.loads(pickle.dumps(span)) == span
    assert dataclasses.replace(span, end=10).end == 10
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing"):
        Span(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword"):
        Span(1, 2, "a", "b", colour="red")  # type: ignore[call-arg]
    assert Timex("DATE", "2024").anchored and Article(id="a", text="t").zones == ()


def test_fast_init_refuses_default_factories() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="default factory"):
        fast_init(WithFactory)


spans = st.builds(
    Span,
    start=st.integers(0, 20),
    end=st.integers(0, 20),
    layer=st.just("x"),
    label=st.sampled_from("abc"),
)


@given(st.lists(spans, max_size=30))
def test_a_layer_is_ordered_by_start_longest_first_and_stable(items: list[Span]) -> None:
    doc = Doc(Article(id="a", text="x" * 20))
    doc.add("x", items)
    assert doc.layer("x") == sorted(items, key=lambda s: (s.start, -s.end))


def test_dated_by_read_day() -> None:
    def event(*evidence: Evidence) -> Event:
        return Event("e", date(2024, 1, 1), 3, "Political violence", "Battles", "Armed clash", "A",
                     evidence=evidence)  # fmt: skip

    assert event(Evidence("event_date", 0, 1, "x", READ_DATE_RULE)).dated_by_read_day
    assert not event(Evidence("actor1", 0, 1, "x", READ_DATE_RULE)).dated_by_read_day
    assert not event(Evidence("event_date", 0, 1, "x", "temporal.weekday")).dated_by_read_day
