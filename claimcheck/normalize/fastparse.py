"""Exact fast paths for the commonest whole-string times and values of a claims file.

A claims file's ``time:`` and ``value:`` fields are short whole strings ("2021-01-15",
"March 2021", "about 5,200"). The recognizers find them through master regexes,
candidate filters and resolvers built for running text: most of a big file's load
time. Here a few anchored shapes are read directly, giving exactly the result the
recognizer gives (tests compare both over generated strings and every real claims
file); anything else, or any doubt (a day past the month's end, a leading zero, a
year outside the recognizer's 1800-2099), is ``MISS`` and goes to the recognizer.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from claimcheck.model import Amount, DateInterval, Qualifier
from claimcheck.recognize.lazyre import Lazy as _lazy

if TYPE_CHECKING:
    from claimcheck.model import TimeMention

MISS: Final = object()
"""Not a shape read here: ask the recognizer."""

_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
_DAY = r"(?P<d>[1-9]|[12]\d|3[01])"
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MON = "(?P<mon>" + "|".join(sorted(_MONTHS, key=lambda n: (-len(n), n))) + ")"
# A season of a year: early = January-April, mid = May-August, late = September-December.
_SEASONS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

_SHAPES = (
    ("year", _lazy(rf"{_YEAR}")),
    ("iso", _lazy(rf"{_YEAR}-(?P<m>0[1-9]|1[0-2])(?:-(?P<d>0[1-9]|[12]\d|3[01]))?")),
    ("dmy", _lazy(rf"(?:{_DAY} )?{_MON} {_YEAR}")),
    ("mdy", _lazy(rf"{_MON} {_DAY} {_YEAR}")),
    ("season", _lazy(rf"(?P<season>early|mid|late)(?:-| ){_YEAR}")),
    ("by", _lazy(rf"(?:by the end of|by) {_YEAR}")),
)


@lru_cache(maxsize=1 << 17)
def fast_time(text: str) -> TimeMention | object:
    """``parse_time(text, reference)`` for any reference, when ``text`` is one of the
    shapes above written plainly (no spaces around it, single spaces inside); else
    ``MISS``. None of these shapes looks at the reference, so it is memoized by text."""
    if len(text) > 20:
        return MISS
    for shape, pattern in _SHAPES:
        m = pattern.fullmatch(text)
        if m is not None:
            return _time_of(shape, m, text)
    return MISS


def _time_of(shape: str, m: re.Match[str], text: str) -> TimeMention | object:
    from claimcheck.model import TimeMention

    year = int(m["y"])
    mod = None
    if shape in ("year", "by"):
        start: date | None = date(year, 1, 1)
        end = date(year, 12, 31)
        if shape == "by":
            start, mod = None, "by"
    elif shape == "season":
        first, last = _SEASONS[m["season"]]
        start, end = date(year, first, 1), date(year, last, _days_in(year, last))
    else:
        month = int(m["m"]) if shape == "iso" else _MONTHS[m["mon"]]
        days = _days_in(year, month)
        if m["d"] is None:
            start, end = date(year, month, 1), date(year, month, days)
        elif int(m["d"]) > days:
            return MISS  # "31 February 2021": the recognizer says what it makes of it
        else:
            start = end = date(year, month, int(m["d"]))
    return TimeMention(text, 0, len(text), DateInterval(start, end), mod)


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_RELATIVE: dict[str, tuple[int, int]] = {
    **{name: (wd, 0) for wd, name in enumerate(_WEEKDAYS)},
    **{f"on {name}": (wd, 3) for wd, name in enumerate(_WEEKDAYS)},
    "current": (-1, 0),
}
"""Text -> (weekday, where the mention starts); -1: the reference day itself."""


def fast_relative(text: str, reference: date) -> TimeMention | object:
    """``parse_time(text, reference)`` for a bare weekday ("on Sunday": the latest such
    day up to the reference) and "current" (the reference day); else ``MISS``.
    Near the calendar's ends the recognizer answers."""
    known = _RELATIVE.get(text)
    if known is None or not 1801 <= reference.year <= 9998:
        return MISS
    from claimcheck.model import TimeMention

    weekday, start = known
    if weekday < 0:
        return TimeMention(text, 0, len(text), DateInterval(reference, reference), "current")
    day = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return TimeMention(text[start:], start, len(text), DateInterval(day, day), None)


_NUMBER = r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,14}|0)"
_SMALL = r"(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}|0)"  # no bare 4 digits: "2010-2020"
_HEDGES: dict[str, Qualifier] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "an estimated": "about",
    "at least": "at_least",
    "more than": "more_than",
    "nearly": "at_most",
}
_AMOUNT = _lazy(
    rf"(?:(?P<hedge>{'|'.join(_HEDGES)}) )?(?P<n>{_NUMBER})"
    rf"|between (?P<a>{_NUMBER}) and (?P<b>{_NUMBER})"
    rf"|(?P<lo>{_SMALL})-(?P<hi>{_SMALL})"
)


def fast_amount(text: str) -> Amount | object:
    """``parse_amount(text)`` when ``text`` is a plain whole number, a hedged one
    ("about 5,200", "at least 40"), or a rising range ("between 40 and 50", "40-50");
    else ``MISS``."""
    m = _AMOUNT.fullmatch(text) if len(text) <= 60 else None
    if m is None:
        return MISS
    if m["n"] is not None:
        number = _number(m["n"])
        hedge = m["hedge"]
        return Amount(text, number, number, _HEDGES[hedge] if hedge else "exact")
    low, high = (
        (_number(m["a"]), _number(m["b"])) if m["a"] else (_number(m["lo"]), _number(m["hi"]))
    )
    if not low < high:
        return MISS  # the recognizer refuses or reorders: let it say which
    return Amount(text, low, high, "between")


def _days_in(year: int, month: int) -> int:
    """Days in the month (no ``calendar`` import on the check path)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


@lru_cache(maxsize=1 << 17)
def amount_of(text: str) -> Amount | None:
    """``parse_amount(text)``, through the fast path where it applies; memoized by text
    (an archive repeats its figures)."""
    fast = fast_amount(text)
    if fast is not MISS:
        return fast  # type: ignore[return-value]
    from claimcheck.recognize.numbers import parse_amount

    return parse_amount(text)
