"""The article's context: each name's vote for countries and admin1 units, and the coherence check
that drops weak places in a country nothing else in the article supports.

Each distinct name votes once, softly (see :class:`Context`); demonyms vote a little; villages vote
less than towns and provinces. Used by :class:`sitrep.places.resolve.Resolver`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .mention import Mention

if TYPE_CHECKING:
    from .resolve import Resolver

CONTEXT_SMOOTHING = 1.0  # votes added to the total, so that a lone vote does not decide alone
DEMONYM_VOTE = 0.25  # "Russian forces" says little about where things happen
VOTE_SPREAD = 2.0  # readings 100 times less likely than a name's best do not vote
SMALL_PRIOR = 4.0  # towns under ~10,000 people ...
SMALL_VOTE = 0.5  # ... vote with this weight
COHERE_STRONG = 2.0  # support an admin unit, a big town or a dateline gives its country
COHERE_DEMONYM = 0.5  # ... and a demonym
COHERE_MIN = 2.0  # support the leading country needs before weak places elsewhere are dropped
COHERE_RATIO = 2.0  # ... and how far ahead of the weak place's country it must be
BIG_PRIOR = 4.7  # prior of a town of ~50,000 people (or an admin unit whose largest town is that big)
BORDERLESS = frozenset({"country", "continent", "region", "water"})
ADMIN_FEATURES = frozenset({"admin1", "admin2", "admin3"})


@dataclass(frozen=True, slots=True)
class Choice:
    entry: int
    score: float
    accepted: bool


@dataclass(slots=True)
class Context:
    """Votes of the article's mentions for countries and admin1 units.

    Each distinct name votes once, softly: its weight is shared among the countries (and admin1
    units) where it has a reading, in proportion to how likely each reading is on its own. A name
    that exists in eight countries ("Northern") thus says little on its own, yet adds up with
    "Gulu" to name the one country both belong to.
    """

    countries: dict[int, float] = field(default_factory=dict)
    admin1: dict[int, float] = field(default_factory=dict)
    own: list[Vote | None] = field(default_factory=list)  # per mention: the vote of its name
    total: float = 0.0
    # Votes of names below the country level only: "in Nevers" is not abroad in an article that
    # names Ukraine and Russia; it is abroad in one about Idlib and Hama.
    local: dict[int, float] = field(default_factory=dict)
    local_total: float = 0.0

    def local_others(self, k: int) -> float:
        """The weight of every sub-national vote but mention k's own."""
        own = self.own[k]
        return self.local_total - (own.weight if own and own.local else 0.0)

    def local_share(self, country: int, k: int) -> float:
        own = self.own[k]
        total = self.local_others(k)
        if total <= 0:
            return 0.0
        mine = own.countries.get(country, 0.0) if own and own.local else 0.0
        return (self.local.get(country, 0.0) - mine) / (total + CONTEXT_SMOOTHING)

    def country_share(self, country: int, k: int) -> float:
        """Share of the other mentions' votes for a country, smoothed: one vote is weak evidence."""
        own = self.own[k]
        total = self.total - (own.weight if own else 0.0)
        if total <= 0:
            return 0.0
        mine = own.countries.get(country, 0.0) if own else 0.0
        return (self.countries.get(country, 0.0) - mine) / (total + CONTEXT_SMOOTHING)


@dataclass(frozen=True, slots=True)
class Vote:
    weight: float
    countries: dict[int, float]
    admin1: dict[int, float]
    local: bool = True  # a place below the country level


def vote_key(m: Mention) -> str:
    """One vote per name, but "Merida state" says more than "Merida" and votes on its own."""
    return m.text.casefold()


def vote(r: Resolver, m: Mention, k: int) -> Vote | None:
    """What one mention says about the article's country and admin1, on its own."""
    ix = r.g.index
    if m.kind == "demonym":
        entry = r.demonym_entry(m.demonym or "")
        if entry is None:
            return None
        return Vote(DEMONYM_VOTE, {int(ix.cc[entry]): DEMONYM_VOTE}, {}, local=False)
    if m.person or m.extra.get("glued") or m.extra.get("street"):
        return None
    if not m.candidates or m.candidates[0][1] != 0:  # exact matches come first
        return None  # a loose or skeleton match is too weak to set the article's country
    entry = r.plain(m)[0]
    feature = ix.features[ix.feat[entry]]
    if not (
        feature in ("country", "admin1")
        or float(ix.prior[entry]) >= BIG_PRIOR
        or m.multiword
        or m.cue
        or m.admin
        or m.extra.get("paren")
    ):
        return None
    weight = (2.0 if feature == "country" else 1.0) * (3.0 if m.extra.get("dateline") else 1.0)
    contained = m.admin or m.parent is not None
    if feature == "city" and float(ix.prior[entry]) < SMALL_PRIOR and not contained:
        weight *= SMALL_VOTE  # a village says less about the country than a city or a province
    if m.kind == "embedded":
        weight *= 0.5
    return spread(r, m, weight, local=feature not in BORDERLESS)


