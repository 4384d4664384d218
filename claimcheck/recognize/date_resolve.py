"""Time recognizer, part 2: calendar arithmetic and the resolvers that turn one matched
expression into an inclusive ``DateInterval`` against the reference date. Used by
``dates``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date, timedelta

from claimcheck.dataclassgen import dataclass
from claimcheck.model import DateInterval
from claimcheck.recognize.lazyre import compile as _compile_re
from claimcheck.recognize.lexicon import MONTHS, WEEKDAYS


@dataclass
class _Hit:
    start: int
    end: int
    iv: DateInterval | None
    mod: str | None = None
    kind: str = ""
    g: dict[str, str | None] = field(default_factory=dict)
    iv0: DateInterval | None = None  # before a modifier word was applied
    mod_word: str = ""


def days_in_month(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]`` without importing calendar (~6 ms of start-up)."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _month_end(y: int, m: int) -> date:
    return date(y, m, days_in_month(y, m))


def _month_iv(y: int, m: int) -> DateInterval:
    return DateInterval(date(y, m, 1), _month_end(y, m))


def _year_iv(y: int) -> DateInterval:
    return DateInterval(date(y, 1, 1), date(y, 12, 31))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _day(d: date | None) -> DateInterval | None:
    return DateInterval(d, d) if d else None


def _mon_num(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, days_in_month(y, m)))


def _shift(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    if unit == "quarter":
        return _add_months(d, 3 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "decade":
        return _add_months(d, 120 * n)
    return _add_months(d, 12 * n)


_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a couple of": 2, "a couple": 2,
    "couple of": 2, "couple": 2,
}  # fmt: skip


def _num(text: str) -> int:
    t = " ".join(text.lower().split())
    return int(t) if t.isdigit() else _NUM_WORDS.get(t, 1)


def _year2(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 2000 + v if v < 50 else 1900 + v
    return v


def _edge(iv: DateInterval, edge: str | None, unit: str) -> DateInterval:
    """early/mid/late: thirds of a year (Jan-Apr, May-Aug, Sep-Dec) or of a month (1-10...)."""
    if not edge or iv.start is None or iv.end is None:
        return iv
    e = " ".join(edge.lower().split()).removeprefix("the ")
    s, t = iv.start, iv.end
    part = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1}.get(e, 2)
    if unit == "year":
        m0 = 1 + 4 * part
        return DateInterval(date(s.year, m0, 1), _month_end(s.year, m0 + 3))
    if unit == "month":
        bounds = [(1, 10), (10, 20), (21, t.day)][part]
        return DateInterval(s.replace(day=bounds[0]), s.replace(day=bounds[1]))
    days = (t - s).days + 1
    third = max(days // 3, 1)
    return DateInterval(
        s + timedelta(days=third * part),
        t if part == 2 else s + timedelta(days=third * (part + 1) - 1),
    )


def _month_no_year(m: int, ref: date | None, forward: bool) -> DateInterval | None:
    """Most recent such month on or before the reference (or next one, for deadlines)."""
    if ref is None:
        return None
    if forward:
        return _month_iv(ref.year if m >= ref.month else ref.year + 1, m)
    return _month_iv(ref.year if m <= ref.month else ref.year - 1, m)


def _period(ref: date, rel: str, per: str) -> DateInterval:
    off = {"this": 0, "last": -1, "next": 1}[rel]
    if per == "fortnight":  # this week and the next; "next fortnight" the two after those
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=2 * off)
        return DateInterval(monday, monday + timedelta(days=13))
    if per in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=off)
        if per == "weekend":
            return DateInterval(monday + timedelta(days=5), monday + timedelta(days=6))
        return DateInterval(monday, monday + timedelta(days=6))
    if per == "month":
        first = _add_months(ref.replace(day=1), off)
        return _month_iv(first.year, first.month)
    if per == "quarter":
        q0 = (ref.month - 1) // 3 * 3 + 1
        first = _add_months(date(ref.year, q0, 1), 3 * off)
        last = _add_months(first, 2)
        return DateInterval(first, _month_end(last.year, last.month))
    if per == "decade":
        d0 = ref.year // 10 * 10 + 10 * off
        return DateInterval(date(d0, 1, 1), date(d0 + 9, 12, 31))
    return _year_iv(ref.year + off)


_REL_CANON = {
    "this": "this", "the": "this", "current": "this", "that": "this", "last": "last",
    "past": "last", "previous": "last", "next": "next", "coming": "next", "following": "next",
    "upcoming": "next",
}  # fmt: skip
_DURATION_PART = _compile_re(
    r"(\d+|[a-z]+(?:\s+(?:few|couple(?:\s+of)?))?|a\s+(?:few|couple(?:\s+of)?))\s+"
    r"(day|week|month|year|decade)s?\b",
    re.IGNORECASE,
)


def _rel(word: str | None) -> str:
    """this/last/next from the many ways news says them ("past", "coming", "following")."""
    return _REL_CANON.get((word or "this").lower(), "this")


def _yearless_day(mo: int, d: int, ref: date | None, fwd: bool) -> DateInterval | None:
    """Most recent such day on or before the reference (the next one after a future cue)."""
    if ref is None:
        return None
    y = ref.year
    cand = _safe_date(y, mo, d)
    if cand is not None and (cand > ref) != fwd:
        y = y - 1 if not fwd else y + 1
    elif cand is not None and fwd and cand < ref:
        y += 1
    return _day(_safe_date(y, mo, d))


def _day_span(iv: DateInterval | None, d2: str | None) -> DateInterval | None:
    """ "June 9-12": the first day's month and year, up to the second day."""
    if iv is None or iv.start is None or not d2:
        return iv
    end = _safe_date(iv.start.year, iv.start.month, int(d2))
    return DateInterval(iv.start, end) if end and end > iv.start else None


