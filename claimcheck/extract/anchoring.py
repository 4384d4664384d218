"""When a figure holds: stated next to it, the date of its event, or the report's own date.

TimeML anchors every time to the document creation time; news does the same with
figures. A sentence that gives no time still dates its figure: a running toll
("at least 121 dead") holds when the article was written, while a fact of the event
itself (the crowd, the workers trapped by the collapse) holds on the day of the event,
which the article states once, near its event word ("the stampede on Tuesday").
Claims record which of the three it was, so an editor can review the guesses.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from claimcheck.dataclassgen import dataclass
from claimcheck.model import DateInterval
from claimcheck.recognize.lazyre import compile as _re_compile
from claimcheck.recognize.lexicon import folds_plainly

TimeSource = Literal["stated", "publication", "event"]

_EVENT_WORDS_BODY = (
    r"\b(?:stampede|crush|collaps(?:e|ed|es|ing)|cave-in|caved\s+in|blast|explosion|exploded|"
    r"fire|blaze|crash(?:ed)?|derail(?:ed|ment)|attack(?:ed)?|bombing|shooting|earthquake|"
    r"quake|flood(?:s|ing|ed)?|landslides?|mudslides?|storm|typhoon|hurricane|cyclone|"
    r"landfall|eruption|erupted|tsunami|sank|capsized|offensive|struck|hit|began|started|"
    r"broke\s+out|occurred|happened|took\s+place)\b"
)
_EVENT_WORDS = _re_compile(_EVENT_WORDS_BODY, re.IGNORECASE)
_EVENT_WORDS_LOW = _re_compile(_EVENT_WORDS_BODY)
"""The same words in lowered text (see lexicon.folds_plainly): case-sensitive literals let
the engine reject most positions on their first letter, several times faster."""


@dataclass(frozen=True)
class Anchor:
    """A figure's time as written into the claims file, and how it was obtained."""

    text: str | None
    source: TimeSource


@dataclass(frozen=True)
class DatedTime:
    """A time mention of the article with its resolved interval (positions in the article)."""

    text: str
    start: int
    end: int
    interval: DateInterval | None
    mod: str | None


def event_date(
    text: str, times: list[DatedTime], published: date | None, *, window: int = 90
) -> date | None:
    """The day of the article's event: the first single day named near an event word.

    Never later than the publication date: a date after it is a plan, not the event.
    """
    hay, words = (text.lower(), _EVENT_WORDS_LOW) if folds_plainly(text) else (text, _EVENT_WORDS)
    for t in times:
        iv = t.interval
        if iv is None or iv.start is None or iv.start != iv.end or t.mod not in (None, "current"):
            continue
        if published is not None and iv.start > published:
            continue
        lo, hi = max(0, t.start - window), min(len(text), t.end + window)
        stop = max(text.rfind(".", lo, t.start), text.rfind("\n", lo, t.start))
        near = words.search(hay, stop + 1 if stop >= 0 else lo, hi)
        if near is not None:
            return iv.start
    return None


def as_of_date(times: list[DatedTime], published: date | None) -> date | None:
    """The day an article says its figures are "as of" ("as of Tuesday, 102.9 million doses
    had been given"): its running tallies hold then, not on the day it went out."""
    for t in times:
        if not t.text.lower().startswith("as of") or t.interval is None:
            continue
        day = t.interval.start
        if day is not None and (published is None or day <= published):
            return day
    return None


_DAYS_PER = {"hours": 1 / 24, "days": 1, "weeks": 7, "months": 30.44, "years": 365.25,
             "decades": 3652.5}  # fmt: skip


def period_ending(reference: date | None, length: float | None, unit: str) -> str | None:
    """A period stated with no time of its own ("a 10-month blockade", "trapped for 13
    days") is the stretch that ended at the report: written as an ISO interval."""
    from datetime import timedelta

    per = _DAYS_PER.get(unit)
    if reference is None or length is None or per is None or not 0 < length * per < 36525:
        return None
    start = reference - timedelta(days=max(0, round(length * per) - 1))
    return f"{start.isoformat()}/{reference.isoformat()}"


def report_anchor(published: date | None) -> Anchor:
    """The report's own time: its publication day, else "current" (resolved once the
    user gives the publication date)."""
    return Anchor(published.isoformat() if published else "current", "publication")


