"""EventStage: numbers, triggers, modality and event mentions for one document."""

from __future__ import annotations

from operator import attrgetter, itemgetter

from ..actors.phrases import coalesce, fold_plain
from ..models import (
    LAYER_ACTOR,
    LAYER_MODALITY,
    LAYER_NUMBER,
    LAYER_PLACE,
    LAYER_SENTENCE,
    LAYER_TIME,
    LAYER_TRIGGER,
    Doc,
    Span,
)
from .lexicon import EventLexicon
from .mentions import build_mentions
from .modality import find_cues
from .numbers import find_numbers
from .triggers import find_triggers, sentence_index

LAYER_EVENT = "event"
_SPAN = attrgetter("start", "end")
_LABEL = attrgetter("label")
_FIRST = itemgetter(0)


class EventStage:
    """Writes the ``number``, ``trigger``, ``modality`` and ``event`` layers.

    Triggers are searched in the whole text; casualty figures and modality cues only in the
    sentences that hold a trigger (the only ones that can make an event). Each ``event`` span covers
    a sentence that asserts an event; its value is a :class:`~sitrep.events.mentions.Mention`.
    :func:`sitrep.events.code_events` turns them into :class:`~sitrep.models.Event` rows.
    """

    name = "events"
    requires: tuple[str, ...] = (LAYER_SENTENCE, LAYER_ACTOR)
    assigns: tuple[str, ...] = (LAYER_NUMBER, LAYER_TRIGGER, LAYER_MODALITY, LAYER_EVENT)

    def __init__(self, lexicon: EventLexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> EventLexicon:
        if self._lexicon is None:
            self._lexicon = EventLexicon.default()
        return self._lexicon

    def __call__(self, doc: Doc) -> None:
        text = doc.text
        folded, plain = fold_plain(text)
        sentence_spans = doc.layer(LAYER_SENTENCE) or [Span(0, len(text), LAYER_SENTENCE, "body")]
        sentences: list[tuple[int, int]] = list(map(_SPAN, sentence_spans))
        zones: list[str] = list(map(_LABEL, sentence_spans))
        lexicon = self.lexicon
        places = [p.start for p in doc.layer(LAYER_PLACE) if p.label == "place"]
        triggers = find_triggers(text, folded, sentences, lexicon, places, plain=plain)
        # Cues and casualty figures only matter next to a trigger: only the sentences with one are read.
        starts = list(map(_FIRST, sentences))
        held: set[int] = set()  # the sentences holding a trigger (-1: a trigger outside all)
        i = end = -1
        last = len(starts) - 1
        for t in triggers:
            at = t.start
            # triggers come by start: most are in the sentence of the one before
            if i < 0 or not starts[i] <= at < end or (i < last and starts[i + 1] <= at):
                i = sentence_index(sentences, at, starts)
                end = sentences[i][1] if i >= 0 else -1
            held.add(i)
        focus = [sentences[i] for i in sorted(held)]
        scan = coalesce(focus)  # the ranges the matchers read, built once for both
        numbers = find_numbers(text, folded, focus, lexicon, plain=plain, scan=scan)
        cues = find_cues(text, folded, lexicon, plain=plain, ranges=scan)
        doc.add(LAYER_NUMBER, numbers)
        doc.add(LAYER_TRIGGER, triggers)
        doc.add(LAYER_MODALITY, cues)
        mentions = build_mentions(
            text,
            folded,
            sentences,
            zones,
            triggers=doc.layer(LAYER_TRIGGER),
            cues=doc.layer(LAYER_MODALITY),
            numbers=doc.layer(LAYER_NUMBER),
            actors=doc.layer(LAYER_ACTOR),
            times=doc.layer(LAYER_TIME),
        )
        doc.add(
            LAYER_EVENT,
            [Span(m.sentence[0], m.sentence[1], LAYER_EVENT, m.main.label, m.main.rule, m) for m in mentions],
        )
