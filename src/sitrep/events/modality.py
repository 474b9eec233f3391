"""Modality: whether a trigger asserts an event that happened, or something else.

Cues (``data/events/modality.yaml``) are found in one pass and written to the ``modality`` layer;
:func:`modality_of` then decides, for one trigger, which cue governs it (by the cue's scope) and so
whether it is asserted, negated, future, hypothetical, a statement, a drill, the topic of another
event, an event coded separately, or background history.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import LAYER_MODALITY, Span
from .lexicon import CueEntry, EventLexicon

ASSERTED = "asserted"
BACKGROUND = "background"
REPORTED = "reported"
# When several cues govern a trigger, the first modality in this order wins.
PRIORITY = (
    "separate",
    "drill",
    "negated",
    "future",
    "hypothetical",
    "statement",
    "reported",
    "topic",
    "background",
)
_RANK = {m: i for i, m in enumerate(PRIORITY)}
_WORD = re.compile(r"[\w']+")
_STOP = re.compile(r"[;.!?]\s")
_PHRASE_END = re.compile(r"[,;(]|\b(?:with|while|as|when|but|after|before|whereas|during)\b")
_PHRASE_WORDS = 9  # a noun phrase a cue governs is short ("against the recent killing of a student")
_OPENING_WORDS = 2  # a cue this close to the sentence start opens a fronted clause ("A day after ..., ")
_BACK_BOUNDARY = re.compile(r"[,;(]|\b(?:after|following|when|while|amid|and|which|who|as)\b")


def find_cues(
    text: str,
    folded: str,
    lexicon: EventLexicon,
    *,
    plain: str | None = None,
    ranges: Sequence[tuple[int, int]] | None = None,
) -> list[Span]:
    """Modality cues in ``text`` (in ``ranges`` only, when given)."""
    return [
        Span(h.start, h.end, LAYER_MODALITY, entry.modality, f"modality.{entry.modality}", entry)
        for h in lexicon.cues.find(folded, plain, ranges)
        for entry in h.values[:1]
        if (not entry.lower_only or text[h.start : h.end].islower())
        and not (entry.not_hyphenated and text[h.end : h.end + 1] == "-")
    ]


def modality_of(
    trigger: Span, cues: list[Span], triggers: list[Span], folded: str, sentence: tuple[int, int]
) -> tuple[str, Span | None]:
    """The modality of ``trigger`` given the cues and triggers of its sentence."""
    best: tuple[str, Span | None] = (ASSERTED, None)
    for cue in cues:
        entry: CueEntry = cue.value
        if trigger.label in entry.keeps or not _governs(entry, cue, trigger, folded, sentence):
            continue
        if entry.after_frames and not any(
            t.end <= cue.start and t.label in entry.after_frames for t in triggers
        ):
            continue
        if best[1] is None or _RANK[entry.modality] < _RANK[best[0]]:
            best = (entry.modality, cue)
    return best


def _governs(entry: CueEntry, cue: Span, trigger: Span, folded: str, sentence: tuple[int, int]) -> bool:
    if entry.scope == "sentence":
        return True
    if cue.start <= trigger.start and trigger.end <= cue.end:
        # a trigger inside the cue: "for attacking" governs "attacking"; a topic cue names its own
        # event ("to demonstrate against", "in protest")
        return entry.modality != "topic"
    if entry.scope == "adverbial":
        if len(_WORD.findall(folded, sentence[0], cue.start)) <= 2:
            return True
        # inside a sentence it dates the verb just before it: "... killed last month"
        return trigger.end <= cue.start and len(_WORD.findall(folded, trigger.end, cue.start)) <= 3
    if entry.scope in ("back", "around"):
        if trigger.end <= cue.start:
            head = folded[trigger.end : cue.start].rstrip(" (")
            return _BACK_BOUNDARY.search(head) is None
        if entry.scope == "back":
            return False
        # around: also the words right after it ("arrested since protests began": both are history)
    if trigger.start < cue.end:
        return False
    between = folded[cue.end : trigger.start]
    if _STOP.search(between):
        return False
    if entry.scope in ("next", "around"):
        return (
            len(_WORD.findall(between)) < entry.words
            and ";" not in between
            and (entry.past_comma or "," not in between)
        )
    if entry.scope == "phrase":
        return _PHRASE_END.search(between) is None and len(_WORD.findall(between)) < _PHRASE_WORDS
    # clause: to the end of the sentence, or of a fronted clause ("A day after X, Y happened")
    return not ("," in between and len(_WORD.findall(folded, sentence[0], cue.start)) <= _OPENING_WORDS)
