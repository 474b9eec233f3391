"""``tag(text, dct)``: temporal expressions of a text as spans in the ``time`` layer."""

from __future__ import annotations

import re
from datetime import date

from ..models import LAYER_TIME, Span, Timex
from . import calendar as cal
from .lexicon import lexicon
from .patterns import KEEP_LETTERS, fold, masked
from .recognize import recognise
from .resolve import Atom, Resolver

# "the same quarter a year earlier", "the quarter a year ago", "the corresponding period last year"
_PERIOD_FAMILIES = frozenset({"qref", "anaphor", "theunit", "quarter"})
_GAP = re.compile(r"\s*,?\s*")
_LAST_YEAR = re.compile(r"(?:the\s+)?(?:last|previous|prior)\s+year$|a\s+year\s+(?:earlier|ago|before)$")


def _a_year_before(prev: tuple[Atom, Timex], atom: Atom, folded: str) -> bool:
    pa, pt = prev
    return (
        pa.family in _PERIOD_FAMILIES
        and pt.first is not None
        and pt.granularity is not None
        and _GAP.fullmatch(folded, pa.end, atom.start) is not None
        and _LAST_YEAR.fullmatch(" ".join(folded[atom.start : atom.end].split())) is not None
    )


def tag(text: str, dct: date | None) -> list[Span]:
    """Temporal expressions in ``text``, anchored on ``dct`` (the article's date) when given.

    Each span is in layer "time", labelled with its TIMEX3 type (DATE, TIME, DURATION, SET), with
    a :class:`~sitrep.models.Timex` value; ``rule`` names the pattern family ("temporal.mdy").
    """
    folded = fold(text)
    letters = masked(folded, KEEP_LETTERS)
    resolver = Resolver(lexicon(), folded, dct, letters)
    resolved: list[tuple[Atom, Timex]] = []
    for found in recognise(text, folded, letters):
        timex = resolver.resolve(found)
        if timex is None:
            continue
        atom = found
        previous = resolved[-1] if resolved else None
        if previous and previous[0].family in _PERIOD_FAMILIES and _a_year_before(previous, found, folded):
            pa, pt = resolved.pop()
            assert pt.first is not None and pt.granularity is not None
            timex = cal.period(pt.granularity, cal.shift(pt.first, -1, "year"))
            atom = Atom(pa.start, found.end, pa.family, pa.g)
        resolved.append((atom, timex))
    return [
        Span(atom.start, atom.end, LAYER_TIME, timex.type, f"temporal.{atom.family}", timex)
        for atom, timex in resolved
    ]