def _weekday_day(wd: int, d: int, ref: date | None, fwd: bool) -> DateInterval | None:
    """ "Friday 31": the nearest month (past, or future after a cue) where the day is that
    weekday, searched over two years."""
    if ref is None:
        return None
    first = ref.replace(day=1)
    for k in range(25):
        month = _add_months(first, k if fwd else -k)
        cand = _safe_date(month.year, month.month, d)
        if cand is not None and cand.weekday() == wd and ((cand >= ref) if fwd else cand <= ref):
            return _day(cand)
    return None


def _day_of_month(d: int, ref: date | None, fwd: bool) -> DateInterval | None:
    """ "on the 18th": the most recent 18th on or before the reference (next one after a cue)."""
    if ref is None:
        return None
    first = ref.replace(day=1)
    for k in range(3):
        month = _add_months(first, k if fwd else -k)
        cand = _safe_date(month.year, month.month, d)
        if cand is not None and ((cand >= ref) if fwd else cand <= ref):
            return _day(cand)
    return None


def _rel_month(mo: int, rel: str, ref: date) -> DateInterval:
    """this June = the reference year's; next June = the first after the reference month;
    last June = the last before it."""
    if rel == "this":
        return _month_iv(ref.year, mo)
    if rel == "next":
        return _month_iv(ref.year if mo > ref.month else ref.year + 1, mo)
    return _month_iv(ref.year if mo < ref.month else ref.year - 1, mo)


def _md_num(g: dict[str, str], ref: date | None, fwd: bool) -> DateInterval | None:
    """ "5/12" month first, "22/04" day first; "this 5/12" = this year's, "next 5/12" = the
    first after the reference. With a weekday ("next friday 5/12") the word belongs to the
    weekday and the date reads as a plain year-less date."""
    p, q = int(g["p"]), int(g["q"])
    mo, d = (q, p) if p > 12 else (p, q)
    if mo > 12 or ref is None:
        return None
    rel = (g["rel"] or "").lower() if not g["wd"] else ""
    if rel == "this":
        return _day(_safe_date(ref.year, mo, d))
    if rel:
        nxt = _safe_date(ref.year, mo, d)
        year = ref.year if nxt is not None and nxt > ref else ref.year + 1
        return _day(_safe_date(year, mo, d))
    return _yearless_day(mo, d, ref, fwd)


def _week_num(g: dict[str, str], ref: date | None) -> DateInterval | None:
    """ISO 8601 week N (Monday to Sunday) of the stated year, else of the reference year."""
    if g["y"]:
        year = int(g["y"])
    elif ref is None:
        return None
    else:
        rel = " ".join((g["rel"] or "this").lower().split())
        year = ref.year + {"last": -1, "next": 1}.get(rel, 0)
    try:
        monday = date.fromisocalendar(year, int(g["wn"]), 1)
    except ValueError:
        return None
    return DateInterval(monday, monday + timedelta(days=6))


