"""Phrase matching over a folded text with one Aho-Corasick automaton per lexicon.

Shared by the actor and event lexicons. A lexicon key is a lower-case phrase; a key ending in ``*``
matches any word that starts with it ("shell*" matches "shelled", "shelling"). Matches always start
at a word boundary; keys without ``*`` must also end at one. Text is folded first (:func:`fold`),
which keeps every offset: folding never changes the length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

# Characters folded to a space or a plain quote so that "al-Shabaab", "al Shabaab" and
# "al‐Shabaab" match the same key. Each maps to exactly one character.
_FOLD = str.maketrans(
    {
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        "_": " ",
        "\n": " ",
        "\t": " ",
        "\r": " ",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Lower-case ``text`` and unify hyphens, dashes and quotes, keeping its length."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lower-cases to two characters: fold char by char
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.translate(_FOLD)


def fold_key(key: str) -> str:
    """Normalise a lexicon key: folded, single spaces, no surrounding space."""
    return " ".join(fold(key).split())


def _is_word(ch: str) -> bool:
    return ch.isalnum()


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A lexicon match: ``text[start:end]`` matched ``key``; ``values`` are the entries for it."""

    start: int
    end: int
    key: str
    values: tuple[T, ...]


class PhraseMatcher(Generic[T]):
    """Leftmost-longest phrase matching of many keys over a folded text."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        table: dict[str, tuple[bool, list[T]]] = {}
        for raw, value in entries:
            prefix = raw.endswith("*")
            key = fold_key(raw.rstrip("*"))
            if not key:
                continue
            slot = f"{key}*" if prefix else key
            table.setdefault(slot, (prefix, []))[1].append(value)
        self._automaton = ahocorasick.Automaton()
        self.size = len(table)
        for slot, (prefix, values) in table.items():
            key = slot.rstrip("*") if prefix else slot
            # Two slots ("shell" and "shell*") may share a key: store both under the key.
            found = self._automaton.get(key, None)
            entries_for_key: list[tuple[str, bool, tuple[T, ...]]] = list(found) if found else []
            entries_for_key.append((key, prefix, tuple(values)))
            self._automaton.add_word(key, entries_for_key)
        if self.size:
            self._automaton.make_automaton()

    def all_hits(self, folded: str) -> list[Hit[T]]:
        """Every match at word boundaries, overlapping ones included, by start then length."""
        if not self.size:
            return []
        hits: list[Hit[T]] = []
        n = len(folded)
        for end_index, entries in self._automaton.iter(folded):
            for key, prefix, values in entries:
                start = end_index - len(key) + 1
                if start > 0 and _is_word(folded[start - 1]):
                    continue
                end = end_index + 1
                if prefix:
                    while end < n and (_is_word(folded[end]) or folded[end] == "'"):
                        end += 1
                elif end < n and _is_word(folded[end]):
                    continue
                hits.append(Hit(start, end, key, values))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def find(self, folded: str) -> list[Hit[T]]:
        """Leftmost-longest, non-overlapping matches; keys matching the same span pool their values."""
        out: list[Hit[T]] = []
        last_end = -1
        for hit in self.all_hits(folded):
            if hit.start >= last_end:
                out.append(hit)
                last_end = hit.end
            elif out and hit.start == out[-1].start and hit.end == out[-1].end:
                prev = out[-1]
                out[-1] = Hit(prev.start, prev.end, prev.key, prev.values + hit.values)
        return out
