"""Stated amounts -> comparable value intervals.

A hedge widens the stated value by the ``about_tolerance`` setting (default
0.1, i.e. ±10 %) because "about 3,500" is honestly true of 3,200; bounds such
as "at least" open one side.

Rounding (statcheck style): a figure stated exactly still carries the
precision of its digits, because the reporter rounded it. It allows every
number that rounds (half up) to it, ``[x - h, x + h)``, where ``h`` is half a
unit of its last written digit:

* decimals: "75.5 %" allows 75.45–75.55; "2.3 million" allows 2.25–2.35 million;
* a scale word: "4 million" allows 3.5–4.5 million;
* a whole percentage: "34 %" allows 33.5–34.5 (shares are rounded to a point);
* a whole number ending in three or more zeros ("5,000", "80,000") may be a
  round figure: half a unit of its last non-zero digit, but at most
  ``rounding_cap`` of the figure (default 0.05, i.e. ±5 %): "5,000" allows
  4,750–5,250, "250,000" allows 245,000–255,000;
* any other whole number is a count and is exact: "36", "515", "5,200".

Only single figures are rounded (plain or "about"); the bounds of "more than
60 %" or "between 4,000 and 5,000" are taken as written. So "60 %" and "more
than 60 %" agree (60.2 satisfies both), and "about 40 %" agrees with "38.6 %".

A vague amount in words ("dozens", "hundreds", "thousands") is the range the
recognizer gives it (hundreds: 200–999), whatever hedge it carries; rules
treat a figure that meets it only within the hedge tolerance of its ends as a
discrepancy, not an agreement.

``stated`` keeps the value with rounding but without the hedge; ``value`` adds
the hedge. Two figures agree when their ``value`` intervals overlap.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.model import Amount, ValueInterval

DEFAULT_ABOUT_TOLERANCE = 0.1
DEFAULT_ROUNDING_CAP = 0.05

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_SINGLE = frozenset({"exact", "about"})

_UNIT_FOLDS: dict[str, str] = {
    "troop": "troops",
    "troops": "troops",
    "soldier": "troops",
    "soldiers": "troops",
    "personnel": "troops",
    "forces": "troops",
    "service members": "troops",
    "servicemembers": "troops",
    "usd": "USD",
    "$": "USD",
    "us$": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "€": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "year": "years",
    "years": "years",
    "yr": "years",
    "yrs": "years",
    "month": "months",
    "months": "months",
    "week": "weeks",
    "weeks": "weeks",
    "day": "days",
    "days": "days",
    "%": "percent",
    "percent": "percent",
    "per cent": "percent",
    "percentage": "percent",
    "person": "people",
    "persons": "people",
    "people": "people",
    "individuals": "people",
}


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def normalize_unit(unit: str | None) -> str:
    """Fold spellings of one unit together so "soldiers" and "troops" compare."""
    if not unit:
        return ""
    key = re.sub(r"\s+", " ", unit.strip().lower())
    return _UNIT_FOLDS.get(key, key)


def is_vague(amount: Amount) -> bool:
    """A range said in words ("hundreds", "dozens"), not a figure or a stated range."""
    return amount.low != amount.high and _DIGIT.search(amount.text) is None


def rounding_half(amount: Amount, unit: str = "", cap: float = DEFAULT_ROUNDING_CAP) -> float:
    """Half a unit of the figure's last written digit (0 for exact counts); see module doc."""
    if amount.low != amount.high or amount.low == 0:
        return 0.0
    m = _NUMBER.search(amount.text)
    if m is None:
        return 0.0
    digits = m.group(0).replace(",", "")
    written = float(digits)
    if written == 0:
        return 0.0
    value = abs(amount.low)
    scale = value / written
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    if abs(scale - 1) > 1e-9 or decimals:
        return scale * 10.0**-decimals / 2
    if normalize_unit(amount.unit or unit) == "percent":
        return 0.5
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros >= 3:
        return min(10.0**zeros / 2, cap * value)
    return 0.0


def stated_interval(amount: Amount, qualifier: str | None = None) -> ValueInterval:
    """The interval the words allow, without any hedge tolerance or rounding."""
    q = qualifier or amount.qualifier
    low, high = min(amount.low, amount.high), max(amount.low, amount.high)
    if is_vague(amount):
        return ValueInterval(low, high)
    if q == "at_least":
        return ValueInterval(low, None)
    if q == "more_than":
        return ValueInterval(low, None, low_open=True)
    if q == "at_most":
        return ValueInterval(None, high)
    if q == "less_than":
        return ValueInterval(None, high, high_open=True)
    return ValueInterval(low, high)


def rounded_interval(
    amount: Amount, qualifier: str | None = None, unit: str = "",
    cap: float = DEFAULT_ROUNDING_CAP,
) -> ValueInterval:
    """The words plus rounding: every number that rounds (half up) to the figure."""
    q = qualifier or amount.qualifier
    stated = stated_interval(amount, q)
    half = rounding_half(amount, unit, cap) if q in _SINGLE else 0.0
    if half <= 0 or stated.low is None or stated.high is None:
        return stated
    return ValueInterval(stated.low - half, stated.high + half, high_open=True)


def hedged_interval(
    amount: Amount, qualifier: str | None = None, tolerance: float = DEFAULT_ABOUT_TOLERANCE,
    unit: str = "", cap: float = DEFAULT_ROUNDING_CAP,
) -> ValueInterval:
    """The interval a reader may hold the source to: rounding, and "about" ±``tolerance``."""
    q = qualifier or amount.qualifier
    return _hedged(amount, q, tolerance, rounded_interval(amount, q, unit, cap))


def _hedged(amount: Amount, q: str, tolerance: float, rounded: ValueInterval) -> ValueInterval:
    """``hedged_interval`` given the figure's ``rounded_interval`` (``q``: its qualifier)."""
    if q != "about" or is_vague(amount):
        return rounded
    ends = [
        amount.low * (1 - tolerance),
        amount.low * (1 + tolerance),
        amount.high * (1 - tolerance),
        amount.high * (1 + tolerance),
    ]
    low, high = min(ends), max(ends)
    if rounded.low is not None and rounded.low < low:
        low = rounded.low
    if rounded.high is not None and rounded.high > high:
        return ValueInterval(low, rounded.high, high_open=True)
    return ValueInterval(low, high)


@lru_cache(maxsize=131072)
def parse_value(
    text: str | None,
    qualifier: str | None = None,
    tolerance: float = DEFAULT_ABOUT_TOLERANCE,
    unit: str = "",
    cap: float = DEFAULT_ROUNDING_CAP,
) -> tuple[ValueInterval | None, ValueInterval | None, Amount | None]:
    """(hedged, stated with rounding, amount) for a value as written; Nones when not a number.

    Cached: large files repeat the same few value texts many times.
    """
    if text is None or not str(text).strip():
        return None, None, None
    from claimcheck.normalize.fastparse import amount_of

    amount = amount_of(str(text))
    if amount is None:
        return None, None, None
    q = qualifier or amount.qualifier
    rounded = rounded_interval(amount, q, unit, cap)  # once: the hedge widens it
    return _hedged(amount, q, tolerance, rounded), rounded, amount
