"""Sentences: a fast rule-based splitter that respects the article's zones.

A sentence never crosses a zone boundary (a headline, a caption and the body are split apart even
when no punctuation separates them); each sentence span is labelled with its zone's kind. Text
outside every zone counts as body.

Inside a zone a sentence ends at

- a blank line, or a line break before a bullet ("- ", "* ", "• ");
- ``.``, ``!``, ``?`` or ``…`` (plus closing quotes/brackets) followed by whitespace and a word that
  does not start with a lower-case letter, unless the word before the period is an abbreviation
  that does not end sentences in that position ("Gen. Smith", "Sept. 3", "John F. Kennedy",
  "the U.S. embassy"; but "... in the U.S. The army said").

The words live in ``data/text/abbreviations.yaml``; the shapes (initials, dotted acronyms) in code.
Decimals ("3.5") and numbered abbreviations never split because no whitespace follows the period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .models import LAYER_SENTENCE, Doc, Span, Zone, ZoneKind
from .resources import load_yaml, require

ABBREVIATIONS_FILE = "text/abbreviations.yaml"
RULE = "text.sentence"

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"
_BULLETS = "-*•·▪►–—"
# Hard breaks inside a zone: a blank line, or a line starting with a bullet (a sentence of its own).
_BLOCK_BREAK = re.compile(r"\n[ \t]*(?:(?P<para>\n)|(?=[" + re.escape(_BULLETS) + r"][ \t]))")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, whitespace.
# (A single character class first, then the repeat: lets the regex engine skip ahead to candidates.)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[" + re.escape(_CLOSERS) + r"]*(\s+)")
_DOTTED = re.compile(r"(?:\w\.)+\w$")
_FIRST_WORD = re.compile(r"[\w'’-]+")


NEVER_FINAL = "never_final"
BEFORE_NUMBER = "before_number"
AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class Abbreviations:
    """The validated contents of the abbreviations data file."""

    never_final: frozenset[str]
    before_number: frozenset[str]
    ambiguous: frozenset[str]
    starters: frozenset[str]
    # abbreviation -> its kind (NEVER_FINAL wins over BEFORE_NUMBER over AMBIGUOUS)
    kinds: dict[str, str]
    longest: int  # length of the longest abbreviation


@cache
def abbreviations() -> Abbreviations:
    """Load and validate ``data/text/abbreviations.yaml`` once per process."""
    data = load_yaml(ABBREVIATIONS_FILE)
    require(isinstance(data, dict), ABBREVIATIONS_FILE, "top level", "must be a mapping")
    require(data.get("version") == 1, ABBREVIATIONS_FILE, "version", "unsupported version (expected 1)")
    sections: dict[str, frozenset[str]] = {}
    for key in ("never_final", "before_number", "ambiguous", "sentence_starters"):
        entries = data.get(key)
        require(isinstance(entries, list) and bool(entries), ABBREVIATIONS_FILE, key, "must be a list")
        seen: set[str] = set()
        for entry in entries:
            require(
                isinstance(entry, str) and entry.strip() == entry and entry != "",
                ABBREVIATIONS_FILE,
                entry,
                f"{key}: entries are non-empty strings without spaces",
            )
            require(not entry.endswith("."), ABBREVIATIONS_FILE, entry, f"{key}: write without final period")
            require(entry not in seen, ABBREVIATIONS_FILE, entry, f"{key}: duplicate entry")
            seen.add(entry)
        if key != "sentence_starters":
            seen = {e.lower() for e in seen}
        sections[key] = frozenset(seen)
    kinds: dict[str, str] = {}
    for kind in (AMBIGUOUS, BEFORE_NUMBER, NEVER_FINAL):  # later kinds win
        kinds.update(dict.fromkeys(sections[kind], kind))
    return Abbreviations(
        never_final=sections[NEVER_FINAL],
        before_number=sections[BEFORE_NUMBER],
        ambiguous=sections[AMBIGUOUS],
        starters=sections["sentence_starters"],
        kinds=kinds,
        longest=max(map(len, kinds)),
    )


def _word_before(text: str, pos: int) -> str:
    """The word ending at ``pos``: back to the previous whitespace, without opening brackets/quotes."""
    lo = max(0, pos - 40)
    space = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos))
    return text[(space + 1 if space >= 0 else lo) : pos].lstrip(_OPENERS)


def _ends_sentence(text: str, last: int, next_pos: int, end: int, abbr: Abbreviations) -> bool:
    """Whether the punctuation run ending at ``last`` ends a sentence, given the text at ``next_pos``."""
    first = text[next_pos]
    while first in _OPENERS and next_pos + 1 < end:
        next_pos += 1
        first = text[next_pos]
    if first.islower():
        return False  # "e.g. the", "said. and" (lower-case continuation)
    while text[last] in _CLOSERS:
        last -= 1
    if text[last] != "." or not text[last - 1].isalpha():
        return True  # "!", "?", "…", "...", "3.", "). " end sentences before a capital or a digit
    key = _word_before(text, last).lower()
    kind = abbr.kinds.get(key)
    if kind is None:
        if len(key) == 1 and first.isupper() and text[last - 1].isupper():
            return False  # initials: "John F. Kennedy"
        if "." not in key or not _DOTTED.fullmatch(key):
            return True
        kind = AMBIGUOUS  # dotted acronyms: "U.N.", "a.m."
    if kind is NEVER_FINAL:
        return False
    if kind is BEFORE_NUMBER:
        return not first.isdigit()
    m = _FIRST_WORD.match(text, next_pos, end)
    return m is not None and m.group() in abbr.starters


def _split_region(
    text: str, start: int, end: int, *, label: ZoneKind, abbr: Abbreviations, out: list[Span]
) -> None:
    """Append the sentences of ``text[start:end]`` to ``out``: blocks first, then punctuation."""
    block_start = start
    for m in _BLOCK_BREAK.finditer(text, start, end):
        if m.start() > block_start:
            _split_block(text, block_start, m.start(), label=label, abbr=abbr, out=out)
        block_start = max(block_start, m.end())
        if m.lastgroup is None:  # a bullet line: one sentence up to the end of its line
            line_end = text.find("\n", block_start, end)
            line_end = end if line_end < 0 else line_end
            _emit(text, block_start, line_end, label, out)
            block_start = line_end
    if block_start < end:
        _split_block(text, block_start, end, label=label, abbr=abbr, out=out)


def _split_block(
    text: str, start: int, end: int, *, label: ZoneKind, abbr: Abbreviations, out: list[Span]
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    sent_start = start
    longest, kinds = abbr.longest, abbr.kinds
    # The block ends in a non-space, so every boundary (which ends in whitespace) lies inside it.
    for m in _BOUNDARY.finditer(text, start, end):
        cut, nxt = m.span(1)
        ok = False
        # Fast paths for most boundaries, "word. Next" (what _ends_sentence would say, sooner):
        if text[cut - 1] == "." and text[nxt].isupper():
            low = cut - 2 - longest
            # a run of letters longer than every abbreviation cannot be one,
            if low >= 0 and text[low : cut - 1].isalpha():
                ok = True
            else:  # nor can a word of two letters or more after a space that is not on the list
                space = text.rfind(" ", max(0, low), cut - 1)
                word = text[space + 1 : cut - 1]
                ok = space >= 0 and len(word) > 1 and word.isalpha() and word.lower() not in kinds
        if ok or _ends_sentence(text, cut - 1, nxt, end, abbr):
            out.append(Span(sent_start, cut, LAYER_SENTENCE, label, RULE))
            sent_start = nxt
    out.append(Span(sent_start, end, LAYER_SENTENCE, label, RULE))


def _emit(text: str, start: int, end: int, label: ZoneKind, out: list[Span]) -> None:
    """Append ``text[start:end]`` stripped of surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start, end, LAYER_SENTENCE, label, RULE))


