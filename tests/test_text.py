"""Sentence splitting (sitrep.text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.models import Article, Doc, Zone
from sitrep.resources import load_yaml
from sitrep.text import _BOUNDARY, TextStage, _ends_sentence, abbreviations, split_sentences


def sentences(text: str, zones: tuple[Zone, ...] = ()) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, zones)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gen. Ali Mahmoud said the army won. Then he left.",
            ["Gen. Ali Mahmoud said the army won.", "Then he left."],
        ),
        ("J. Doe", ["J. Doe"]),  # an initial at the very start of a short text
        (
            "Lt. Col. John F. Kennedy arrived. Talks began.",
            ["Lt. Col. John F. Kennedy arrived.", "Talks began."],
        ),
        (
            "The strike came on Sept. 3 at dawn. Five died.",
            ["The strike came on Sept. 3 at dawn.", "Five died."],
        ),
        ("It happened in Sept. Nobody was hurt.", ["It happened in Sept.", "Nobody was hurt."]),
        (
            "The U.S. embassy said so. It gave no details.",
            ["The U.S. embassy said so.", "It gave no details."],
        ),
        ("The U.S. Embassy said so.", ["The U.S. Embassy said so."]),
        ("Troops came from the U.S. The army said so.", ["Troops came from the U.S.", "The army said so."]),
        (
            "The blast came at 9 a.m. Monday near the market.",
            ["The blast came at 9 a.m. Monday near the market."],
        ),
        ("It started at 9 a.m. The police came later.", ["It started at 9 a.m.", "The police came later."]),
        ("Prices rose 3.5 percent. Fuel ran out.", ["Prices rose 3.5 percent.", "Fuel ran out."]),
        ('"We will fight." He left.', ['"We will fight."', "He left."]),
        ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
        ("Is it over? Nobody knows... Wait and see!", ["Is it over?", "Nobody knows...", "Wait and see!"]),
        ("He said (see below.) Then left.", ["He said (see below.)", "Then left."]),
        ("They met e.g. the mayor. Fine.", ["They met e.g. the mayor.", "Fine."]),
        ("Article No. 5 applies. Yes.", ["Article No. 5 applies.", "Yes."]),
        ("Shots were fired\nin the street overnight.", ["Shots were fired\nin the street overnight."]),
        (
            "First paragraph without stop\n\nSecond paragraph",
            ["First paragraph without stop", "Second paragraph"],
        ),
        (
            "HIGHLIGHTS\n- Ten killed\n* Army denies\nMore text.",
            ["HIGHLIGHTS", "- Ten killed", "* Army denies", "More text."],
        ),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_zones_split_and_label() -> None:
    text = "Ten killed in raid Gunmen attacked a village on Monday. Photo: a file picture (AFP)"
    zones = (Zone("headline", 0, 18), Zone("body", 19, 55), Zone("caption", 56, len(text)))
    spans = split_sentences(text, zones)
    assert [(s.label, text[s.start : s.end]) for s in spans] == [
        ("headline", "Ten killed in raid"),
        ("body", "Gunmen attacked a village on Monday."),
        ("caption", "Photo: a file picture (AFP)"),
    ]
    assert all(s.layer == "sentence" and s.rule == "text.sentence" for s in spans)


def test_text_outside_zones_is_body_and_zones_are_clipped() -> None:
    text = "Headline here. Body one. Body two."
    spans = split_sentences(text, (Zone("headline", 0, 14), Zone("caption", 30, 999)))
    assert [(s.label, text[s.start : s.end]) for s in spans] == [
        ("headline", "Headline here."),
        ("body", "Body one."),
        ("body", "Body"),
        ("caption", "two."),
    ]


def test_stage_writes_sentence_layer() -> None:
    doc = Doc(Article(id="a", text="One. Two.", zones=(Zone("body", 0, 9),)))
    stage = TextStage()
    assert stage.requires == ()
    assert stage.assigns == ("sentence",)
    stage(doc)
    assert [s.label for s in doc.layer("sentence")] == ["body", "body"]


def test_data_file_is_valid_and_versioned() -> None:
    assert load_yaml("text/abbreviations.yaml")["version"] == 1
    abbr = abbreviations()
    assert "gen" in abbr.never_final
    assert "sept" in abbr.before_number
    assert "The" in abbr.starters


PIECES = [*"ab C.!?\"'()\n -•.", "Gen.", "U.S.", " F. "]
zone_kinds = st.sampled_from(["headline", "body", "caption", "highlights", "credit"])


@given(
    text=st.lists(st.sampled_from(PIECES), max_size=100).map("".join),
    cuts=st.lists(st.integers(min_value=0, max_value=300), max_size=6),
    kinds=st.lists(zone_kinds, min_size=7, max_size=7),
)
def test_properties(text: str, cuts: list[int], kinds: list[str]) -> None:
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    zones = tuple(Zone(k, a, b) for k, a, b in zip(kinds, bounds, bounds[1:], strict=False))  # type: ignore[arg-type]
    spans = split_sentences(text, zones)
    covered = set()
    previous_end = 0
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert span.start >= previous_end
        previous_end = span.end
        zone = next(z for z in zones if z.start <= span.start < z.end)
        assert span.end <= zone.end and span.label == zone.kind
        covered.update(range(span.start, span.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


WORDS = ["said", "Gen", "gen", "Sept", "approx", "messrs", "U.S", "a", "I", "F", "people", "Ünal", "in", "3"]
ENDS = [". ", ".  ", ".\n", "! ", "? ", '." ', ". (", "... "]


@given(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(ENDS), st.sampled_from(WORDS)), max_size=20)
)
def test_the_fast_paths_agree_with_the_full_rule(parts: list[tuple[str, str, str]]) -> None:
    """Boundaries decided by the fast paths of _split_block are the ones _ends_sentence decides."""
    text = "".join(f"{before}{end}{after.capitalize()} x " for before, end, after in parts).strip()
    abbr = abbreviations()
    expected, start = [], 0
    for m in _BOUNDARY.finditer(text):
        cut, nxt = m.span(1)
        if _ends_sentence(text, cut - 1, nxt, len(text), abbr):
            expected.append((start, cut))
            start = nxt
    expected.append((start, len(text)))
    if text:
        assert [(s.start, s.end) for s in split_sentences(text)] == expected
