"""Hand-written time recognizer: absolute and news-relative dates to inclusive intervals.

Per-start-word master regexes find candidate expressions (``date_patterns``); small
resolver functions turn each into a ``DateInterval`` against the reference (publication)
date (``date_resolve``); this module filters the candidates (codes, ages, bare periods),
applies parts, modifiers and ranges, and holds the API. Without a reference, relative
expressions stay unresolved (interval None) instead of guessing. Rules: docs/recognizers.md.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta

from claimcheck.model import DateInterval
from claimcheck.model import TimeMention as TimeMention  # where callers have imported it from
from claimcheck.recognize.date_patterns import (
    _COUNT_AFTER,
    _MOD_AFTER,
    _PATTERN_TEXT,
    _RANGE_CONN,
    _candidates,
    _short_candidates,
    _single,
    mod_before,
)
from claimcheck.recognize.date_patterns import _PATTERNS as _PATTERNS  # tests read these
from claimcheck.recognize.date_patterns import _STARTS as _STARTS
from claimcheck.recognize.date_patterns import _master as _master
from claimcheck.recognize.date_resolve import (
    _add_months,
    _day,
    _Hit,
    _month_end,
    _num,
    _resolve,
    _safe_date,
    days_in_month,
)
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lazyre import compile as _compile_re
from claimcheck.recognize.lexicon import WEEKDAYS, folds_plainly
from claimcheck.recognize.months_to import widened_to_period

__all__ = ["TimeMention", "find_times", "parse_time"]


_YEARLESS_KINDS = frozenset({"mdy", "dmy", "month", "edge_month", "wd_day", "day_ord", "md_num"})
_DAY_KINDS = frozenset(
    {"mdy", "dmy", "iso_day", "num_dmy", "ymd_abbr", "wd_day", "day_ord", "md_num"}
)
# Bare "the week"/"the year" are only kept as the container of a part ("the first quarter of
# the year"): alone they usually refer to a period named earlier in the story.
_NEEDS_PART = "needs-part"


def _scan(text: str, ref: date | None, short: bool = False) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _short_candidates(text) if short else _candidates(text):
        owner = m.lastgroup or ""
        if hits and hits[-1].kind == "range" and m.start() < hits[-1].end:
            continue  # inside a range already joined ("between March 10 and 17, 2022")
        sm = _single(owner).fullmatch(text, m.start(), m.end()) if owner in _PATTERN_TEXT else None
        if sm is None or _dropped(text, owner, sm):
            continue
        g = sm.groupdict()
        start = m.start()
        part = (
            _PART_OF.search(text, max(0, start - 60), start)
            if _may_have_part(text, start)
            else None
        )
        if part is not None and not _part_fits(part, owner):
            part = None
        if _bare_period(owner, g) and (
            part is None or not part.group(0).rstrip().lower().removesuffix(" the").endswith("of")
        ):
            continue
        lead = part.start() if part else start
        before = text[max(0, lead - 40) : lead]
        modm = mod_before(before)
        mod_word = " ".join(modm.group("mod").lower().split()) if modm else ""
        fwd = mod_word in _FORWARD_MODS or (owner in _YEARLESS_KINDS and _future_cue(text, lead))
        if owner == "relp" and (g.get("per") or "").lower() == "weekend":
            near = (max(0, lead - 80), min(len(text), m.end() + 40))
            # a time kept alone ("the weekend", a claim's time) has lost its verb: the
            # weekend a report speaks of is the last one unless a word says otherwise
            past = short or _PAST_NEAR.search(text, *near) is not None
            fwd = fwd or _future_cue(text, lead) or not past
        iv, mod = _resolve(owner, sm, ref, fwd)
        if iv is None and owner in _DIGIT_KINDS:
            continue  # "2015-1-32", "2015-32": not a date
        if part is not None:
            iv = _apply_part(part, iv, owner)
        while part is not None and hits and hits[-1].end > lead:
            hits.pop()  # "the first Monday of March": the part absorbs the weekday
        hit = _Hit(lead, m.end(), iv, mod, owner, g)
        if mod_word == "between" and modm is not None and owner == "mdy" and not g["d2"]:
            shared = _between_same_month(text, hit, g)
            if shared is not None:
                hit, mod_word = shared, ""
                hit.start = modm.start("mod") + max(0, lead - 40)
        after = _MOD_AFTER.match(text, m.end())
        if after is not None and not mod_word:
            hit.end = after.end()
            word = (after.group("w") or "onwards").lower()
            _apply_mod(hit, "or earlier" if word in ("earlier", "before") else "or later",
                       hit.start, ref)  # fmt: skip
        else:
            _apply_mod(hit, mod_word, modm.start("mod") + max(0, lead - 40) if modm else -1, ref)
        hits.append(hit)
    return _join_ranges(text, _weekday_of_week(text, widened_to_period(text, hits)))


# "between March 10 and 17": the second end shares the month (and a year that follows).
_BETWEEN_DAY_END = _compile_re(
    r"\s+(?i:and)\s+(?P<d2>[12]\d|3[01]|0?[1-9])(?i:st|nd|rd|th)?(?![\w%:/-]|[.,]\d)"
    r"(?!\s+(?:(?i:of)\s+)?[A-Z][a-z]{2})(?:,?\s+(?P<y>(?:1[89]|20)\d\d)(?!\w|,\d))?"
)


def _between_same_month(text: str, hit: _Hit, g: dict[str, str | None]) -> _Hit | None:
    """The day range of a "between" whose second end is a bare day of the first's month;
    without it the bare day would be read as a count."""
    end = _BETWEEN_DAY_END.match(text, hit.end)
    if end is None or hit.iv is None or hit.iv.start is None or int(end["d2"]) <= int(g["d"] or 0):
        return None
    first = hit.iv.start
    if end["y"] and not g.get("y"):
        year = int(end["y"])
        first = _safe_date(year, first.month, first.day) or first
    elif end["y"]:
        return None
    last = _safe_date(first.year, first.month, int(end["d2"]))
    if last is None:
        return None
    return _Hit(hit.start, end.end(), DateInterval(first, last), None, "range", hit.g)


# A past-tense verb near "the weekend": a report of what happened, so the weekend just past.
_PAST_NEAR = _compile_re(
    r"\b(?:was|were|had|did|died|fled|hit|struck|fell|rose|left|came|went|took|made|said|told|"
    r"began|saw|ran|met|held|gave|lost|won|brought|caught|fought|kept|led|paid|sent|sold|"
    r"spent|stood|broke|drove|flew|froze|swept|tore|sank|burnt|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)


_FORWARD_MODS = frozenset(
    {"by", "until", "till", "no later than", "not later than", "as late as", "later than"}
)


_DIGIT_KINDS = frozenset(
    {"iso_day", "num_dmy", "iso_month", "month_num_year", "year_range", "md_num"}
)


def _dropped(text: str, owner: str, sm: re.Match[str]) -> bool:
    if owner == "md_num" and not _md_cue(text, sm):
        return True
    if owner == "week_num" and (
        _OF_OTHER.match(text, sm.end())
        or _REL_BEFORE.search(text, max(0, sm.start() - 12), sm.start())
    ):
        return True  # "week 3 of the trial", "last week 40 were held": not a week number
    if owner in ("year", "edge_year") and (
        _GLUED_BEFORE.search(text, max(0, sm.start() - 6), sm.start())
        or _GLUED_AFTER.match(text, sm.end())
    ):
        return True  # "32-2015", "+86 2010-2015-86": a piece of a code or a bad date
    if (
        owner in _DIGIT_KINDS
        and not _joined(text, sm)
        and (
            re.match(r"\d[-/.]", text[max(0, sm.start() - 2) : sm.start()])
            or re.match(r"[-/.]\d", text[sm.end() : sm.end() + 2])
        )
    ):
        return True  # part of a longer digit code ("+86 138-2010-2015")
    if owner == "year":
        return _not_a_year(text, sm, text[max(0, sm.start() - 40) : sm.start()])
    if owner == "weekday":
        return _is_abbrev_noise(sm)
    if owner == "decade" and not sm.group("c"):
        # "in their 70s" is an age.
        return _AGE_BEFORE.search(text, max(0, sm.start() - 30), sm.start()) is not None
    return False


_OF_OTHER = _compile_re(r"\s+(?i:of|in)\s+(?!(?:1[89]|20)\d\d\b|this\b|last\b|next\b)")
# "32-2015", "32 - 2015": a number that cannot be a month glued to a year ("10 - 2021" may
# be a spaced date, so the year stays).
_REL_BEFORE = _compile_re(
    r"(?i:\b(?:this|last|next|past|previous|coming|a|an|per|each|every|one|that)\s+)$"
)
_GLUED_BEFORE = _compile_re(r"\d[-–/]$|(?<!\d)(?:1[3-9]|[2-9]\d|\d{3,})\s[-–/]\s?$")
_GLUED_AFTER = _compile_re(r"[-–/]\d")
_MD_CUE = _compile_re(
    r"(?i:\b(?:on|since|from|between|until|till|through|starting|before|after)\s+(?:the\s+)?$)"
)
# Digit dates joined by a dash: "10/1-11/7", "10/1/2018-10/7/2018", "10-1-2018-10-7-2018".
_JOINED_AFTER = _compile_re(
    r"\s*[-–]\s*\d{1,2}[/.]\d{1,2}(?!\d)|[-–]\d{1,2}([-/.])\d{1,2}\1\d{4}\b"
)
_JOINED_BEFORE = _compile_re(
    r"(?:\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s*(?:[-–]|\b(?:to|and|until|till|through)\b)\s*"
    r"|\b\d{1,2}([-/.])\d{1,2}\1\d{4}[-–])$",
    re.IGNORECASE,
)


def _joined(text: str, sm: re.Match[str]) -> bool:
    return bool(
        _JOINED_AFTER.match(text, sm.end())
        or _JOINED_BEFORE.search(text, max(0, sm.start() - 16), sm.start())
    )


_ON_BEFORE = _compile_re(r"(?i:\bon\s+)$")


def _md_cue(text: str, sm: re.Match[str]) -> bool:
    """A year-less "5/12" needs a cue: a weekday or this/next in the match, a date word
    before it, or a dash joining it to another digit date (alone, "3/4" is a fraction)."""
    if sm.group("rel") or sm.group("wd"):
        return True
    if re.match(r"\s+of\b|\s*%", text[sm.end() :]):
        return False
    if sm.group("sep") == "." and not _ON_BEFORE.search(text, max(0, sm.start() - 4), sm.start()):
        return False  # "5.12" is a decimal unless it follows "on"
    return bool(_MD_CUE.search(text, max(0, sm.start() - 16), sm.start()) or _joined(text, sm))


_AGE_BEFORE = _compile_re(
    r"(?i:\b(?:their|his|her|its|our|my|your|whose|aged?|in\s+the)\s+(?:early\s+|mid-?\s*"
    r"|late\s+)?(?:\d0s\s*(?:and|or|to|-|–)\s*(?:early\s+|mid-?\s*|late\s+)?)?)$"
)
"""An age: "in their 70s", and the second of "in their 30s and 40s"."""


def _bare_period(owner: str, g: dict[str, str | None]) -> bool:
    """'the year', 'that month' alone: kept only with an edge, a part or 'rest of'."""
    rel = (g.get("rel") or "").lower()
    if owner == "edge_rel":
        return not g.get("edge") and rel in ("", "the")
    if owner == "relp":
        return (
            rel in ("that", "the")
            and not (g.get("pre") or "").lower().startswith(("earlier", "later"))
            and (g.get("per") or "").lower() != "weekend"
            and not (g.get("pre") or "").lower().endswith("rest of")
        )
    return False


# A part of the period that follows: "the first week of", "the last day of", "the third
# quarter of", "the 15th (day) of", "the 21st", "4 to 23", "between 3 and 12 (of)",
# "the week of".
_PART_OF = Folded(
    r"(?:(?:\b(?P<open>between|from)\s+)?(?:\bthe\s+)?(?<![\d.,])(?:"
    r"(?P<ord>first|second|third|fourth|last|final|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:(?P<cnt>\d+|two|three|four|five|six|ten)\s+)?(?P<part>week|day|quarter|half|month"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"\s+of"
    r"|(?P<r1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?P<conn>-|–|to|till|until|through|and)"
    r"\s*(?:(?P<r2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?)?"
    r"|(?P<day>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)(?:\s+day)?(?:\s+of)?|\s+of)"
    r"|(?P<weekof>week)\s+(?:of|beginning|starting(?:\s+on)?|commencing)"
    r")\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


_PART_TAIL_WORDS = frozenset(
    [
        "of",
        "day",
        "days",
        "to",
        "till",
        "until",
        "through",
        "and",
        "beginning",
        "starting",
        "on",
        "commencing",
    ]
)


def _may_have_part(text: str, start: int) -> bool:
    """Cheap test on the last word before a hit, so the anchored part regex runs rarely."""
    tail = text[max(0, start - 24) : start].rstrip()
    if tail[-4:].lower() == " the":
        tail = tail[:-4].rstrip()
    if not tail:
        return False
    last = tail[-1]
    if last.isdigit() or last in "-–":
        return True
    word = tail.rsplit(None, 1)[-1].lower()
    return word in _PART_TAIL_WORDS or (
        word[:1].isdigit() and word[-2:] in ("st", "nd", "rd", "th")
    )


def _part_fits(part: re.Match[str], owner: str) -> bool:
    if part.group("conn") and part.group("conn").lower() == "and" and not part.group("open"):
        return False
    if part.group("open") and not part.group("r1"):
        return False
    day_level = owner in _DAY_KINDS
    if part.group("weekof"):
        return day_level
    if part.group("r1") and not part.group("r2"):
        return owner in ("dmy",)  # "9 to 12 June": the range shares the day's month
    return not day_level


def _apply_part(part: re.Match[str], iv: DateInterval | None, owner: str) -> DateInterval | None:
    if iv is None or iv.start is None or iv.end is None:
        return None
    c0, c1 = iv.start, iv.end
    if part.group("weekof"):
        monday = c0 - timedelta(days=c0.weekday())
        return DateInterval(monday, monday + timedelta(days=6))
    if part.group("r1"):
        d1 = int(part.group("r1"))
        d2 = int(part.group("r2")) if part.group("r2") else None
        first = _safe_date(c0.year, c0.month, d1)
        last = c0 if d2 is None else _safe_date(c0.year, c0.month, d2)
        ok = first is not None and last is not None and first < last and c1 - c0 <= timedelta(31)
        return DateInterval(first, last) if ok else None
    if part.group("day"):
        if c0.day != 1 or c1 != _month_end(c0.year, c0.month):
            return None
        return _day(_safe_date(c0.year, c0.month, int(part.group("day"))))
    return _nth_part(c0, c1, part.group("ord").lower(), part.group("part").lower(),
                     _num(part.group("cnt") or "1"))  # fmt: skip


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def _nth_part(c0: date, c1: date, ordw: str, unit: str, cnt: int) -> DateInterval | None:
    """nth/last day, week, month, quarter or half of a period. Weeks run Monday to Sunday
    and belong to the period holding their Thursday (ISO 8601)."""
    last = ordw in ("last", "final")
    n = int(ordw[:-2]) if ordw[:1].isdigit() else _ORDINALS.get(ordw, 1)
    if unit == "day":
        if last:
            return DateInterval(c1 - timedelta(days=cnt - 1), c1)
        s = c0 + timedelta(days=n - 1)
        return DateInterval(s, s + timedelta(days=cnt - 1)) if s <= c1 else None
    if unit in WEEKDAYS:  # "the first Monday of March", "the last Friday of the month"
        wd = WEEKDAYS[unit]
        day = (
            c1 - timedelta(days=(c1.weekday() - wd) % 7)
            if last
            else (c0 + timedelta(days=(wd - c0.weekday()) % 7 + 7 * (n - 1)))
        )
        return _day(day) if c0 <= day <= c1 else None
    if unit == "week":
        first_thu = c0 + timedelta(days=(3 - c0.weekday()) % 7)
        last_thu = c1 - timedelta(days=(c1.weekday() - 3) % 7)
        if last:
            mon = last_thu - timedelta(days=3) - timedelta(weeks=cnt - 1)
        else:
            mon = first_thu - timedelta(days=3) + timedelta(weeks=n - 1)
        return DateInterval(mon, mon + timedelta(weeks=cnt, days=-1))
    if n < 1:
        return None
    size = {"month": 1, "quarter": 3, "half": 6}[unit]
    months = (c1.year - c0.year) * 12 + c1.month - c0.month + 1
    count = months // size
    if count < 2:
        return None
    k = count - cnt + 1 if last else n
    if k < 1 or k + cnt - 1 > count:
        return None
    s = _add_months(c0.replace(day=1), size * (k - 1))
    e = _add_months(s, size * cnt - 1)
    return DateInterval(s, _month_end(e.year, e.month))


_WEEK_JOIN = _compile_re(r"\s*(?:[,-]|–)?\s*(?i:(?:on|of)\s+(?:the\s+)?)?")


def _weekday_of_week(text: str, hits: list[_Hit]) -> list[_Hit]:
    """'next week Monday', 'Friday next week', 'Tuesday of last week': that week's day."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        # The joint is a few characters ("Friday, next week"): never scan a long gap, whose
        # whitespace the pattern would try in every split (quadratic on a megabyte line).
        if b is not None and b.start - a.end <= 40 and _WEEK_JOIN.fullmatch(text, a.end, b.start):
            pair = (a, b) if a.kind == "weekday" else (b, a)
            day, week = pair
            if (
                day.kind == "weekday"
                and not day.g.get("rel")
                and week.kind in ("relp", "edge_rel")
                and (week.g.get("per") or "").lower() == "week"
                and not week.g.get("edge")
                and not week.g.get("pre")
                and week.iv is not None
                and week.iv.start is not None
                and a.mod is None
                and b.mod is None
            ):
                wd = WEEKDAYS[(day.g.get("wd") or "").lower().rstrip(".")]
                d = week.iv.start + timedelta(days=wd)
                out.append(_Hit(a.start, b.end, DateInterval(d, d), None, "weekday_week", {}))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _not_a_year(text: str, m: re.Match[str], before: str) -> bool:
    """'2014 troops' is a count; 'in 2014' is a year."""
    if re.search(
        r"(?i:\b(?:in|since|by|of|from|until|to|before|after|during|the|year|and))\W*$", before
    ):
        return False
    return bool(_COUNT_AFTER.match(text, m.end()))


