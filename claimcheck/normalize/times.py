"""Time text -> inclusive DateInterval plus its modifier.

Relative times resolve against the source's publication date; "current" is
that very day. A time that cannot be resolved stays ``None``: guessing a year
would invent agreements and conflicts alike.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from claimcheck.model import DateInterval
from claimcheck.normalize.fastparse import MISS, fast_time
from claimcheck.normalize.memo import DEPENDS, reference_free

_MOD_PREFIX = re.compile(
    r"^\s*(?:by|before|after|since|until|till|(?:no|not) later than)\s+", re.IGNORECASE
)


def normalize_time(
    text: str | None, published: date | None
) -> tuple[DateInterval | None, str | None]:
    """(interval, mod) for a claim's time; mod is "by", "before", "after", "since", "current".

    Memoized by text alone where the reading does not depend on the publication date
    ("15 January 2021"), else by (text, date): an archive pairs each time with many dates.
    """
    if text is not None:
        fast = fast_time(text)
        if fast is not MISS and fast.mod is None:  # type: ignore[attr-defined]
            # a plain date ("2021-01-15", "March 2021"; memoized by text, the loader read
            # it already): its interval, as _normalize_time would give for any date
            return fast.interval, None  # type: ignore[attr-defined]
    if text is not None and published is not None:
        free = _free_of_date(text)
        if free is not DEPENDS:
            return free  # type: ignore[return-value]
    return _normalize_time(text, published)


def clear() -> None:
    """Forget every memoized time (tests)."""
    _normalize_time.cache_clear()
    _free_of_date.cache_clear()


@lru_cache(maxsize=131072)
def _normalize_time(
    text: str | None, published: date | None
) -> tuple[DateInterval | None, str | None]:
    """(interval, mod), per (text, publication date).

    A modified time keeps the interval of its core: "by November" is November with
    mod "by", not "any day up to November 30", so a level "by late 2018" still means
    "as of late 2018" and two deadlines compare by their months. Rules read the mod
    (a date "by X" allows any day up to X's end; "since X" runs to publication).
    """
    if text is None or not str(text).strip():
        return None, None
    from claimcheck.normalize.memo import time_of as parse_time

    mention = parse_time(str(text), published)
    if mention is None:
        return None, None
    mod = mention.mod
    if mod == "current":
        return (DateInterval(published, published) if published else None), mod
    interval = mention.interval
    core = _MOD_PREFIX.sub("", str(text), count=1)
    if mod is not None and core != str(text):
        bare = parse_time(core, published)
        if bare is not None and bare.interval is not None and bare.mod is None:
            interval = _aligned(bare.interval, interval, mod)
    if interval is None:
        return None, mod
    if mod == "since" and published is not None and (interval.start or published) <= published:
        interval = DateInterval(interval.start, published)
    return _ordered(interval), mod


_free_of_date = reference_free(_normalize_time.__wrapped__)
"""A time's (interval, mod) shared by every publication date, or ``DEPENDS``."""


def _aligned(core: DateInterval, full: DateInterval | None, mod: str) -> DateInterval:
    """Move the core to the year the modified time chose ("by November" looks ahead)."""
    if full is None or core.start is None or core.end is None:
        return core
    target = full.end if mod in ("by", "before") else full.start
    if mod not in ("by", "before", "after", "since") or target is None:
        return core
    for years in (0, 1, -1):
        shifted = _shift_years(core, years)
        if shifted is not None and _edge(shifted, mod) == target:
            return shifted
    return core


def _edge(core: DateInterval, mod: str) -> date | None:
    """The day the modified time's open interval would start or end at, given its core."""
    one = timedelta(days=1)
    if core.start is None or core.end is None:
        return None
    return {
        "by": core.end,
        "before": core.start - one,
        "after": core.end + one,
        "since": core.start,
    }[mod]


def _shift_years(d: DateInterval, years: int) -> DateInterval | None:
    try:
        return DateInterval(
            d.start.replace(year=d.start.year + years) if d.start else None,
            d.end.replace(year=d.end.year + years) if d.end else None,
        )
    except ValueError:
        return None


def _ordered(interval: DateInterval) -> DateInterval:
    """Never let a malformed interval through with start after end."""
    if interval.start and interval.end and interval.start > interval.end:
        return DateInterval(interval.end, interval.start)
    return interval


def deadline(interval: DateInterval | None) -> date | None:
    """The last day a "by X" target or date allows."""
    return interval.end if interval else None
