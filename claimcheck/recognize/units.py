"""Units written with a number: currencies before it, measures and durations after it.

News states a figure in the unit it was reported in and often restates it in brackets
("410 kilometres (255 miles)", "$48.5 million (P2.7 billion)"); the restatement is the
same figure, so the recognizer marks it instead of counting a second amount.
"""

from __future__ import annotations

import re

from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lexicon import (
    CURRENCY_WORDS,
    DURATION_FACTORS,
    DURATION_UNITS,
    MEASURE_UNITS,
    UNIT_DIMENSIONS,
)

__all__ = [
    "CURRENCY", "CURRENCY_SKIP_GUARD", "GLUED_UNIT", "LEAD_CURRENCY", "follow_unit",
    "fraction_unit", "glued_m_unit", "restates", "temperature_context", "unit_name",
]  # fmt: skip

#: "P2.7 billion", "P1,200": a capital P is the peso sign only before a grouped or scaled
#: figure; "P5" alone stays a label ("P5 nations", a code).
_PESO_AHEAD = (
    r"(?=\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    r"|\d+(?:\.\d+)?\s?(?:million|billion|trillion|bn|mn|m|B|M)\b)"
)
_CODES = r"(?:USD|EUR|GBP|INR|PHP|JPY|CNY|AUD|CAD|CHF|NGN|KRW|ZAR|KES)"
#: The currency before a number: a sign, an ISO code, or a local abbreviation.
CURRENCY = (
    rf"(?:(?:US|A|AU|C|HK|NZ|S)?\$|£|€|¥|₹|₱|₦|₩)(?: (?=\d))?|{_CODES}\s?|(?:Rs\.?|KSh|Sh)\s?(?=\d)"
    rf"|P{_PESO_AHEAD}"
)
#: Letters glued to digits are usually a code ("A320", "P5"), but not these currencies.
CURRENCY_SKIP_GUARD = rf"(?!(?:{_CODES}|Rs|KSh|Sh)\d|P{_PESO_AHEAD})"
#: Words that may stand just before a number as its currency ("Rs 2 lakh", "PHP 5,000").
LEAD_CURRENCY = frozenset(
    ["USD", "EUR", "GBP", "INR", "PHP", "JPY", "CNY", "AUD", "CAD", "CHF", "NGN", "KRW", "ZAR",
     "KES", "Rs", "Rs.", "KSh", "Sh", "$", "US$", "A$", "C$", "£", "€", "¥", "₹", "₱", "₦", "₩"]
)  # fmt: skip
#: Measures glued to the digits: "350km", "120km/h", "5ha" ("5m" is a scale or metres, below).
GLUED_UNIT = r"(?:km/h|kmph|kph|mph|km²|km2|kms|km|kg|mm|cm|ha|ft|lbs|(?<!\d{4})[CF])(?![\w/²])"

_MEASURE = (
    r"km/h|kmph|kph|mph|km²|km2|sq\.?\s?km|square\s+kilomet(?:re|er)s|kilomet(?:re|er)s?|kms?"
    r"|millimet(?:re|er)s|centimet(?:re|er)s|met(?:re|er)s?|mm|cm|miles?|feet|foot|ft|inch(?:es)?"
    r"|hectares?|ha|acres?|tonnes?|tons?|kilograms?|kilos|kg|sq\.?\s?miles|square\s+miles|lbs?"
    r"|sq\.?\s?mi|mi|[°º]\s?[CF]|degrees\s+(?:celsius|centigrade|fahrenheit)|lit(?:re|er)s?"
    r"|gallons?|(?-i:m)(?=\s|[.,;:)]|$)(?!\s+(?:[a-z]{3,}s|people)\b)"
)
_FOLLOW = Lazy(
    r"(?P<pct>\s?%|\s*(?i:per\s?cent(?:age)?s?|pct)\b)"
    r"|(?P<dur>[\s-](?i:years?|yrs?|months?|weeks?|fortnights?|days?|decades?|hours?|hrs?"
    r"|minutes?|mins?)\b)"
    rf"|(?P<meas>(?:\s|-)?(?i:{_MEASURE})(?![\w/²]))"
    r"|(?P<curw>\s+(?i:dollars?|euros?|yuan|yen|rupees?|pesos?|naira|rand|shillings"
    r"|pounds sterling)\b)"
)


def unit_name(word: str) -> str | None:
    """The claims' name for a measure or duration word ("kilometres" -> "km")."""
    key = " ".join(word.strip(" -").lower().split()).replace("square ", "sq ").replace(".", "")
    return MEASURE_UNITS.get(key) or DURATION_UNITS.get(key)