def _quarter_half(name: str, g: dict[str, str], ref: date | None) -> DateInterval | None:
    if name == "half":
        h, y = int(g["h"] or g["h2"]), int(g["y"] or g["y2"])
        return DateInterval(date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
    year = g["y"] or g["y2"]
    if not year and ref is None:
        return None
    q, y = int(g["q"] or g["q2"] or g["q3"]), int(year) if year else ref.year  # type: ignore[union-attr]
    return DateInterval(date(y, 3 * q - 2, 1), _month_end(y, 3 * q))


def _last_n(n: int, unit: str, rel: str, ref: date) -> DateInterval:
    """past/next N units up to / from the reference; decades count whole decades."""
    if unit == "decade":
        d0 = ref.year // 10 * 10
        if rel == "next":
            return DateInterval(date(d0 + 10, 1, 1), date(d0 + 10 * n + 9, 12, 31))
        return DateInterval(date(d0 - 10 * n, 1, 1), date(d0 - 1, 12, 31))
    if unit == "quarter":
        q0 = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
        if rel == "next":
            first, last = _add_months(q0, 3), _add_months(q0, 3 * n + 2)
        else:
            first, last = _add_months(q0, -3 * n), _add_months(q0, -1)
        return DateInterval(first, _month_end(last.year, last.month))
    if rel == "next":
        return DateInterval(ref + timedelta(days=1), _shift(ref, n, unit))
    return DateInterval(_shift(ref, -n, unit), ref - timedelta(days=1))


Resolver = Callable[[re.Match[str], date | None, bool], "tuple[DateInterval | None, str | None]"]


def _r_iso_iv(
    m: re.Match[str], ref: date | None, fwd: bool
) -> tuple[DateInterval | None, str | None]:
    a, b = _iso_piece(m.group("a")), _iso_piece(m.group("b"))
    if a is None or b is None or a.start is None or b.end is None or a.start > b.end:
        return None, None
    return DateInterval(a.start, b.end), None


def _iso_piece(text: str) -> DateInterval | None:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return _day(_safe_date(*parts))
    if 1 <= parts[1] <= 12:
        return _month_iv(parts[0], parts[1])
    return None


def _resolve(
    name: str, m: re.Match[str], ref: date | None, fwd: bool
) -> tuple[DateInterval | None, str | None]:
    g = m.groupdict()
    if name == "iso_iv":
        return _r_iso_iv(m, ref, fwd)
    if name == "iso_day":
        return _day(_safe_date(int(g["y"]), int(g["m"]), int(g["d"]))), None
    if name == "num_dmy":
        p, q, y = int(g["p"]), int(g["q"]), _year2(g["y"])
        if p > 12 or (g["sep"] in ".-" and q <= 12):
            d, mo = p, q
        else:
            mo, d = p, q
        return _day(_safe_date(y, mo, d)), None
    if name in ("iso_month", "month_num_year"):
        return _month_iv(int(g["y"]), int(g["m"])), None
    if name == "ymd_abbr":
        return _day(_safe_date(int(g["y"]), _mon_num(g["mon"]), int(g["d"]))), None
    if name == "year_range":
        a, b = int(g["a"]), g["b"]
        bv = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if bv <= a or (len(b) == 2 and bv - a > 10):
            return None, None
        return DateInterval(date(a, 1, 1), date(bv, 12, 31)), None
    if name in ("mdy", "dmy"):
        mo, d = _mon_num(g["mon"]), int(g["d"])
        iv = _day(_safe_date(int(g["y"]), mo, d)) if g["y"] else _yearless_day(mo, d, ref, fwd)
        return _day_span(iv, g.get("d2")), None
    if name == "wd_day":
        return _weekday_day(WEEKDAYS[g["wd"].lower().rstrip(".")], int(g["d"]), ref, fwd), None
    if name == "day_ord":
        return _day_of_month(int(g["d"]), ref, fwd), None
    if name == "decade":
        dd = int(g["dd"] or g["d2"])
        century = int(g["c"]) * 100 if g["c"] else (1900 if dd > 2 else 2000)
        d0 = century + 10 * dd
        return DateInterval(date(d0, 1, 1), date(d0 + 9, 12, 31)), None
    if name in ("quarter", "half"):
        return _quarter_half(name, g, ref), None
    if name == "year_month":
        return _month_iv(int(g["y"]), _mon_num(g["mon"])), None
    if name == "century":
        c0 = (int(g["cn"]) - 1) * 100
        return DateInterval(date(max(c0, 1), 1, 1), date(c0 + 99, 12, 31)), None
    if name == "md_num":
        return _md_num(g, ref, fwd), None
    if name == "week_num":
        return _week_num(g, ref), None
    if name == "year":
        return _year_iv(int(g["y"])), None
    if name == "month_rel_year" and ref is not None:
        y = ref.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        return _month_iv(y, _mon_num(g["mon"])), None
    if name in ("edge_month", "month_year", "month"):
        mo = _mon_num(g["mon"])
        iv = _month_iv(int(g["y"]), mo) if g.get("y") else _month_no_year(mo, ref, fwd)
        return (_edge(iv, g.get("edge"), "month") if iv else None), None
    if name == "edge_year":
        return _edge(_year_iv(int(g["y"])), g["edge"], "year"), None
    if name == "edge_rel":
        if ref is None:
            return None, None
        per = g["per"].lower()
        return _edge(_period(ref, _rel(g["rel"]), per), g["edge"], per), None
    if ref is None:
        return None, ("current" if name == "current" or m.group(0).lower() == "today" else None)
    return _resolve_relative(name, m, g, ref, fwd)


def _resolve_relative(
    name: str, m: re.Match[str], g: dict[str, str], ref: date, fwd: bool = False
) -> tuple[DateInterval | None, str | None]:
    if name == "rel_day":
        word = m.group(0).lower()
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
        return _day(ref + timedelta(days=off)), ("current" if off == 0 else None)
    if name == "current":
        return _day(ref), "current"
    if name == "ago":
        d = ref
        for n, unit in _DURATION_PART.findall(m.group(0)):
            d = _shift(d, -_num(n), unit.lower())
        return _day(d), None
    if name == "later":
        return None, None
    if name == "in_n":
        return _day(_shift(ref, _num(g["n"]), g["unit"].lower())), None
    if name in ("lastn", "lastn2"):
        return _last_n(_num(g["n"]), g["unit"].lower(), _rel(g["dir"]), ref), None
    if name == "relp":
        iv = _period(ref, _rel(g["rel"]), g["per"].lower())
        if (
            g["per"].lower() == "weekend"
            and g["rel"].lower() == "the"
            and not fwd
            and iv.start is not None
            and iv.start > ref
        ):
            # "over the weekend" in a report: the weekend just past, not the coming one
            iv = DateInterval(iv.start - timedelta(weeks=1), iv.start - timedelta(days=6))
        pre = " ".join((g["pre"] or "").lower().split())
        if pre == "earlier" and iv.start is not None:
            # "earlier this year": up to the day before the time of writing.
            return DateInterval(iv.start, max(iv.start, ref - timedelta(days=1))), None
        if pre in ("later", "rest of", "the rest of") and iv.end is not None:
            return DateInterval(min(ref, iv.end), iv.end), None
        return iv, None
    if name == "recent":
        per = g["per"].lower()
        spans = {"day": ("day", 7), "week": ("week", 4), "month": ("month", 3), "year": ("year", 3)}
        unit, n = spans[per]
        return DateInterval(_shift(ref, -n, unit), ref), None
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower().rstrip(".")]
        rel = _rel(g["rel"]) if g["rel"] else ""
        monday = ref - timedelta(days=ref.weekday())
        if rel in ("next", "coming"):
            return _day(monday + timedelta(weeks=1, days=wd)), None
        if rel == "this":
            return _day(monday + timedelta(days=wd)), None
        back = (ref.weekday() - wd) % 7
        if rel in ("last", "past", "previous") and back == 0:
            back = 7
        return _day(ref - timedelta(days=back)), None
    if name == "rel_month":
        return _rel_month(_mon_num(g["mon"]), _rel(g["rel"]), ref), None
    if name == "to_date":
        # "to date" runs up to the day before the time of writing, like "earlier this year".
        end = ref - timedelta(days=1)
        if g["ytd"] or g["ytd2"]:
            return DateInterval(min(date(ref.year, 1, 1), end), end), None
        return DateInterval(None, end), "before"
    if name == "within":
        n, unit = _num(g["n"]), g["unit"].lower()
        return DateInterval(ref, max(ref, _shift(ref, n, unit) - timedelta(days=1))), None
    return None, None
