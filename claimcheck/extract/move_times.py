"""When a move's two ends hold ("to 61.8% in July from 71.6% in June", "rose to 6.1% from
5.8% in February"): an end's own time is written right after it, and the latest figure
never takes the earlier end's."""

from __future__ import annotations

import re

from claimcheck.extract.context import SentenceContext, TimeRef, nearest_time
from claimcheck.recognize.lazyre import compile as _re_compile

_OWN_TIME_GAP = _re_compile(r"\s*(?:in|on|at|for|during)?\s*", re.IGNORECASE)
_RELATIVE_END = _re_compile(r"\b(?:earlier|before|previously|prior|later|after)\b", re.I)


def own_time(ctx: SentenceContext, end: int) -> TimeRef | None:
    """A time written right after a figure ("61.8% in July"): that figure's own time."""
    gap = _OWN_TIME_GAP.fullmatch
    return next((t for t in ctx.times if t.start >= end and gap(ctx.text, end, t.start)), None)


def dated_ends(
    ctx: SentenceContext, was: tuple[int, int], now: tuple[int, int]
) -> tuple[str, str] | None:
    """The times of a move's two ends when each end has its own, different one: the
    move then states two levels (a June figure and a July figure), not one change whose
    start two outlets might date differently ("from 71.6% in June", "from 75.5% in May")."""
    t_was, t_now = own_time(ctx, was[1]), own_time(ctx, now[1])
    if t_was is None or t_now is None or t_was.text == t_now.text:
        return None
    if not (t_was.resolved and t_now.resolved) or _RELATIVE_END.search(t_was.text):
        return None  # "from 71.6% a month earlier": earlier than the other end, not than today
    return t_was.text, t_now.text


_MONTH_NAMED = _re_compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?(?!\s+\d)", re.I
)


_PERIOD_TIME = _re_compile(
    r"^(?:in\s+|for\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"(?:\s+\d{4})?|(?:the\s+)?(?:first|second|third|fourth|last)\s+quarter|q[1-4]|"
    r"(?:19|20)\d\d|(?:last|the\s+previous|a\s+year\s+earlier)\s*(?:month|quarter|year)?)$",
    re.IGNORECASE,
)
"""A period a monthly or yearly figure is of ("in February", "last quarter")."""


def latest_time(
    ctx: SentenceContext, found: TimeRef | None, was: tuple[int, int], now: tuple[int, int]
) -> str | None:
    """The time of a move's latest figure: the sentence's time, unless that is the earlier
    end's own ("rose to 6.1% from 5.8% in February" is not February's 6.1%); then another
    time of the sentence ("in March"), or none (the report's)."""
    own = own_time(ctx, was[1])
    if (
        found is None
        or own is None
        or found.text != own.text
        or own_time(ctx, now[1])
        or not _PERIOD_TIME.search(own.text)
    ):  # "rose to 57 from 44 on Monday": a day after the move is when it moved
        return found.text if found is not None else None
    others = [x for x in ctx.times if x.text != own.text and x.mod is None and x.resolved]
    if _MONTH_NAMED.search(own.text):  # a monthly figure's next end is a month too
        others = [x for x in others if _MONTH_NAMED.search(x.text)] or others
    other = nearest_time(others, ctx.text, now[0], now[1]) if others else None
    return other.text if other is not None else None