def _is_abbrev_noise(m: re.Match[str]) -> bool:
    return m.group("wd") is not None and m.group("wd")[0].islower() and len(m.group("wd")) <= 4


_FUTURE_CUE_BODY = (
    r"\b(?:will|shall|scheduled|due\s+to|due\s+on|ahead\s+of|upcoming|set\s+to|expected\s+to"
    r"|plans?\s+to|next|until|going\s+to)\b"
)
_FUTURE_CUE = _compile_re(r"(?i:" + _FUTURE_CUE_BODY + r")")
_FUTURE_CUE_LOW = Lazy(_FUTURE_CUE_BODY)  # on lowered text: see lexicon.folds_plainly
_SENTENCE_END = _compile_re(r"[.!?]\s|\n")


def _future_cue(text: str, start: int) -> bool:
    """A future cue earlier in the same sentence picks the future reading of a year-less date
    ("elections will be held on November 3"); otherwise news means the past one."""
    lo = max(0, start - 160)
    window = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if folds_plainly(window):
        return _FUTURE_CUE_LOW.search(window.lower(), ends[-1] if ends else 0) is not None
    return _FUTURE_CUE.search(window, ends[-1] if ends else 0) is not None


_BEGAN = ("that ", "which ")
"""A start written as a clause ("a campaign that began on Oct. 31"): a since."""


