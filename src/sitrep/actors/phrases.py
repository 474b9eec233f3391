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


def _byte_table(table: dict[int, str]) -> bytes:
    """The ASCII part of a str.translate table as a bytes.translate table (a faster loop)."""
    out = bytearray(range(256))
    for code, repl in table.items():
        if code < 128:
            out[code] = ord(repl)
    return bytes(out)


_FOLD_BYTES = _byte_table(_FOLD)


def fold(text: str) -> str:
    """Lower-case ``text`` and unify hyphens, dashes and quotes, keeping its length."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lower-cases to two characters: fold char by char
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if low.isascii():
        return low.encode("ascii").translate(_FOLD_BYTES).decode("ascii")
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
_TO_SPACE_BYTES = _byte_table(_TO_SPACE)


def plain_text(folded: str) -> str:
    """The text the word-anchored automata scan: a leading space, ASCII punctuation read as spaces
    and a quote opening a word read as a space too ("'flash mob'"). ``plain[i + 1]`` is ``folded[i]``."""
    if folded.isascii():
        plain = folded.encode("ascii").translate(_TO_SPACE_BYTES).decode("ascii")
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
            # The common case, a plain key that no other key of the word can tie or outrun: it is
            # the match when it ends at a word boundary (as (length, plan, key length, key, values);
            # the plan, None for a lone key, holds the shorter keys to try when it does not).
            one = chain[0]
            if not one[1] and _PLAIN.fullmatch(one[0]) and not plan[0][5]:
                fallback = plan if len(chain) > 1 else None
                self.automaton.add_word(word, (len(word), fallback, len(one[0]), one[0], one[2]))
            else:
                self.automaton.add_word(word, (len(word), plan, 0, "", ()))
        self.size = len(table)
        if self.size:
            self.automaton.make_automaton()

    def hits(
        self,
        folded: str,
        plain: str,
        out: list[Hit[T]],
        ranges: Sequence[tuple[int, int]],
        *,
        pool: bool = False,
    ) -> None:
        """Append the matches in the ``plain[lo:hi]`` of ``ranges`` (sorted, apart) to ``out``, by
        start; keys matching the same span come one after the other, or as one hit with their
        values pooled (``pool``).

        Matches never overlap: a scan resumes after the end of its last match, a prefix key
        extends a match to the end of its word only, and the keys found inside a long match start
        after the end of the keys found at its start."""
        if not self.size:
            return
        n = len(folded)
        tail = _WORD_TAIL.match
        new = _new_hit
        iter_long = self.automaton.iter_long
        whole = len(plain)
        for lo, hi in ranges:
            if hi - lo < whole // 2:
                # the automaton copies the text it reads: a short range is read from its own copy
                offset, scan = lo, iter_long(plain[lo:hi])
            else:
                offset, scan = 0, iter_long(plain, lo, hi)
            for scan_end, (length, plan, one_len, one_key, one_values) in scan:
                end_index = scan_end + offset  # in plain
                start = end_index + 1 - length  # offset of the word in folded (plain has one more char)
                if one_len:
                    end = start + one_len
                    if end >= n or not folded[end].isalnum():
                        out.append(new(Hit, (start, end, one_key, one_values)))
                        continue
                    if plan is None:  # inside a longer word: only keys after a space in it
                        if " " in plain[start + 1 : end_index + 1]:
                            self.hits(folded, plain, out, ((start + 1, end_index + 1),), pool=pool)
                        continue
                    # else the shorter keys of the plan
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
                if pool and len(found) > 1:  # keys matching the same span: one hit, the first key's
                    pooled = found[0][3]
                    for other in found[1:]:
                        pooled = pooled + other[3]
                    out.append(new(Hit, (start, best, found[0][2], pooled)))
                else:
                    out.extend(found)
                # keys may start in the rest of the long match, after a space in it
                if best < end_index and " " in plain[max(best, start) + 1 : end_index + 1]:
                    self.hits(folded, plain, out, ((max(best, start) + 1, end_index + 1),), pool=pool)


class Coalesced(tuple[tuple[int, int], ...]):
    """Ranges of a text sorted, with those a few characters apart joined (see :func:`coalesce`):
    what the matchers scan, one range at a time. Build it once to search several lexicons."""

    __slots__ = ()


def coalesce(ranges: Sequence[tuple[int, int]], gap: int = 3) -> Coalesced:
    """Sorted ranges with those a few characters apart joined (adjacent sentences): one scan each."""
    if isinstance(ranges, Coalesced):
        return ranges
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start - out[-1][1] <= gap:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return Coalesced(out)


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
            self._automaton.hits(folded, plain, hits, self._scans(folded, ranges))
        # already in order: a scan yields its matches by start, and a match's keys, and the keys
        # inside it, start no earlier than it and end no later than the next match starts
        return hits

    def find(
        self, folded: str, plain: str | None = None, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Hit[T]]:
        """Leftmost-longest, non-overlapping matches; keys matching the same span pool their values."""
        hits: list[Hit[T]] = []
        if self.size:
            if plain is None:
                plain = plain_text(folded)
            # matches never overlap (see _Automaton.hits): the scan's order is leftmost-longest
            self._automaton.hits(folded, plain, hits, self._scans(folded, ranges), pool=True)
        return hits

    @staticmethod
    def _scans(folded: str, ranges: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
        """The spans of :func:`plain_text` to scan for ``ranges`` of the text (all of it: None)."""
        if ranges is None:
            return [(0, len(folded) + 1)]
        return [(start, end + 1) for start, end in coalesce(ranges)]