def _regions(length: int, zones: tuple[Zone, ...] | list[Zone]) -> list[tuple[int, int, ZoneKind]]:
    """Zones in text order, clipped to the text and to each other, with gaps filled as body."""
    regions: list[tuple[int, int, ZoneKind]] = []
    pos = 0
    for zone in sorted(zones, key=lambda z: (z.start, z.end)):
        zs, ze = max(zone.start, pos), min(zone.end, length)
        if zs >= ze:
            continue
        if zs > pos:
            regions.append((pos, zs, "body"))
        regions.append((zs, ze, zone.kind))
        pos = ze
    if pos < length:
        regions.append((pos, length, "body"))
    return regions


def split_sentences(text: str, zones: tuple[Zone, ...] | list[Zone] = ()) -> list[Span]:
    """Sentence spans of ``text`` in order; each label is the kind of the zone holding it."""
    abbr = abbreviations()
    out: list[Span] = []
    for start, end, kind in _regions(len(text), zones):
        _split_region(text, start, end, label=kind, abbr=abbr, out=out)
    return out


class TextStage:
    """Pipeline stage writing the ``sentence`` layer."""

    name = "text"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = (LAYER_SENTENCE,)

    def __call__(self, doc: Doc) -> None:
        doc.add(LAYER_SENTENCE, split_sentences(doc.text, doc.article.zones))
