"""Find place-name candidates in text: capitalised runs looked up in the gazetteer, with their context.

One regular expression finds runs of capitalised words (with lower-case connectors such as "de",
"of", "al-", "ez-" inside); inside each run the longest sub-runs known to the gazetteer win, left to
right. Each :class:`Mention` keeps what the resolver needs to decide: the candidates, the words
around it (location cue, "near", direction, admin type word), whether it sits inside an
organisation's name or after a person's title, whether it starts a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .containers import Containers
from .fold import articles, fold, loose, skeleton
from .gazetteer import Candidate, Gazetteer
from .lexicon import Lexicon
from .mention import Mention
from .words import (
    PIECE,
    LowerWords,
    capitalised_runs,
    clause_tail,
    connector_before,
    hyphen_parts,
    in_brackets,
    is_cap,
    remember,
    sentence_start,
)

__all__ = ["Mention", "Recognizer"]

_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
MAX_TOKENS = 6
SURNAME_MAX_PRIOR = 5.0  # names of places above ~100,000 people are never taken for surnames
SKELETON_MIN_NAME = 6  # letters of the loose key before the skeleton key is tried
SKELETON_MIN_KEY = 5  # consonants the skeleton key must keep
SKELETON_MIN_ADMIN = 4  # letters of a name read as an admin unit before its skeleton is tried
MAX_CONTEXTS = 50_000  # runs of words around names remembered (most recur: "in", "of the", "said")
ADMIN_LOOKUP_FEATURES = ("admin1", "admin2", "admin3", "region")


@dataclass(frozen=True, slots=True)
class _Static:
    """What the capitalised run alone says about a name in it (the same wherever the run occurs)."""

    drop: bool  # a person ("President Kenyatta"), a street ("Hampton Avenue") or glued ("Paris Hilton")
    surname: bool  # glued after a first name ("Conor McGregor"): later "McGregor" is the person
    kind: str
    admin: tuple[str, ...]
    in_run: bool  # other capitalised words come before it in the run
    last_in_run: bool  # no capitalised word follows it in the run
    flags: tuple[str, ...]  # marks for ``Mention.extra``: glued, acronym, compound, part
    lower: str  # the name in lower case ("hope" is the word if the text has it)
    common: bool  # a common English word ("Bank", "Hope")


class _Before(NamedTuple):  # a tuple: cheap to build, and built once per new run of words
    """What the words right before a name say (within its clause)."""

    title: bool  # a person's title: "President Kenyatta"
    near: bool  # "near X", "on the outskirts of X"
    direction: str | None  # "northern X"
    cue: bool  # a location word: "in X", "near X", "in northern X"
    origin: bool  # "from X"
    the: bool  # "the X"
    admin_of: tuple[str, ...]  # the features "the Province of X" asks for
    longer: bool = False  # the last word may end a cue of more words: read four words


_LONGER = _Before(False, False, None, False, False, False, (), longer=True)


class _After(NamedTuple):
    """What the one or two words right after a name say."""

    street: bool  # "X Street"
    admin: tuple[str, ...]  # the features a type word asks for: "X province" (not across punctuation)
    of: bool  # "X of ...": "Secretary of State"
    says: bool  # "X said"


@dataclass(frozen=True, slots=True)
class _Plan:
    """A capitalised run: the names found in it (mentions with offsets relative to the run) and what
    the run says about each."""

    matches: tuple[tuple[Mention, _Static], ...]


class Recognizer:
    """Candidate mentions of places in a text, with their context (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gazetteer = gazetteer
        self.lex = lexicon
        self._cache: dict[str, list[Candidate]] = {}
        self._plans: dict[str, _Plan] = {}
        self._admins: dict[str, list[Candidate]] = {}
        self._prefixes: dict[str, bool] = {}
        self._befores: dict[tuple[str, ...], _Before] = {}  # last two words -> what they say
        self._befores_near: dict[tuple[str, ...], _Before] = {}  # last four, after a "near" word
        self._afters: dict[tuple[str, ...], _After] = {}
        self._articles = articles()
        codes = gazetteer.feature_code
        self._admin_codes = frozenset(codes[f] for f in ADMIN_LOOKUP_FEATURES if f in codes)
        self.containers = Containers(lexicon, self.admin_lookup)

    def admin_lookup(self, name: str) -> list[Candidate]:
        """Admin units (and regions) called ``name``, for a name that stands where admin units do
        ("(Gulu, Northern)"): exact and loose keys, else the consonant skeleton with the same
        first letter ("Idleb" ~ Idlib). Direction words are not ruled out here."""
        found = self._admins.get(name)
        if found is None:
            g, f = self.gazetteer, fold(name)
            lk = loose(f)
            codes, feat = self._admin_codes, g.index.feat
            found = [c for c in (*g.tier(0, f), *g.tier(1, lk)) if feat[c[0]] in codes]
            if not found and len(lk) >= SKELETON_MIN_ADMIN:
                found = [
                    c for c in g.tier(2, skeleton(lk)) if feat[c[0]] in codes and self._same_start(c[0], lk)
                ]
            remember(self._admins, name, found)
        return found

    def lookup(self, name: str) -> list[Candidate]:
        """Candidates for a name. A name starting with a stop word ("A US", "The Washington") must
        match exactly; the lossy skeleton key only serves long names and must keep the first letter."""
        found = self._cache.get(name)
        if found is None:
            f = fold(name)
            head = f.split(" ", 1)[0]
            if f in self.lex.not_places or f in self.lex.admin_types or f in self._articles or not f:
                found = []
            elif head in self.lex.not_places and " " in f:
                # "A US" must not become "Aus"; "North Kivu" may still meet "Nord Kivu".
                found = self.gazetteer.tier(0, f)
                if not found and head in self.lex.directions:
                    found = self.gazetteer.tier(1, loose(f))
            else:
                g = self.gazetteer
                lk = loose(f)
                found = g.tier(0, f)
                if found:  # a loose match may be the better place: "Anbar" ~ "Al Anbar"
                    seen = {e for e, _, _ in found}
                    found += [c for c in g.tier(1, lk) if c[0] not in seen]
                else:
                    found = g.tier(1, lk)
                    if not found and len(lk) >= SKELETON_MIN_NAME and self._transliterated(name, f):
                        sk = skeleton(lk)
                        if len(sk) >= SKELETON_MIN_KEY:
                            found = [c for c in g.tier(2, sk) if self._same_start(c[0], lk)]
            remember(self._cache, name, found)
        return found

    def _transliterated(self, name: str, folded: str) -> bool:
        """Written like a transliteration (hyphen, apostrophe or article inside): worth a skeleton key."""
        return any(c in name for c in "-'’ʿʾ`") or any(t in self._articles for t in folded.split())

    def _same_start(self, entry: int, loose_key: str) -> bool:
        ix = self.gazetteer.index
        return loose(fold(ix.display(ix.name[entry])))[:1] == loose_key[:1]

    def _match(self, text: str, s: int, e: int, multiword: bool) -> Mention | None:
        """A demonym or a gazetteer name at text[s:e]; a possessive "'s" is dropped unless the
        gazetteer knows the name with it ("St. John's")."""
        name = text[s:e]
        if name.endswith(("'s", "’s")):
            whole = self.lookup(name)
            if any(tier == 0 for _, tier, _ in whole):
                return Mention(s, e, name, whole, multiword=multiword)
            name, e = name[:-2], e - 2
        demonym = self.lex.demonyms.get(fold(name))
        if demonym is not None:
            return Mention(s, e, name, [], kind="demonym", demonym=demonym)
        cands = self.lookup(name)
        return Mention(s, e, name, cands, multiword=multiword) if cands else None

    def _reach(self, word: str, caps: list[tuple[int, int, str]], i: int) -> int:
        """The last piece a name starting at piece i can reach: extend while some gazetteer key or
        demonym starts with the words so far (so "John Smith Jr" costs two prefix checks)."""
        last = i
        for j in range(i + 1, min(len(caps), i + MAX_TOKENS)):
            if not self._starts_a_name(fold(word[caps[i][0] : caps[j][1]])):
                break
            last = j
        return last

    def _starts_a_name(self, folded: str) -> bool:
        """Does some gazetteer key or demonym start with these words?"""
        return (
            folded in self.lex.demonym_prefixes
            or self._has_prefix("=" + folded)
            or self._has_prefix("~" + loose(folded))
        )

    def _may_continue(self, first: str) -> bool:
        """Can a name of several words start with this (folded) word? Answered from the index."""
        return (
            first in self.lex.demonym_heads
            or first in self._articles
            or self._has_prefix("=" + first + " ")
            or self._has_prefix("~" + loose(first))
        )

    def _has_prefix(self, key: str) -> bool:
        """Does some key of the index start with this one? (remembered: prefixes recur)"""
        found = self._prefixes.get(key)
        if found is None:
            found = self.gazetteer.index.has_prefix(key)
            remember(self._prefixes, key, found)
        return found

    def _plan(self, word: str) -> _Plan:
        """How a capitalised run splits into names (cached: runs repeat within and across texts)."""
        if " " in word or "\t" in word:
            pieces = [(m.start(), m.end(), m.group()) for m in PIECE.finditer(word)]
        else:
            pieces = [(0, len(word), word)]
        caps = [p for p in pieces if is_cap(p[2])]
        folded = [fold(p[2]) for p in caps]
        part = [False] * len(caps)  # a piece split off a hyphenated word ("Kigoma" of "Kigoma-Lubondja")
        matches: list[tuple[int, int, Mention]] = []
        i = 0
        while i < len(caps):
            found = None
            last = self._reach(word, caps, i) if self._may_continue(folded[i]) else i
            for j in range(last, i - 1, -1):
                if j > i and folded[j] in self.lex.trailing_stop:
                    continue  # "Rashid Al", "Desmond The"
                found = self._match(word, caps[i][0], caps[j][1], multiword=j > i)
                if found is not None:
                    break
            if found is None:
                parts = hyphen_parts(caps[i])
                if parts:  # "Damascus-Aleppo", "London-based": try the parts
                    caps[i : i + 1] = parts
                    folded[i : i + 1] = [fold(p[2]) for p in parts]
                    part[i : i + 1] = [True] * len(parts)
                    continue
                i += 1
                continue
            if (
                j + 1 < len(caps)
                and folded[j + 1] in self.lex.compound_words
                and found.kind == "place"
                and not word[caps[j][1] : caps[j + 1][0]].strip(" \t-‐")
            ):
                # "Kano North", "Sousse Nord", "Mandalay-North": a unit named after a known place
                end = caps[j + 1][1]
                found = Mention(found.start, end, word[found.start : end], found.candidates)
                found.extra["compound"] = True
                j += 1
            if part[i] and not found.extra.get("compound"):
                found.extra["part"] = True
            found.extra["connector"] = connector_before(pieces, caps[i])
            matches.append((i, j, found))
            i = j + 1
        return _Plan(
            tuple((proto, self._static(word, caps, folded, (i, j), proto)) for i, j, proto in matches)
        )

    def _static(
        self,
        word: str,
        caps: list[tuple[int, int, str]],
        folded: list[str],
        span: tuple[int, int],
        m: Mention,
    ) -> _Static:
        """The run's own context of the name made of pieces ``span`` (see :class:`_Static`)."""
        lex = self.lex
        i, j = span
        run_before, run_after = folded[:i], folded[j + 1 :]
        connector = str(m.extra.get("connector", ""))
        person = bool(run_before and run_before[-1] in lex.person_titles) or connector in lex.person_particles
        kind = m.kind
        if kind == "place" and any(w in lex.organisation_words for w in run_before + run_after[:3]):
            kind = "embedded"
        admin: tuple[str, ...] = ()
        if run_after and run_after[0] in lex.admin_types:
            admin = lex.admin_types[run_after[0]]
            kind = "place" if kind == "embedded" else kind
        elif run_before and connector == "of" and run_before[-1] in lex.admin_types:
            admin = lex.admin_types[run_before[-1]]  # "State of Illinois", "Village of Glen Carbon"
            kind = "place" if kind == "embedded" else kind
        street = any(w in lex.street_words for w in run_after[:3])
        # Capitalised words right next to it, only spaces between ("Paris Hilton"; not "Miller's Field")
        after, before = word[m.end : caps[j + 1][0]] if j + 1 < len(caps) else "-", word[: m.start]
        next_word = folded[j + 1] if not after.strip(" \t") else None
        prev_word = folded[i - 1] if i > 0 and not before[caps[i - 1][1] :].strip(" \t") else None
        glued = surname = False
        if kind == "demonym":
            # "French Quarter", "Russian Embassy" are names; "Russian President Putin" and "British
            # Prime Minister" are demonyms.
            title = next_word in lex.person_titles or " ".join(run_after[:2]) in lex.person_titles
            glued = bool(next_word and not title and next_word not in lex.demonyms)
        elif not person and kind == "place" and not m.multiword:
            # An admin word after the name ("Kone village") does not unglue "Pyayt Sin Kone".
            glued_after = (
                next_word is not None
                and not admin
                and not (next_word in lex.organisation_words or next_word in lex.person_titles)
            )
            glued_before = prev_word is not None and (
                prev_word in lex.feature_words
                or not (
                    prev_word in lex.directions
                    or prev_word in lex.not_places
                    or prev_word in lex.location_cues
                )
            )
            glued = glued_after or glued_before
            surname = glued_before and not glued_after and not self._big(m)
        elif not person and kind == "place" and prev_word is not None and not admin and m.candidates[0][1]:
            # The tail of a longer name, matched only loosely: "Ma Kan" (~ Makan) of "Maung Ma Kan"
            glued = not (
                prev_word in lex.directions or prev_word in lex.not_places or prev_word in lex.location_cues
            )
        return _Static(
            drop=kind != "demonym" and (person or street or glued),
            surname=surname,
            kind=kind,
            admin=admin,
            in_run=bool(run_before),
            last_in_run=not run_after,
            lower=m.text.lower(),
            common=fold(m.text) in lex.common_words,
            flags=tuple(
                flag
                for flag, on in (
                    ("glued", glued),
                    ("acronym", m.text.isupper() and sum(c.isalpha() for c in m.text) <= 3),
                    ("compound", "compound" in m.extra),
                    ("part", "part" in m.extra),
                )
                if on
            ),
        )

    def mentions(self, text: str) -> list[Mention]:
        lower_words = LowerWords(text)
        out: list[Mention] = []
        surnames: set[str] = set()
        plans = self._plans
        for base, word in capitalised_runs(text):
            plan = plans.get(word)
            if plan is None:
                plan = self._plan(word)
                remember(plans, word, plan)
            if not plan.matches:
                continue
            for proto, static in plan.matches:
                if static.drop:
                    if static.surname:
                        surnames.add(proto.text)
                    continue
                m = Mention(
                    proto.start + base,
                    proto.end + base,
                    proto.text,
                    proto.candidates,
                    kind=static.kind,
                    demonym=proto.demonym,
                    admin=static.admin,
                    multiword=proto.multiword,
                )
                for flag in static.flags:
                    m.extra[flag] = True
                if self._context(text, m, static, lower_words):
                    out.append(m)
        out = self.containers(text, out)
        self._lists(text, out)
        self._surnames(out, surnames)
        return out

    def _context(self, text: str, m: Mention, static: _Static, lower_words: LowerWords) -> bool:
        """The words around the mention in this text; False when they make it no place (a title
        before it: "President Kenyatta"; a street word after it: "Cavour square")."""
        before = self._before(text, m.start)
        after = self._after(tuple(text[m.end : m.end + 40].lower().split(None, 2)[:2]))
        if m.kind != "demonym" and (before.title or (static.last_in_run and after.street)):
            return False
        # Admin type words next to the name in the text: "Idlib province", "the Province of Idlib" (a
        # type word inside the capitalised run, "Idlib Province", is already in ``m.admin``); one
        # after it counts only with nothing between ("Ms Lopez, city clerk").
        if not m.admin and static.last_in_run and after.admin:
            m.admin = after.admin
            m.kind = "place" if m.kind == "embedded" else m.kind  # "the Clinic of Marib city"
        if before.admin_of:
            m.admin = before.admin_of
            m.kind = "place" if m.kind == "embedded" else m.kind
        if before.origin:
            m.extra["from"] = True
        if in_brackets(text, m.start, m.end):
            m.extra["paren"] = True
        if text[m.end : m.end + 1] == ".":
            m.extra["dotted"] = True
        m.near = before.near
        if before.direction:
            m.direction = before.direction
        m.cue = before.cue
        m.sentence_start = not static.in_run and sentence_start(text, m.start)
        if not m.multiword:
            if static.lower in lower_words:
                m.common_word = True
                m.extra["lower_seen"] = True  # "hope" in the same text: "Hope" is the word too
            elif static.common:
                m.common_word = True
            if not static.in_run and before.the:
                m.extra["the"] = True  # "the Alliance", "the Culture Department"
        if after.of and not m.multiword:
            m.extra["of"] = True  # "Confederation of ...", "Secretary of State"
        elif after.says and static.last_in_run:
            m.extra["says"] = True
        return True

    def _before(self, text: str, start: int) -> _Before:
        """What the words before a position say (remembered per words: they recur)."""
        window = text[max(0, start - 50) : start]
        found = self._befores.get(key := tuple(window.rsplit(None, 2)[-2:]))
        if found is None:
            found = self._before_facts(clause_tail(key), longer=True)
            remember(self._befores, key, found, MAX_CONTEXTS)
        if found.longer:  # "on the outskirts of X": read four words
            found = self._befores_near.get(key := tuple(window.rsplit(None, 4)[-4:]))
            if found is None:
                found = self._before_facts(clause_tail(key), longer=False)
                remember(self._befores_near, key, found, MAX_CONTEXTS)
        return found

    def _before_facts(self, words: tuple[str, ...], *, longer: bool) -> _Before:
        lex = self.lex
        last = words[-1] if words else ""
        if longer and len(words) == 2 and last in lex.near_last_words:
            return _LONGER
        near = last in lex.near_last_words and any(
            " ".join(words[-n:]) in lex.near_cues for n in range(1, min(len(words), 4) + 1)
        )
        direction = last if last in lex.directions else None
        of_type = len(words) >= 2 and last == "of" and words[-2] in lex.admin_types
        return _Before(
            title=last in lex.person_titles,
            near=near,
            direction=direction,
            cue=near
            or last in lex.location_cues
            or (len(words) >= 2 and words[-2] in lex.location_cues and direction is not None),
            origin=last == "from",
            the=last == "the",
            admin_of=lex.admin_types[words[-2]] if of_type else (),
        )

    def _after(self, words: tuple[str, ...]) -> _After:
        """What the (one or two, lower-case) words after a name say (remembered per words)."""
        found = self._afters.get(words)
        if found is None:
            lex = self.lex
            nxt = words[0].strip(",.;:") if words else ""
            admin: tuple[str, ...] = ()
            if words and words[0][:1].isalpha():
                for n in (2, 1):
                    if len(words) >= n:
                        key = fold(" ".join(words[:n]))
                        if key in lex.admin_types:
                            admin = lex.admin_types[key]
                            break
            found = _After(
                street=nxt in lex.street_words, admin=admin, of=nxt == "of", says=nxt in lex.person_verbs
            )
            remember(self._afters, words, found, MAX_CONTEXTS)
        return found

    def _big(self, m: Mention) -> bool:
        """Could the name be a country, admin1 or a large town (then it is no one's surname)?"""
        ix = self.gazetteer.index
        country, admin1 = self.gazetteer.feature_code["country"], self.gazetteer.feature_code["admin1"]
        return any(
            ix.prior[e] >= SURNAME_MAX_PRIOR or ix.feat[e] in (country, admin1)
            for e, tier, _ in m.candidates[:20]
            if tier == 0
        )

    def _lists(self, text: str, out: list[Mention]) -> None:
        """ "in Kentucky and Arizona", "in Prešov, Nitra and Košice": the cue covers the whole list."""
        for k in range(1, len(out)):
            a, b = out[k - 1], out[k]
            if a.cue and not b.cue and _LIST_GAP.fullmatch(text[a.end : b.start]):
                b.cue = True
                b.extra["listed"] = True

    def _surnames(self, out: list[Mention], surnames: set[str]) -> None:
        """A name seen as a person's surname is a person wherever it stands alone in the article."""
        if not surnames:
            return
        for m in out:
            located = m.admin or m.parent is not None or m.extra.get("parent_of")
            if m.text in surnames and not m.multiword and not located and not self._big(m):
                m.person = True  # "in Ely (Minnesota)" stays a place after "Friends of Ely"
