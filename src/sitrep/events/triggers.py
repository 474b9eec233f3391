"""Trigger spotting: words and phrases that evoke an event frame (see ``data/events/triggers.yaml``).

One Aho-Corasick pass over the folded text finds every trigger phrase; each hit is then checked
against its entry's constraints (required/forbidden words in the same sentence, lower case only,
sentence-initial only) and becomes one span per frame in the ``trigger`` layer.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..models import LAYER_TRIGGER, Span
from .lexicon import NO_FRAME, EventLexicon, Trigger, TriggerEntry

__all__ = ["Trigger", "find_triggers", "sentence_index"]

_PROPER = re.compile(r" (?:the )?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*(?=[,.;]| \(| in\b| on\b| after\b| from\b)")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|newly|recently)\s+$")


def sentence_index(sentences: list[tuple[int, int]], offset: int, starts: list[int] | None = None) -> int:
    """Index of the sentence holding ``offset`` (sentences sorted, non-overlapping), or -1."""
    i = bisect_right(starts if starts is not None else [s for s, _ in sentences], offset) - 1
    if i >= 0 and offset < sentences[i][1]:
        return i
    return -1


def find_triggers(
    text: str,
    folded: str,
    sentences: list[tuple[int, int]],
    lexicon: EventLexicon,
    places: list[int] | None = None,
    *,
    plain: str | None = None,
) -> list[Span]:
    """Trigger spans; ``places`` are the start offsets of place mentions (for "captured <place>")."""
    places = places or []
    hits = lexicon.triggers.find(folded, plain)
    if not hits:
        return []
    starts: list[int] | None = None
    spans: list[Span] = []
    append = spans.append
    for hit in hits:
        start, end, _, values = hit
        if len(values) == 1:
            only = values[0]
            if only.free and (start == 0 or text[start - 1] != "-"):
                # no constraint to check: the common case
                append(Span(start, end, LAYER_TRIGGER, only.frame, only.rule, only.value, only.weight))
                continue
        if starts is None:
            starts = [s for s, _ in sentences]
        si = bisect_right(starts, start) - 1  # sentence_index, inline
        s_start, s_end = sentences[si] if si >= 0 and start < sentences[si][1] else (0, len(text))
        best: dict[str, TriggerEntry] = {}
        for entry in values:
            if not _allowed(entry, text, folded, span=(start, end), sentence=(s_start, s_end), places=places):
                continue
            if entry.frame not in best or entry.weight > best[entry.frame].weight:
                best[entry.frame] = entry
        for frame, entry in best.items():
            if frame == NO_FRAME:
                continue
            append(Span(start, end, LAYER_TRIGGER, frame, entry.rule, entry.value, entry.weight))
    return spans


def _allowed(
    entry: TriggerEntry,
    text: str,
    folded: str,
    *,
    span: tuple[int, int],
    sentence: tuple[int, int],
    places: Sequence[int] = (),
) -> bool:
    start, end = span
    s_start, s_end = sentence
    if entry.lower_only and not text[start:end].islower():
        return False
    if start > 0 and text[start - 1] == "-" and not entry.prefix:
        return False  # a compound modifier: "IS-occupied", "anti-riot police", "rebel-held"
    if entry.verb_only and _DETERMINER.search(folded, max(0, start - 8), start):
        return False
    if entry.prefix and folded[s_start:start].strip(" \"'*-[") != "":
        return False
    if entry.requires_re is not None and not entry.requires_re.search(folded, s_start, s_end):
        return False
    if entry.followed_by:
        after = " ".join(folded[end : end + 70].split()[:5])
        # "<place>": a place right after the trigger, as its object ("captured Izium", not "in Izium")
        place = "<place>" in entry.followed_by and (
            any(end <= p <= end + 5 and folded[end:p].strip() in ("", "the") for p in places)
            or _PROPER.match(text, end) is not None  # a name the gazetteer does not know
        )
        if not place and not any(f" {w} " in f" {after} " for w in entry.followed_by):
            return False
    return entry.forbids_re is None or not entry.forbids_re.search(folded, s_start, s_end)
