"""Names of admin units the way ACLED-style data writes them (build time only).

GeoNames writes many admin units with their type word and with transliteration marks ("Sagaing
Region", "Kharkivs’ka Oblast’", "Ma’rib", "Béja Governorate"); ACLED (like GADM and OCHA) writes
"Sagaing", "Marib", "Beja". :func:`display_name` drops a leading or trailing type word listed in
``data/places/folding.yaml`` (``admin_display_affixes``) and the apostrophe-like marks of
transliterations, but keeps elisions ("O'Higgins", "Côte d'Azur"). For the countries listed under
``iso_admin_names`` in ``data/places/countries.yaml`` the ISO 3166-2 name is used instead: there
the subdivisions carry their own official names ("Bayern", "Lombardia", "Andalucía").

ISO 3166-2 second-level subdivisions (Burkina Faso's provinces, Uganda's districts, France's
departments, ...) become admin2 places: :func:`iso_admin2` lists them under their parent.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from ..resources import load_yaml, require
from .curated import curated_admin1_aliases, curated_admin1_display, iso_admin_countries
from .fold import FOLDING_FILE, fold, loose, skeleton, without_affixes
from .records import Record

SIMILAR = 0.8  # spelling similarity for an ISO subdivision name to count as a GeoNames admin1's
MARGIN = 0.1  # ... ahead of the next most similar one
_ISO_CODE = re.compile(r"[A-Z]{2}-\w+")
_BRACKETED = re.compile(r"(.*?)\s*\[(.*)\]\s*")

# Apostrophe-like marks of transliterations (ayn, hamza) and of Ukrainian/Russian soft signs.
_MARKS = "'‘’ʻʼʾʿ`´′"
# An elision: one letter, then the mark, then the word ("O'Higgins", "d'Azur", "L'Aquila").
_ELISION = re.compile(r"(?<![\w])(\w)[" + _MARKS + r"](?=\w)")
_MARK = re.compile("[" + _MARKS + "]")
_SPACES = re.compile(r"\s+")
_GLUE = "\x00"


@cache
def display_affixes() -> tuple[tuple[str, ...], ...]:
    """Type words dropped from admin names for display, longest first (folded tokens)."""
    data = load_yaml(FOLDING_FILE)
    words = data.get("admin_display_affixes", [])
    require(
        isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words),
        FOLDING_FILE,
        "admin_display_affixes",
        "must be a list of words",
    )
    return tuple(sorted({tuple(fold(w).split()) for w in words}, key=lambda t: -len(t)))


def without_marks(name: str) -> str:
    """The name without transliteration marks; elisions keep their apostrophe ("O'Higgins")."""
    kept = _ELISION.sub(lambda m: m.group(1) + _GLUE, name)
    return _MARK.sub("", kept).replace(_GLUE, "'")


def display_name(name: str) -> str:
    """An admin unit's display name: no type word at either end, no transliteration marks.

    "Sagaing Region" -> "Sagaing"; "Province du Boulgou" -> "Boulgou"; "Ma’rib" -> "Marib";
    "Gyeonggi-do" -> "Gyeonggi". A name that is nothing but type words is kept as it is.
    """
    clean = _SPACES.sub(" ", without_marks(name)).strip()
    # Tokens with their separators, so that the kept part is returned as written.
    parts = re.split(r"([ \-‐]+)", clean)
    words = parts[0::2]
    folded = [fold(w) for w in words]
    for affix in display_affixes():
        n = len(affix)
        if len(words) <= n:
            continue
        if tuple(folded[-n:]) == affix:
            return "".join(parts[: 2 * (len(words) - n) - 1]).strip(" -‐")
        if tuple(folded[:n]) == affix:
            rest = parts[2 * n :]
            if len(rest) > 2 and fold(rest[0]) in _LINKS:  # "Province du Boulgou", "Region de X"
                rest = rest[2:]
            return "".join(rest).strip(" -‐")
    return clean


_LINKS = frozenset({"of", "de", "du", "des", "di", "del", "da", "do", "la", "d"})


def iso_forms(name: str) -> list[str]:
    """The names inside an ISO 3166-2 name, the one to display first: "Catalunya [Cataluña]" ->
    Cataluña, Catalunya; "Murcia, Región de" -> Murcia, Región de Murcia; "Stockholms län [SE-01]"
    -> Stockholms län."""
    forms: list[str] = []
    bracketed = _BRACKETED.fullmatch(name)
    if bracketed:
        name, other = bracketed.group(1), bracketed.group(2)
        if not _ISO_CODE.fullmatch(other):
            forms.append(other)
    if ", " in name:
        head, tail = name.split(", ", 1)
        forms += [head, f"{tail} {head}"]
    else:
        forms.append(name)
    return forms


class IsoNames:
    """A country's ISO 3166-2 subdivision names, matched against GeoNames' admin names."""

    def __init__(self, cc: str) -> None:
        import pycountry  # noqa: PLC0415 - heavy import only when building

        subs = list(pycountry.subdivisions.get(country_code=cc) or [])  # type: ignore[no-untyped-call]
        self.forms: dict[str, list[str]] = {}  # display form -> every form
        self.exact: dict[str, str] = {}
        self.skeletons: dict[str, set[str]] = defaultdict(set)
        self.admin2: list[tuple[list[str], str]] = []  # (forms, display form of the parent)
        top = {s.code: iso_forms(s.name)[0] for s in subs if getattr(s, "parent_code", None) is None}
        for sub in subs:
            forms = iso_forms(sub.name)
            parent = getattr(sub, "parent_code", None)
            if parent is None:
                self.forms[forms[0]] = forms
                for form in forms:
                    lk = loose(fold(form))
                    self.exact[lk] = forms[0]
                    self.skeletons[skeleton(lk)].add(forms[0])
            elif parent in top:
                self.admin2.append((forms, top[parent]))

    def match(self, name: str) -> str | None:
        """The ISO name (display form) of a GeoNames admin1: same loose key, else same skeleton,
        else the one clearly most similar spelling ("Andalusia" ~ "Andalucía")."""
        lk = loose(fold(name))
        if lk in self.exact:
            return self.exact[lk]
        found = self.skeletons.get(skeleton(lk), set())
        if len(found) == 1:
            return next(iter(found))
        ratios = sorted(
            ((difflib.SequenceMatcher(None, lk, key).ratio(), iso) for key, iso in self.exact.items()),
            reverse=True,
        )
        if ratios and ratios[0][0] >= SIMILAR and (len(ratios) == 1 or ratios[0][0] - ratios[1][0] >= MARGIN):
            return ratios[0][1]
        return None


@dataclass(slots=True)
class AdminNames:
    """Display names of a gazetteer's admin1 units and every other name they go by."""

    display: dict[tuple[str, str], str] = field(default_factory=dict)
    others: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    iso: dict[tuple[str, str], str] = field(default_factory=dict)  # ISO display form, when matched

    def codes(self) -> dict[tuple[str, str], str]:
        """(country, folded name) -> admin1 code, for every name of every unit."""
        out: dict[tuple[str, str], str] = {}
        for (cc, code), name in self.display.items():
            for n in (name, *self.others.get((cc, code), ())):
                out.setdefault((cc, fold(n)), code)
        return out


