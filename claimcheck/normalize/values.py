"""Stated amounts -> comparable value intervals.

A hedge widens the stated value by the ``about_tolerance`` setting (default
0.1, i.e. ±10 %) because "about 3,500" is honestly true of 3,200; bounds such
as "at least" open one side. ``stated`` keeps the value without tolerance so
rules can tell "the hedge allows both" (a discrepancy) from "nothing allows
both" (a contradiction).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck.model import Amount, ValueInterval

DEFAULT_ABOUT_TOLERANCE = 0.1

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


@lru_cache(maxsize=4096)
def normalize_unit(unit: str | None) -> str:
    """Fold spellings of one unit together so "soldiers" and "troops" compare."""
    if not unit:
        return ""
    key = re.sub(r"\s+", " ", unit.strip().lower())
    return _UNIT_FOLDS.get(key, key)


def stated_interval(amount: Amount, qualifier: str | None = None) -> ValueInterval:
    """The interval the words allow, without any hedge tolerance."""
    q = qualifier or amount.qualifier
    low, high = min(amount.low, amount.high), max(amount.low, amount.high)
    if q == "at_least":
        return ValueInterval(low, None)
    if q == "more_than":
        return ValueInterval(low, None, low_open=True)
    if q == "at_most":
        return ValueInterval(None, high)
    if q == "less_than":
        return ValueInterval(None, high, high_open=True)
    return ValueInterval(low, high)


def hedged_interval(
    amount: Amount, qualifier: str | None = None, tolerance: float = DEFAULT_ABOUT_TOLERANCE
) -> ValueInterval:
    """The interval a reader may hold the source to: "about" widens by ``tolerance``."""
    q = qualifier or amount.qualifier
    if q != "about":
        return stated_interval(amount, q)
    ends = [
        amount.low * (1 - tolerance),
        amount.low * (1 + tolerance),
        amount.high * (1 - tolerance),
        amount.high * (1 + tolerance),
    ]
    return ValueInterval(min(ends), max(ends))


@lru_cache(maxsize=131072)
def parse_value(
    text: str | None,
    qualifier: str | None = None,
    tolerance: float = DEFAULT_ABOUT_TOLERANCE,
) -> tuple[ValueInterval | None, ValueInterval | None, Amount | None]:
    """(hedged, stated, amount) for a value as written; Nones when it is not a number.

    Cached: large files repeat the same few value texts many times.
    """
    if text is None or not str(text).strip():
        return None, None, None
    from claimcheck.recognize.numbers import parse_amount

    amount = parse_amount(str(text))
    if amount is None:
        return None, None, None
    return hedged_interval(amount, qualifier, tolerance), stated_interval(amount, qualifier), amount
