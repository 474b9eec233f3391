"""Choose one gazetteer entry per mention, and decide whether the mention is a place at all.

Scores add up evidence on a log scale: the entry's static prior (log population of the place or of
an admin unit's largest town, boosts for countries, admin units and national capitals), the
article's context (countries and admin1 units of the other mentions, demonyms, the dateline, the
caller's hint), containment ("Jabalia, Gaza"; "in TOWN (ADMIN2, ADMIN1)"), the key tier that
matched (exact, loose, skeleton), alternate names, and admin type words ("X province").
Two passes: the first resolves mentions on their own to gather context, the second uses it
(a mention's own first guess is left out of its context).
"""

from __future__ import annotations

import math

from .gazetteer import Gazetteer
from .index import Index
from .mention import Mention, Readings
from .votes import (
    ADMIN_FEATURES,
    BIG_PRIOR,
    BORDERLESS,
    CONTEXT_SMOOTHING,
    Choice,
    Context,
    build_context,
    cohere,
)

TIER_PENALTY = (0.0, 0.7, 2.5)
ALT_PENALTY = 0.6  # the name is one of the entry's alternate names
ALT_PENALTY_SHADOWED = 2.2  # ... while other entries carry it as their main name
COUNTRY_WEIGHT = 6.0  # times the share of the article's context in the entry's country
ADMIN1_BONUS = 2.0  # another mention lies in the same admin1
ADMIN_SHORT_PENALTY = 2.5  # an admin unit named without its type word and no type word in the text
MAX_CANDIDATES = 60
TOWN_SHARE = 0.25  # an admin1 named like its main town means the town when the town holds this share
EMBEDDED_PRIOR = 5.0  # ~100,000 people
KEEP_UNCONTAINED_PRIOR = 6.5  # ~2,000,000 people (or a capital of ~300,000)
FOREIGN_CONTEXT = 3.0  # context votes above which a small town in an unmentioned country is doubted
FOREIGN_MAX_PRIOR = 6.0  # ... and, without a location word before it, a town under ~1,000,000 people
FOREIGN_SHARE = 0.02  # a country with less than this share of the context is not mentioned
CONTAINER_FEATURES = frozenset({"admin1", "admin2", "admin3", "country", "region"})
PAREN_BONUS = 1.5  # "(Hajjah)" after a place: ACLED-style notes put admin units in brackets
# Among namesakes, the one known by more names in other languages is the better known one
# ("Gloucester" in England, not Ontario): per doubling of the count of its names.
FAME_WEIGHT = 0.15
FAME = tuple(math.log2(1 + n) for n in range(256))
MAX_CHAIN = 4  # containers skipped on the way up a chain
CONTAINER_COST = 1.0  # a container's other reading costs this much per point of its lower score
MAX_READINGS = 30_000  # names read without context remembered (each keeps its votes and towns)
BRACKET_SHARE = 0.1  # context share a unit known only from a bracket ("(South)") needs


