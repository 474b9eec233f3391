"""Number phrases and TimeML duration values ("two and a half years" -> P2Y6M)."""

from __future__ import annotations

import re

from .lexicon import Lexicon, Unit

_DIGITS = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_WORD = re.compile(r"[a-z]+")
_ORDINAL_DIGITS = re.compile(r"([0-9]+)(?:st|nd|rd|th)?$")
_ORDINAL_PARTS = re.compile(r"[-\s]+")
# A fraction of a unit written in the next smaller unit: (designator, factor, is clock unit).
_SMALLER = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def parse_number(phrase: str, lex: Lexicon) -> float | None:
    """The value of a number phrase ("twenty-four", "1,500", "a couple of", "2 1/2"), None if vague."""
    phrase = " ".join(phrase.split())
    if phrase in lex.counts:
        return float(lex.counts[phrase])
    if phrase in lex.vague:
        return None
    fraction = 0.0
    for spelling, part in lex.fractions.items():
        if phrase.endswith(spelling):
            fraction = part
            phrase = phrase[: -len(spelling)].strip()
            break
    if fraction and phrase in lex.counts:  # "a year and a half", "a couple and a half"
        return float(lex.counts[phrase]) + fraction
    if _DIGITS.fullmatch(phrase):
        return float(phrase.replace(",", "")) + fraction
    total, current, seen = 0, 0, False
    for word in _WORD.findall(phrase):
        if word == "and":
            continue
        if word == "a":
            current = max(current, 1)
            continue
        value = lex.cardinals.get(word)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
    return float(total + current) + fraction if seen else None


def spelled_year(phrase: str, lex: Lexicon) -> int | None:
    """A year written in words: "nineteen ninety-six" = 1996, "two thousand and three" = 2003."""
    words = [w for w in _WORD.findall(phrase) if w not in ("the", "year", "and", "oh", "o")]
    if not words:
        return None
    if "thousand" in words:
        value = parse_number(" ".join(words), lex)
        return int(value) if value is not None else None
    first = lex.cardinals.get(words[0])
    if first is None:
        return None
    rest = words[1:]
    if rest and rest[0] == "hundred":
        rest = rest[1:]
    tail = parse_number(" ".join(rest), lex) if rest else 0.0
    if tail is None or not 0 <= tail < 100:
        return None
    return first * 100 + int(tail)


def ordinal_value(word: str, lex: Lexicon) -> int | None:
    """1 for "first" or "1st", 24 for "twenty-fourth"; None when not an ordinal."""
    word = word.strip().rstrip(".")
    known = lex.ordinals.get(word)
    if known is not None:
        return known
    digits = _ORDINAL_DIGITS.match(word)
    if digits:
        return int(digits.group(1))
    parts = _ORDINAL_PARTS.split(word)
    if len(parts) == 2 and parts[0] in lex.cardinals and parts[1] in lex.ordinals:
        return lex.cardinals[parts[0]] + lex.ordinals[parts[1]]
    return lex.ordinals.get(word)


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(amount: float | None, unit: Unit) -> str:
    """TimeML duration: P3D, PT5H30M, P10Y (a decade), PXY (vague)."""
    if amount is None:
        return ("PT" if unit.time else "P") + "X" + unit.vague
    amount *= unit.factor
    whole = int(amount)
    rest = amount - whole
    value = f"{_fmt(whole)}{unit.code}" if whole else ""
    time = unit.time
    if rest:
        smaller = _SMALLER.get((unit.code, unit.time))
        if smaller is None:
            value = f"{_fmt(amount)}{unit.code}"
        else:
            code, factor, small_time = smaller
            if rest * factor != int(rest * factor):
                return ("PT" if time else "P") + f"{_fmt(amount)}{unit.code}"
            part = f"{_fmt(rest * factor)}{code}"
            if small_time and not time:
                value = f"{value}T{part}"
                return "P" + value
            value += part
    if not value:
        value = f"0{unit.code}"
    return ("PT" if time else "P") + value
