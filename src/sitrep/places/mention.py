"""A candidate place mention and the context the resolver decides on."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Candidate


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    kind: str = "place"  # place | demonym | embedded
    demonym: str | None = None  # ISO alpha-2 of a demonym
    cue: bool = False  # a location word right before ("in", "near", "north of")
    near: bool = False
    direction: str | None = None
    admin: tuple[str, ...] = ()  # features an adjacent admin type word asks for
    multiword: bool = False
    sentence_start: bool = False
    common_word: bool = False  # the word also appears in lower case in the text
    person: bool = False  # after a title, or part of a personal name
    parent: int | None = None  # index of the mention it is contained in ("Jabalia, Gaza")
    extra: dict[str, object] = field(default_factory=dict)
    # The resolver's scores of the candidates without context, best first (filled on first use).
    base: list[tuple[float, int, int, int]] | None = None
