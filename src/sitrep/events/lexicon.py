"""The event lexicons: triggers per frame, modality cues and casualty conventions.

Each data file under ``data/events/`` is validated on first use and compiled into Aho-Corasick
automata (:class:`sitrep.actors.PhraseMatcher`). :func:`EventLexicon.default` is built once per
process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from ..actors.phrases import PhraseMatcher, fold_key
from ..resources import load_yaml, require

TRIGGERS_FILE = "events/triggers.yaml"
MODALITY_FILE = "events/modality.yaml"
CASUALTIES_FILE = "events/casualties.yaml"

NO_FRAME = "none"
_ARTICLES = frozenset({"a", "an", "single"})  # singular counts ("killing a woman")
FRAMES = (
    "protest",
    "intervene",
    "riot",
    "crowd",
    "mob",
    "clash",
    "attack",
    "kill",
    "injure",
    "abduct",
    "sexual",
    "airstrike",
    "suicide",
    "shelling",
    "ied",
    "grenade",
    "chemical",
    "impact",
    "capture",
    "regain",
    "withdraw",
    "agreement",
    "arrest",
    "change",
    "disrupt",
    "base",
    "loot",
    "other",
)
MODALITIES = (
    "negated",
    "future",
    "hypothetical",
    "statement",
    "reported",
    "drill",
    "topic",
    "separate",
    "background",
)
SCOPES = ("next", "clause", "phrase", "back", "around", "sentence", "adverbial")
CASUALTY_KINDS = ("killed", "injured", "arrested", "abducted")
_CUE_KEYS = frozenset(
    {"phrase", "scope", "words", "lower_only", "not_hyphenated", "keeps", "after_frames", "past_comma"}
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """Value of a trigger span: the frame it evokes, how strongly, and the lexicon phrase."""

    frame: str
    weight: float
    phrase: str
    object: bool = False  # the phrase names a weapon, not its use
    tag: bool = False  # a sentence-initial label naming the event type ("Looting: On 3 May ...")
    adjective: bool = False  # describes the actor right after it: "aggressive protesters"


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    frame: str
    weight: float
    phrase: str
    requires: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    requires_re: re.Pattern[str] | None = None  # compiled from ``requires`` (searched in the sentence)
    forbids_re: re.Pattern[str] | None = None
    lower_only: bool = False
    prefix: bool = False
    object: bool = False  # names a weapon, not its use
    followed_by: tuple[str, ...] = ()
    verb_only: bool = False
    adjective: bool = False
    value: Trigger | None = None  # the value of its spans, built once with the entry
    rule: str = ""  # the rule id of its spans
    free: bool = False  # nothing to check in context: a real frame with no constraint

    def with_value(self) -> TriggerEntry:
        value = Trigger(self.frame, self.weight, self.phrase, self.object, self.prefix, self.adjective)
        free = self.frame != NO_FRAME and not (
            self.lower_only
            or self.prefix
            or self.verb_only
            or self.requires
            or self.forbids
            or self.followed_by
        )
        return replace(self, value=value, rule=f"trigger.{self.frame}", free=free)


@dataclass(frozen=True, slots=True)
class CueEntry:
    modality: str
    phrase: str
    scope: str
    words: int = 4
    lower_only: bool = False
    not_hyphenated: bool = False
    keeps: frozenset[str] = frozenset()
    after_frames: frozenset[str] = frozenset()
    past_comma: bool = False


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A word in the number lexicon: cardinal, multiplier, vague quantity or qualifier."""

    role: str  # "number", "multiplier", "vague", "qualifier", "none", "cumulative", "kind_after", ...
    value: int = 0
    label: str = ""


@dataclass(frozen=True, slots=True)
class NumberTables:
    """Word lists of casualties.yaml used when reading counts."""

    singular: frozenset[str]  # singular victim heads: "killing a woman" = 1
    pronouns: dict[str, int]  # "killing him" = 1
    not_counts: frozenset[str]  # units after a number that is not a head count ("5 km")
    months: frozenset[str]  # month names: a number next to one is a date
    totals: frozenset[str]  # kind words giving a whole event's toll ("3 fatalities")


class EventLexicon:
    """Compiled trigger, modality and number matchers."""

    def __init__(
        self,
        triggers: list[tuple[str, TriggerEntry]],
        cues: list[tuple[str, CueEntry]],
        numbers: list[tuple[str, NumberWord]],
        tables: NumberTables,
    ) -> None:
        self.triggers: PhraseMatcher[TriggerEntry] = PhraseMatcher(triggers)
        self.cues: PhraseMatcher[CueEntry] = PhraseMatcher(cues)
        # counts (numbers, vague quantities, qualifiers) and the words around them (kinds, "no
        # casualties", cumulative cues) are separate automata: the second runs over the whole text,
        # the first only over the sentences the second found something in.
        counts = ("number", "multiplier", "vague", "qualifier")
        self.numbers: PhraseMatcher[NumberWord] = PhraseMatcher(
            (k, v) for k, v in numbers if v.role in counts and k not in _ARTICLES
        )
        # "a", "an" are too common for the automaton: a regex finds them in casualty sentences only
        self.articles = words_regex([k for k, v in numbers if k in _ARTICLES], r"\w")
        self.number_kinds: PhraseMatcher[NumberWord] = PhraseMatcher(
            (k, v) for k, v in numbers if v.role not in ("number", "multiplier", "vague", "qualifier")
        )
        self.singular = tables.singular
        self.pronouns = tables.pronouns
        self.not_counts = tables.not_counts
        self.months = tables.months
        self.totals = tables.totals

    @classmethod
    def default(cls) -> EventLexicon:
        return _default()


