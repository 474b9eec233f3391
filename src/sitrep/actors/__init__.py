"""Actors: who acts and who is acted upon, as ACLED-style actors with inter codes.

``ActorLexicon.default()`` holds the dictionary (``data/actors/``); ``ActorStage`` writes the
``actor`` layer; :meth:`ActorLexicon.actor` names a mention for an event's country and date.
"""

from .lexicon import INTER_LABELS, ActorEntry, ActorLexicon
from .phrases import PhraseMatcher, fold
from .stage import ActorMention, ActorStage, find_actors

__all__ = [
    "INTER_LABELS",
    "ActorEntry",
    "ActorLexicon",
    "ActorMention",
    "ActorStage",
    "PhraseMatcher",
    "find_actors",
    "fold",
]
