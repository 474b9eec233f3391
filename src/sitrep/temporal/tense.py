"""Tense of the clause around a temporal expression, from cue words in ``tense.yaml``.

Underspecified dates ("Friday", "in March", "the fourth quarter") resolve backwards in a past
clause and forwards in a future one. :func:`clause_tense` looks for the nearest cue inside the
clause holding the expression and returns -1 (past), +1 (future) or 0 (no cue).
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import lexicon
from .patterns import alt

PAST, NONE, FUTURE = -1, 0, 1
_REACH_BEFORE = 160  # characters looked at before the expression
_REACH_AFTER = 100
_BOUNDARY = re.compile(r"[.;!?\n]\s|[\n\"]")


_PREVIOUS_WORD = re.compile(r"([a-z']+)\s+$")


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    suffix = re.escape(lex.past_suffix) if lex.past_suffix else "(?!)"
    pattern = re.compile(
        r"(?<![a-z'])(?:(?P<future>" + alt(lex.future_cues) + r")|(?P<past>" + alt(lex.past_cues) + r")"
        r"|(?P<suffix>[a-z]{2,}" + suffix + r"))(?![a-z])"
    )
    return pattern, lex.past_suffix_exceptions, lex.passive_auxiliaries


def _participle(folded: str, start: int, auxiliaries: frozenset[str]) -> bool:
    m = _PREVIOUS_WORD.search(folded, max(0, start - 12), start)
    return m is not None and m.group(1) in auxiliaries


def _clause(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _REACH_BEFORE)
    for m in _BOUNDARY.finditer(folded, left, start):
        left = m.end()
    right = min(len(folded), end + _REACH_AFTER)
    stop = _BOUNDARY.search(folded, end, right)
    return left, (stop.start() if stop else right)


def clause_tense(folded: str, start: int, end: int) -> int:
    """-1, 0 or +1 for the clause around ``folded[start:end]`` (an ASCII-folded text)."""
    pattern, exceptions, auxiliaries = _cues()
    left, right = _clause(folded, start, end)
    best, best_distance = NONE, 1 << 30
    for lo, hi in ((left, start), (end, right)):
        for m in pattern.finditer(folded, lo, hi):
            kind = m.lastgroup
            if kind == "suffix" and m.group() in exceptions:
                continue
            if kind != "future" and _participle(folded, m.start(), auxiliaries):
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if distance < best_distance:
                best_distance = distance
                best = FUTURE if kind == "future" else PAST
    return best
