"""Geoparsing: place mentions in a text, each resolved to a :class:`~sitrep.models.Place`.

``Geoparser(gazetteer).find(text, country_hint=...)`` returns spans in the ``place`` layer. Labels:

- ``place``: a place mentioned as such ("in Aleppo", "Khartoum, Sudan");
- ``demonym``: a nationality word ("Sudanese militia"), valued as its country; never an event location;
- ``embedded``: a place name inside an organisation's or thing's name ("Kabul University",
  "The Washington Post"); never an event location.

The span's ``rule`` says how it was read: ``places.name`` plus ``+near`` ("near X", "north of X"),
``+direction`` ("northern X"), ``+admin`` ("X province"), ``+contained`` ("X, Y": X lies in Y),
``+dateline``, ``+cue`` (a location word before it: "in X"), ``+inner`` (an unknown place inside it
was named: "Ongako (Gulu, Northern)" with Ongako unknown), ``+compound`` (a unit named after the
place: "Kano North", "Sousse Nord"), ``+from`` ("from X") and ``+paren``
("(X)") when those applied; :func:`sitrep.places.locate_event` reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import LAYER_PLACE, Span
from .gazetteer import Gazetteer
from .lexicon import Lexicon, lexicon
from .recognize import Mention, Recognizer
from .resolve import Resolver

# "KHARTOUM, Sudan (Reuters) -", "MOSUL, Iraq —", "BEIRUT:" at the start of a line.
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z'’. -]{2,40}(?:,[ \t]*[A-Z][\w .'’-]{1,40}?)?[ \t]*"
    r"(?:\([^)\n]{1,40}\))?[ \t]*(?:[-–—:]|$)"
)


class Geoparser:
    """Find and resolve place mentions. One instance serves many texts (it keeps a lookup cache)."""

    def __init__(self, gazetteer: Gazetteer | None = None, lex: Lexicon | None = None) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
        self.lexicon = lex if lex is not None else lexicon()
        self.recognizer = Recognizer(self.gazetteer, self.lexicon)
        self.resolver = Resolver(self.gazetteer)

    def find(self, text: str, *, country_hint: str | Iterable[str] | None = None) -> list[Span]:
        """Place spans in ``text``; ``country_hint``: ISO alpha-2/alpha-3 code(s) the text is about."""
        mentions = self.recognizer.mentions(text)
        datelines = [(m.start(), m.end()) for m in _DATELINE.finditer(text, 0, min(len(text), 3000))]
        if datelines:
            last = max(e for _, e in datelines)
            for m in mentions:
                if m.start < last and any(s <= m.start < e for s, e in datelines):
                    m.cue = True
                    m.extra["dateline"] = True
                    m.common_word = m.sentence_start = False
        hints = self._hints(country_hint)
        choices = self.resolver.resolve(mentions, hints)
        spans = []
        country = self.gazetteer.feature_code["country"]
        for m, choice in zip(mentions, choices, strict=True):
            if choice is None or not choice.accepted:
                continue
            if m.parent is not None:  # "Oslo, Norway" says less about an event than "Inkhil (Daraa)"
                parent = choices[m.parent]
                m.extra["in_country"] = (
                    parent is not None and self.gazetteer.index.feat[parent.entry] == country
                )
            score = choice.score / 10
            score = 1.0 if score > 1.0 else 0.05 if score < 0.05 else round(score, 3)
            spans.append(
                Span(m.start, m.end, LAYER_PLACE, m.kind, _rule(m), self.gazetteer.place(choice.entry), score)
            )
        return spans

    def _hints(self, country_hint: str | Iterable[str] | None) -> list[int]:
        if country_hint is None:
            return []
        codes = [country_hint] if isinstance(country_hint, str) else list(country_hint)
        out = []
        for code in codes:
            cid = self.gazetteer.country_id.get(code.upper())
            if cid is None:
                cid = self.gazetteer.iso3_to_id.get(code.upper())
            if cid is not None:
                out.append(cid)
        return out


def _rule(m: Mention) -> str:
    parts = ["places.name"]
    if m.near:
        parts.append("near")
    if m.direction:
        parts.append("direction")
    if m.admin:
        parts.append("admin")
    if (m.parent is not None and not m.extra.get("in_country")) or m.extra.get("district"):
        parts.append("contained")
    if m.extra.get("dateline"):
        parts.append("dateline")
    if m.cue:
        parts.append("cue")
    if m.extra.get("inner_unknown"):
        parts.append("inner")
    if m.extra.get("compound"):
        parts.append("compound")
    for flag in ("from", "paren"):
        if m.extra.get(flag):
            parts.append(flag)
    return "+".join(parts)