def _apply_mod(hit: _Hit, word: str, mod_start: int, ref: date | None = None) -> None:
    iv = hit.iv
    hit.iv0, hit.mod_word = iv, word
    edge = " ".join((hit.g.get("edge") or "").lower().split()).removeprefix("the ")
    if word in ("by", "no later than", "not later than", "as late as", "or earlier"):
        hit.mod = "by"
        hit.iv = DateInterval(None, iv.end) if iv else None
    elif word in ("before", "prior to", "earlier than"):
        hit.mod = "before"
        if edge.startswith("end"):  # "before the end of 2019" is a deadline on its last day
            hit.iv = DateInterval(None, iv.end) if iv else None
        else:
            hit.iv = DateInterval(None, iv.start - timedelta(days=1)) if iv and iv.start else None
    elif word in ("until", "till"):
        hit.mod = "before"
        hit.iv = DateInterval(None, iv.end) if iv else None
    elif word in ("after", "later than"):
        hit.mod = "after"
        if edge.startswith(("beginning", "start")):
            hit.iv = DateInterval(iv.start, None) if iv and iv.start else None
        else:
            hit.iv = DateInterval(iv.end + timedelta(days=1), None) if iv and iv.end else None
    elif word in ("or later", "no earlier than", "not earlier than", "as early as"):
        hit.mod = "after"
        hit.iv = DateInterval(iv.start, None) if iv and iv.start else None
    elif word in ("since", "starting", "beginning", "as of") or word.startswith(_BEGAN):
        hit.mod = "since"
        # "since X" runs up to the time of writing: the reference, when there is one.
        end = ref if ref is not None and iv and iv.start and iv.start <= ref else None
        hit.iv = DateInterval(iv.start, end) if iv else None
    else:
        return
    if mod_start >= 0:
        hit.start = min(hit.start, mod_start)