def admin1_names(raw: dict[tuple[str, str], str]) -> AdminNames:
    """Display names for GeoNames admin1 names (see the module docstring); two units of a country
    that would display alike keep their GeoNames names."""
    iso_countries = iso_admin_countries()
    aliases = curated_admin1_aliases()
    curated = curated_admin1_display()
    iso_by_country: dict[str, IsoNames] = {}
    out = AdminNames()
    for cc in sorted({cc for cc, _ in raw}):
        iso_by_country[cc] = names = IsoNames(cc)
        units = sorted((code, name) for (c, code), name in raw.items() if c == cc)
        chosen = {}
        for code, name in units:
            # GeoNames' name ("Sagaing Region"), without its type word ("Sagaing"), else a curated
            # alias ("Bavaria" ~ "Bayern")
            candidates = (name, display_name(name), *aliases.get((cc, fold(name)), ()))
            iso = next((found for n in candidates if (found := names.match(n))), None)
            forms = names.forms.get(iso, []) if iso else []
            shown = curated.get((cc, fold(name)))
            chosen[code] = shown or display_name(forms[0] if forms and cc in iso_countries else name)
            if iso:
                out.iso[(cc, code)] = iso
            out.others[(cc, code)] = [name, *forms, *aliases.get((cc, fold(name)), ())]
        counts = Counter(fold(d) for d in chosen.values())
        for code, name in units:
            display = chosen[code] if counts[fold(chosen[code])] == 1 else name
            out.display[(cc, code)] = display
            out.others[(cc, code)] = [n for n in dict.fromkeys(out.others[(cc, code)]) if n != display]
    return out