@cache
def _default() -> EventLexicon:
    numbers, singular, pronouns = _load_casualties()
    data = _versioned(CASUALTIES_FILE)
    not_counts = frozenset(_words(data.get("not_counts"), CASUALTIES_FILE, "not_counts", "not_counts"))
    totals = frozenset(_words(data.get("totals"), CASUALTIES_FILE, "totals", "totals"))
    months = frozenset(_words(data.get("months"), CASUALTIES_FILE, "months", "months"))
    return EventLexicon(
        _load_triggers(), _load_cues(), numbers, NumberTables(singular, pronouns, not_counts, months, totals)
    )


def _versioned(name: str) -> dict[str, Any]:
    data = load_yaml(name)
    require(isinstance(data, dict), name, "top level", "must be a mapping")
    require(data.get("version") == 1, name, "version", "unsupported version (expected 1)")
    return data  # type: ignore[no-any-return]


def words_regex(words: Sequence[str], edge: str) -> re.Pattern[str]:
    """A regex finding any of ``words`` (in this order of preference) where no character of the class
    ``[edge]`` touches it: ``(?<![edge])(?:w1|w2|...)(?![edge])``.

    Each alternative is written as its first character, then the look-behind, then the rest, so
    that the pattern opens with the set of first characters: the regex engine scans the text for
    those instead of trying every position (several times faster on a sentence). Same matches.
    """
    if not words:
        return re.compile(r"(?!)")  # nothing to find
    alternatives = []
    for word in words:
        first = re.escape(word[0])
        alternatives.append(f"{first}(?<![{edge}]{first}){re.escape(word[1:])}")
    return re.compile("(?:" + "|".join(alternatives) + f")(?![{edge}])")


