"""Event mentions: one per sentence that asserts at least one event frame.

A mention gathers, for one sentence, the asserted triggers (by frame, with their weights), the
frames only mentioned as context (the topic of a protest, fighting "coded separately"), the casualty
figures that belong to it, and the roles attached to its main trigger.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..models import Span
from .arguments import Roles, attach, clause_breaks
from .modality import ASSERTED, modality_of

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


@dataclass(frozen=True, slots=True)
class Mention:
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
) -> list[Mention]:
    """Group the layers by sentence and keep the sentences that assert an event."""
    out: list[Mention] = []
    starts = [s for s, _ in sentences]
    with_triggers = sorted({bisect_right(starts, t.start) - 1 for t in triggers})
    cue_starts = [c.start for c in cues]
    num_starts = [n.start for n in numbers]
    actor_starts = [a.start for a in actors]
    trig_starts = [t.start for t in triggers]
    for si in with_triggers:
        if si < 0:
            continue
        s_start, s_end = sentences[si]
        s_trig = _within(triggers, trig_starts, s_start, s_end)
        if not s_trig:
            continue
        s_cues = _within(cues, cue_starts, s_start, s_end)
        s_nums = _within(numbers, num_starts, s_start, s_end)
        s_actors = _within(actors, actor_starts, s_start, s_end)
        asserted: list[Span] = []
        dropped: list[tuple[Span, str, Span | None]] = []
        for trig in s_trig:
            modality, cue = modality_of(trig, s_cues, s_trig, folded, (s_start, s_end))
            if modality == ASSERTED:
                asserted.append(trig)
            else:
                dropped.append((trig, modality, cue))
        if not asserted:
            continue
        frames: dict[str, float] = {}
        for trig in asserted:
            frames[trig.label] = max(frames.get(trig.label, 0.0), trig.score)
        main_i = min(
            range(len(asserted)),
            key=lambda i: (FRAME_RANK.get(asserted[i].label, 99), -asserted[i].score, asserted[i].start),
        )
        main = asserted[main_i]
        roles = _roles(text, folded, (s_start, s_end), asserted, s_actors, main_i=main_i)
        kept_numbers = tuple(
            n
            for n in s_nums
            if n.label != "cumulative" and not _inside_topic(n, s_trig, s_cues, folded, (s_start, s_end))
        )
        out.append(
            Mention(
                sentence=(s_start, s_end),
                zone=zones[si],
                frames=tuple(frames.items()),
                context=frozenset(t.label for t, _, _ in dropped),
                triggers=tuple(asserted),
                dropped=tuple(dropped),
                main=main,
                roles=roles[main_i],
                trigger_roles=roles,
                numbers=kept_numbers,
                actors=tuple(s_actors),
            )
        )
    return out


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
        return tuple(Roles() for _ in triggers)
    by_frame: dict[str, Roles] = {}
    out = []
    breaks = clause_breaks(folded, sentence)
    first = min(t.start for t in triggers)
    for i, trig in enumerate(triggers):
        if i == main_i or trig.label not in by_frame:
            roles = attach(text, folded, sentence, trig, actors, breaks=breaks, subject_before=first)
            by_frame.setdefault(trig.label, roles)
            out.append(roles)
        else:
            out.append(by_frame[trig.label])
    return tuple(out)


def _within(spans: list[Span], starts: list[int], start: int, end: int) -> list[Span]:
    """Spans starting in [start, end) of a list sorted by start (``starts`` = their starts)."""
    return spans[bisect_left(starts, start) : bisect_left(starts, end)]


def _inside_topic(
    number: Span, triggers: list[Span], cues: list[Span], folded: str, sentence: tuple[int, int]
) -> bool:
    """A figure governed by a topic/separate/background cue belongs to another event."""
    probe = Span(number.start, number.end, "number", "kill", "", None)
    modality, _ = modality_of(
        probe, [c for c in cues if c.label in ("topic", "separate", "background")], triggers, folded, sentence
    )
    return modality != ASSERTED
