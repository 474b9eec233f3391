"""Event mentions: one per sentence that asserts at least one event frame.

A mention gathers, for one sentence, the asserted triggers (by frame, with their weights), the
frames only mentioned as context (the topic of a protest, fighting "coded separately"), the casualty
figures that belong to it, and the roles attached to its main trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter, itemgetter
from typing import NamedTuple

from ..models import Span
from .arguments import NO_ROLES, Roles, attach, clause_breaks
from .modality import ASSERTED, BACKGROUND, REPORTED, modality_of

# Which trigger of a sentence gets its roles attached first: the frames highest in ACLED's
# hierarchy, then the more specific ones.
FRAME_ORDER = (
    "chemical",
    "regain",
    "capture",
    "clash",
    "suicide",
    "airstrike",
    "shelling",
    "ied",
    "grenade",
    "protest",
    "riot",
    "mob",
    "sexual",
    "kill",
    "attack",
    "injure",
    "abduct",
    "agreement",
    "arrest",
    "disrupt",
    "base",
    "loot",
    "withdraw",
    "change",
    "intervene",
    "other",
)
FRAME_RANK = {f: i for i, f in enumerate(FRAME_ORDER)}
_WORDS = re.compile(r"[\w']+")
_CASUALTY_FRAMES = ("kill", "injure", "killed", "injured")  # trigger frames and figure labels
_START = attrgetter("start")  # a span's start
_FIRST = itemgetter(0)
_NO_FRAMES: frozenset[str] = frozenset()
_TOPIC_CUES = ("topic", "separate", "background")  # cues whose figures belong to another event
_OWN_DATE_WORDS = 8
# A sentence whose asserted triggers are all weaker than this ("checkpoints", "a petition") decides
# nothing and tells no event of its own: it makes no mention.
_WEAKEST = 0.4  # words between a trigger and a date of its own ("shot by a police officer on ...")


class Mention(NamedTuple):
    """Value of an ``event`` span: what one sentence says happened."""

    sentence: tuple[int, int]
    zone: str
    frames: tuple[tuple[str, float], ...]  # asserted frame -> strongest weight
    context: frozenset[str]  # frames present but not asserted here
    triggers: tuple[Span, ...]  # asserted trigger spans
    dropped: tuple[tuple[Span, str, Span | None], ...]  # (trigger, modality, cue) not asserted
    main: Span
    roles: Roles
    trigger_roles: tuple[Roles, ...]  # roles of each asserted trigger, aligned with ``triggers``
    numbers: tuple[Span, ...]
    actors: tuple[Span, ...]
    # the cues of a statement the event is only reported through ("condemned the attack on ...")
    reported: tuple[Span, ...] = ()

    @property
    def frame_weights(self) -> dict[str, float]:
        return dict(self.frames)


def build_mentions(
    text: str,
    folded: str,
    sentences: list[tuple[int, int]],
    zones: list[str],
    *,
    triggers: list[Span],
    cues: list[Span],
    numbers: list[Span],
    actors: list[Span],
    times: Sequence[Span] = (),
) -> list[Mention]:
    """Group the layers by sentence and keep the sentences that assert an event."""
    out: list[Mention] = []
    reported: list[tuple[_Sentence, list[Span], list[tuple[Span, str, Span | None]], tuple[Span, ...]]] = []
    if not triggers:
        return out
    starts = list(map(_FIRST, sentences))
    with_triggers = sorted({bisect_right(starts, t.start) - 1 for t in triggers})
    trig_starts = list(map(_START, triggers))
    cue_starts = list(map(_START, cues))
    num_starts = list(map(_START, numbers))
    actor_starts = list(map(_START, actors))
    time_starts = list(map(_START, times))
    for si in with_triggers:
        if si < 0:
            continue
        s_start, s_end = span = sentences[si]
        s_trig = triggers[bisect_left(trig_starts, s_start) : bisect_left(trig_starts, s_end)]
        if not s_trig:
            continue
        s_cues = cues[bisect_left(cue_starts, s_start) : bisect_left(cue_starts, s_end)]
        s_times = list(times[bisect_left(time_starts, s_start) : bisect_left(time_starts, s_end)])
        asserted: list[Span] = []
        dropped: list[tuple[Span, str, Span | None]] = []
        strongest = -1.0
        if s_cues or s_times:
            for trig in s_trig:
                modality, cue = trigger_modality(trig, s_cues, s_trig, folded, span, times=s_times)
                if modality == ASSERTED:
                    asserted.append(trig)
                    strongest = max(strongest, trig.score)
                else:
                    dropped.append((trig, modality, cue))
        else:  # nothing to govern a trigger: all are asserted
            asserted = s_trig
            strongest = max(t.score for t in s_trig)
        strong = strongest >= _WEAKEST
        if not strong:
            if out:
                continue
            heard = [(t, cue) for t, modality, cue in dropped if modality == REPORTED and cue is not None]
            if not heard:
                continue
        sentence = _Sentence(
            span,
            zones[si],
            s_trig,
            s_cues,
            numbers[bisect_left(num_starts, s_start) : bisect_left(num_starts, s_end)],
            actors[bisect_left(actor_starts, s_start) : bisect_left(actor_starts, s_end)],
        )
        if strong:
            out.append(_mention(text, folded, sentence, asserted, dropped))
        else:
            others = [d for d in dropped if d[1] != REPORTED]
            reported.append((sentence, [t for t, _ in heard], others, tuple({c for _, c in heard})))
    if not out:
        # Nothing asserted in the whole article: the events it only reports through a statement
        # ("rights groups condemned the house arrest of ...") happened; code them as reported.
        out = [
            _mention(text, folded, sent, heard, others, reported=cues)
            for sent, heard, others, cues in reported
        ]
    return out


class _Sentence(NamedTuple):
    span: tuple[int, int]
    zone: str
    triggers: list[Span]
    cues: list[Span]
    numbers: list[Span]
    actors: list[Span]


def _mention(
    text: str,
    folded: str,
    sentence: _Sentence,
    asserted: list[Span],
    dropped: list[tuple[Span, str, Span | None]],
    *,
    reported: tuple[Span, ...] = (),
) -> Mention:
    frames: dict[str, float] = {}
    for trig in asserted:  # the strongest weight per frame (weights are > 0)
        if trig.score > frames.get(trig.label, 0.0):
            frames[trig.label] = trig.score
    main_i = (
        0
        if len(asserted) == 1
        else min(
            range(len(asserted)),
            key=lambda i: (FRAME_RANK.get(asserted[i].label, 99), -asserted[i].score, asserted[i].start),
        )
    )
    roles = _roles(text, folded, sentence.span, asserted, sentence.actors, main_i=main_i)
    kept_numbers: tuple[Span, ...] = ()
    if sentence.numbers:
        # cues that give a figure to another event, and the casualty triggers not asserted here
        topic = [] if reported else [c for c in sentence.cues if c.label in _TOPIC_CUES]
        of_dropped = any(t.label in _CASUALTY_FRAMES for t, _, _ in dropped)
        kept_numbers = tuple(
            n
            for n in sentence.numbers
            if n.label != "cumulative"
            and not (topic and _inside_topic(n, sentence.triggers, topic, folded, sentence.span))
            and not (of_dropped and _of_dropped(n, asserted, dropped))
        )
    return Mention(  # the fields in order (positional: a dozen keywords cost more than the rest)
        sentence.span,  # sentence
        sentence.zone,  # zone
        tuple(frames.items()),  # frames
        frozenset([t.label for t, _, _ in dropped]) if dropped else _NO_FRAMES,  # context
        tuple(asserted),  # triggers
        tuple(dropped),  # dropped
        asserted[main_i],  # main
        roles[main_i],  # roles
        roles,  # trigger_roles
        kept_numbers,  # numbers
        tuple(sentence.actors),  # actors
        reported,  # reported
    )


def _roles(
    text: str,
    folded: str,
    sentence: tuple[int, int],
    triggers: list[Span],
    actors: list[Span],
    *,
    main_i: int,
) -> tuple[Roles, ...]:
    """Roles of the first trigger of each frame (and of the main trigger); the others share them."""
    if not actors:
        return (NO_ROLES,) * len(triggers)
    by_frame: dict[str, Roles] = {}
    out = []
    breaks = clause_breaks(folded, sentence)
    first = min(map(_START, triggers))
    for i, trig in enumerate(triggers):
        if i == main_i or trig.label not in by_frame:
            roles = attach(text, folded, sentence, trig, actors, breaks=breaks, subject_before=first)
            by_frame.setdefault(trig.label, roles)
            out.append(roles)
        else:
            out.append(by_frame[trig.label])
    return tuple(out)


def trigger_modality(
    trigger: Span,
    cues: list[Span],
    triggers: list[Span],
    folded: str,
    sentence: tuple[int, int],
    *,
    times: Sequence[Span] = (),
) -> tuple[str, Span | None]:
    """The modality of a trigger in its sentence: the cues', or background when it has a date of
    its own (the cue is then that date)."""
    modality, cue = modality_of(trigger, cues, triggers, folded, sentence)
    if modality == ASSERTED and times:
        own = _own_date(trigger, times, folded)
        if own is not None:
            return BACKGROUND, own
    return modality, cue


def _own_date(trigger: Span, times: Sequence[Span], folded: str) -> Span | None:
    """A day-precise date right after a trigger that differs from the date the sentence opens with
    dates that trigger apart: "On 5 May, families gathered for a man who was shot by police on 2
    June 2020" (the shooting is history, coded on its own day if at all)."""
    lead = times[0]
    if lead.start > trigger.start or getattr(lead.value, "first", None) is None:
        return None
    for span in times[1:]:
        if span.start < trigger.end:
            continue
        gap = folded[trigger.end : span.start]
        if len(_WORDS.findall(gap)) > _OWN_DATE_WORDS or any(c in gap for c in ",;()"):
            return None
        first = getattr(span.value, "first", None)
        if first is not None and span.value.granularity == "day" and first != lead.value.first:
            return span
        return None
    return None


def _of_dropped(number: Span, asserted: list[Span], dropped: list[tuple[Span, str, Span | None]]) -> bool:
    """A casualty figure whose nearest casualty trigger is not asserted belongs to that other event."""
    if number.label not in _CASUALTY_FRAMES or not any(t.label in _CASUALTY_FRAMES for t, _, _ in dropped):
        return False
    near = [(t, False) for t in asserted if t.label in _CASUALTY_FRAMES]
    near += [(t, True) for t, _, _ in dropped if t.label in _CASUALTY_FRAMES]
    _, is_dropped = min(near, key=lambda p: min(abs(p[0].start - number.end), abs(number.start - p[0].end)))
    return is_dropped


def _inside_topic(
    number: Span, triggers: list[Span], cues: list[Span], folded: str, sentence: tuple[int, int]
) -> bool:
    """A figure governed by a topic/separate/background cue (of ``cues``) belongs to another event."""
    probe = Span(number.start, number.end, "number", "kill", "", None)
    modality, _ = modality_of(probe, cues, triggers, folded, sentence)
    return modality != ASSERTED
