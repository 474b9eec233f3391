"""Small text helpers of the recogniser: the words around a name, brackets, sentence starts, the
parts of hyphenated words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from .fold import fold

K = TypeVar("K")
V = TypeVar("V")
MAX_CACHED = 200_000  # entries a recogniser's lookup caches hold before they start afresh


def remember(cache: dict[K, V], key: K, value: V, limit: int = MAX_CACHED) -> None:
    """Keep a value in a bounded cache (emptied when full: the entries that matter come back)."""
    if len(cache) > limit:
        cache.clear()
    cache[key] = value


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḌḤḨṢṬẒ"
_PREFIX = r"[a-z]{1,4}[-‐'’]"  # "al-", "d'": a lower-case article glued to a capitalised word
_WORD = rf"(?:{_PREFIX})?[{_UPPER}][\w'’]*(?:[-‐][\w'’]+)*"
_ABBR = r"(?:[A-Z]\.){2,}|(?:St|Ste|Ft|Mt)\.(?=[ \t]+[A-Z])"
_CONNECT = (
    r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|of|the|and|al|el|ad|az|as|ash|an|ar|at|"
    r"ez|es|bin|ibn|y|van|von|den|der|upon|on|sur|en|am|im)"
)
_TOKEN = rf"(?:{_ABBR}|{_WORD})"
# Up to two connectors between capitalised words: "Santa Cruz de la Sierra", "Dayr az Zawr".
_MORE = rf"(?:(?:[ \t]+|[ \t]*[-‐][ \t]*)(?:{_CONNECT}(?:[ \t]+|[-‐])){{0,2}}{_TOKEN})*"
# A capitalised run, defined plainly: a token at a word boundary, then more tokens.
RUN = re.compile(rf"\b(?=[{_UPPER}]|{_PREFIX}[{_UPPER}]){_TOKEN}{_MORE}")
# The same runs found faster: the pattern opens with a character class, so the engine jumps from
# capital to capital instead of trying every word boundary; the first token is ``_TOKEN`` read
# from its capital on (abbreviations, then words), and ``capitalised_runs`` reads a run with a glued
# lower-case prefix ("al-Assad") again from the prefix. Tests check both give the same runs.
_FIRST_REST = (
    r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?:(?<=S)te?|(?<=[FM])t)\.(?=[ \t]+[A-Z])|[\w'’]*(?:[-‐][\w'’]+)*)"
)
_FAST_RUN = re.compile(rf"[{_UPPER}](?<!\w.){_FIRST_REST}{_MORE}")
_GLUE = frozenset("-‐'’")
_GLUED_CAPITAL = re.compile(rf"[-‐'’][{_UPPER}]")
PIECE = re.compile(rf"{_TOKEN}|{_CONNECT}\b")


def capitalised_runs(text: str) -> list[tuple[int, str]]:
    """(start, run) of every run of capitalised words, left to right, as ``RUN.finditer`` finds them."""
    if _GLUED_CAPITAL.search(text) is None:  # most texts: no "al-Assad", nothing to read again
        return [(m.start(), m.group()) for m in _FAST_RUN.finditer(text)]
    return list(_glued_runs(text))


def _glued_runs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    while pos >= 0:
        restart = -1
        for m in _FAST_RUN.finditer(text, pos):
            start = m.start()
            glue = start - 1
            if glue > 0 and text[glue] in _GLUE:
                q = glue
                while q > 0 and glue - q < 5 and "a" <= text[q - 1] <= "z":
                    q -= 1
                whole = RUN.match(text, q) if 1 <= glue - q <= 4 else None  # rare: read it from the prefix
                if whole is not None:
                    yield q, whole.group()
                    if whole.end() != m.end():  # "al-U.S." is "al-U" then "S."
                        restart = whole.end()
                        break
                    continue
            yield start, m.group()
        pos = restart


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
MIN_HYPHEN_PART = 3  # letters of a part of a hyphenated word read as a name of its own


class LowerWords:
    """Does a word occur in lower case in the text? ("Hope" the town vs "hope" the word); answered
    by a substring search first, so that most texts never need a full word list."""

    __slots__ = ("_seen", "_text", "_words")

    def __init__(self, text: str) -> None:
        self._text = text
        self._words: set[str] | None = None
        self._seen: dict[str, bool] = {}  # names recur in a text: each is searched for once

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self._seen.get(word)
        if found is None:
            found = word in self._text
            if found:
                if self._words is None:
                    self._words = set(_LOWER_WORD.findall(self._text))
                found = word in self._words
            self._seen[word] = found
        return found


_HYPHEN = re.compile(r"[-‐]")


def hyphen_parts(cap: tuple[int, int, str]) -> list[tuple[int, int, str]]:
    """The capitalised parts of a hyphenated word ("Amsterdam-London", "London-based")."""
    start, _, word = cap
    if not _HYPHEN.search(word[1:]) or not word[:1].isupper():
        return []
    parts, pos = [], 0
    for piece in _HYPHEN.split(word):
        if piece[:1].isupper() and len(piece) >= MIN_HYPHEN_PART:  # not "Ti" of "Ti-n-Agadel"
            parts.append((start + pos, start + pos + len(piece), piece))
        pos += len(piece) + 1
    return parts if parts and parts[0][2] != word else []


def connector_before(pieces: list[tuple[int, int, str]], cap: tuple[int, int, str]) -> str:
    if cap not in pieces:
        return ""
    k = pieces.index(cap)
    if k > 0 and not is_cap(pieces[k - 1][2]):
        return pieces[k - 1][2].lower()
    return ""


def is_cap(piece: str) -> bool:
    return piece[:1].isupper() or ((len(piece) > 2 and piece[1:2] in "-‐'’") or "-" in piece[:5])


_CLAUSE_END = '.;:!?()"“”'
_WORD_PUNCT = ",'’‘"


def clause_tail(words: tuple[str, ...]) -> tuple[str, ...]:
    """The last words before a name (as split from the text), folded, that belong to its clause,
    closest last: ("said", "in") -> ("said", "in"); ("said.", "In") -> ("in",). (The recogniser
    remembers what the words say, so this runs once per new run of words.)"""
    out: list[str] = []
    for w in reversed(words):
        stripped = w.rstrip(_WORD_PUNCT)
        if not stripped or stripped[-1] in _CLAUSE_END:
            break
        out.append(fold(stripped.lstrip(_WORD_PUNCT)))
        if stripped != w or stripped[0] in _CLAUSE_END:
            break
    return tuple(out[::-1])


def in_brackets(text: str, start: int, end: int) -> bool:
    """Inside "( ... )" on the same line: "in Inkhil (Izra, Daraa)"."""
    opening = text.rfind("(", max(0, start - 60), start)
    if opening < 0:
        return False
    if ")" in text[opening:start] or "\n" in text[opening:start]:
        return False
    closing = text.find(")", end, end + 60)
    return closing >= 0 and "\n" not in text[end:closing] and "(" not in text[end:closing]


def sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'([":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—–-|•"
