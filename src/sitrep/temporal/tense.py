"""Tense of the clause around a temporal expression, from cue words in ``tense.yaml``.

Underspecified dates ("Friday", "in March", "the fourth quarter") resolve backwards in a past
clause and forwards in a future one. :func:`clause_tense` looks for the nearest cue inside the
clause holding the expression and returns -1 (past), +1 (future) or 0 (no cue).

Cues are counted in words from the expression. A word that only *looks* past ("-ed": often a
participle or an adjective, "armed", "untouched") is a weak cue and counts as a few words
farther; so does a cue after a comma that follows the expression ("as soon as Tuesday, Castro
said": the reporting verb belongs to another clause), unless the expression opens the clause
("On Friday, gunmen attacked"). A deadline preposition right before the
expression ("by August", "until Tuesday") makes it future unless a past cue stands close by.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import lexicon
from .patterns import KEEP_LETTERS, masked

PAST, NONE, FUTURE = -1, 0, 1
_REACH_BEFORE = 160  # characters looked at before the expression
_REACH_AFTER = 100
# Clause boundaries: a sentence end, a semicolon, a line break, a double quote.
_BOUNDARY_MARKS = (". ", "; ", "? ", "! ", ".\t", "\n", '"')
_BOUNDARY = re.compile("|".join(re.escape(mark) for mark in _BOUNDARY_MARKS))
_LAST_BOUNDARY = re.compile(".*(?:" + _BOUNDARY.pattern + ")", re.S)  # greedy: the last one
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|'[a-z]+")
_MAX_PHRASE = 3
WEAK_PENALTY = 3  # extra words a suffix-only ("-ed") cue counts for
COMMA_PENALTY = 6  # extra words a cue after a comma following the expression counts for
FRONTED_WORDS = 2  # an expression with at most this many words before it in its clause is fronted
DEADLINE_REACH = 6  # a past cue nearer than this overrides a deadline preposition
FUTURE_IN_PAST_REACH = 4  # words before a future cue where "had" makes it look back
_FAR = 10**6


@dataclass(frozen=True, slots=True)
class _Cues:
    phrases: dict[str, int]  # cue phrase -> PAST or FUTURE
    first_words: dict[str, int]  # first word of a cue phrase -> the most words a phrase has after it
    single: dict[str, int]  # a one-word cue that begins no longer phrase -> PAST or FUTURE
    suffix: str
    exceptions: frozenset[str]
    auxiliaries: frozenset[str]
    deadlines: frozenset[str]
    future_in_past: frozenset[str]


@cache
def _cues() -> _Cues:
    lex = lexicon()
    phrases = {p: PAST for p in lex.past_cues}
    phrases.update({p: FUTURE for p in lex.future_cues})
    firsts: dict[str, int] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        firsts[words[0]] = max(firsts.get(words[0], 1), len(words))
    single = {word: phrases[word] for word, longest in firsts.items() if longest == 1}
    return _Cues(
        phrases,
        firsts,
        single,
        lex.past_suffix,
        lex.past_suffix_exceptions,
        lex.passive_auxiliaries,
        lex.deadlines,
        lex.future_in_past,
    )


def _cue(cues: _Cues, words: list[str], i: int) -> tuple[int, int]:
    """(tense, extra distance) of a cue starting at ``words[i]``; (NONE, 0) when there is none."""
    word = words[i]
    extra = 0
    kind = cues.single.get(word, NONE)  # a one-word cue (the common case)
    longest = cues.first_words.get(word) if kind == NONE else None
    if longest is not None:
        for size in range(min(longest, _MAX_PHRASE, len(words) - i), 0, -1):
            kind = cues.phrases.get(" ".join(words[i : i + size]) if size > 1 else word, NONE)
            if kind != NONE:
                break
    if kind == NONE:
        suffix = cues.suffix
        if not (suffix and word.endswith(suffix) and len(word) > len(suffix) + 1) or word in cues.exceptions:
            return NONE, 0
        kind, extra = PAST, WEAK_PENALTY
    if kind == PAST and i and words[i - 1] in cues.auxiliaries:
        return NONE, 0  # a participle: "will be paid", "to be completed"
    if kind == FUTURE and _looks_back(cues, words, i):
        return PAST, extra
    return kind, extra


def _looks_back(cues: _Cues, words: list[str], i: int) -> bool:
    """Whether the future cue ``words[i]`` looks forward from a past moment: "had" at most three
    words before it ("it had been due to expire")."""
    return not cues.future_in_past.isdisjoint(words[max(0, i - FUTURE_IN_PAST_REACH) : i])


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``folded[start:end]``: from the last sentence end, semicolon, line break or
    double quote before it to the first after it (within a reach)."""
    left = max(0, start - _REACH_BEFORE)
    m = _LAST_BOUNDARY.match(folded, left, start)
    if m is not None:
        left = m.end()
    right = min(len(folded), end + _REACH_AFTER)
    m = _BOUNDARY.search(folded, end, right)
    return left, right if m is None else m.start()


def _tokens(folded: str, letters: str, start: int, end: int) -> list[str]:
    """The words of ``folded[start:end]`` (``letters`` is ``folded`` with non-letters masked: with
    no apostrophe in the range its words are the runs of letters, found without a regex)."""
    if folded.find("'", start, end) < 0:
        return letters[start:end].split()
    return _TOKEN.findall(folded, start, end)


def clause_tense(folded: str, start: int, end: int, letters: str | None = None) -> int:
    """-1, 0 or +1 for the clause around ``folded[start:end]`` (an ASCII-folded text; ``letters``
    is the same text with every character but a letter masked, see :func:`.patterns.masked`).

    The nearest cue wins, counted in words (weak and comma-separated cues count farther); on a
    tie the one before the expression.
    """
    cues = _cues()
    left, right = _clause(folded, start, end)
    if letters is None:
        letters = masked(folded, KEEP_LETTERS)
    before = _tokens(folded, letters, left, start)
    comma = folded.find(",", end, right)
    after = _tokens(folded, letters, end, right if comma < 0 else comma)
    beyond = len(after)
    if comma >= 0:
        after += _tokens(folded, letters, comma, right)
    best, distance = NONE, _FAR
    firsts, suffix = cues.first_words, cues.suffix
    last = len(before) - 1
    for i in range(last, -1, -1):
        if last - i >= distance:
            break
        word = before[i]
        if word in firsts or word.endswith(suffix):
            kind, extra = _cue(cues, before, i)
            if kind != NONE and last - i + extra < distance:
                best, distance = kind, last - i + extra
    # A fronted expression ("Until Thursday, they had...") is followed by its own main clause.
    penalty = COMMA_PENALTY if len(before) > FRONTED_WORDS else 0
    for i, word in enumerate(after):
        near = i + (penalty if i >= beyond else 0)
        if near >= distance:
            break
        if word in firsts or word.endswith(suffix):
            kind, extra = _cue(cues, after, i)
            if kind != NONE and near + extra < distance:
                best, distance = kind, near + extra
    if before and before[-1] in cues.deadlines and not (best == PAST and distance < DEADLINE_REACH):
        return FUTURE  # "by August", "until Tuesday": a deadline
    return best
