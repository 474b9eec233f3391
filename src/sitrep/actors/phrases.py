"""Phrase matching over a folded text with one Aho-Corasick automaton per lexicon.

Shared by the actor and event lexicons. A lexicon key is a lower-case phrase; a key ending in ``*``
matches any word that starts with it ("shell*" matches "shelled", "shelling"). Matches always start
at a word boundary; keys without ``*`` must also end at one. Text is folded first (:func:`fold`),
which keeps every offset: folding never changes the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

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


_FOLD_ITEMS = tuple((chr(code), str(repl)) for code, repl in _FOLD.items())


def fold(text: str) -> str:
    """Lower-case ``text`` and unify hyphens, dashes and quotes, keeping its length."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lower-cases to two characters: fold char by char
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if low.isascii():
        return low.translate(_FOLD)  # CPython's fast path for ASCII text
    # str.translate looks every character up in a dict once the text is not ASCII (~15x slower):
    # a few replace() scans are cheaper
    for char, replacement in _FOLD_ITEMS:
        if char in low:
            low = low.replace(char, replacement)
    return low


def fold_key(key: str) -> str:
    """Normalise a lexicon key: folded, single spaces, no surrounding space."""
    return " ".join(fold(key).split())


class Hit(NamedTuple, Generic[T]):
    """A lexicon match: ``text[start:end]`` matched ``key``; ``values`` are the entries for it."""

    start: int
    end: int
    key: str
    values: tuple[T, ...]


_PLAIN = re.compile(r"[\w' ]+")
# ASCII punctuation read as spaces for the word-anchored automaton ("(Kano)" -> " Kano ").
_TO_SPACE = str.maketrans({c: " " for c in '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\n\t\r'})
_TO_SPACE_ITEMS = tuple((chr(code), str(repl)) for code, repl in _TO_SPACE.items())


def plain_text(folded: str) -> str:
    """The text the word-anchored automata scan: a leading space, ASCII punctuation read as spaces
    and a quote opening a word read as a space too ("'flash mob'"). ``plain[i + 1]`` is ``folded[i]``."""
    if folded.isascii():
        plain = folded.translate(_TO_SPACE)
    else:
        plain = folded
        for char, replacement in _TO_SPACE_ITEMS:
            if char in plain:
                plain = plain.replace(char, replacement)
    return " " + plain.replace(" '", "  ")


_Entry = tuple[str, bool, tuple[T, ...]]  # (key, is prefix key, values)
# How to read a match of the anchored automaton: each candidate key, longest first, as (length,
# is prefix key, values, key, whether a later candidate may still end as far: a prefix key).
_Plan = tuple[tuple[int, bool, tuple[T, ...], str, bool], ...]
# The rest of a word after a prefix key ("shell*" -> "shelling"): letters, digits, apostrophes.
_WORD_TAIL = re.compile(r"(?:[^\W_]|')*")


class _Automaton(Generic[T]):
    """One Aho-Corasick automaton; ``anchored`` ones only start matches at word starts.

    Anchored automata scan leftmost-longest (``iter_long``): a word start yields one match, and when
    the longest key there does not end at a word boundary, the keys it starts with are tried, longest
    first. Keys that match the same span pool their values ("clash*" and "clashed").
    """

    def __init__(self, table: dict[str, tuple[bool, list[T]]], anchored: bool) -> None:
        self.anchored = anchored
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[_Entry[T]]] = {}
        for slot, (prefix, values) in table.items():
            key = slot.rstrip("*") if prefix else slot
            word = f" {key}" if anchored else key
            # Two slots ("shell" and "shell*") may share a key: store both under it.
            entries.setdefault(word, []).append((key, prefix, tuple(values)))
        for word, items in entries.items():
            if not anchored:
                self.automaton.add_word(word, items)
                continue
            # the key, then the shorter keys it starts with (longest first): the fallbacks of iter_long
            chain = [e for k in range(len(word), 1, -1) if word[:k] in entries for e in entries[word[:k]]]
            plan: _Plan[T] = tuple(
                (len(key), prefix, values, key, any(p for _, p, _ in chain[i + 1 :]))
                for i, (key, prefix, values) in enumerate(chain)
            )
            self.automaton.add_word(word, (len(word), plan))
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def hits(self, folded: str, plain: str, out: list[Hit[T]], lo: int = 0, hi: int | None = None) -> None:
        if not self.size:
            return
        if not self.anchored:
            self._overlapping(folded, out, lo, len(folded) if hi is None else hi)
            return
        n = len(folded)
        tail = _WORD_TAIL.match
        for end_index, (length, plan) in self.automaton.iter_long(
            plain, lo, len(plain) if hi is None else hi
        ):
            start = end_index + 1 - length  # offset of the word in folded (plain has one more char)
            best = -1
            found: list[Hit[T]] = []
            for k_len, prefix, values, key, more in plan:
                end = start + k_len
                if prefix:
                    end = tail(folded, end).end()  # type: ignore[union-attr]  # always matches
                elif end < n and folded[end].isalnum():
                    continue
                if end > best:
                    best, found = end, [Hit(start, end, key, values)]
                elif end == best:
                    found.append(Hit(start, end, key, values))
                if not more:
                    break
            if found:
                out.extend(found)
            if 0 <= best < end_index:  # a shorter key won: keys may start in the rest of the long match
                self.hits(folded, plain, out, best + 1, end_index + 1)

    def _overlapping(self, folded: str, out: list[Hit[T]], lo: int, hi: int) -> None:
        n = len(folded)
        for end_index, entries in self.automaton.iter(folded, lo, hi):
            end0 = end_index + 1
            for key, prefix, values in entries:
                start = end0 - len(key)
                if start > 0 and folded[start - 1].isalnum():
                    continue
                end = end0
                if prefix:
                    end = _WORD_TAIL.match(folded, end).end()  # type: ignore[union-attr]
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

    def all_hits(
        self, folded: str, plain: str | None = None, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Hit[T]]:
        """Matches at word boundaries, by start then length (leftmost-longest among plain keys).

        ``plain`` is :func:`plain_text` of ``folded`` (computed when not given); ``ranges`` limit the
        search to those [start, end) spans of the text (e.g. the sentences worth reading).
        """
        hits: list[Hit[T]] = []
        spans = [(0, len(folded))] if ranges is None else ranges
        if self._plain.size:
            if plain is None:
                plain = plain_text(folded)
            for start, end in spans:
                self._plain.hits(folded, plain, hits, start, end + 1)
        if self._other.size and spans:
            # few keys with punctuation: one pass over the whole span, then keep the hits in a range
            found: list[Hit[T]] = []
            self._other.hits(folded, "", found, spans[0][0], spans[-1][1])
            hits.extend(h for h in found if any(a <= h.start and h.end <= b for a, b in spans))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def find(
        self, folded: str, plain: str | None = None, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Hit[T]]:
        """Leftmost-longest, non-overlapping matches; keys matching the same span pool their values."""
        out: list[Hit[T]] = []
        last_end = -1
        for hit in self.all_hits(folded, plain, ranges):
            if hit.start >= last_end:
                out.append(hit)
                last_end = hit.end
            elif out and hit.start == out[-1].start and hit.end == out[-1].end:
                prev = out[-1]
                out[-1] = Hit(prev.start, prev.end, prev.key, prev.values + hit.values)
        return out