def _middle(values: list[float]) -> float:
    """Middle of the range of values, trimmed of the outer 5% on each side."""
    values = sorted(values)
    cut = len(values) // 20
    kept = values[cut : len(values) - cut] or values
    return (kept[0] + kept[-1]) / 2


def area_point(members: list[Record]) -> tuple[float, float]:
    return _middle([m.latitude for m in members]), _middle([m.longitude for m in members])


def _namesake_town(name: str, members: list[Record]) -> Record | None:
    """The largest town named like an admin unit ("Idlib" in Idlib): its spellings are the unit's."""
    key = loose(fold(name))
    towns = [m for m in members if m.feature == "city" and loose(fold(m.name)) == key]
    return max(towns, key=lambda t: t.population) if towns else None


def _area(
    name: str, feature: str, cc: str, code: str, members: list[Record], *, alternates: list[str]
) -> Record:
    """An admin unit made of its towns: the middle of their extent, the sum of their people; it
    shares the spellings of the town named like it."""
    lat, lon = area_point(members)
    town = _namesake_town(name, members)
    names = [*alternates, *(town.alternates if town else ())]
    return Record(
        name=name,
        latitude=lat,
        longitude=lon,
        cc=cc,
        feature=feature,
        admin1_code=code,
        alternates=[n for n in dict.fromkeys(names) if n != name],
        population=sum(m.population for m in members),
    )


def _short_names(*names: str | None) -> list[str]:
    return [short for n in names if n and (short := without_affixes(n))]


def admin_records(cities: list[Record], names: AdminNames) -> Iterator[Record]:
    """Admin1 and admin2 places made from the towns they contain, then the ISO 3166-2 second-level
    units GeoNames' data lacks (at their namesake town, else at their admin1's point)."""
    by_admin1: dict[tuple[str, str], list[Record]] = defaultdict(list)
    by_admin2: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
    for city in cities:
        if city.admin1_code:
            by_admin1[(city.cc, city.admin1_code)].append(city)
        if city.admin2_raw:
            by_admin2[(city.cc, city.admin1_code, city.admin2_raw)].append(city)
    areas: dict[tuple[str, str], Record] = {}
    for (cc, code), members in sorted(by_admin1.items()):
        name = names.display.get((cc, code))
        if name:
            others = names.others.get((cc, code), [])
            areas[(cc, code)] = record = _area(
                name, "admin1", cc, code, members, alternates=[*others, *_short_names(name, *others)]
            )
            yield record
    known: set[tuple[str, str]] = set()
    for (cc, code, raw), members in sorted(by_admin2.items()):
        # News names a county or district with its type word: the full name stays the main one.
        known.add((cc, loose(fold(display_name(raw)))))
        record = _area(raw, "admin2", cc, code, members, alternates=[display_name(raw), *_short_names(raw)])
        record.admin2 = display_name(raw)
        record.weight_population = max(m.population for m in members)
        yield record
    yield from _iso_admin2(cities, names, areas, known)


def _iso_admin2(
    cities: list[Record],
    names: AdminNames,
    areas: dict[tuple[str, str], Record],
    known: set[tuple[str, str]],
) -> Iterator[Record]:
    towns: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for city in cities:
        towns[(city.cc, loose(fold(city.name)))].append(city)
    codes = {(cc, iso): code for (cc, code), iso in names.iso.items()}
    for cc in sorted({cc for cc, _ in names.display}):
        units = IsoNames(cc).admin2
        per_admin1 = Counter(codes.get((cc, parent), "") for _, parent in units)
        for forms, parent in units:
            name = display_name(forms[0])
            key = (cc, loose(fold(name)))
            code = codes.get((cc, parent), "")
            if key in known or not code or (cc, code) not in areas:
                continue
            known.add(key)
            namesakes = [t for t in towns.get(key, ()) if t.admin1_code == code]
            town = max(namesakes, key=lambda t: t.population) if namesakes else None
            area = areas[(cc, code)]
            # Without a namesake town, its share of its province's people stands for its weight.
            share = area.population // max(1, per_admin1[code])
            yield Record(
                name=name,
                latitude=town.latitude if town else area.latitude,
                longitude=town.longitude if town else area.longitude,
                cc=cc,
                feature="admin2",
                alternates=[f for f in forms if f != name] + (town.alternates if town else []),
                admin1_code=code,
                admin2=name,
                population=town.population if town else 0,
                weight_population=max(town.population if town else 0, share),
                precision=2 if town else 3,  # without a namesake town the point is the province's
            )