def follow_unit(text: str, pos: int) -> tuple[str | None, int, float]:
    """The unit written right after a number at ``pos``: (unit, end, factor).

    ``factor`` converts to the unit named ("three decades" is 30 years).
    """
    m = _FOLLOW.match(text, pos)
    if not m:
        return None, pos, 1.0
    if m.group("pct"):
        return "percent", m.end(), 1.0
    if m.group("dur"):
        word = m.group("dur")[1:].lower()
        return DURATION_UNITS.get(word, word), m.end(), DURATION_FACTORS.get(word, 1.0)
    if m.group("meas"):
        return unit_name(m.group("meas")), m.end(), 1.0
    word = " ".join(m.group("curw").split()).lower()
    return CURRENCY_WORDS.get(word), m.end(), 1.0


#: After "100m": a plural noun makes it a million ("100m doses"); a word of length or a
#: race makes it metres ("a 100m sprint", "80m deep"); anything else is left unread.
_MILLION_NOUN = Lazy(r"\s+(?!(?:metres|meters|miles|feet)\b)(?:[a-z]{3,}s|people)\b")
_METRE_WORD = Lazy(
    r"(?:-|\s+)(?:long|high|tall|deep|wide|away|below|above|stretch|sprint|race|dash"
    r"|hurdles|freestyle|relay|span|drop|section|length)\b",
    re.IGNORECASE,
)


def glued_m_unit(text: str, end: int) -> str | None:
    """What the "m" glued to a number ending at ``end`` means: "million", "meters" or None."""
    if _MILLION_NOUN.match(text, end):
        return "million"
    if _METRE_WORD.match(text, end):
        return "meters"
    return None


# A speed's "per hour" may follow either figure: "150 kilometres per hour (93 mph)".
_PER_TIME = r"(?:\s*(?:per|an|a)\s+hour\b|\s*/\s*h\b)?"
# A hedge inside the brackets is the amount's.
_BRACKET_GAP = Lazy(_PER_TIME + r"\s*\(\s*(?:or\s+)?", re.IGNORECASE)
_BRACKET_END = Lazy(_PER_TIME + r"\s*\)", re.IGNORECASE)
_PER_HOUR_AT = Lazy(r"\s*(?:per|an|a)\s+hour\b|\s*/\s*h\b", re.IGNORECASE)


def _dimension(unit: str | None) -> str | None:
    if unit is None:
        return None
    if unit.isupper() and len(unit) == 3:
        return "currency"
    return UNIT_DIMENSIONS.get(unit)


def restates(text: str, first: tuple[int, str | None], second: tuple[int, int, str | None]) -> bool:
    """Is the amount at ``second`` (start, end, unit) the one ending at ``first`` (end, unit)
    restated in brackets in another unit of the same kind ("5 km (3 miles)")?"""
    end, unit = first
    start, second_end, second_unit = second
    gap = _BRACKET_GAP.match(text, end)
    if gap is None or gap.end() != start:
        return False
    close = _BRACKET_END.match(text, second_end)
    if close is None:
        return False
    dim = _speed_if(_dimension(unit), _per_hour(text, end))
    second_dim = _speed_if(_dimension(second_unit), _per_hour(text, second_end))
    return dim is not None and dim == second_dim


def _per_hour(text: str, pos: int) -> bool:
    return _PER_HOUR_AT.match(text, pos) is not None


def _speed_if(dim: str | None, per_hour: bool) -> str | None:
    """A length "per hour" is a speed: "150 kilometres per hour" restated as "93 mph"."""
    return "speed" if per_hour and dim == "length" else dim


#: "half an hour", "a quarter of a mile": a fraction of one unit, not a share.
_OF_A_UNIT = Lazy(
    r"\s+(?:of\s+)?an?(?=\s+(?:hour|day|week|month|year|decade|mile|kilomet(?:re|er)|met(?:re|er)"
    r"|km|tonne|hectare|acre)\b)",
    re.IGNORECASE,
)


def fraction_unit(text: str, e: int, v: float) -> tuple[float, str | None, int]:
    """A word fraction standing alone is a share ("more than half" is 50 percent) unless
    it is a fraction of one unit ("half an hour")."""
    of_a = _OF_A_UNIT.match(text, e)
    if of_a:
        unit, end, factor = follow_unit(text, of_a.end())
        if unit is not None:
            return v * factor, unit, end
    return v * 100, "percent", e


_TEMPERATURE = Lazy(
    r"\b(?:temperatures?|heat\w*|degrees|mercury|thermometers?|highs?|lows?|warm\w*|cold\w*"
    r"|hot\w*|scorch\w*|swelter\w*|freez\w*|frost\w*)\b|°",
    re.IGNORECASE,
)


def temperature_context(text: str, pos: int) -> bool:
    """A bare "45C" is a temperature only in a sentence about heat or cold."""
    return _TEMPERATURE.search(text, max(0, pos - 80), pos) is not None