# (name, admin words, in brackets, container of another name): what a candidate's base score depends on
BaseKey = tuple[str, tuple[str, ...], bool, bool]


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.g = gazetteer
        self._demonyms: dict[str, int | None] = {}
        # (name, admin words, in brackets, container) -> the name read without context
        self._bases: dict[BaseKey, Readings] = {}
        codes = gazetteer.feature_code
        self._strong_codes = frozenset(codes[f] for f in ("country", "admin1") if f in codes)

    def readings(self, m: Mention) -> Readings:
        """The mention's name read without context (see :class:`Readings`); computed once per name."""
        if m.base is not None:
            return m.base
        key = (m.text, m.admin, bool(m.extra.get("paren")), bool(m.extra.get("parent_of")))
        found = self._bases.get(key)
        if found is not None and found.candidates is m.candidates:
            m.base = found
            return found
        ix = self.g.index
        cands = m.candidates[:MAX_CANDIDATES]
        shadowed = any(not alt for _, _, alt in cands)
        out = []
        for entry, tier, alt in cands:
            feature = ix.features[ix.feat[entry]]
            score = float(ix.prior[entry]) - TIER_PENALTY[tier] + FAME_WEIGHT * FAME[ix.fame[entry]]
            if alt:
                score -= ALT_PENALTY_SHADOWED if shadowed else ALT_PENALTY
                if feature in ADMIN_FEATURES and not (
                    m.admin or m.extra.get("paren") or m.extra.get("parent_of")
                ):
                    # "Shelby" for "Shelby County", unless it stands where admin units do: "(Uva)"
                    score -= ADMIN_SHORT_PENALTY
            if m.admin:
                if feature in m.admin:
                    score += 4.0 - m.admin.index(feature) * 0.5
                elif feature == "city":
                    score -= 1.0
            elif m.extra.get("paren") and feature in CONTAINER_FEATURES:
                score += PAREN_BONUS
            out.append((score, entry, int(ix.cc[entry]), int(ix.a1[entry]) - 1))
        out.sort(reverse=True)
        if len(self._bases) > MAX_READINGS:
            self._bases.clear()
        self._bases[key] = found = Readings(m.candidates, out)
        m.base = found
        return found

    def _base(self, m: Mention) -> list[tuple[float, int, int, int]]:
        """(score without context, entry, country, admin1) of each candidate, best first."""
        return self.readings(m).scored

    def _reading(self, m: Mention, entry: int) -> tuple[int, bool]:
        """(tier, alternate) of the entry's first candidate in the mention."""
        rd = self.readings(m)
        tiers = rd.tiers if rd.tiers is not None else {}
        rd.tiers = tiers
        found = tiers.get(entry)
        if found is None:  # only the entries chosen are remembered (a name may have hundreds)
            tiers[entry] = found = next(((t, a) for e, t, a in m.candidates if e == entry), (0, False))
        return found

    def _one_country(self, m: Mention) -> bool:
        rd = self.readings(m)
        if rd.one_country is None:
            cc = self.g.index.cc
            rd.one_country = len({cc[e] for e, _, _ in m.candidates}) == 1
        return rd.one_country

    def _containment(self, entry: int, parent: int) -> float:
        """Bonus when the entry lies inside the parent entry (same admin1 / country / nearby town)."""
        if self.inside(entry, parent):
            return 3.0 if self.g.index.features[self.g.index.feat[parent]] == "country" else 6.0
        return -1.0 if self.g.index.cc[entry] != self.g.index.cc[parent] else 1.0

    def inside(self, entry: int, parent: int) -> bool:
        ix = self.g.index
        if entry == parent or ix.cc[entry] != ix.cc[parent]:
            return False
        pf = ix.features[ix.feat[parent]]
        if pf == "country":
            return True
        if pf == "admin1":
            return bool(ix.a1[entry] == ix.a1[parent])
        if pf == "admin2":
            return bool(
                ix.a1[entry] == ix.a1[parent]
                and (ix.a2[entry] == ix.a2[parent] or km(ix, entry, parent) < 60)
            )
        return km(ix, entry, parent) < 60

    def best(
        self, m: Mention, ctx: Context | None, k: int, parents: tuple[tuple[int, float], ...] = ()
    ) -> tuple[int, float] | None:
        if not m.candidates:
            return None
        if ctx is None and not parents:
            return self.plain(m)
        base = self.readings(m).scored
        top_score, entry = -1e9, -1
        ceiling = COUNTRY_WEIGHT + ADMIN1_BONUS + (6.0 if parents else 0.0)
        countries: dict[int, float] = ctx.countries if ctx is not None else {}
        admin1: dict[int, float] = ctx.admin1 if ctx is not None else {}
        own = ctx.own[k] if ctx is not None else None
        mine, mine_a1 = (own.countries, own.admin1) if own is not None else ({}, {})
        others = ctx.total - (own.weight if own is not None else 0.0) if ctx is not None else 0.0
        scale = COUNTRY_WEIGHT / (others + CONTEXT_SMOOTHING) if others > 0 else 0.0
        for base_score, e, cc, a1 in base:
            if base_score + ceiling < top_score:
                break  # sorted by base score: no later candidate can win
            # the other mentions' share of votes for the country (see Context.country_share)
            score = base_score + scale * (countries.get(cc, 0.0) - mine.get(cc, 0.0))
            if a1 >= 0 and admin1.get(a1, 0.0) - mine_a1.get(a1, 0.0) > 0:
                score += ADMIN1_BONUS
            if parents:
                score += max(self._containment(e, p) - cost for p, cost in parents)
            if score > top_score:
                top_score, entry = score, e
        return self.towns(m, entry), top_score

    def towns(self, m: Mention, entry: int) -> int:
        """The entry a reading stands for: an admin unit named without a type word stands for its
        main town of that name (see :meth:`_prefer_town`); remembered per name."""
        rd = self.readings(m)
        towns = rd.towns if rd.towns is not None else {}
        rd.towns = towns
        town = towns.get(entry)
        if town is None:
            towns[entry] = town = self._prefer_town(m, entry)
        return town

    def plain(self, m: Mention) -> tuple[int, float]:
        """The best reading of a mention (with candidates) on its own: (entry, score)."""
        rd = self.readings(m)
        if rd.plain is None:
            score, entry, _, _ = rd.scored[0]
            rd.plain = self._prefer_town(m, entry), score
        return rd.plain

    def _prefer_town(self, m: Mention, entry: int) -> int:
        """Without an admin word, "Khartoum" or "New York" is the admin unit's main town of that name."""
        ix = self.g.index
        feature = ix.features[ix.feat[entry]]
        if m.admin or m.extra.get("paren") or feature not in ADMIN_FEATURES:
            return entry
        city = self.g.feature_code["city"]
        capital = self.g.admin1_capital(int(ix.a1[entry]) - 1) if feature == "admin1" and ix.a1[entry] else -1
        for e, tier, _ in m.candidates[:MAX_CANDIDATES]:
            if tier or ix.feat[e] != city or ix.cc[e] != ix.cc[entry]:
                continue
            if (e == capital and ix.pop[e] >= TOWN_SHARE * ix.pop[entry]) or (
                feature != "admin1" and ix.pop[e] >= 10_000 and km(ix, e, entry) < 60
            ):
                return e
        return entry

    def demonym_entry(self, target: str) -> int | None:
        """The entry a demonym stands for: a country (ISO code) or a named region/admin1/continent."""
        if target not in self._demonyms:
            found: int | None = None
            if len(target) == 2 and target.isupper():
                cid = self.g.country_id.get(target)
                found = self.g.country_entry(cid) if cid is not None else None
            else:
                from .index import name_keys  # noqa: PLC0415

                cands = [e for e, tier, _ in self.g.lookup(*name_keys(target)) if tier == 0]
                cands = [e for e in cands if self.g.index.features[self.g.index.feat[e]] != "city"] or cands
                found = cands[0] if cands else None
            self._demonyms[target] = found
        return self._demonyms[target]

    def accept(self, m: Mention, entry: int, ctx: Context, k: int) -> bool:
        """Is this mention a place worth reporting?"""
        if m.kind == "demonym":
            return not m.extra.get("glued")
        if m.person or not m.candidates or m.extra.get("street") or m.extra.get("glued"):
            return False
        ix = self.g.index
        feature = ix.features[ix.feat[entry]]
        tier, alt = self._reading(m, entry)
        weight = float(ix.prior[entry]) - (ALT_PENALTY if alt else 0.0)
        big = weight >= BIG_PRIOR or (feature == "country" and tier == 0)
        if m.kind == "embedded":
            # "Kabul University", "New York Times": a big place's own name (the state of New York,
            # read as its main town, counts as named)
            return any(
                t == 0
                and not a
                and (e == entry or self.towns(m, e) == entry)
                and (
                    ix.features[ix.feat[e]] in ("country", "continent", "admin1")
                    or ix.prior[e] >= EMBEDDED_PRIOR
                )
                for e, t, a in m.candidates[:MAX_CANDIDATES]
            )
        if m.extra.get("acronym") and not (tier == 0 and feature == "country"):
            return False  # "WA", "CHU", "OAS": only countries are written as short acronyms
        if alt and feature == "admin1" and len(m.text) <= 4 and not m.extra.get("dotted"):
            return False  # "Ga" without the dot of "Ga." is not Georgia
        if alt and feature in ("admin2", "admin3") and not (m.admin or m.extra.get("parent_of")):
            return False  # "Red River" is not Red River County unless the text says county, or contains
        share = ctx.country_share(int(ix.cc[entry]), k)
        in_context = share >= 0.2
        strong = (
            big
            or feature in ("continent", "region", "water")
            or bool(m.admin)
            or m.parent is not None
            or (m.multiword and tier == 0)
            or (m.extra.get("paren") and weight >= 3.0)
        )
        typed = m.admin or m.extra.get("paren")
        if tier == 2 and not (
            (share >= 0.3 and (m.cue or typed))
            or (typed and feature in ADMIN_FEATURES and self._one_country(m))
        ):
            return False  # a spelling variant ("Kupwarah district" ~ Kupwāra) needs support
        if m.extra.get("bracket_item") and share < BRACKET_SHARE and not self._one_country(m):
            return False  # "(Capital)", "(South)" with nothing else to say which country's
        foreign = (
            feature not in BORDERLESS
            and ctx.local_share(int(ix.cc[entry]), k) < FOREIGN_SHARE
            and ctx.local_others(k) >= FOREIGN_CONTEXT
        )
        if foreign and (not strong or (not m.cue and weight < FOREIGN_MAX_PRIOR)):
            return False  # a town abroad in an article about elsewhere ("Tamu" in news about Syria)
        if not big and not m.cue and (m.extra.get("the") or m.extra.get("of") or m.extra.get("says")):
            return False  # "the Alliance", "Secretary of State", "Robbins said"
        located = m.cue or bool(m.admin) or m.parent is not None or bool(m.extra.get("paren"))
        if (
            m.common_word
            and not (located and (strong or in_context or (weight >= 3.0 and not m.extra.get("lower_seen"))))
            and not (big and not m.sentence_start)
        ):
            return False  # "Hope", "Bank": unless read as a place ("in Nevers", "in Hope, Ark.")
        if strong or (m.cue and (in_context or weight >= 3.0 or m.multiword)):
            return not (m.sentence_start and not m.multiword and weight < 3.0 and not m.cue)
        return in_context and (weight >= 3.7 or m.multiword) and not m.sentence_start

    def _hopeless(self, m: Mention) -> bool:
        """A lone common word ("Bank", "Hope") with no location word, no container and no big
        reading: never accepted, never a vote, so not worth resolving (see :meth:`accept`)."""
        if not m.common_word or m.cue or m.multiword or m.admin or m.kind != "place":
            return False
        if m.parent is not None or m.extra.get("parent_of") or m.extra.get("paren"):
            return False
        ix, strong = self.g.index, self._strong_codes
        return not any(ix.prior[e] >= BIG_PRIOR or ix.feat[e] in strong for e, _, _ in m.candidates)

    def resolve(self, mentions: list[Mention], hint: list[int]) -> list[Choice | None]:
        """The chosen entry of every mention (None when it has no candidates, or can be no place)."""
        hopeless = [self._hopeless(m) for m in mentions]
        ctx = build_context(self, mentions, hint, hopeless)
        out: list[Choice | None] = [None] * len(mentions)
        # Containers first: "Jabalia, Gaza" right to left; "London - Hillingdon" left to right.
        n = len(mentions)
        later = [k for k in range(n) if (p := mentions[k].parent) is not None and p < k]
        for k in [k for k in range(n - 1, -1, -1) if k not in later] + later:
            m = mentions[k]
            if hopeless[k]:
                continue
            if m.kind == "demonym":
                entry = self.demonym_entry(m.demonym or "")
                out[k] = Choice(entry, 5.0, self.accept(m, entry, ctx, k)) if entry is not None else None
                continue
            up = self._container(mentions, out, m)
            parents = self._parents(mentions, out, up)
            pick = self.best(m, ctx, k, parents)
            if pick is None:
                continue
            entry, score = pick
            accepted = self.accept(m, entry, ctx, k)
            if parents and up is not None:
                accepted = self._contain(mentions, out, m, up, entry=entry, parents=parents) and accepted
            out[k] = Choice(entry, score, accepted)
        self._one_sense(mentions, out)
        cohere(self, mentions, out)
        return out

    @staticmethod
    def _plain(m: Mention, entry: int) -> bool:
        """Read by the entry's own name, exactly, as a whole word (not an alternate name shared with
        other places, not "Kigoma" of "Kigoma-Lubondja")."""
        return not m.extra.get("part") and any(e == entry and t == 0 and not a for e, t, a in m.candidates)

    def _container(self, mentions: list[Mention], out: list[Choice | None], m: Mention) -> int | None:
        """The mention's container, skipping containers that were not taken for places ("Akobo
        (Walgak/Akobo county, Jonglei state)" with the inner Akobo unknown: Jonglei)."""
        up, seen = m.parent, 0
        while up is not None and seen < MAX_CHAIN:
            choice = out[up]
            if choice is not None and choice.accepted:
                return up
            up, seen = mentions[up].parent, seen + 1
        return None

    def _parents(
        self, mentions: list[Mention], out: list[Choice | None], up: int | None
    ) -> tuple[tuple[int, float], ...]:
        """The chosen entry of the container, then the container's other admin readings, each with
        what reading the container so costs: how much less likely that reading is on its own."""
        if up is None:
            return ()
        choice = out[up]
        if choice is None or not choice.accepted:
            return ()
        ix = self.g.index
        container = mentions[up]
        base: dict[int, float] = {}
        for score, e, _, _ in self.readings(container).scored:
            base.setdefault(e, score)
        chosen = base.get(choice.entry, 0.0)
        others = [
            (e, CONTAINER_COST * max(0.0, chosen - base.get(e, chosen)))
            for e, tier, _ in container.candidates[:MAX_CANDIDATES]
            if tier == 0 and e != choice.entry and ix.features[ix.feat[e]] in CONTAINER_FEATURES
        ]
        return ((choice.entry, 0.0), *others)

    def _contain(
        self,
        mentions: list[Mention],
        out: list[Choice | None],
        m: Mention,
        up: int,
        *,
        entry: int,
        parents: tuple[tuple[int, float], ...],
    ) -> bool:
        """Reconcile a contained place with its container; False when the place must go."""
        ix = self.g.index
        container = next((p for p, _ in parents if self.inside(entry, p)), None)
        chosen = parents[0][0]
        parent_choice = out[up]
        if parent_choice is None:
            return True
        big = float(ix.prior[entry]) >= KEEP_UNCONTAINED_PRIOR or (
            mentions[up].extra.get("bracket_item") and float(ix.prior[entry]) >= BIG_PRIOR
        )
        if container is None and big and self._plain(m, entry):
            # "Brasilia (Distrito Federal)": a big town outweighs a container read wrongly
            out[up] = Choice(parent_choice.entry, parent_choice.score, False)
        elif container is None and (
            ix.features[ix.feat[chosen]] in ("admin1", "country") or ix.cc[entry] != ix.cc[chosen]
        ):
            # "Sucre (Cochabamba)", "Apam (Gulu, Northern)": no such place in that unit; the
            # unit stands, and the place is an unknown one inside it
            mentions[up].extra["inner_unknown"] = True
            return False
        elif container is not None and container != parent_choice.entry:
            out[up] = Choice(container, parent_choice.score, True)  # "Lypove, Donetsk": the oblast
        return True

    def _one_sense(self, mentions: list[Mention], out: list[Choice | None]) -> None:
        """One place per name per article: every mention of a name takes the reading of its
        best-supported mention ("Alexandria, La." settles the later bare "Alexandria")."""

        def free(m: Mention) -> bool:  # not read on its own terms: "X province", "(X)", "A, X"
            return not (
                m.kind == "demonym"
                or m.admin
                or m.extra.get("paren")
                or m.extra.get("parent_of")
                or m.parent is not None
            )

        best: dict[str, Choice] = {}
        keys = [
            m.text.casefold() if c is not None and free(m) else None
            for m, c in zip(mentions, out, strict=True)
        ]
        for key, c in zip(keys, out, strict=True):
            if key is not None and c is not None and (key not in best or c.score > best[key].score):
                best[key] = c
        for k, (m, c) in enumerate(zip(mentions, out, strict=True)):
            key = keys[k]
            if key is None or c is None:
                continue
            top = best[key]
            if top.entry != c.entry and any(e == top.entry for e, _, _ in m.candidates[:MAX_CANDIDATES]):
                out[k] = Choice(top.entry, top.score, c.accepted or (top.accepted and m.cue))


def km(ix: Index, a: int, b: int) -> float:
    """Great-circle distance between two entries."""
    lat1, lon1 = math.radians(ix.lat[a]), math.radians(ix.lon[a])
    lat2, lon2 = math.radians(ix.lat[b]), math.radians(ix.lon[b])
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
