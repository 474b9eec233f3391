"""Plain-text segmenter: split scraped pages into articles, and mark each article's zones.

Policy (documented in the README, "Input formats"):

- An article's text is the slice of the page from its first line to its last, furniture included;
  furniture is *marked* as a zone, never dropped, so offsets still point into the page as scraped.
- A new article starts when a header line ("Short Url", "Updated 14 March 2022", a byline, a
  HIGHLIGHTS header) appears after the current article's body, at the title line(s) just above it;
  after a separator line ("* * *"); at a strong dateline paragraph ("KHARTOUM, May 3 (Reuters) -")
  that follows a title or a wire credit; and at a title followed by body after a wire credit. A
  piece without body text is merged into the article before it.
- Zones: headline (the title and any deck under it), dateline (the "CITY, May 3 (Reuters) -"
  prefix of the first paragraph), highlights (a HIGHLIGHTS header and its bullets, or bullets under
  the headline), caption (photo captions), credit (wire and reporting credits), furniture
  (everything else that is page chrome, date lines, bylines, repeated headlines), and body.
- Date: the article's own "Published ..." line, else a line that is only a date, else "Updated
  ...", else the dateline's month and day with the year taken from the nearest dated article of the
  same page (or from the ``context`` date, e.g. ``--published``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..models import Zone, ZoneKind
from .dates import DateMatch, year_near
from .lines import Kind, Line, classify

_ANCHORS = frozenset({Kind.HEADER, Kind.DATE, Kind.BYLINE, Kind.HIGHLIGHTS})
_BODYISH = frozenset({Kind.BODY, Kind.DATELINE})
_WALK_BACK = frozenset({Kind.TITLE, Kind.FURNITURE})
_AFTER_TITLE = frozenset({Kind.BODY, Kind.DATELINE, Kind.CAPTION, Kind.HIGHLIGHTS, Kind.BULLET}) | _ANCHORS
_FIXED_ZONES: dict[Kind, ZoneKind] = {
    Kind.SEPARATOR: "furniture",
    Kind.HEADER: "furniture",
    Kind.FURNITURE: "furniture",
    Kind.LIST: "furniture",
    Kind.DATE: "furniture",
    Kind.BYLINE: "furniture",
    Kind.CAPTION: "caption",
    Kind.CREDIT: "credit",
    Kind.BODY: "body",
}
_DATE_SOURCES = {"published": "published-line", "standalone": "published-line", "updated": "updated-line"}
_DATE_PREFERENCE = ("published", "standalone", "updated")
MAX_HIGHLIGHT_CHARS = 300
MAX_HEADER_TITLES = 2  # a headline and a kicker or deck above a header line
MIN_HEADLINE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Segment:
    """One article inside a text: its slice ``[start, end)`` and what was found in it.

    Zone offsets are relative to ``start`` (they index the article's own text).
    """

    start: int
    end: int
    title: str | None = None
    published: date | None = None
    published_from: str | None = None
    source: str | None = None
    zones: tuple[Zone, ...] = ()


@dataclass(frozen=True, slots=True)
class _Draft:
    segment: Segment
    explicit: date | None  # from a date line of its own
    dateline: DateMatch | None  # month and day of its dateline, when it has one


def segment(text: str, *, context: date | None = None) -> list[Segment]:
    """The articles of a plain text, in order; empty when the text is blank."""
    lines = classify(text)
    drafts = [_article(text, lines[a:b], lines[a].start) for a, b in _groups(lines)]
    return _resolve_datelines(drafts, context)


def analyse(text: str, *, title: str | None = None, context: date | None = None) -> Segment:
    """Zones, title and date of a text that is one article (never split); offsets index ``text``."""
    lines = classify(text)
    if not lines:
        return Segment(0, len(text))
    draft = _article(text, lines, 0, title_hint=title)
    (resolved,) = _resolve_datelines([draft], context)
    return replace(resolved, start=0, end=len(text))


# ----------------------------------------------------------------------------------------------
# Splitting


def _groups(lines: list[Line]) -> list[tuple[int, int]]:
    """[start, end) line ranges of the articles."""
    groups: list[tuple[int, int]] = []
    start = 0
    has_body = False
    after_credit = False
    for i, line in enumerate(lines):
        kind = line.kind
        if kind == Kind.SEPARATOR:
            groups.append((start, i + 1))
            start, has_body, after_credit = i + 1, False, False
            continue
        if has_body and _starts_article(lines, i, after_credit):
            new = i
            j = i - 1
            titles = 0
            while j > start and lines[j].kind in _WALK_BACK and titles < MAX_HEADER_TITLES:
                if lines[j].kind == Kind.TITLE:
                    new = j
                    titles += 1
                j -= 1
            groups.append((start, new))
            start, has_body, after_credit = new, False, False
        if kind in _BODYISH:
            has_body, after_credit = True, False
        elif kind == Kind.CREDIT or (kind == Kind.AGENCY and has_body):
            after_credit = True
    groups.append((start, len(lines)))
    return _merge_bodiless([g for g in groups if g[0] < g[1]], lines)


def _starts_article(lines: list[Line], i: int, after_credit: bool) -> bool:
    line = lines[i]
    if line.kind in _ANCHORS:
        return True
    previous = lines[i - 1].kind if i else None
    if line.kind == Kind.DATELINE:
        return line.strong and (after_credit or previous == Kind.TITLE)
    if line.kind == Kind.TITLE and after_credit:
        return i + 1 < len(lines) and lines[i + 1].kind in _AFTER_TITLE
    return False


def _merge_bodiless(groups: list[tuple[int, int]], lines: list[Line]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in groups:
        if merged and not any(lines[k].kind in _BODYISH for k in range(a, b)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) > 1 and not any(lines[k].kind in _BODYISH for k in range(*merged[0])):
        merged[1] = (merged[0][0], merged[1][1])  # leading page chrome joins the first article
        del merged[0]
    return merged


# ----------------------------------------------------------------------------------------------
# One article


def _article(text: str, lines: list[Line], base: int, title_hint: str | None = None) -> _Draft:
    first_body = next((k for k, ln in enumerate(lines) if ln.kind in _BODYISH), None)
    header_end = len(lines) if first_body is None else first_body
    titles = [k for k in range(header_end) if lines[k].kind == Kind.TITLE]
    headline = _pick_headline(text, lines, titles, title_hint) if first_body is not None else None
    headline_key = _key(text, lines[headline]) if headline is not None else _norm(title_hint)
    zones: list[tuple[ZoneKind, int, int] | None] = []  # None: stops merging (around crossheads)
    source: str | None = None
    in_highlights = False
    for k, line in enumerate(lines):
        kind = line.kind
        zone: ZoneKind
        if in_highlights and (line.gap_before and k > 0 and lines[k - 1].kind != Kind.HIGHLIGHTS):
            in_highlights = kind == Kind.BULLET
        if kind == Kind.HIGHLIGHTS:
            zone, in_highlights = "highlights", k < header_end or first_body is None
        elif in_highlights and kind in (Kind.BULLET, Kind.TITLE, Kind.BODY) and _short(line):
            zone = "highlights"
        elif kind == Kind.TITLE:
            zone = _title_zone(
                text,
                line,
                k,
                headline=headline,
                headline_key=headline_key,
                header_end=header_end,
                first_body=first_body,
            )
            if zone == "body" and first_body is not None and k > first_body and _set_apart(lines, k):
                zones.extend((None, (zone, line.start - base, line.end - base), None))  # a crosshead
                continue
        elif kind == Kind.BULLET:
            zone = "highlights" if k < header_end else "body"
        elif kind == Kind.AGENCY:
            zone = "furniture" if k < header_end else "credit"
            source = source or (line.agency if k < header_end else None)
        elif kind == Kind.DATELINE:
            in_highlights = False
            if k == first_body:
                zones.append(("dateline", line.start - base, line.dateline_end - base))
                source = line.agency or source
                if line.dateline_end < line.end:
                    zones.append(("body", line.dateline_end - base, line.end - base))
                continue
            zone = "body"
        else:
            if kind == Kind.BODY:
                in_highlights = False
            zone = _FIXED_ZONES[kind]
        zones.append((zone, line.start - base, line.end - base))
    explicit = _explicit_date(lines)
    dateline = lines[first_body].date if first_body is not None else None
    seg = Segment(
        start=lines[0].start,
        end=lines[-1].end,
        title=text[lines[headline].start : lines[headline].end] if headline is not None else None,
        published=explicit[0] if explicit else None,
        published_from=explicit[1] if explicit else None,
        source=source,
        zones=_merge(zones),
    )
    return _Draft(seg, explicit[0] if explicit else None, dateline)


def _pick_headline(text: str, lines: list[Line], titles: list[int], hint: str | None) -> int | None:
    if hint:
        wanted = _norm(hint)
        for k in titles:
            if _key(text, lines[k]) == wanted:
                return k
        return None
    for k in titles:
        if _words(text, lines[k]) >= MIN_HEADLINE_WORDS:
            return k
    return titles[0] if titles else None


def _title_zone(
    text: str,
    line: Line,
    k: int,
    *,
    headline: int | None,
    headline_key: str | None,
    header_end: int,
    first_body: int | None,
) -> ZoneKind:
    if first_body is None:
        return "body"  # nothing but short lines: no headline to speak of
    if k == headline:
        return "headline"
    if headline_key is not None and _key(text, line) == headline_key:
        return "furniture"  # a repeated headline
    if k < header_end:
        return "headline" if _words(text, line) >= MIN_HEADLINE_WORDS else "furniture"
    return "body"  # a crosshead inside the body


def _explicit_date(lines: list[Line]) -> tuple[date, str] | None:
    best: tuple[int, date, str] | None = None
    for line in lines:
        if line.kind == Kind.DATE and line.date is not None and line.date_kind is not None:
            value = line.date.resolve()
            rank = _DATE_PREFERENCE.index(line.date_kind)
            if value is not None and (best is None or rank < best[0]):
                best = (rank, value, _DATE_SOURCES[line.date_kind])
    return (best[1], best[2]) if best else None


def _resolve_datelines(drafts: list[_Draft], context: date | None) -> list[Segment]:
    """Dateline dates ("May 3") get their year from the nearest dated article, else ``context``."""
    out: list[Segment] = []
    for i, draft in enumerate(drafts):
        seg = draft.segment
        if seg.published is None and draft.dateline is not None:
            anchor = _nearest_explicit(drafts, i) or context
            if anchor is not None:
                value = year_near(draft.dateline.month, draft.dateline.day, anchor)
                if value is not None:
                    seg = replace(seg, published=value, published_from="dateline")
        out.append(seg)
    return out


def _nearest_explicit(drafts: list[_Draft], i: int) -> date | None:
    for distance in range(1, len(drafts)):
        for j in (i - distance, i + distance):
            if 0 <= j < len(drafts) and drafts[j].explicit is not None:
                return drafts[j].explicit
    return None


# ----------------------------------------------------------------------------------------------
# Helpers


def _merge(zones: list[tuple[ZoneKind, int, int] | None]) -> tuple[Zone, ...]:
    """Adjacent zones of the same kind become one (spanning the blank lines between them)."""
    merged: list[list[Any]] = []
    joinable = False
    for zone in zones:
        if zone is None:
            joinable = False
            continue
        if joinable and merged[-1][0] == zone[0]:
            merged[-1][2] = zone[2]
        else:
            merged.append(list(zone))
        joinable = True
    return tuple(Zone(kind, start, end) for kind, start, end in merged)


def _set_apart(lines: list[Line], k: int) -> bool:
    """A blank line before or after: a crosshead, not a hard-wrapped line of a paragraph."""
    return lines[k].gap_before or (k + 1 < len(lines) and lines[k + 1].gap_before)


def _short(line: Line) -> bool:
    return line.end - line.start <= MAX_HIGHLIGHT_CHARS


def _words(text: str, line: Line) -> int:
    return text.count(" ", line.start, line.end) + 1


def _key(text: str, line: Line) -> str:
    return " ".join(text[line.start : line.end].casefold().split())


def _norm(value: str | None) -> str | None:
    return " ".join(value.casefold().split()) if value else None
