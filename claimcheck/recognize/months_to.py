"""Periods counted back from a month: "the three months to September", "the year to
March", "the quarter to June". Statistics offices and the business press date a rate or a
total by the month its period ends; the figure holds for the whole period, not for that
month, so the month a date pattern found widens back to the period's first month.
"""

from __future__ import annotations

import calendar
from datetime import date

from claimcheck.model import DateInterval
from claimcheck.recognize.date_resolve import _Hit
from claimcheck.recognize.lazyre import compile as _compile_re

__all__ = ["widened_to_period"]

_COUNTED_TO = _compile_re(
    r"(?i:the\s+)?(?:(?:past|last|latest)\s+)?"
    r"(?:(?P<n>\d{1,2}|two|three|four|five|six|nine|twelve)\s+months|(?P<year>year)|"
    r"(?P<quarter>quarter))\s+(?i:to|through|ending|ended)\s+$"
)
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12}


def widened_to_period(text: str, hits: list[_Hit]) -> list[_Hit]:
    """``hits`` with each whole month that ends a counted period widened to the period."""
    for h in hits:
        iv = h.iv
        if iv is None or iv.start is None or iv.end is None or h.mod or not _whole_month(iv):
            continue
        m = _COUNTED_TO.search(text, max(0, h.start - 40), h.start)
        if m is None:
            continue
        months = 12 if m["year"] else 3 if m["quarter"] else _count(m["n"])
        if not 1 < months <= 24:
            continue
        h.start = m.start()
        h.iv = DateInterval(_months_back(iv.start, months - 1), iv.end)
    return hits


def _whole_month(iv: DateInterval) -> bool:
    assert iv.start is not None and iv.end is not None
    last = date(iv.start.year, iv.start.month, calendar.monthrange(*iv.start.timetuple()[:2])[1])
    return iv.start.day == 1 and iv.end == last


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word.lower()]


def _months_back(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)
