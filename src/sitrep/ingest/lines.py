"""Line classification for the plain-text segmenter.

Each non-blank line of a page gets one kind: furniture of several sorts, a date line, a byline or
agency line, a highlights header or bullet, a photo caption, a wire credit, a title-shaped line, a
body paragraph, or a body paragraph opening with a dateline. The words are in
``data/ingest/furniture.yaml`` and ``credits.yaml``; the shapes are here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from .dates import DateMatch, search_date, search_month_day
from .patterns import Patterns, line_key, patterns


class Kind(IntEnum):
    SEPARATOR = 1  # "* * *", "-----": a hard break between articles
    HEADER = 2  # furniture seen only under a headline ("Short Url")
    FURNITURE = 3  # share buttons, "Read more", ads
    DATE = 4  # "Updated 14 March 2022", or a line that is only a date
    BYLINE = 5  # "By Jane Doe"
    AGENCY = 6  # "AFP" alone: the source under a headline, a credit after a body
    HIGHLIGHTS = 7  # "HIGHLIGHTS"
    BULLET = 8  # "• ..." / "- ..."
    CAPTION = 9  # "... (AFP file)"
    CREDIT = 10  # "(With AP and AFP)", "Reporting by ..."
    TITLE = 11  # short, no final period: a headline, kicker or crosshead
    BODY = 12
    DATELINE = 13  # a body paragraph opening with "KHARTOUM, May 3 (Reuters) -"
    LIST = 14  # "Related", "Most read": a list of other stories' headlines follows


@dataclass(slots=True)
class Line:
    start: int  # offsets of the stripped line in the text
    end: int
    kind: Kind
    gap_before: bool = False  # a blank line precedes it
    date: DateMatch | None = None  # DATE: the date on the line; DATELINE: its month and day
    date_kind: str | None = None  # DATE: "published", "updated" or "standalone"
    agency: str | None = None  # AGENCY / DATELINE: the agency named
    dateline_end: int = 0  # DATELINE: where the dateline prefix ends
    strong: bool = False  # DATELINE: names an agency or a date, or an upper-case city with a dash


_LIST_ITEMS = frozenset({Kind.TITLE, Kind.BULLET, Kind.FURNITURE})
_BULLET_CHARS = frozenset("•·▪►‣◦-*–—")
_SEPARATOR = re.compile(r"(?:[-=_*#~•·.]\s*){3,}")
_TIME_ONLY = re.compile(
    r"[\s,|/@•·:()\-–—]*(?:(?:at\s+)?\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:gmt|utc|est|edt|cet|cest|eat|cat|wat|bst|ist|ast|local(?:\s+time)?)\)?"
    r"(?:\s*[+-]\s*\d{1,2})?)?[\s,|/@•·:()\-–—]*)?",
    re.I,
)
CAPTION_TAIL = 140  # caption credits sit in the last characters of a line
_BRACKET_ENDS = (")", ").")  # how a line ends when a bracketed credit ends it: "... (AFP)."
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 25
_TITLE_END_BAD = frozenset(".,;:")
_TITLE_START_OK = frozenset("\"'“‘«(")


def classify(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their kinds (offsets index ``text``)."""
    p = patterns()
    out: list[Line] = []
    pos = 0
    gap = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            line = Line(start, start + len(stripped), Kind.BODY, gap_before=gap)
            _kind(line, stripped, p)
            out.append(line)
            gap = False
        else:
            gap = True
        pos += len(raw) + 1
    _mark_lists(out)
    return out


def _mark_lists(lines: list[Line]) -> None:
    """Headlines and bullets listed under "Related" / "Most read" are furniture, up to a blank line."""
    in_list = False
    items = 0
    for line in lines:
        if line.kind == Kind.LIST:
            in_list, items = True, 0
        elif in_list and line.kind in _LIST_ITEMS and not (line.gap_before and items):
            line.kind = Kind.FURNITURE
            items += 1
        else:
            in_list = False


