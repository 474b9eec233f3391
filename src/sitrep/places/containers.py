"""Which mention lies inside which: "Jabalia, Gaza", "Gainesville, Va.", "London - Hillingdon",
"Tamu township, Kale", and bracket chains "Inkhil (Izra, Daraa)", "Tamu township (Tamu district,
Sagaing region)", "Ongako (Gulu, Northern)".

A bracket after a name lists the units it lies in, smallest first, as ACLED's notes and many
reports write them. Each item of the list is read as an admin unit even when the recogniser did
not take it for a place: "Northern" or "Central" are no place on their own, but in "(Gulu,
Northern)" they name Uganda's Northern region; an item the gazetteer knows only by a variant
spelling ("Idleb") is looked up by its consonant skeleton among admin units. Each item is the
container of the one before it, and the first item contains the name before the bracket. When that
name is unknown (a village the gazetteer lacks), the first item is marked ``inner_unknown``: the
event happened somewhere inside it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from .fold import fold
from .gazetteer import Candidate
from .lexicon import Lexicon
from .mention import Mention

_GROUP = re.compile(r"\(([^()\[\]\n]{2,160})\)")
_ITEM = re.compile(r"[^,;]+")
_CAP_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MAX_ITEMS = 5
MAX_GAP = 40  # characters between a name and its container: "X district in the Y" at most

AdminLookup = Callable[[str], list[Candidate]]


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    admin: tuple[str, ...]  # features its type word asks for ("district" -> admin2, ...)


def _type_word(lex: Lexicon, words: list[str]) -> tuple[int, tuple[str, ...]]:
    """How many trailing words of an item are an admin type word, and the features they ask for."""
    for n in (2, 1):
        if len(words) > n:
            key = fold(" ".join(words[-n:]))
            if key in lex.admin_types:
                return n, lex.admin_types[key]
    return 0, ()


def _items(text: str, start: int, end: int, lex: Lexicon) -> list[_Item]:
    """The capitalised items of a bracket's list, without leading lower-case words ("coded to")
    and without a trailing type word ("Tamu district" -> Tamu, admin2)."""
    out = []
    for part in _ITEM.finditer(text, start, end):
        words = list(_CAP_WORD.finditer(text, part.start(), part.end()))
        while words and not words[0].group()[:1].isupper():
            words.pop(0)
        if not words:
            continue
        n, admin = _type_word(lex, [w.group() for w in words])
        kept = words[: len(words) - n]
        if kept:
            out.append(_Item(kept[0].start(), kept[-1].end(), admin))
    return out


class Containers:
    """Marks containment between mentions (see the module docstring)."""

    def __init__(self, lex: Lexicon, admin_lookup: AdminLookup) -> None:
        self.lex = lex
        self.admin_lookup = admin_lookup

    def __call__(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """The mentions (with the admin units found in brackets added), their containers marked."""
        chains: list[tuple[int, list[_Item]]] = []
        added: list[Mention] = []
        if "(" in text:
            for group in _GROUP.finditer(text):
                items = _items(text, group.start(1), group.end(1), self.lex)
                if 0 < len(items) <= MAX_ITEMS:
                    # "(coded to X)", "(near X)": the bracket renames or locates; it does not contain
                    listing = text[group.start(1) : group.end(1)].lstrip()[:1].isupper()
                    chains.append((group.start() if listing else -1, items))
                    added += self._unknown_items(text, items, mentions)
        if added:
            # A whole item read as an admin unit replaces the pieces of it ("Extreme-Nord" over "Nord").
            kept = [m for m in mentions if not any(a.start <= m.start and m.end <= a.end for a in added)]
            mentions = sorted([*kept, *added], key=lambda m: m.start)
        self._adjacent(text, mentions)
        for opening, items in chains:
            self._chain(text, opening, items, mentions)
        return mentions

    def _unknown_items(self, text: str, items: list[_Item], mentions: list[Mention]) -> list[Mention]:
        """Admin units for bracket items no mention covers."""
        out = []
        for item in items:
            overlapping = [m for m in mentions if m.start < item.end and item.start < m.end]
            if any(m.start <= item.start and item.end <= m.end for m in overlapping):
                continue  # a mention covers the whole item
            if any(m.start < item.start or item.end < m.end for m in overlapping):
                continue  # a name runs across the item's edge: leave it alone
            name = text[item.start : item.end]
            candidates = self.admin_lookup(name)
            if candidates:
                m = Mention(item.start, item.end, name, candidates, admin=item.admin, multiword=" " in name)
                m.extra["paren"] = True
                m.extra["bracket_item"] = True
                out.append(m)
        return out

    def _adjacent(self, text: str, out: list[Mention]) -> None:
        """ "A, B" and "A township, B": A lies in B; ACLED's "City - District": B lies in A."""
        for k in range(len(out) - 1):
            a, b = out[k], out[k + 1]
            if b.start - a.end > MAX_GAP:
                continue
            gap = text[a.end : b.start]
            short = len(gap) <= 4 and gap.strip() in (",", "(", ", in")
            if short or self._typed_gap(gap) or self._typed_in(gap):
                a.parent = k + 1  # "Inkhil (Izra", "Tamu township, Kale", "Gainesville, Va."
                b.extra["parent_of"] = True
            elif gap in (" - ", " – ", " -", " — "):
                b.extra["district"] = True
                b.parent = k
                a.extra["parent_of"] = True

    def _typed_in(self, gap: str) -> bool:
        """ "X town in Y", "X village of Y", "X district in the Y": a place noun, then "in"/"of"."""
        words = gap.split()
        if not 2 <= len(words) <= 5 or gap[:1] not in " \t" or gap[-1:] not in " \t":
            return False
        if words[-1].lower() == "the":
            words.pop()
        return (
            len(words) >= 2
            and words[-1].lower() in ("in", "of")
            and fold(" ".join(words[:-1])) in self.lex.place_nouns
        )

    def _typed_gap(self, gap: str) -> bool:
        """ "X township, Y", "X district (Y": an admin type word, then a comma or a bracket."""
        words = gap.strip().rstrip(",(").split()
        return (
            gap.rstrip().endswith((",", "("))
            and 0 < len(words) <= 2
            and fold(" ".join(words)) in self.lex.admin_types
        )

    def _chain(self, text: str, opening: int, items: list[_Item], mentions: list[Mention]) -> None:
        """Each item of "X (A, B, C)" lies in the next; X lies in A."""
        reps: list[int] = []
        for item in items:
            inside = [k for k, m in enumerate(mentions) if item.start <= m.start and m.end <= item.end]
            if inside and mentions[inside[-1]].kind != "demonym":
                reps.append(inside[-1])
        for a, b in itertools.pairwise(reps):
            mentions[a].parent = b
            mentions[b].extra["parent_of"] = True
        if not reps or opening < 0:
            return
        first = mentions[reps[0]]
        base = max(0, opening - 60)
        before = text[base:opening].rstrip()
        if before.endswith(")") and "(" in before:
            # "Zabid (coded to the district) (Al Hudaydah)": the name before the first bracket
            before = before[: before.rfind("(")].rstrip()
        words = before.split()
        n, _ = _type_word(self.lex, words)  # "Tamu township (": the name is before the type word
        if n:
            before = before[: before.rfind(words[-n])].rstrip()
        end = base + len(before)
        anchor = next((k for k, m in enumerate(mentions) if m.end == end), None)
        if anchor is not None and anchor not in reps and mentions[anchor].kind != "demonym":
            mentions[anchor].parent = reps[0]
            first.extra["parent_of"] = True
        elif before[-1:].isalpha() and before.split()[-1][:1].isupper():
            first.extra["inner_unknown"] = True  # "Ongako (Gulu, Northern)" with Ongako unknown