def anchor(
    stated: str | None,
    *,
    event_bound: bool,
    event: date | None,
    published: date | None,
    running: bool = False,
    reference: date | None = None,
) -> Anchor:
    """Stated beats event beats publication; but a fact of the event does not change after
    it, so a later day written in its sentence ("police said on Wednesday that 80,000 had
    been allowed") is when it was reported, and the event's day is kept."""
    if stated and event_bound:
        day = _day(stated, published)
        if event is not None and day is not None and day > event:
            return Anchor(event.isoformat(), "event")
        if (day is None and published is None) or (day is not None and day == event):
            # The event's day as the article writes it ("on Sunday"), resolved once the
            # publication date is known: still the time of the event.
            return Anchor(stated, "event")
    report = reference or published
    if stated and running and _coarse_around(stated, published):
        # "this year", "in December": a running toll written beside a period that holds
        # the report's own day is that day's figure, not the whole period's.
        return report_anchor(report)
    if stated:
        return Anchor(stated, "stated")
    if event_bound and event is not None:
        return Anchor(event.isoformat(), "event")
    if event_bound and published is None:
        return Anchor(None, "event")  # the event's day, which this undated article never gives
    return report_anchor(report)


def _coarse_around(stated: str, published: date | None) -> bool:
    """A period longer than a month that holds the publication day."""
    from claimcheck.recognize.dates import parse_time

    if published is None:
        return False
    mention = parse_time(stated, published)
    iv = mention.interval if mention is not None else None
    if iv is None or mention is None or mention.mod is not None:
        return False
    if iv.start is None or iv.end is None:
        return False
    return (iv.end - iv.start).days > 31 and iv.start <= published <= iv.end


def _day(stated: str, published: date | None) -> date | None:
    """The single day a stated time names, if it names one and it can be resolved."""
    from claimcheck.recognize.dates import parse_time

    mention = parse_time(stated, published)
    iv = mention.interval if mention is not None else None
    if iv is None or mention is None or mention.mod is not None or iv.start != iv.end:
        return None
    return iv.start


_BACKGROUND_YEAR = _re_compile(r"^\W*(?:In|Back\s+in|During)\s+(?:\w+\s+)?(?P<y>(?:19|20)\d{2})\b")


def is_background(sentence: str, published: date | None) -> bool:
    """A sentence about an earlier event ("In 2013, a crush on a bridge killed 115"):
    its figures are history, not claims about this story."""
    if published is None:
        return False
    m = _BACKGROUND_YEAR.match(sentence)
    if m is None:
        return False
    return int(m["y"]) <= published.year - 2


_WHEN_BACK_THEN = _re_compile(
    r"\b(?:since|in|than|of|to)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?"
    r"(?P<y>(?:19|20)\d{2})\s*,\s*when\b[^.;]*$"
)


def in_background_clause(sentence: str, start: int, published: date | None) -> bool:
    """A figure in a clause about an earlier event the sentence compares with ("the
    deadliest since January 2023, when 72 people died"): history, not this story's."""
    if published is None:
        return False
    m = _WHEN_BACK_THEN.search(sentence, 0, start)
    return m is not None and int(m["y"]) < published.year


_SINCE_YEAR = _re_compile(
    r"^since\s+(?:(?:the\s+)?(?:start|beginning|end)\s+of\s+)?(?:[A-Z][a-z]+\.?\s+)?"
    r"(?P<y>(?:19|20)\d{2})$",
    re.IGNORECASE,
)
AGGREGATE_YEARS = 2
"""A toll "since" a year this far back sums years of events: it is not the story's toll."""


def aggregate_since(time_text: str | None, published: date | None) -> str | None:
    """ "more than 350 people have died in air crashes there since 2000": the year such a
    many-year total runs from (the subject then says so), else None."""
    if time_text is None or published is None:
        return None
    m = _SINCE_YEAR.match(time_text)
    if m is None or int(m["y"]) > published.year - AGGREGATE_YEARS:
        return None
    return m["y"]


WAR_SINCE_DAYS = 90
"""A toll "since" a day this far back, on a page about a war, is the war's toll so far."""
_WAR_WORDS = _re_compile(r"\b(?:war|conflict|fighting|offensive|invasion|insurgency)\b", re.I)


def war_toll_since(
    time_text: str | None, published: date | None, text: str, understood: bool
) -> bool:
    """ "At least 18,800 people have been killed since April 2023" on a page about a war
    that began then: the war's toll (``war deaths``), as "killed in the war" is."""
    if time_text is None or published is None or not understood:
        return False
    if not time_text.lower().startswith("since ") or len(_WAR_WORDS.findall(text)) < 2:
        return False
    from claimcheck.recognize.dates import parse_time

    mention = parse_time(time_text, published)
    span = mention.interval if mention is not None else None
    start = span.start if span is not None else None
    return start is not None and (published - start).days >= WAR_SINCE_DAYS