def _join_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """'from March to June', 'between 2015 and 2018', 'Jan 12 - Jan 22' become one interval."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        b = _unmodded_end(b)
        if b is not None and b.kind == "to_date" and _to_date_join(text, a, b):
            opener = re.search(r"(?i:\bfrom\s+)$", text[max(0, a.start - 8) : a.start])
            start = a.start - len(opener.group(0)) if opener else a.start
            out.append(_Hit(start, b.end, _span(a.iv, b.iv), None, "range"))
            i += 2
            continue
        if (
            b is not None
            and b.mod in (None, "current")
            and _RANGE_CONN.fullmatch(text, a.end, b.start)
            and (text[a.end : b.start].strip() or b.mod_word in ("until", "till"))
        ):
            conn = text[a.end : b.start].strip().lower() or "until"
            opener = re.search(
                r"(?i:\b(from|between)\s+(?:the\s+)?)$", text[max(0, a.start - 20) : a.start]
            )
            if (conn != "and" or (opener and opener.group(1).lower() == "between")) and a.mod in (
                None,
                "since",
                "current",
            ):
                start = a.start - len(opener.group(0)) if opener else a.start
                iv = _span(*_pair_years(text, a, b))
                if iv is not None or (a.iv is None and b.iv is None):
                    out.append(_Hit(start, b.end, iv, None, "range"))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _to_date_join(text: str, a: _Hit, b: _Hit) -> bool:
    """ "from March to date": a start joined to the open "to date" end."""
    return (
        a.mod is None
        and a.iv is not None
        and not text[a.end : b.start].strip()
        and b.iv is not None
        and b.iv.start is None
    )


def _unmodded_end(b: _Hit | None) -> _Hit | None:
    """'from 2014 till 2018': the second end without its 'till' reading."""
    if b is None or b.mod_word not in ("until", "till"):
        return b
    return _Hit(b.start, b.end, b.iv0, None, b.kind, b.g, b.iv0, b.mod_word)


def _pair_years(text: str, a: _Hit, b: _Hit) -> tuple[DateInterval | None, DateInterval | None]:
    """Two year-less ends ("from April to June") share the first end's reading: the second
    end follows it within a year; otherwise the first borrows the second's stated year."""
    if (
        a.iv is not None
        and b.iv is not None
        and a.iv.start is not None
        and b.iv.start is not None
        and b.iv.end is not None
        and a.kind in _YEARLESS_KINDS
        and b.kind in _YEARLESS_KINDS
        and not (b.g.get("rel") and not b.g.get("wd"))
        and not re.search(r"\d{4}", text[a.start : b.end])
    ):
        year = a.iv.start.year + (1 if b.iv.start.month < a.iv.start.month else 0)
        last = days_in_month(year, b.iv.end.month)
        end = date(year, b.iv.end.month, min(b.iv.end.day, last))
        start = _safe_date(year, b.iv.start.month, b.iv.start.day) or end
        return a.iv, DateInterval(start, end)
    return _borrow_year(text, a, b), b.iv


