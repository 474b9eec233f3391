"""Transliteration-insensitive keys for place names.

Three keys per name, from strict to loose, all plain lower-case ASCII:

- :func:`fold`: lower-case, diacritics removed, apostrophes dropped, hyphens/dots/commas as spaces
  ("Ḩalab" -> "halab", "Qa'im" -> "qaim", "Deir ez-Zor" -> "deir ez zor");
- :func:`loose`: the folded key without Arabic-style articles (al, el, ad, az, ...) and without
  spaces ("Deir al-Zour" -> "deirzour", "Al Bukamal" -> "bukamal");
- :func:`skeleton`: the loose key without vowels and semi-vowels, doubled letters collapsed and a few
  spelling pairs merged ("Dayr az Zawr", "Deir ez-Zor", "Deir Ezzor" -> "drzr"; "Erbil", "Arbil",
  "Irbil" -> "rbl"). Lossy: used only as a last resort, with context.

The article words come from ``data/places/folding.yaml``; the mechanism is here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..resources import load_yaml, require

FOLDING_FILE = "places/folding.yaml"

# Letters NFKD does not decompose into ASCII, and marks that are not combining characters.
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ß": "ss",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
        "ŧ": "t",
        "ŋ": "n",
        "'": "",
        "’": "",
        "‘": "",
        "`": "",
        "´": "",
        "ʿ": "",
        "ʾ": "",
        "ʼ": "",
        "ʻ": "",
        "′": "",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        ".": " ",
        ",": " ",
        "/": " ",
        "(": " ",
        ")": " ",
        "_": " ",
        "\u00a0": " ",
    }
)
_ASCII_PUNCT = str.maketrans(
    {"'": "", "`": "", "-": " ", ".": " ", ",": " ", "/": " ", "(": " ", ")": " ", "_": " "}
)
_NON_KEY = re.compile(r"[^a-z0-9 ]+")
_VOWELS = re.compile(r"[aeiouyw]+")
_DOUBLE = re.compile(r"(.)\1+")


@cache
def articles() -> frozenset[str]:
    """The article words of the loose key ("al", "el", "the", ...)."""
    data = load_yaml(FOLDING_FILE)
    require(isinstance(data, dict), FOLDING_FILE, "top level", "must be a mapping")
    require(data.get("version") == 1, FOLDING_FILE, "version", "unsupported version (expected 1)")
    words = data.get("articles")
    require(isinstance(words, list) and bool(words), FOLDING_FILE, "articles", "must be a list")
    for word in words:
        require(
            isinstance(word, str) and word == fold(word) and " " not in word,
            FOLDING_FILE,
            word,
            "an article must be one folded lower-case word",
        )
    return frozenset(words)


@cache
def _skeleton_pairs() -> tuple[tuple[str, str], ...]:
    data = load_yaml(FOLDING_FILE)
    pairs = data.get("skeleton_pairs", {})
    require(isinstance(pairs, dict), FOLDING_FILE, "skeleton_pairs", "must be a mapping")
    for src, dst in pairs.items():
        require(isinstance(src, str) and isinstance(dst, str), FOLDING_FILE, src, "must map text to text")
    return tuple(pairs.items())


@cache
def _affixes() -> tuple[tuple[str, ...], ...]:
    data = load_yaml(FOLDING_FILE)
    words = data.get("admin_affixes", [])
    require(
        isinstance(words, list) and all(isinstance(w, str) for w in words),
        FOLDING_FILE,
        "admin_affixes",
        "must be a list of words",
    )
    return tuple(sorted({tuple(fold(w).split()) for w in words}, key=lambda t: -len(t)))


def without_affixes(name: str) -> str | None:
    """An admin unit's name without a leading or trailing type word ("Khartoum State" -> "khartoum"),
    folded; None when the name has none (or is nothing else)."""
    tokens = fold(name).split()
    for affix in _affixes():
        n = len(affix)
        if len(tokens) > n and tuple(tokens[-n:]) == affix:
            return " ".join(tokens[:-n])
        if len(tokens) > n and tuple(tokens[:n]) == affix:
            return " ".join(tokens[n:])
    return None


@lru_cache(maxsize=1 << 17)
def fold(name: str) -> str:
    """Lower-case ASCII key: no diacritics, no apostrophes, hyphens and dots as spaces (memoised:
    the same names come back again and again)."""
    if name.isascii():
        s = name.lower().translate(_ASCII_PUNCT)
    else:
        s = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
        s = "".join(c for c in s if not unicodedata.combining(c)).lower()
        if not s.isascii():
            s = _NON_KEY.sub(" ", s)
    return " ".join(s.split())


@cache
def _loose_words() -> dict[str, str]:
    data = load_yaml(FOLDING_FILE)
    words = data.get("loose_words", {})
    require(
        isinstance(words, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in words.items()),
        FOLDING_FILE,
        "loose_words",
        "must map words to words",
    )
    return {fold(k): fold(v) for k, v in words.items()}


def loose(folded: str) -> str:
    """A folded key without article words, with direction words unified, without spaces."""
    tokens = folded.split()
    if len(tokens) > 1:
        arts = articles()
        words = _loose_words()
        kept = [words.get(t, t) for t in tokens if t not in arts]
        tokens = kept or tokens
    return "".join(tokens)


def skeleton(loose_key: str) -> str:
    """The consonant skeleton of a loose key (see the module docstring)."""
    s = loose_key
    for src, dst in _skeleton_pairs():
        s = s.replace(src, dst)
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", s))
