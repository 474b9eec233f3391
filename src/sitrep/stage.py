"""The contract every annotation stage keeps.

A stage is a small object with explicit options. It declares the layers it reads (``requires``)
and the layers it writes (``assigns``); :class:`sitrep.pipeline.Pipeline` checks the order before
it runs, like spaCy's ``analyze_pipes``. Heavy resources (gazetteer index, lexicon automata) are
built lazily on first call and shared by every document the stage sees.
"""

from __future__ import annotations

from typing import Protocol

from .models import Doc


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> None:
        """Add this stage's layers to ``doc``."""