def _kind(line: Line, s: str, p: Patterns) -> None:
    n = len(s)
    if n <= 80:
        key = line_key(s)
        if not key or _SEPARATOR.fullmatch(s):
            line.kind = Kind.SEPARATOR if _SEPARATOR.fullmatch(s) else Kind.FURNITURE
            return
        if key in p.header_lines:
            line.kind = Kind.HEADER
            return
        if key in p.highlights:
            line.kind = Kind.HIGHLIGHTS
            return
        if key in p.lines:
            line.kind = Kind.FURNITURE
            return
        if key in p.list_headers:
            line.kind = Kind.LIST
            return
    if n > 2 and s[0] in _BULLET_CHARS and s[1] in " \t":
        line.kind = Kind.BULLET
        return
    if n <= p.max_date_line and _date_line(line, s, p):
        return
    if n <= 80 and p.agency_line.fullmatch(s):
        line.kind = Kind.AGENCY
        found = p.agencies.search(s)
        line.agency = found.group(0) if found else None
        return
    if n <= p.max_credit and (p.credit.fullmatch(s) or s.lower().rstrip(". ").endswith(p.credit_endings)):
        line.kind = Kind.CREDIT
        return
    if n <= 120 and p.byline.fullmatch(s):
        line.kind = Kind.BYLINE
        return
    if n <= 300 and p.furniture.fullmatch(s):
        line.kind = Kind.FURNITURE
        return
    if n <= p.max_caption and (p.caption_head.match(s) or _caption_tail(s, p)):
        line.kind = Kind.CAPTION
        return
    if s[0].isupper() and _may_be_dateline(s) and _dateline(line, s, p):
        return
    line.kind = Kind.TITLE if _title_shaped(s) else Kind.BODY


def _date_line(line: Line, s: str, p: Patterns) -> bool:
    m = p.date_line.match(s)
    if m is not None:
        found = search_date(s, m.end())
        if found is None:
            return False
        line.kind, line.date = Kind.DATE, found
        line.date_kind = p.date_kinds[" ".join(m.group(1).lower().split())]
        return True
    if len(s) > 60 or not s[0].isalnum():
        return False
    found = search_date(s)
    if found is None:
        return False
    rest = s[: found.start] + " " + s[found.end :]
    if not _TIME_ONLY.fullmatch(rest):
        return False
    line.kind, line.date, line.date_kind = Kind.DATE, found, "standalone"
    return True


def _caption_tail(s: str, p: Patterns) -> bool:
    """A caption credit at the end of the line. The regex runs only on lines that end with ")" or
    hold "/" or a signal word near the end (credits.yaml says why that is enough)."""
    start = max(0, len(s) - CAPTION_TAIL)
    if not s.endswith(_BRACKET_ENDS) and p.caption_signal.search(s[start:].lower()) is None:
        return False
    return p.caption_tail.search(s, start) is not None


def _may_be_dateline(s: str) -> bool:
    """Cheap test before the dateline regex: an upper-case first word, or a bracket early on."""
    space = s.find(" ")
    first = s[: space if space > 0 else len(s)].rstrip(",:")
    return (first.isupper() and len(first) >= 2) or "(" in s[:80]


def _dateline(line: Line, s: str, p: Patterns) -> bool:
    m = p.dateline.match(s)
    if m is None:
        return False
    place, agency, sep = m.group("place"), m.group("agency"), m.group("sep")
    first = place.split(",", 1)[0]
    upper_city = first.isupper() and sum(ch.isalpha() for ch in first) >= 3
    known_agency = bool(agency and p.agencies.fullmatch(agency.strip()))
    if not (upper_city or known_agency) or line_key(first) in p.lines:
        return False
    line.kind = Kind.DATELINE
    line.dateline_end = line.start + m.end()
    line.agency = agency.strip() if agency else None
    if m.group("date"):
        line.date = search_month_day(s, m.start("date"), m.end("date"))
    line.strong = bool(known_agency or m.group("date") or (upper_city and sep != ":"))
    return True


def _title_shaped(s: str) -> bool:
    if len(s) > MAX_TITLE_CHARS or s[-1] in _TITLE_END_BAD:
        return False
    first = s[0]
    if not (first.isupper() or first.isdigit() or first in _TITLE_START_OK):
        return False
    return s.count(" ") < MAX_TITLE_WORDS
