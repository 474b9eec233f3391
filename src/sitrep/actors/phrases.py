"""Phrase matching over a folded text with one Aho-Corasick automaton per lexicon.

Shared by the actor and event lexicons. A lexicon key is a lower-case phrase; a key ending in ``*``
matches any word that starts with it ("shell*" matches "shelled", "shelling"). Matches always start
at a word boundary; keys without ``*`` must also end at one. Text is folded first (:func:`fold`),
which keeps every offset: folding never changes the length of the text.
"""

from __future__ import annotations

import re
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


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A lexicon match: ``text[start:end]`` matched ``key``; ``values`` are the entries for it."""

    start: int
    end: int
    key: str
    values: tuple[T, ...]


_PLAIN = re.compile(r"[\w' ]+")
# ASCII punctuation read as spaces for the word-anchored automaton ("(Kano)" -> " Kano ").
_TO_SPACE = str.maketrans({c: " " for c in '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\n\t\r'})


_Entry = tuple[str, bool, tuple[T, ...]]  # (key, is prefix key, values)


class _Automaton(Generic[T]):
    """One Aho-Corasick automaton; ``anchored`` ones only start matches at word starts.

    Anchored automata scan leftmost-longest (``iter_long``): a word start yields one match, and when
    the longest key there does not end at a word boundary, the keys it starts with are tried, longest
    first. Keys that match the same span pool their values ("clash*" and "clashed").
    """

    def __init__(self, table: dict[str, tuple[bool, list[T]]], anchored: bool) -> None:
        self.anchored = anchored
        self.automaton = ahocorasick.Automaton()
        self.entries: dict[str, list[_Entry[T]]] = {}
        for slot, (prefix, values) in table.items():
            key = slot.rstrip("*") if prefix else slot
            word = f" {key}" if anchored else key
            # Two slots ("shell" and "shell*") may share a key: store both under it.
            self.entries.setdefault(word, []).append((key, prefix, tuple(values)))
        for word, entries in self.entries.items():
            self.automaton.add_word(word, entries)
        # For each key, the shorter keys it starts with (longest first): the fallbacks of iter_long.
        self.shorter: dict[str, tuple[str, ...]] = {
            word: tuple(word[:k] for k in range(len(word) - 1, 1, -1) if word[:k] in self.entries)
            for word in self.entries
        }
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def _word_hits(self, folded: str, start: int, words: tuple[str, ...], out: list[Hit[T]]) -> int:
        """Hits at ``start`` for the first of ``words`` with a valid match, pooled; returns the end."""
        n = len(folded)
        best = -1
        found: list[Hit[T]] = []
        for word in words:
            for key, prefix, values in self.entries[word]:
                end = start + len(key)
                if prefix:
                    while end < n and (folded[end].isalnum() or folded[end] == "'"):
                        end += 1
                elif end < n and folded[end].isalnum():
                    continue
                if end > best:
                    best, found = end, [Hit(start, end, key, values)]
                elif end == best:
                    found.append(Hit(start, end, key, values))
        out.extend(found)
        return best

    def hits(self, folded: str, plain: str, out: list[Hit[T]], lo: int = 0, hi: int | None = None) -> None:
        if not self.size:
            return
        if not self.anchored:
            self._overlapping(folded, out)
            return
        hi = len(plain) if hi is None else hi
        for end_index, entries in self.automaton.iter_long(plain, lo, hi):
            word = " " + entries[0][0]
            start = end_index + 1 - len(word)  # offset of the word in folded (plain has one more char)
            end = self._word_hits(folded, start, (word, *self.shorter[word]), out)
            if 0 <= end < end_index:  # a shorter key won: keys may start in the rest of the long match
                self.hits(folded, plain, out, end + 1, end_index + 1)

    def _overlapping(self, folded: str, out: list[Hit[T]]) -> None:
        n = len(folded)
        for end_index, entries in self.automaton.iter(folded):
            end0 = end_index + 1
            for key, prefix, values in entries:
                start = end0 - len(key)
                if start > 0 and folded[start - 1].isalnum():
                    continue
                end = end0
                if prefix:
                    while end < n and (folded[end].isalnum() or folded[end] == "'"):
                        end += 1
                elif end < n and folded[end].isalnum():
                    continue
                out.append(Hit(start, end, key, values))


class PhraseMatcher(Generic[T]):
    """Leftmost-longest phrase matching of many keys over a folded text.

    Keys made of letters, digits, apostrophes and spaces run in an automaton anchored at word
    starts (over the text with every other character read as a space), so common short keys ("a",
    "no") never match inside words; the few keys with punctuation ("[size", "looting:") run in a
    second automaton over the folded text.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        plain: dict[str, tuple[bool, list[T]]] = {}
        other: dict[str, tuple[bool, list[T]]] = {}
        for raw, value in entries:
            prefix = raw.endswith("*")
            key = fold_key(raw.rstrip("*"))
            if not key:
                continue
            table = plain if _PLAIN.fullmatch(key) else other
            slot = f"{key}*" if prefix else key
            table.setdefault(slot, (prefix, []))[1].append(value)
        self._plain: _Automaton[T] = _Automaton(plain, anchored=True)
        self._other: _Automaton[T] = _Automaton(other, anchored=False)
        self.size = self._plain.size + self._other.size

    def all_hits(self, folded: str) -> list[Hit[T]]:
        """Matches at word boundaries, by start then length (leftmost-longest among plain keys)."""
        hits: list[Hit[T]] = []
        if self._plain.size:
            # a quote opening a word is punctuation too: "'flash mob'"
            self._plain.hits(folded, " " + folded.translate(_TO_SPACE).replace(" '", "  "), hits)
        self._other.hits(folded, "", hits)
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