def spread(r: Resolver, m: Mention, weight: float, *, local: bool) -> Vote:
    """A name's weight shared among its readings' countries and admin1 units, each in proportion
    to the likelihood of its best reading there (base scores are log10-like)."""
    rd = r.readings(m)
    votes = rd.votes if rd.votes is not None else {}
    rd.votes = votes
    found = votes.get((weight, local))
    if found is not None:
        return found
    if rd.spread is None:
        base = rd.scored
        top = base[0][0]
        countries: dict[int, float] = {}
        for score, _, cc, _ in base:
            if top - score > VOTE_SPREAD:
                break  # sorted: the rest weigh next to nothing
            if cc not in countries:
                countries[cc] = 10.0 ** (score - top)
        rd.spread = tuple(countries.items()), sum(countries.values())
    likely, total = rd.spread
    # Admin1 units are many and close: only the name's best reading votes for one.
    a1 = rd.scored[0][3]
    votes[(weight, local)] = found = Vote(
        weight,
        {cc: weight * p / total for cc, p in likely},
        {a1: weight} if a1 >= 0 else {},
        local=local,
    )
    return found


def build_context(r: Resolver, mentions: list[Mention], hint: list[int], hopeless: list[bool]) -> Context:
    """Country and admin1 votes, one per distinct name (a repeated name does not outvote)."""
    ctx = Context()
    for cid in hint:
        ctx.countries[cid] = ctx.countries.get(cid, 0.0) + 3.0
        ctx.total += 3.0
    votes: dict[str, Vote] = {}
    for k, m in enumerate(mentions):
        if hopeless[k]:
            continue
        said = vote(r, m, k)
        key = vote_key(m)
        if said is not None and (key not in votes or said.weight > votes[key].weight):
            votes[key] = said
    for said in votes.values():
        for cc, w in said.countries.items():
            ctx.countries[cc] = ctx.countries.get(cc, 0.0) + w
            if said.local:
                ctx.local[cc] = ctx.local.get(cc, 0.0) + w
        if said.local:
            ctx.local_total += said.weight
        for a1, w in said.admin1.items():
            ctx.admin1[a1] = ctx.admin1.get(a1, 0.0) + w
        ctx.total += said.weight
    ctx.own = [votes.get(vote_key(m)) for m in mentions]
    return ctx


def cohere(r: Resolver, mentions: list[Mention], out: list[Choice | None]) -> None:
    """Drop weak places in a country the rest of the article does not support ("Kigoma" of
    "Kigoma-Lubondja village (Fizi, Sud-Kivu)", a Russian "Zarya" in "Zarya imeni Lenina, Luhansk")."""
    ix = r.g.index
    support: dict[int, float] = {}
    weak: list[int] = []
    for k, (m, c) in enumerate(zip(mentions, out, strict=True)):
        if c is None or not c.accepted:
            continue
        cc = int(ix.cc[c.entry])
        feature = ix.features[ix.feat[c.entry]]
        if m.kind == "demonym":
            support[cc] = support.get(cc, 0.0) + COHERE_DEMONYM
            continue
        if m.kind != "place" or feature in BORDERLESS:
            continue
        strong = (
            feature in ADMIN_FEATURES
            or m.extra.get("dateline")
            or (float(ix.prior[c.entry]) >= BIG_PRIOR and not m.extra.get("part") and m.candidates[0][1] < 2)
        )
        support[cc] = support.get(cc, 0.0) + (COHERE_STRONG if strong else 1.0)
        if not strong and m.parent is None and not m.extra.get("parent_of"):
            weak.append(k)
    if not weak or len(support) < 2:
        return
    top = max(support.values())
    for k in weak:
        c = out[k]
        assert c is not None
        if top >= COHERE_MIN and support[int(ix.cc[c.entry])] * COHERE_RATIO <= top:
            out[k] = Choice(c.entry, c.score, False)