def _borrow_year(text: str, a: _Hit, b: _Hit) -> DateInterval | None:
    """'from March to June 2019': the first end takes the year stated at the second."""
    iv = a.iv
    if (
        iv is None
        or iv.start is None
        or iv.end is None
        or b.iv is None
        or b.iv.end is None
        or (a.g.get("rel") and not a.g.get("wd"))  # "this 5/12" names its year
        or a.kind not in ("month", "mdy", "dmy", "edge_month", "md_num")
        or re.search(r"\d{4}", text[a.start : a.end])
    ):
        return iv
    year = b.iv.end.year - (1 if iv.start.month > b.iv.end.month else 0)
    try:
        return DateInterval(iv.start.replace(year=year), iv.end.replace(year=year))
    except ValueError:
        return iv


def _span(a: DateInterval | None, b: DateInterval | None) -> DateInterval | None:
    if a is None or b is None or a.start is None or b.end is None:
        return None
    if a.start > b.end:
        return None
    return DateInterval(a.start, b.end)


_LEAD = _compile_re(r"(?i:(?:in|on|at|during|over|for|around)\s+)?")


def _to_mention(text: str, h: _Hit) -> TimeMention:
    return TimeMention(text[h.start : h.end], h.start, h.end, h.iv, h.mod)


def find_times(text: str, reference: date | None) -> list[TimeMention]:
    """Every time expression in running text, resolved against the reference date. None
    spans a line break: "... rises to 20" over a page's "November 3, 2021" line is no
    "20 November" (the break is read as a character no pattern crosses)."""
    lines = text.replace("\n", "\0") if "\n" in text else text
    return [_to_mention(text, h) for h in _scan(lines, reference)]


@functools.lru_cache(maxsize=32768)  # claims files repeat values and times; results are frozen
def parse_time(text: str, reference: date | None) -> TimeMention | None:
    """The whole string is one time expression ("late 2018", "by November", "2021-01-15")."""
    stripped = text.strip().rstrip(".")
    if not stripped:
        return None
    hits = _scan(stripped, reference, short=len(stripped) <= 200)
    if len(hits) != 1 or stripped[hits[0].end :].strip(" .,;"):
        return None
    if _LEAD.fullmatch(stripped, 0, hits[0].start) is None:
        return None
    return _to_mention(stripped, hits[0])
