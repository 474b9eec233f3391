"""The temporal tagger's fast paths give what the plain regex or loop they replace gives.

Each helper below skips work (a regex scan, a split, a list) for speed; the reference next to its
test is the straightforward version, run on arbitrary text built from the characters that matter.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.temporal import recognize, tense
from sitrep.temporal.patterns import KEEP_LETTERS, KEEP_WORDS, fold, grammar, masked

# Pieces that exercise word edges: letters, "the", apostrophes, digits, dashes, every boundary mark
# of a clause, Unicode spaces and a non-ASCII letter.
PIECES = [
    "a", "b", "z", "the", "said", "was", "will", "by", "ed", "'", "'s", "don't", "1", "2024", "12:30",
    "3/4", "1.2.99", "90s", "p.m.", " ", "  ", "\t", "\n", "-", ",", ".", ". ", "; ", "? ", "! ", ".\t",
    '"', "\u00a0", "\u2003", "é", "ß", "İ", "x",
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _folded(text: str) -> str:
    return fold(text)


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = _folded(draw(texts))
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return text, start, end


_WORD_BEFORE = re.compile(r"([a-z]+(?:\s+the)?|-)\s*$")


@settings(max_examples=400)
@given(case=text_and_range())
def test_word_before_is_the_regex(case: tuple[str, int, int]) -> None:
    folded, _, start = case
    m = _WORD_BEFORE.search(folded, max(0, start - 20), start)
    expected = " ".join(m.group(1).split()) if m else ""
    assert recognize._word_before(folded, start) == expected


@settings(max_examples=400)
@given(case=text_and_range())
def test_tense_tokens_are_the_regex_tokens(case: tuple[str, int, int]) -> None:
    folded, start, end = case
    letters = masked(folded, KEEP_LETTERS)
    assert tense._tokens(folded, letters, start, end) == tense._TOKEN.findall(folded, start, end)


def _clause_by_find(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - tense._REACH_BEFORE)
    for mark in tense._BOUNDARY_MARKS:
        found = folded.rfind(mark, left, start)
        if found >= 0:
            left = found + len(mark)
    right = min(len(folded), end + tense._REACH_AFTER)
    for mark in tense._BOUNDARY_MARKS:
        found = folded.find(mark, end, right)
        if found >= 0:
            right = found
    return left, right


@settings(max_examples=400)
@given(case=text_and_range())
def test_clause_bounds_are_the_nearest_marks(case: tuple[str, int, int]) -> None:
    assert tense._clause(*case) == _clause_by_find(*case)


@settings(max_examples=400)
@given(text=texts)
def test_number_triggers_are_the_regex_matches(text: str) -> None:
    folded = _folded(text)
    expected = [(m.start(), "#" + (m.lastgroup or "")) for m in recognize._NUMBER_TRIGGER.finditer(folded)]
    assert recognize._number_triggers(folded) == expected


def _starts_by_split(words: str, low: int, trigger: int) -> list[tuple[int, str]]:
    gm = grammar()
    end = words.find(" ", trigger)
    out = [(trigger, recognize._first_word(words[trigger : end if end >= 0 else len(words)]))]
    pos = trigger
    for token in reversed(words[low:trigger].split()[1 - recognize.MAX_STARTS :]):
        word = token if token.isalpha() else recognize._first_word(token)
        if word not in gm.vocabulary:
            break
        pos = words.rfind(token, low, pos)
        out.append((pos, word))
    out.reverse()
    return out


VOCABULARY_PIECES = ["the", "past", "two", "last", "early", "in", "of", "a", "few", "march", "said", "12"]


@settings(max_examples=300)
@given(
    text=st.lists(st.sampled_from([*VOCABULARY_PIECES, *PIECES]), max_size=40).map("".join),
    reach=st.integers(min_value=0, max_value=recognize.REACH),
)
def test_candidate_starts_are_the_words_before_the_trigger(text: str, reach: int) -> None:
    gm = grammar()
    folded = _folded(text)
    letters = masked(folded, KEEP_LETTERS)
    words = masked(folded, KEEP_WORDS)
    for trigger, tword in recognize._trigger_spans(gm, folded, letters):
        low = max(0, trigger - reach)
        got = recognize._candidate_starts(gm.vocabulary, words, low, trigger, tword)
        assert got == _starts_by_split(words, low, trigger)
