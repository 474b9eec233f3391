"""Counts of killed, injured, arrested and abducted people, read the way ACLED codes them.

A *count* is a number in digits or words ("12", "twelve", "two hundred"), a range ("3-4",
"between 35 and 45": the lowest figure is kept), a vague quantity ("dozens" = 12, see
``data/events/casualties.yaml``), a singular victim ("killing a woman" = 1) or a pronoun
("killing him"). A count becomes a casualty figure when a kind word is tied to it: after it
("12 people were killed") or before it ("killing 12"). Counts listed before one shared kind word
are summed by the event coder ("5 soldiers, 35 militants and 3 civilians were killed").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter

from ..actors.phrases import Coalesced, Hit
from ..models import LAYER_NUMBER, Quantity, Span
from .lexicon import EventLexicon, NumberWord
from .triggers import sentence_index

# A figure in digits not preceded by a word character, "." "," ":" or "/": that is
# (?<![\w.,:/])(\d{1,3}(?:,\d{3})+|\d+)(?![\w:/]|[.,]\d), written to open with a digit, which the
# regex engine scans for quickly
_DIGITS = re.compile(r"(\d(?<![\w.,:/]\d)(?:\d{0,2}(?:,\d{3})+|\d*))(?![\w:/]|[.,]\d)")
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or|and)\s*", re.IGNORECASE)
_WORD = re.compile(r"[\w']+")
_CLAUSE_BREAK = re.compile(r"[;.:!?]")
_BEFORE_BREAK = re.compile(r"[;.:!?,()]|\bby\b")
_MAX_AFTER_WORDS = 12
_MAX_BEFORE_WORDS = 3


_ONE = NumberWord("number", 1)
_ONES = (_ONE,)
_COUNT_RULES = {"number": "number.number", "vague": "number.vague"}  # the roles of a count, their rule
_START = itemgetter(0)  # a Hit's start
_new_hit = tuple.__new__  # Hit(...) without NamedTuple's Python-level __new__


@dataclass(slots=True)
class _Count:
    start: int
    end: int
    value: int
    low: int
    high: int
    approximate: bool
    rule: str


def _words_between(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end)) if end > start else 0


def _tokens(
    text: str,
    folded: str,
    lexicon: EventLexicon,
    span: tuple[int, int],
    *,
    kinds: list[Hit[NumberWord]],
    count_hits: list[Hit[NumberWord]],
    count_starts: list[int],
) -> list[Hit[NumberWord]]:
    start, end = span
    out = count_hits[bisect_left(count_starts, start) : bisect_left(count_starts, end)]
    out.extend(
        _new_hit(Hit, (m.start(), m.end(), m.group(), _ONES))
        for m in lexicon.articles.finditer(folded, start, end)
    )
    taken = [(h[0], h[1]) for h in out]
    out = [h for h in out if not any(k[0] < h[1] and h[0] < k[1] for k in kinds)]
    out.extend(kinds)
    for m in _DIGITS.finditer(text, start, end):
        m_start, m_end = m.span()
        if any(a <= m_start < b for a, b in taken):
            continue
        digits = m.group(1)
        value = int(digits.replace(",", ""))
        if "," not in digits and 1900 <= value <= 2100:
            continue  # a year
        if _not_a_count(folded, m_start, m_end, lexicon):
            continue
        out.append(_new_hit(Hit, (m_start, m_end, digits, (NumberWord("number", value),))))
    out.sort(key=_START)
    return out


def _not_a_count(folded: str, start: int, end: int, lexicon: EventLexicon) -> bool:
    """A number that measures something else ("5 km", "35-year-old") or is part of a date."""
    nxt = (
        _WORD.match(folded, end + 1)
        if end + 1 < len(folded) and folded[end] in " /"
        else _WORD.match(folded, end)
    )
    if nxt is not None and (nxt.group() in lexicon.not_counts or nxt.group() in lexicon.months):
        return True
    before = folded[max(0, start - 12) : start].split()
    return bool(before) and before[-1].strip(".,") in lexicon.months


def _role(hit: Hit[NumberWord], role: str) -> NumberWord | None:
    for value in hit[3]:
        if value.role == role:
            return value
    return None


def _counts(text: str, folded: str, toks: list[Hit[NumberWord]], lexicon: EventLexicon) -> list[_Count]:
    """Group number tokens into counts: qualifier? number (number|multiplier)* (range)?"""
    counts: list[_Count] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        values = tok[3]
        if len(values) == 1:  # the common case: one reading of the word
            num = values[0] if values[0].role in _COUNT_RULES else None
        else:
            num = _role(tok, "number") or _role(tok, "vague")
        if num is None:
            i += 1
            continue
        start, value, rule = tok.start, num.value, _COUNT_RULES[num.role]
        approximate = num.role == "vague"
        if i > 0 and (q := _role(toks[i - 1], "qualifier")) and text[toks[i - 1].end : tok.start].isspace():
            start = toks[i - 1].start
            approximate = approximate or q.label == "approximate"
        end = tok.end
        j = i + 1
        while j < len(toks) and num.role == "number" and text[end : toks[j].start].strip() in ("", "-"):
            nxt = toks[j]
            mult, more = _role(nxt, "multiplier"), _role(nxt, "number")
            if mult is not None:
                value = max(value, 1) * mult.value
            elif (
                more is not None and value >= 20 and value % 10 == 0 and more.value < 10 and tok.key.isalpha()
            ):
                value += more.value  # "twenty five"
            else:
                break
            end = nxt.end
            j += 1
        if (
            num.role == "number"
            and tok.key in ("a", "an", "single")
            and not _singular_follows(folded, end, lexicon)
        ):
            i = j
            continue
        low = high = value
        if j < len(toks) and (other := _role(toks[j], "number")) is not None:
            gap = text[end : toks[j].start]
            if _RANGE_GAP.fullmatch(gap) and (gap.strip().lower() != "and" or _between_before(folded, start)):
                high = max(value, other.value)
                low = min(value, other.value)
                end = toks[j].end
                j += 1
        counts.append(_Count(start, end, low, low, high, approximate, rule))
        i = j
    return counts


def _between_before(folded: str, start: int) -> bool:
    """Whether the count starts with, or follows, "between" ("between 35 and 45")."""
    return folded.startswith("between", start) or folded[max(0, start - 8) : start].rstrip().endswith(
        "between"
    )


def _singular_follows(folded: str, end: int, lexicon: EventLexicon) -> bool:
    """Whether a singular person noun follows within three words ("a young man", "an elderly woman")."""
    singular, not_counts = lexicon.singular, lexicon.not_counts
    words = [
        w
        for w in _WORD.findall(folded, end, min(len(folded), end + 50))[:6]
        if not w.isdigit() and w not in not_counts
    ]
    for n in range(min(len(words), 3)):
        if words[n] in singular or " ".join(words[n : n + 2]) in singular:
            return True
    return False


def find_numbers(
    text: str,
    folded: str,
    sentences: list[tuple[int, int]],
    lexicon: EventLexicon,
    *,
    plain: str | None = None,
    scan: Coalesced | None = None,
) -> list[Span]:
    """Casualty figures in ``sentences`` of ``text`` as spans of the ``number`` layer (value:
    :class:`Quantity`). ``scan`` is :func:`~sitrep.actors.phrases.coalesce` of ``sentences``, when
    already built."""
    spans: list[Span] = []
    by_sentence: dict[int, list[Hit[NumberWord]]] = {}
    starts = [s for s, _ in sentences]
    for hit in lexicon.number_kinds.find(folded, plain, sentences if scan is None else scan):
        si = sentence_index(sentences, hit.start, starts)
        if si >= 0:
            by_sentence.setdefault(si, []).append(hit)
    if not by_sentence:
        return spans
    read = [sentences[si] for si in sorted(by_sentence)]
    count_hits = lexicon.numbers.find(folded, plain, read)
    count_starts = [h[0] for h in count_hits]
    for si, found in sorted(by_sentence.items()):
        s_start, s_end = sentences[si]
        kinds: list[Hit[NumberWord]] = []
        cumulative: list[Hit[NumberWord]] = []
        for tok in found:
            roles = {v.role for v in tok[3]}
            if "none" in roles:
                spans.append(
                    Span(tok.start, tok.end, LAYER_NUMBER, "killed", "number.none", Quantity("killed", 0))
                )
            if "kind_after" in roles or "kind_before" in roles:
                kinds.append(tok)
            if "cumulative" in roles:
                cumulative.append(tok)
        if not kinds:
            continue  # no kind word: no count of this sentence is a casualty figure
        toks = _tokens(
            text,
            folded,
            lexicon,
            (s_start, s_end),
            kinds=found,
            count_hits=count_hits,
            count_starts=count_starts,
        )
        counts = _counts(text, folded, toks, lexicon)
        counts.extend(_pronoun_counts(folded, kinds, lexicon, s_end))
        counts.sort(key=lambda c: c.start)
        for count in counts:
            linked = _link(text, count, counts, kinds)
            if linked is None:
                continue
            kind, k_hit = linked
            label = kind
            lo, hi = min(count.start, k_hit.start), max(count.end, k_hit.end)
            if any(_in_clause(text, c, lo, hi) for c in cumulative):
                label = "cumulative"
            quantity = Quantity(kind, count.value, count.low, count.high, count.approximate)
            rule = "number.total" if kind == "killed" and k_hit.key in lexicon.totals else count.rule
            spans.append(Span(count.start, count.end, LAYER_NUMBER, label, rule, quantity))
    return spans


def _pronoun_counts(
    folded: str, kinds: list[Hit[NumberWord]], lexicon: EventLexicon, limit: int
) -> list[_Count]:
    out = []
    for hit in kinds:
        if not _role(hit, "kind_before"):
            continue
        m = _WORD.match(folded, hit.end + 1) if hit.end + 1 < limit else None
        if m and folded[hit.end] == " " and m.group() in lexicon.pronouns and lexicon.pronouns[m.group()] > 0:
            value = lexicon.pronouns[m.group()]
            out.append(_Count(m.start(), m.end(), value, value, value, False, "number.pronoun"))
    return out


def _link(
    text: str, count: _Count, counts: list[_Count], kinds: list[Hit[NumberWord]]
) -> tuple[str, Hit[NumberWord]] | None:
    """The casualty kind tied to a count: the nearer of a kind word just before it ("killing 12")
    and the next kind word after it ("12 people were killed"); ties go to the word before."""
    before: tuple[str, Hit[NumberWord]] | None = None
    before_gap = _MAX_BEFORE_WORDS + 1
    for hit in kinds:
        kb = _role(hit, "kind_before")
        if kb is None or hit.end > count.start:
            continue
        gap = _words_between(text, hit.end, count.start)
        if (
            gap <= _MAX_BEFORE_WORDS
            and not _BEFORE_BREAK.search(text, hit.end, count.start)
            and not any(hit.end <= c.start < count.start for c in counts)
        ):
            before, before_gap = (kb.label, hit), gap
    for hit in kinds:
        ka = _role(hit, "kind_after")
        if ka is None or hit.start < count.end:
            continue
        gap = _words_between(text, count.end, hit.start)
        if _CLAUSE_BREAK.search(text, count.end, hit.start) or gap > _MAX_AFTER_WORDS:
            break
        if (
            gap > 3
            and _role(hit, "kind_before")
            and any(hit.end <= c.start and _words_between(text, hit.end, c.start) <= 1 for c in counts)
        ):
            continue  # "killed five" takes its own count, not one far before it
        if before is not None and before_gap <= gap:
            return before
        return ka.label, hit
    return before


def _in_clause(text: str, cue: Hit[NumberWord], lo: int, hi: int) -> bool:
    if cue.start >= hi:
        return cue.start - hi < 60 and not _CLAUSE_BREAK.search(text, hi, cue.start)
    if cue.end <= lo:
        return lo - cue.end < 40 and not _CLAUSE_BREAK.search(text, cue.end, lo)
    return True
