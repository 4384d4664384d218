"""Shared word lists for the recognizers (numbers and dates).

Kept as plain tuples/dicts so both regex construction and lookups use one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip

TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    # South Asian scales ("Rs 2 lakh", "1.5 crore"); the plurals are written too.
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

#: Suffixes glued to or following a digit number ("1.2bn", "10k", "2.5 million").
SCALE_SUFFIXES: dict[str, int] = {
    "k": 1_000, "K": 1_000, "thousand": 1_000, "hundred": 100,
    "m": 1_000_000, "M": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
    "MM": 1_000_000, "million": 1_000_000,
    "b": 1_000_000_000, "B": 1_000_000_000, "bn": 1_000_000_000, "bln": 1_000_000_000,
    "billion": 1_000_000_000,
    "tn": 10**12, "tln": 10**12, "trn": 10**12, "trillion": 10**12,
}  # fmt: skip

#: Vague plural quantities -> the range they allow (the devset and editors' convention):
#: "dozens" is 24 to 99, "thousands" 2,000 to 9,999. Read as a two-sided range.
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}

#: Vague counts that a scale may follow ("a few hundred", "several thousand"): the range of
#: the multiplier; with a scale both ends are multiplied ("a few hundred" is 200 to 500).
VAGUE_FEW: dict[str, tuple[float, float]] = {
    "a few": (2, 5),
    "several": (3, 9),
    "a handful": (2, 9),
    "a couple": (2, 2),
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR",
    "¥": "JPY", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "₹": "INR", "Rs": "INR",
    "Rs.": "INR", "INR": "INR", "₱": "PHP", "PHP": "PHP", "P": "PHP", "₦": "NGN", "NGN": "NGN",
    "₩": "KRW", "KRW": "KRW", "JPY": "JPY", "CNY": "CNY", "AUD": "AUD", "CAD": "CAD",
    "CHF": "CHF", "ZAR": "ZAR", "Sh": "KES", "KSh": "KES", "KES": "KES",
}  # fmt: skip

CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yuan": "CNY",
    "yen": "JPY", "rupees": "INR", "rupee": "INR", "pounds sterling": "GBP", "pesos": "PHP",
    "peso": "PHP", "naira": "NGN", "rand": "ZAR", "shillings": "KES",
}  # fmt: skip

DURATION_UNITS: dict[str, str] = {
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
    "month": "months", "months": "months", "week": "weeks", "weeks": "weeks",
    "day": "days", "days": "days", "decade": "years", "decades": "years",
    "hour": "hours", "hours": "hours", "hrs": "hours", "minute": "minutes", "minutes": "minutes",
    "mins": "minutes", "fortnight": "weeks", "fortnights": "weeks",
}  # fmt: skip

#: Durations stated in a larger unit than the one compared: "three decades" is 30 years,
#: "a fortnight" two weeks, so a quote in decades supports a value in years.
DURATION_FACTORS: dict[str, float] = {"decade": 10.0, "decades": 10.0, "fortnight": 2.0,
                                      "fortnights": 2.0}  # fmt: skip

#: Measures written after a number -> the unit name claims use ("6 metres" -> meters).
MEASURE_UNITS: dict[str, str] = {
    "m": "meters", "meter": "meters", "meters": "meters", "metre": "meters", "metres": "meters",
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "km/h": "km/h", "kph": "km/h", "kmph": "km/h", "mph": "mph",
    "mile": "miles", "miles": "miles", "foot": "feet", "feet": "feet", "ft": "feet",
    "inch": "inches", "inches": "inches",
    "hectare": "hectares", "hectares": "hectares", "ha": "hectares", "acre": "acres",
    "acres": "acres", "sq km": "sq km", "square kilometres": "sq km",
    "square kilometers": "sq km", "km2": "sq km", "km²": "sq km", "tonne": "tonnes",
    "tonnes": "tonnes", "ton": "tonnes", "tons": "tonnes", "kg": "kg", "kilogram": "kg",
    "kilograms": "kg", "kilos": "kg", "mm": "mm", "millimetres": "mm", "millimeters": "mm",
    "cm": "cm", "centimetres": "cm", "centimeters": "cm", "sq miles": "sq miles",
    "square miles": "sq miles", "lb": "lb", "lbs": "lb", "sq mi": "sq miles", "mi": "miles",
    "°c": "°C", "ºc": "°C", "° c": "°C", "c": "°C", "degrees celsius": "°C",
    "degrees centigrade": "°C", "°f": "°F", "ºf": "°F", "° f": "°F", "f": "°F",
    "degrees fahrenheit": "°F", "litre": "litres", "litres": "litres", "liter": "litres",
    "liters": "litres", "gallon": "gallons", "gallons": "gallons",
}  # fmt: skip

#: Units that measure the same thing: a figure in one restated in brackets in another
#: ("410 kilometres (255 miles)") is one figure. Currencies form one more group.
UNIT_DIMENSIONS: dict[str, str] = {
    "meters": "length", "km": "length", "miles": "length", "feet": "length", "mm": "length",
    "inches": "length",
    "cm": "length", "km/h": "speed", "mph": "speed", "hectares": "area", "acres": "area",
    "sq km": "area", "sq miles": "area", "tonnes": "mass", "kg": "mass", "lb": "mass",
    "°C": "temperature", "°F": "temperature", "litres": "volume", "gallons": "volume",
}  # fmt: skip

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so that 'seventeen' wins over 'seven'."""
    items = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in items)


def trie_alternation(words: Iterable[str]) -> str:
    """The same language as :func:`alternation`, factored by common prefixes.

    The regex engine tries every branch of a flat alternation in turn at each position;
    a trie tries one branch per distinct next character, which matters in hot scans.
    Greedy optional tails keep "longer word first" wherever one word prefixes another.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:  # type: ignore[type-arg]
    branches = [re.escape(ch) + _trie_regex(node[ch]) for ch in sorted(k for k in node if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body


#: Fraction words -> (denominator, plural). "third"/"fourth" are also ordinals: the number
#: recognizer reads them as fractions only after a numerator ("a third of", "two thirds").
FRACTION_WORDS: dict[str, tuple[int, bool]] = {
    "half": (2, False), "halves": (2, True), "third": (3, False), "thirds": (3, True),
    "quarter": (4, False), "quarters": (4, True), "fourth": (4, False), "fourths": (4, True),
    "fifth": (5, False), "fifths": (5, True), "tenth": (10, False), "tenths": (10, True),
}  # fmt: skip

#: Unicode vulgar fraction signs -> value ("½", "2¾").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7, "⅛": 1 / 8, "⅜": 3 / 8,
    "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}  # fmt: skip


#: The only characters outside ASCII that a case-blind pattern reads as an ASCII letter
#: ("ſ" as "s", the Kelvin sign as "k", dotted and dotless i), or whose lower() is not one
#: character: tests/recognize/test_lexicon.py checks every code point for this list.
_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def folds_plainly(text: str) -> bool:
    """A case-blind pattern of ASCII words finds in ``text`` exactly what its lower-case,
    case-sensitive form finds in ``text.lower()`` (same offsets): case-sensitive literals
    let the regex engine skip alternatives on their first letter, ~3x faster."""
    return text.isascii() or not any(c in text for c in _FOLD_TRAPS)
