"""Phrase matching over a folded text with one Aho-Corasick automaton per lexicon.

Shared by the actor and event lexicons. A lexicon key is a lower-case phrase; a key ending in ``*``
matches any word that starts with it ("shell*" matches "shelled", "shelling"). Matches always start
at a word boundary; keys without ``*`` must also end at one. Text is folded first (:func:`fold`),
which keeps every offset: folding never changes the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
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


# Hit(start, end, key, values) without the Python-level __new__ of a NamedTuple (hot path)
_new_hit = tuple.__new__

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


@lru_cache(maxsize=4)
def fold_plain(text: str) -> tuple[str, str]:
    """:func:`fold` and :func:`plain_text` of ``text``, kept for the last few texts: the actor and
    event stages read the same article one after the other."""
    folded = fold(text)
    return folded, plain_text(folded)


_Entry = tuple[str, bool, tuple[T, ...]]  # (key, is prefix key, values)
# How to read a match of the automaton: each candidate key, longest first, as (length, is prefix key,
# values, key, whether the text must be compared with the key (it has punctuation, which the
# automaton reads as spaces), whether a later candidate may still end as far: a prefix key).
_Plan = tuple[tuple[int, bool, tuple[T, ...], str, bool, bool], ...]
# The rest of a word after a prefix key ("shell*" -> "shelling"): letters, digits, apostrophes.
_WORD_TAIL = re.compile(r"(?:[^\W_]|')*")


class _Automaton(Generic[T]):
    """One Aho-Corasick automaton over :func:`plain_text`, whose matches start at word starts.

    It scans leftmost-longest (``iter_long``): a word start yields one match, and when the longest
    key there does not end at a word boundary (or, for a key with punctuation, differs from the
    text), the keys it starts with are tried, longest first. Keys that match the same span pool
    their values ("clash*" and "clashed").
    """

    def __init__(self, table: dict[str, tuple[bool, list[T]]]) -> None:
        self.automaton = ahocorasick.Automaton()
        entries: dict[str, list[_Entry[T]]] = {}
        for slot, (prefix, values) in table.items():
            key = slot.rstrip("*") if prefix else slot
            # as the automaton reads it: "looting:" -> " looting", "[size" -> "  size" (a trailing
            # space would swallow the space before the next word)
            word = (" " + key.translate(_TO_SPACE).replace(" '", "  ")).rstrip(" ")
            # Two slots ("shell" and "shell*") or two spellings ("a/b", "a b") may share a word.
            entries.setdefault(word, []).append((key, prefix, tuple(values)))
        for word in entries:
            # the word, then the shorter words it starts with (longest first): the fallbacks
            chain = [
                e
                for k in range(len(word), 1, -1)
                if word[:k] in entries
                for e in sorted(entries[word[:k]], key=lambda e: -len(e[0]))
            ]
            plan: _Plan[T] = tuple(
                (
                    len(key),
                    prefix,
                    values,
                    key,
                    not _PLAIN.fullmatch(key),
                    any(p or len(k) >= len(key) for k, p, _ in chain[i + 1 :]),
                )
                for i, (key, prefix, values) in enumerate(chain)
            )
            # the common case, one plain key: read without the plan, as (length, None, key length,
            # key, values)
            one = chain[0]
            if len(chain) == 1 and not one[1] and _PLAIN.fullmatch(one[0]):
                self.automaton.add_word(word, (len(word), None, len(one[0]), one[0], one[2]))
            else:
                self.automaton.add_word(word, (len(word), plan, 0, "", ()))
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def hits(self, folded: str, plain: str, out: list[Hit[T]], lo: int = 0, hi: int | None = None) -> None:
        """Append the matches in ``plain[lo:hi]`` to ``out``, by start (keys matching the same span
        one after the other)."""
        if not self.size:
            return
        n = len(folded)
        tail = _WORD_TAIL.match
        new = _new_hit
        for end_index, (length, plan, one_len, one_key, one_values) in self.automaton.iter_long(
            plain, lo, len(plain) if hi is None else hi
        ):
            start = end_index + 1 - length  # offset of the word in folded (plain has one more char)
            if plan is None:
                end = start + one_len
                if end < n and folded[end].isalnum():  # inside a longer word: only keys after a space in it
                    if " " in plain[start + 1 : end_index + 1]:
                        self.hits(folded, plain, out, start + 1, end_index + 1)
                else:
                    out.append(new(Hit, (start, end, one_key, one_values)))
                continue
            best = -1
            found: list[Hit[T]] = []
            for k_len, prefix, values, key, check, more in plan:
                end = start + k_len
                if check and not folded.startswith(key, start):
                    continue
                if prefix:
                    end = tail(folded, end).end()  # type: ignore[union-attr]  # always matches
                elif end < n and folded[end].isalnum():
                    continue
                if end > best:
                    best, found = end, [new(Hit, (start, end, key, values))]
                elif end == best:
                    found.append(new(Hit, (start, end, key, values)))
                if not more:
                    break
            if found:
                out.extend(found)
            # keys may start in the rest of the long match, after a space in it
            if best < end_index and " " in plain[max(best, start) + 1 : end_index + 1]:
                self.hits(folded, plain, out, max(best, start) + 1, end_index + 1)


def _coalesce(ranges: Sequence[tuple[int, int]], gap: int = 3) -> list[tuple[int, int]]:
    """Sorted ranges with those a few characters apart joined (adjacent sentences): one scan each."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start - out[-1][1] <= gap:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


class PhraseMatcher(Generic[T]):
    """Leftmost-longest phrase matching of many keys over a folded text.

    Keys run in one Aho-Corasick automaton anchored at word starts, over the text with ASCII
    punctuation read as spaces (:func:`plain_text`), so common short keys ("a", "no") never match
    inside words; keys with punctuation ("[size", "looting:") are compared with the text itself.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        table: dict[str, tuple[bool, list[T]]] = {}
        for raw, value in entries:
            prefix = raw.endswith("*")
            key = fold_key(raw.rstrip("*"))
            if not key:
                continue
            slot = f"{key}*" if prefix else key
            table.setdefault(slot, (prefix, []))[1].append(value)
        self._automaton: _Automaton[T] = _Automaton(table)
        self.size = self._automaton.size

    def all_hits(
        self, folded: str, plain: str | None = None, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Hit[T]]:
        """Matches at word boundaries, by start then length (leftmost-longest among plain keys).

        ``plain`` is :func:`plain_text` of ``folded`` (computed when not given); ``ranges`` limit the
        search to those [start, end) spans of the text (e.g. the sentences worth reading).
        """
        hits: list[Hit[T]] = []
        if self.size:
            if plain is None:
                plain = plain_text(folded)
            for start, end in [(0, len(folded))] if ranges is None else _coalesce(ranges):
                self._automaton.hits(folded, plain, hits, start, end + 1)
        # already in order: a scan yields its matches by start, and a match's keys, and the keys
        # inside it, start no earlier than it and end no later than the next match starts
        return hits

    def find(
        self, folded: str, plain: str | None = None, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Hit[T]]:
        """Leftmost-longest, non-overlapping matches; keys matching the same span pool their values."""
        out: list[Hit[T]] = []
        last_end = -1
        for hit in self.all_hits(folded, plain, ranges):
            if hit[0] >= last_end:
                out.append(hit)
                last_end = hit[1]
            elif out and hit[0] == out[-1][0] and hit[1] == out[-1][1]:
                prev = out[-1]
                out[-1] = _new_hit(Hit, (prev[0], prev[1], prev[2], prev[3] + hit[3]))
        return out
