"""Parses shared by the loader's checks and normalization, kept for the whole run.

``parse_time`` keeps 32k results; a big claims file has a distinct (time,
publication date) pair for nearly every claim (about 92k among 100k generated
claims), so the loader's results were gone by the time ``normalize`` asked again
and every time was parsed twice. Results are frozen, so sharing them is safe.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.recognize.dates import TimeMention
    from claimcheck.recognize.numbers import AmountMention

TIME_MEMO_SIZE = 1 << 19
"""Half a million pairs: a few hundred MB would be a file far past any archive."""


@lru_cache(maxsize=TIME_MEMO_SIZE)
def time_of(text: str, reference: date | None) -> TimeMention | None:
    """``parse_time(text, reference)``, memoized (errors are raised again, never kept)."""
    from claimcheck.recognize.dates import parse_time

    return parse_time(text, reference)


@lru_cache(maxsize=1 << 16)
def amounts_in(quote: str) -> tuple[AmountMention, ...]:
    """``find_amounts(quote, restatements=True)``, memoized: a quote stated twice (two
    claims of one sentence) is read once."""
    from claimcheck.recognize.numbers import find_amounts

    return tuple(find_amounts(quote, restatements=True))
