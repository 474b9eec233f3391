"""Find place-name candidates in text: capitalised runs looked up in the gazetteer, with their context.

One regular expression finds runs of capitalised words (with lower-case connectors such as "de",
"of", "al-", "ez-" inside); inside each run the longest sub-runs known to the gazetteer win, left to
right. Each :class:`Mention` keeps what the resolver needs to decide: the candidates, the words
around it (location cue, "near", direction, admin type word), whether it sits inside an
organisation's name or after a person's title, whether it starts a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import fold, loose, skeleton
from .gazetteer import Candidate, Gazetteer
from .lexicon import Lexicon

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽḌḤḨṢṬẒ"
_WORD = rf"(?:[a-z]{{1,4}}[-‐'’])?[{_UPPER}][\w'’]*(?:[-‐][\w'’]+)*"
_ABBR = r"(?:[A-Z]\.){2,}|(?:St|Ste|Ft|Mt)\.(?=[ \t]+[A-Z])"
_CONNECT = (r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|of|the|and|al|el|ad|az|as|ash|an|ar|at|"
            r"ez|es|bin|ibn|y|van|von|den|der|upon|on|sur|en|am|im)")
_TOKEN = rf"(?:{_ABBR}|{_WORD})"
_RUN = re.compile(rf"{_TOKEN}(?:(?:[ \t]+|[ \t]*[-‐][ \t]*)(?:{_CONNECT}(?:[ \t]+|[-‐]))?{_TOKEN})*")
_PIECE = re.compile(rf"{_TOKEN}|{_CONNECT}")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’]+\b")
_PREV_WORDS = re.compile(r"([\w'’.-]+)[ \t]*(?:,[ \t]*)?$")
MAX_TOKENS = 6


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


def _is_cap(piece: str) -> bool:
    return piece[:1].isupper() or (len(piece) > 2 and piece[1:2] in "-‐'’" or "-" in piece[:5])


def _prev_words(text: str, start: int, n: int) -> list[str]:
    """The n folded words before a position (closest last), within the same clause."""
    window = text[max(0, start - 60) : start]
    words = re.findall(r"[\w'’-]+|[.;:!?()\"“”]", window)
    out: list[str] = []
    for w in reversed(words):
        if not w[0].isalnum():
            break
        out.append(fold(w))
        if len(out) == n:
            break
    return out[::-1]


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'([":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—–-|•"


class Recognizer:
    """Candidate mentions of places in a text, with their context (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lex = lexicon
        self._cache: dict[str, list[Candidate]] = {}

    def lookup(self, name: str) -> list[Candidate]:
        found = self._cache.get(name)
        if found is None:
            f = fold(name)
            if f in self.lex.not_places or not f:
                found = []
            else:
                lk = loose(f)
                found = self.gazetteer.lookup(f, lk, skeleton(lk) if len(lk) >= 6 else "")
            if len(self._cache) > 200_000:
                self._cache.clear()
            self._cache[name] = found
        return found

    def mentions(self, text: str) -> list[Mention]:
        lex = self.lex
        lower_words = set(_LOWER_WORD.findall(text))
        out: list[Mention] = []
        for run in _RUN.finditer(text):
            pieces = [(m.start() + run.start(), m.end() + run.start(), m.group())
                      for m in _PIECE.finditer(run.group())]
            caps = [p for p in pieces if _is_cap(p[2])]
            folded = [fold(p[2]) for p in caps]
            i = 0
            while i < len(caps):
                found = None
                for j in range(min(len(caps), i + MAX_TOKENS) - 1, i - 1, -1):
                    s, e = caps[i][0], caps[j][1]
                    name = text[s:e]
                    if name.endswith(("'s", "’s")):
                        name, e = name[:-2], e - 2
                    demonym = lex.demonyms.get(fold(name))
                    if demonym is not None:
                        found = Mention(s, e, name, [], kind="demonym", demonym=demonym)
                        break
                    cands = self.lookup(name)
                    if cands:
                        found = Mention(s, e, name, cands, multiword=j > i)
                        break
                if found is None:
                    i += 1
                    continue
                self._context(text, found, caps, folded, i, j, lower_words)
                out.append(found)
                i = j + 1
        self._containment(text, out)
        return out

    def _context(self, text: str, m: Mention, caps: list[tuple[int, int, str]], folded: list[str], i: int,
                 j: int, lower_words: set[str]) -> None:
        lex = self.lex
        before = _prev_words(text, m.start, 4)
        # Words inside the same capitalised run count as context too ("President Kenyatta").
        run_before = folded[:i]
        run_after = folded[j + 1 :]
        last = before[-1] if before else ""
        if last in lex.person_titles or (run_before and run_before[-1] in lex.person_titles):
            m.person = True
        if any(w in lex.organisation_words for w in run_before + run_after[:3]):
            m.kind = "embedded" if m.kind == "place" else m.kind
        if run_after and run_after[0] in lex.admin_types:
            m.admin = lex.admin_types[run_after[0]]
            m.kind = "place" if m.kind == "embedded" else m.kind
        elif not run_after:
            after = text[m.end : m.end + 40].lower().split()
            for n in (2, 1):
                if len(after) >= n:
                    key = fold(" ".join(after[:n]))
                    if key in lex.admin_types:
                        m.admin = lex.admin_types[key]
                        break
        if run_before and run_before[-1] in lex.admin_types and len(before) >= 2 and before[-2] == "of":
            m.admin = lex.admin_types[run_before[-1]]
        phrase = " ".join(before)
        for cue in lex.near_cues:
            if phrase.endswith(cue):
                m.near = True
                break
        if last in lex.directions:
            m.direction = last
        m.cue = m.near or last in lex.location_cues or (len(before) >= 2 and before[-2] in lex.location_cues
                                                        and last in lex.directions)
        m.sentence_start = not run_before and _sentence_start(text, m.start)
        m.common_word = not m.multiword and m.text.lower() in lower_words
        if not m.person and m.kind == "place" and not m.multiword and not m.admin:
            # "Paris Hilton", "Michael Jordan": a lone match glued to other capitalised words.
            glued_after = bool(run_after) and run_after[0] not in lex.organisation_words
            glued_before = bool(run_before) and run_before[-1] not in lex.directions
            if glued_after or glued_before:
                m.extra["glued"] = True

    def _containment(self, text: str, out: list[Mention]) -> None:
        """Mark "A, B" and "A (B, C)" so that A is read inside B."""
        for k in range(len(out) - 1):
            a, b = out[k], out[k + 1]
            gap = text[a.end : b.start]
            if gap.strip() in (",", "(", ", in") and len(gap) <= 4:
                a.parent = k + 1