def _any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex finding any of ``words`` (folded phrases) as whole words, or None for no words."""
    if not words:
        return None
    return words_regex(sorted(words, key=len, reverse=True), r"\w'")


def _mapping(data: dict[str, Any], key: str, file: str, *, empty_ok: bool = False) -> dict[Any, Any]:
    value = data.get(key)
    if value is None and empty_ok:
        return {}
    require(isinstance(value, dict) and (empty_ok or bool(value)), file, key, "must be a non-empty mapping")
    assert isinstance(value, dict)
    return value


def _words(value: Any, file: str, entry: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    require(
        isinstance(value, list) and all(isinstance(v, str) and v for v in value),
        file,
        entry,
        f"{key} must be a list of phrases",
    )
    return tuple(fold_key(v) for v in value)


def _load_triggers() -> list[tuple[str, TriggerEntry]]:
    data = _versioned(TRIGGERS_FILE)
    frames = _mapping(data, "frames", TRIGGERS_FILE)
    out: list[tuple[str, TriggerEntry]] = []
    # phrases that contain trigger words but evoke no event ("fighting vehicles", "death penalty"):
    # as longer matches they shadow the trigger inside them
    for phrase in _words(data.get("not_triggers"), TRIGGERS_FILE, "not_triggers", "not_triggers"):
        out.append((phrase, TriggerEntry(frame=NO_FRAME, weight=1.0, phrase=phrase).with_value()))
    for frame, spec in frames.items():
        require(frame in FRAMES, TRIGGERS_FILE, frame, f"unknown frame (known: {', '.join(FRAMES)})")
        require(
            isinstance(spec, dict) and isinstance(spec.get("phrases"), list),
            TRIGGERS_FILE,
            frame,
            "needs a list of phrases",
        )
        default_weight = spec.get("weight", 0.7)
        for raw in spec["phrases"]:
            item = {"phrase": raw} if isinstance(raw, str) else raw
            require(
                isinstance(item, dict) and isinstance(item.get("phrase"), str),
                TRIGGERS_FILE,
                item,
                f"{frame}: an entry is a phrase or a mapping with 'phrase'",
            )
            unknown = set(item) - {
                "phrase",
                "weight",
                "requires",
                "forbids",
                "lower_only",
                "prefix",
                "object",
                "followed_by",
                "verb_only",
                "adjective",
            }
            require(
                "*" not in item["phrase"].rstrip("*"), TRIGGERS_FILE, item, "'*' is only allowed at the end"
            )
            require(not unknown, TRIGGERS_FILE, item, f"unknown keys {sorted(unknown)}")
            weight = item.get("weight", default_weight)
            require(
                isinstance(weight, int | float) and 0 < weight <= 1,
                TRIGGERS_FILE,
                item,
                "weight must be in (0, 1]",
            )
            entry = TriggerEntry(
                frame=frame,
                weight=float(weight),
                phrase=item["phrase"],
                requires=_words(item.get("requires"), TRIGGERS_FILE, item, "requires"),
                forbids=_words(item.get("forbids"), TRIGGERS_FILE, item, "forbids"),
                requires_re=_any_word(_words(item.get("requires"), TRIGGERS_FILE, item, "requires")),
                forbids_re=_any_word(_words(item.get("forbids"), TRIGGERS_FILE, item, "forbids")),
                lower_only=bool(item.get("lower_only", False)),
                prefix=bool(item.get("prefix", False)),
                object=bool(item.get("object", False)),
                followed_by=_words(item.get("followed_by"), TRIGGERS_FILE, item, "followed_by"),
                verb_only=bool(item.get("verb_only", False)),
                adjective=bool(item.get("adjective", False)),
            )
            out.append((item["phrase"], entry.with_value()))
    return out


def _load_cues() -> list[tuple[str, CueEntry]]:
    data = _versioned(MODALITY_FILE)
    cues = _mapping(data, "cues", MODALITY_FILE)
    out: list[tuple[str, CueEntry]] = []
    for modality, items in cues.items():
        require(modality in MODALITIES, MODALITY_FILE, modality, f"unknown modality (known: {MODALITIES})")
        require(isinstance(items, list), MODALITY_FILE, modality, "must be a list of cues")
        for item in items:
            require(
                isinstance(item, dict) and isinstance(item.get("phrase"), str),
                MODALITY_FILE,
                item,
                "a cue is a mapping with 'phrase'",
            )
            unknown = set(item) - _CUE_KEYS
            require(not unknown, MODALITY_FILE, item, f"unknown keys {sorted(unknown)}")
            scope = item.get("scope", "next")
            require(scope in SCOPES, MODALITY_FILE, item, f"scope must be one of {SCOPES}")
            words = item.get("words", 4)
            require(isinstance(words, int) and words > 0, MODALITY_FILE, item, "words must be > 0")
            keeps = frozenset(_words(item.get("keeps"), MODALITY_FILE, item, "keeps"))
            after = frozenset(_words(item.get("after_frames"), MODALITY_FILE, item, "after_frames"))
            for frame in keeps | after:
                require(frame in FRAMES, MODALITY_FILE, item, f"unknown frame {frame!r}")
            out.append(
                (
                    item["phrase"],
                    CueEntry(
                        modality,
                        item["phrase"],
                        scope,
                        words,
                        bool(item.get("lower_only", False)),
                        bool(item.get("not_hyphenated", False)),
                        keeps,
                        after,
                        bool(item.get("past_comma", False)),
                    ),
                )
            )
    return out


def _load_casualties() -> tuple[list[tuple[str, NumberWord]], frozenset[str], dict[str, int]]:
    data = _versioned(CASUALTIES_FILE)
    out: list[tuple[str, NumberWord]] = []
    for section, role in (("numbers", "number"), ("multipliers", "multiplier"), ("vague", "vague")):
        table = _mapping(data, section, CASUALTIES_FILE)
        for word, value in table.items():
            require(
                isinstance(value, int) and value >= 0, CASUALTIES_FILE, word, f"{section}: value must be >= 0"
            )
            out.append((str(word), NumberWord(role, value)))
    qualifiers = _mapping(data, "qualifiers", CASUALTIES_FILE, empty_ok=True)
    for word, reading in qualifiers.items():
        require(reading in ("low", "approximate"), CASUALTIES_FILE, word, "qualifier is low or approximate")
        out.append((word, NumberWord("qualifier", 0, reading)))
    kinds = _mapping(data, "kinds", CASUALTIES_FILE)
    for kind, spec in kinds.items():
        require(kind in CASUALTY_KINDS, CASUALTIES_FILE, kind, f"unknown kind (known: {CASUALTY_KINDS})")
        for side in ("after", "before"):
            for word in _words(spec.get(side), CASUALTIES_FILE, kind, side):
                out.append((word, NumberWord(f"kind_{side}", 0, kind)))
    for section in ("none", "cumulative"):
        for word in _words(data.get(section), CASUALTIES_FILE, section, section):
            out.append((word, NumberWord(section)))
    singular = frozenset(
        _words(data.get("singular_people"), CASUALTIES_FILE, "singular_people", "singular_people")
    )
    pronouns = data.get("pronouns") or {}
    require(
        all(isinstance(v, int) for v in pronouns.values()), CASUALTIES_FILE, "pronouns", "values are ints"
    )
    return out, singular, {str(k): int(v) for k, v in pronouns.items()}
