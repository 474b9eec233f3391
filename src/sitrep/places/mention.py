"""A candidate place mention and the context the resolver decides on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gazetteer import Candidate

if TYPE_CHECKING:
    from .votes import Vote


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
    # The resolver's reading of the name without context (filled on first use).
    base: Readings | None = None


@dataclass(slots=True)
class Readings:
    """A name's candidates scored without context, best first, and what follows from them alone;
    the resolver keeps one per name (and admin words, brackets) and fills the rest on first use."""

    candidates: list[Candidate]
    scored: list[tuple[float, int, int, int]]  # (score, entry, country, admin1)
    plain: tuple[int, float] | None = None  # the best reading on its own: (entry, score)
    # Countries of the readings within reach of the best, with their likelihood, and the sum.
    spread: tuple[tuple[tuple[int, float], ...], float] | None = None
    # Filled on first use (most names need one or two of them):
    votes: dict[tuple[float, bool], Vote] | None = None  # (weight, local) -> Vote
    tiers: dict[int, tuple[int, bool]] | None = None  # entry -> its first (tier, alternate)
    one_country: bool | None = None  # every candidate lies in one country
    towns: dict[int, int] | None = None  # entry -> the entry meant (its main town)
