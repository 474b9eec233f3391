"""ActorStage: writes the ``actor`` layer (one span per actor mention)."""

from __future__ import annotations

from ..models import LAYER_ACTOR, LAYER_SENTENCE, Doc, Span
from .lexicon import ActorLexicon, ActorMention
from .phrases import fold, fold_plain

__all__ = ["ActorMention", "ActorStage", "find_actors"]


class ActorStage:
    """Find named and generic actors; each span's value is an :class:`ActorMention`."""

    name = "actors"
    requires: tuple[str, ...] = (LAYER_SENTENCE,)
    assigns: tuple[str, ...] = (LAYER_ACTOR,)

    def __init__(self, lexicon: ActorLexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> ActorLexicon:
        if self._lexicon is None:
            self._lexicon = ActorLexicon.default()
        return self._lexicon

    def __call__(self, doc: Doc) -> None:
        folded, plain = fold_plain(doc.text)
        doc.add(LAYER_ACTOR, find_actors(doc.text, self.lexicon, doc, folded, plain=plain))


def find_actors(
    text: str,
    lexicon: ActorLexicon,
    doc: Doc | None = None,
    folded: str | None = None,
    *,
    plain: str | None = None,
    ranges: list[tuple[int, int]] | None = None,
) -> list[Span]:
    """Actor spans of ``text`` (in ``ranges`` only, when given)."""
    day = doc.article.published if doc is not None else None
    spans = []
    folded = folded if folded is not None else fold(text)
    table = lexicon.span_table
    for start, end, entry, modifier in lexicon.find(text, folded, day, plain=plain, ranges=ranges):
        parts = table.get(id(entry)) if modifier is None else None
        rule, value = parts if parts is not None else lexicon.span_parts(entry, modifier)
        spans.append(Span(start, end, LAYER_ACTOR, entry.kind, rule, value))
    return spans
