"""Choose one gazetteer entry per mention, and decide whether the mention is a place at all.

Scores add up evidence on a log scale: the entry's static prior (population, admin level), the
article's country context (countries named, demonyms, dateline, the caller's hint, countries of
confidently resolved places), containment ("Jabalia, Gaza"; "in TOWN (ADMIN2, ADMIN1)"), the key
tier that matched (exact, loose, skeleton), alternate names, and admin type words ("X province").
Two passes: the first resolves mentions on their own to gather context, the second uses it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Candidate, Gazetteer
from .index import prior
from .recognize import Mention

TIER_PENALTY = (0.0, 0.7, 2.5)
ALT_PENALTY = 0.8
MAX_CANDIDATES = 60
BIG_TOWN = 50_000
ADMIN_FEATURES = frozenset({"admin1", "admin2", "admin3"})


@dataclass(frozen=True, slots=True)
class Choice:
    entry: int
    score: float
    accepted: bool


@dataclass(slots=True)
class Context:
    countries: Counter[int]
    admin1: Counter[int]
    total: float = 0.0


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.g = gazetteer

    def _score(self, m: Mention, c: Candidate, ctx: Context | None, parent: int | None) -> float:
        entry, tier, alt = c
        g = self.g
        ix = g.index
        feature = ix.features[ix.feat[entry]]
        score = prior(feature, int(ix.pop[entry])) - TIER_PENALTY[tier] - (ALT_PENALTY if alt else 0.0)
        if m.admin:
            if feature in m.admin:
                score += 4.0 - m.admin.index(feature) * 0.5
            elif feature == "city":
                score -= 1.0
        if ctx is not None and ctx.total:
            share = ctx.countries.get(int(ix.cc[entry]), 0) / ctx.total
            score += 4.0 * share
            a1 = int(ix.a1[entry]) - 1
            if a1 >= 0 and ctx.admin1.get(a1):
                score += 1.0
        if parent is not None:
            score += self._containment(entry, parent)
        return score

    def _containment(self, entry: int, parent: int) -> float:
        """Bonus when the entry lies inside the parent entry (same admin1 / country / nearby town)."""
        ix = self.g.index
        pf = ix.features[ix.feat[parent]]
        if ix.cc[entry] != ix.cc[parent]:
            return -1.0
        if pf == "country":
            return 3.0
        if pf == "admin1" and ix.a1[entry] == ix.a1[parent]:
            return 6.0
        if pf in ("admin2", "city", "region") and _km(ix, entry, parent) < 60:
            return 6.0
        return 1.0

    def best(self, m: Mention, ctx: Context | None, parent: int | None) -> tuple[int, float] | None:
        if not m.candidates:
            return None
        scored = [(self._score(m, c, ctx, parent), c[0]) for c in m.candidates[:MAX_CANDIDATES]]
        score, entry = max(scored)
        return self._prefer_town(m, entry, score)

    def _prefer_town(self, m: Mention, entry: int, score: float) -> tuple[int, float]:
        """Without an admin word, "Khartoum" is the city rather than the state of the same name."""
        ix = self.g.index
        feature = ix.features[ix.feat[entry]]
        if m.admin or feature not in ADMIN_FEATURES:
            return entry, score
        city = self.g.feature_code["city"]
        for e, tier, _ in m.candidates[:MAX_CANDIDATES]:
            if (ix.feat[e] == city and tier == 0 and ix.cc[e] == ix.cc[entry]
                    and ix.pop[e] >= 0.05 * ix.pop[entry] and _km(ix, e, entry) < 150):
                return e, score
        return entry, score

    def accept(self, m: Mention, entry: int, ctx: Context) -> bool:
        """Is this mention a place worth reporting?"""
        if m.kind == "demonym":
            return True
        if m.person or not m.candidates:
            return False
        ix = self.g.index
        feature = ix.features[ix.feat[entry]]
        tier = next((t for e, t, _ in m.candidates if e == entry), 0)
        pop = int(ix.pop[entry])
        in_context = ctx.total > 0 and ctx.countries.get(int(ix.cc[entry]), 0) / ctx.total >= 0.2
        strong = (feature in ("country", "continent", "admin1", "region") or m.admin or m.parent is not None
                  or pop >= BIG_TOWN or (m.multiword and tier == 0))
        if m.extra.get("glued") and not (m.cue and strong):
            return False
        if tier == 2 and not (in_context and (m.cue or pop >= 10_000)):
            return False
        if m.common_word and not (m.cue and (strong or in_context)):
            return False
        if strong or (m.cue and (in_context or pop >= 1000 or m.multiword)):
            return not (m.sentence_start and not m.multiword and pop < 1000 and not m.cue)
        return in_context and (pop >= 5000 or m.multiword) and not m.sentence_start

    def resolve(self, mentions: list[Mention], hint: list[int]) -> list[Choice | None]:
        """The chosen entry of every mention (None when it has no candidates)."""
        ctx = Context(Counter(), Counter())
        for cid in hint:
            ctx.countries[cid] += 3
        first = [self.best(m, None, None) for m in mentions]
        ix = self.g.index
        for m, pick in zip(mentions, first, strict=True):
            if m.kind == "demonym" and m.demonym in self.g.country_id:
                ctx.countries[self.g.country_id[m.demonym]] += 0.5
            if pick is None or m.person:
                continue
            entry, _ = pick
            feature = ix.features[ix.feat[entry]]
            if feature in ("country", "admin1") or int(ix.pop[entry]) >= BIG_TOWN or m.multiword or m.cue:
                ctx.countries[int(ix.cc[entry])] += 2 if feature == "country" else 1
                if int(ix.a1[entry]):
                    ctx.admin1[int(ix.a1[entry]) - 1] += 1
        ctx.total = float(sum(ctx.countries.values()))
        out: list[Choice | None] = [None] * len(mentions)
        # Parents first (they come later in the text): resolve right to left.
        for k in range(len(mentions) - 1, -1, -1):
            m = mentions[k]
            if m.kind == "demonym":
                cid = self.g.country_id.get(m.demonym or "")
                entry = self.g.country_entry(cid) if cid is not None else None
                out[k] = Choice(entry, 0.0, True) if entry is not None else None
                continue
            parent = out[m.parent] if m.parent is not None else None
            pick = self.best(m, ctx, parent.entry if parent is not None and parent.accepted else None)
            if pick is None:
                continue
            entry, score = pick
            out[k] = Choice(entry, score, self.accept(m, entry, ctx))
        return out


def _km(ix: object, a: int, b: int) -> float:
    lat1, lon1 = math.radians(ix.lat[a]), math.radians(ix.lon[a])  # type: ignore[attr-defined]
    lat2, lon2 = math.radians(ix.lat[b]), math.radians(ix.lon[b])  # type: ignore[attr-defined]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
