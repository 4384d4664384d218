"""Hand-written time recognizer: absolute and news-relative dates to inclusive intervals.

One compiled regex finds candidate expressions; small resolver functions turn each into a
``DateInterval`` against the reference (publication) date. Without a reference, relative
expressions stay unresolved (interval None) instead of guessing. Rules: docs/recognizers.md.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimcheck.model import DateInterval
from claimcheck.recognize.lazyre import compile as _compile_re
from claimcheck.recognize.lexicon import MONTHS, WEEKDAYS, alternation

__all__ = ["TimeMention", "find_times", "parse_time"]


@dataclass(frozen=True)
class TimeMention:
    """A time expression in text; ``interval`` is inclusive, None when unresolvable."""

    text: str
    start: int
    end: int
    interval: DateInterval | None
    mod: str | None


_MON = (
    r"(?:(?i:january|february|april|june|july|august|september|october|november|december)"
    r"|March|May(?!\s+(?:I|we|you|he|she|they|it|be|not|have|also)\b)|MARCH|(?i:jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?|Mar\.?)"
)
_WD = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?)"
)
_ORD = r"(?:st|nd|rd|th)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_EDGE = r"(?i:(?P<edge>early|late|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of"
_EDGE += r"|the\s+start\s+of|start\s+of|the\s+middle\s+of|middle\s+of)[\s-]+)?"
_UNIT = r"(?i:(?P<unit>day|week|fortnight|month|quarter|year|decade)s?)"
_NUMW = (
    r"(?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|a\s+couple\s+of|a\s+couple|couple\s+of|couple"
    r"|a|an|several|a\s+few|few)"
)
# "later than 2018", "2012 or later": open ends; "as late as" reads as a deadline.
_REL = r"this|last|next|past|previous|coming|following|upcoming"

_PATTERNS: list[tuple[str, str]] = [
    ("iso_iv", r"(?P<a>\d{4}-\d{2}(?:-\d{2})?)/(?P<b>\d{4}-\d{2}(?:-\d{2})?)"),
    ("iso_day", r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d.]\d)"),
    (
        "num_dmy",
        r"(?P<p>\d{1,2})(?P<sep>[-/.])(?P<q>\d{1,2})"  # the same separator twice:
        r"(?:(?<=/\d)/|(?<=/\d\d)/|(?<=-\d)-|(?<=-\d\d)-|(?<=\.\d)\.|(?<=\.\d\d)\.)"
        r"(?P<y>\d{4}|\d{2})(?![\d])",
    ),
    ("ymd_abbr", rf"(?P<y>{_YEAR})[-/](?P<mon>{_MON})[-/](?P<d>\d{{1,2}})(?!\d)"),
    ("iso_month", rf"(?P<y>{_YEAR})[-/](?P<m>1[0-2]|0?[1-9])(?![\d/-]|\.\d)"),
    ("month_num_year", rf"(?P<m>1[0-2]|0?[1-9])[-/](?P<y>{_YEAR})(?![\d/-]|\.\d)"),
    # Year-less "5/12", "22/04", "this 5/12", "friday 5/12": kept only after a date cue
    # (docs/recognizers.md); a bare "4/22" in news is more often a score or a fraction.
    (
        "md_num",
        rf"(?:(?P<rel>(?i:this|next|coming))\s+)?(?:(?P<wd>{_WD}),?\s+)?"
        r"(?P<p>[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?P<q>[12]\d|3[01]|0?[1-9])(?![\d/]|\.\d)",
    ),
    ("year_month", rf"(?P<y>{_YEAR})\s+(?P<mon>{_MON})(?![\w])(?!\.?\s*\d)"),
    ("year_range", rf"(?P<a>{_YEAR})\s?[-–~]\s?(?P<b>{_YEAR}|\d\d)(?![\d-]|,\d)"),
    (
        "mdy",
        rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s*[-/]?\s*(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}?"
        rf"(?!\d|:|\s*(?i:[ap]\.?m\b))(?:(?:\s*[-–]\s*|\s+(?i:to|through|till|until)\s+)"
        rf"(?P<d2>\d{{1,2}}){_ORD}?(?![\d:/.]|\s+(?:of\s+)?{_MON}))?"
        rf"(?:(?:\s*,?\s*|[-/]|\s+(?i:of|in)\s+)(?P<y>{_YEAR})(?!\d|,\d))?",
    ),
    (
        "dmy",
        rf"(?:{_WD},?\s+)?(?P<d>\d{{1,2}}){_ORD}?(?:\s+(?i:of\s+)?|[-/])(?P<mon>{_MON})"
        rf"(?:(?:\s*,?\s*|[-/]|\s+(?i:of|in)\s+)(?P<y>{_YEAR})(?!\d|,\d))?",
    ),
    (
        "quarter",
        rf"(?i:q(?P<q>[1-4]))\s*(?:[-/]\s*|(?i:of)\s+)?(?P<y>{_YEAR})"
        rf"|(?P<y2>{_YEAR})\s*[-/]?\s*(?i:q(?P<q2>[1-4]))|(?i:q(?P<q3>[1-4]))(?![\w-])",
    ),
    (
        "half",
        rf"(?i:h(?P<h>[12]))\s*(?:[-/]\s*|(?i:of)\s+)?(?P<y>{_YEAR})"
        rf"|(?P<y2>{_YEAR})\s*[-/]?\s*(?i:h(?P<h2>[12]))",
    ),
    (
        "wd_day",
        rf"(?P<wd>{_WD}),?\s+(?i:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9]){_ORD}?"
        r"(?![\d:%]|\s*(?i:[ap]\.?m\b)|\s+[a-z]|[/.,]\d)",
    ),
    ("century", r"(?i:the\s+)?(?P<cn>1\d|2[01]|[1-9])(?i:st|nd|rd|th)\s+(?i:century)"),
    (
        "week_num",
        rf"(?i:week)\s+(?P<wn>5[0-3]|[1-4]\d|0?[1-9])(?![\d,.])(?:\s+(?i:of|in)\s+"
        rf"(?:(?P<y>{_YEAR})|(?P<rel>(?i:this|last|next|the\s+current))\s+(?i:year)))?",
    ),
    (
        "to_date",
        r"(?i:(?:the\s+)?(?P<ytd>year)[-\s]to[-\s]date|(?:to|till|until)\s+date)|(?P<ytd2>YTD)",
    ),
    (
        "decade",
        r"(?:the\s+)?(?:mid-|early\s+|late\s+)?(?:(?P<c>1[89]|20)(?P<dd>\d)0\s?'?s"
        r"|'?(?P<d2>\d)0\s?'?s)\b",
    ),
    (
        "month_rel_year",
        rf"(?P<mon>{_MON})\s+(?i:of\s+)?(?P<rel>(?i:this|last|next))\s+(?i:year)\b",
    ),
    ("month_year", rf"(?P<mon>{_MON})(?:\s*[,/-]?\s*|\s+(?i:of|in)\s+)(?P<y>{_YEAR})(?!\d|,\d)"),
    ("edge_month", rf"{_EDGE}(?P<mon>{_MON})(?:\s*,?\s*(?:of\s+)?(?P<y>{_YEAR})(?!\d|,\d))?"),
    ("edge_year", rf"{_EDGE}(?P<y>{_YEAR})(?!\d|,\d|%|\.\d)"),
    (
        "edge_rel",
        rf"{_EDGE}(?i:(?:(?P<rel>{_REL}|the|current)\s+)?"
        r"(?P<per>week|month|year|quarter))\b(?!\s+\d)",
    ),
    ("rel_day", r"(?i:today|yesterday|tomorrow|tonight)\b"),
    ("current", r"(?i:currently|current|now|at\s+present|presently)\b"),
    (
        "ago",
        rf"(?P<n>{_NUMW})\s+{_UNIT}(?:,?\s+(?i:and\s+)?{_NUMW}\s+(?i:day|week|month|year)s?)*"
        r"\s+(?i:ago|earlier|before)\b",
    ),
    (
        "within",
        rf"(?i:within\s+(?:the\s+)?(?:next\s+|coming\s+)?)(?P<n>{_NUMW})\s+{_UNIT}(?!\s+(?i:of|after|from)\b)",
    ),
    ("in_n", rf"(?i:in\s+)(?P<n>{_NUMW})\s+{_UNIT}(?!\s+(?i:of|ago|later|earlier)\b)"),
    ("later", rf"(?P<n>{_NUMW})\s+{_UNIT}\s+(?i:later|after|afterwards)\b"),
    ("lastn", rf"(?i:(?P<dir>{_REL})\s+)(?P<n>{_NUMW})\s+{_UNIT}"),
    ("lastn2", rf"(?i:the\s+)(?P<n>{_NUMW})\s+(?i:(?P<dir>{_REL})\s+){_UNIT}"),
    (
        "relp",
        r"(?i:(?P<pre>earlier|later|the\s+rest\s+of|rest\s+of)\s+(?:in\s+)?)?"
        rf"(?i:(?P<rel>{_REL}|current|that|the)\s+)(?i:calendar\s+)?"
        r"(?i:(?P<per>week|weekend|fortnight|month|year|quarter|decade))\b(?!\s+\d|\s+of\b)",
    ),
    (
        "rel_month",
        rf"(?i:(?P<rel>{_REL})\s+)(?P<mon>{_MON})(?![\w])(?!\s*\d)",
    ),
    ("recent", r"(?i:in\s+)?(?i:recent)\s+(?i:(?P<per>day|week|month|year)s)\b"),
    ("vague", r"(?i:in\s+the\s+(?:days|weeks|months|years)\s+that\s+followed)"),
    ("weekday", rf"(?i:(?P<rel>{_REL})\s+)?(?P<wd>{_WD})\b"),
    (
        "day_ord",
        r"(?i:the\s+)(?P<d>[12]\d|3[01]|[1-9])(?i:st|nd|rd|th)(?![\w-]|\s+[A-Za-z]|\s*[-–]\s*\d)",
    ),
    ("month", rf"(?P<mon>{_MON})(?![\w])"),
    (
        "year",
        rf"(?:(?i:the\s+)?(?i:year)\s+)?(?P<y>{_YEAR})(?!\d|,\d|%|\.\d|\s*(?i:million|billion|percent)\b)",
    ),
]


def _outer(pattern: str) -> str:
    """Inner named groups repeat across patterns; the master regex keeps only the outer ones."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@functools.cache
def _master() -> re.Pattern[str]:
    """Compiled on first use: importing the module (the pre-commit hook) stays cheap."""
    alts = "|".join(f"(?P<{n}>{_outer(p)})" for n, p in _PATTERNS)
    return _compile_re(r"(?<![\w$£€.,])(?:" + alts + r")(?![\w])")


_PATTERN_TEXT = dict(_PATTERNS)

# ---- patterns by the word they can start with, so a trigger tries only the patterns that can
# begin there (in the master's order, so the first alternative to match is the same). "D" is
# any digit, "'" an apostrophe; other keys are lower-cased words as ``_WORD`` reads them.
_K_MON = "january february march april may june july august september october november december"
_K_MON += " jan feb mar apr jun jul aug sep sept oct nov dec"
_K_WD = "monday tuesday wednesday thursday friday saturday sunday"
_K_WD += " mon tue tues wed thu thur thurs fri sat sun"
_K_EDGE = "early late mid the end beginning start middle"
_K_REL = "this last next past previous coming following upcoming"
_K_NUMW = "D one two three four five six seven eight nine ten eleven twelve twenty thirty forty"
_K_NUMW += " fifty sixty seventy eighty ninety a an several few couple"
_STARTS: dict[str, str] = {
    "md_num": f"D {_K_WD} this next coming",
    "mdy": f"{_K_WD} {_K_MON}",
    "dmy": f"D {_K_WD}",
    "quarter": "D q",
    "half": "D h",
    "wd_day": _K_WD,
    "century": "D the",
    "week_num": "week",
    "to_date": "the year to till until ytd",
    "decade": "D ' the mid early late",
    "month_rel_year": _K_MON,
    "month_year": _K_MON,
    "edge_month": f"{_K_EDGE} {_K_MON}",
    "edge_year": f"{_K_EDGE} D",
    "edge_rel": f"{_K_EDGE} {_K_REL} current week month year quarter",
    "rel_day": "today yesterday tomorrow tonight",
    "current": "currently current now at presently",
    "ago": _K_NUMW,
    "within": "within",
    "in_n": "in",
    "later": _K_NUMW,
    "lastn": _K_REL,
    "lastn2": "the",
    "relp": f"earlier later the rest {_K_REL} current that",
    "rel_month": _K_REL,
    "recent": "in recent",
    "vague": "in",
    "weekday": f"{_K_REL} {_K_WD}",
    "day_ord": "the",
    "month": _K_MON,
    "year": "D the year",
}  # patterns not listed start with a digit


def _start_key(word: str) -> str:
    c = word[0]
    return "D" if c.isdigit() else "'" if c == "'" else word.lower()


@functools.cache
def _sub_master(key: str) -> re.Pattern[str] | None:
    """The master regex restricted to the patterns that can start with ``key``."""
    names = [n for n, _ in _PATTERNS if key in _STARTS.get(n, "D").split()]
    if not names:
        return None
    alts = "|".join(f"(?P<{n}>{_outer(_PATTERN_TEXT[n])})" for n in names)
    return _compile_re(r"(?<![\w$£€.,])(?:" + alts + r")(?![\w])")


@functools.cache
def _single(name: str) -> re.Pattern[str]:
    return _compile_re(_PATTERN_TEXT[name])


# ---- trigger scan: the master regex is costly per position, so it only runs on short
# windows around cheap triggers. Every pattern contains a month, weekday, unit word, day
# word, season, quarter/half code or a date-like digit group within _BACK characters of its
# start, so no match can start outside a window (tests compare against a full scan).
_TRIGGER_TEXT = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today tonight "
    "tomorrow yesterday now current currently present presently day days week weeks weekend "
    "weekends month months year years quarter quarters decade decades summer winter spring "
    "autumn fall q1 q2 q3 q4 h1 h2 early earlier late later mid middle end beginning start "
    "this last next past previous coming recent recently several few within following "
    "upcoming couple rest fortnight fortnights date ytd"
)
_TRIGGER_WORDS = _TRIGGER_TEXT.split()
# A match starts at most _BACK characters before its first trigger ("in a few weeks") and
# ends well within _SLACK characters after it.
_BACK, _SLACK = 12, 72
# Characters that can precede a trigger word, folded to a space so the word regex can start
# with a literal space (the regex engine then skips ahead at C speed).
_WORD_STARTS = "\n\t\r-(\"/\u201c\u2018'[.|*_<>#,;:"


def _word_trigger_regex() -> re.Pattern[str]:
    by_first: dict[str, list[str]] = {}
    for w in _TRIGGER_WORDS:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = [re.escape(c) + "(?:" + alternation(rs) + ")" for c, rs in sorted(by_first.items())]
    return _compile_re(" (?:" + "|".join(alts) + ")(?![a-z])")


_word_trigger = functools.cache(_word_trigger_regex)
_DIGIT_TRIGGER = _compile_re(r"\d(?=\d\d\d|[-/.]\d|0\s?'?s|\d?(?:st|nd|rd|th)\b)")


def _trigger_positions(text: str) -> list[int]:
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals lower to two characters
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for ch in _WORD_STARTS:
        low = low.replace(ch, " ")
    # Matching " word" in " " + low: the space's index there is the word's index in text.
    pos = [m.start() for m in _word_trigger().finditer(" " + low)]
    pos += [m.start() for m in _DIGIT_TRIGGER.finditer(text)]
    pos.sort()
    return pos


def _windows(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in _trigger_positions(text):
        a, b = max(0, p - _BACK), p + 1
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@functools.lru_cache(maxsize=8192)
def _short_candidates(text: str) -> tuple[re.Match[str], ...]:
    """``_candidates`` of a short string, kept: a claims file repeats its time strings
    under many publication dates, and the scan depends on the text alone."""
    return tuple(_candidates(text))


def _candidates(text: str) -> list[re.Match[str]]:
    """Master-regex matches starting inside trigger windows (same as a full scan).

    Only word starts are tried: elsewhere the master's look-behind fails anyway, and a
    bounded ``match`` never scans past the window the way ``search`` would.
    """
    found: list[re.Match[str]] = []
    last = 0
    n = len(text)
    for a, b in _windows(text):
        if b <= last:
            continue
        end = min(n, b + _SLACK)
        for w in _WORD_START.finditer(text, max(a, last), b):
            word = _WORD.match(text, w.start())
            if w.start() < last or word is None:
                continue
            sub = _sub_master(_start_key(word.group(0)))
            if sub is None:
                continue
            m = sub.match(text, w.start(), end)
            if m is not None:
                found.append(m)
                last = m.end()
    return found


_WORD_START = _compile_re(r"(?<![\w$£€.,])[\w']")
_WORD = _compile_re(r"[\w'][a-zA-Z]*")
_MOD_BEFORE = _compile_re(
    r"(?i:\b(?P<mod>by|before|after|since|until|till|from|between|through|no\s+later\s+than"
    r"|not\s+later\s+than|prior\s+to|as\s+of|starting|beginning|later\s+than"
    r"|earlier\s+than|no\s+earlier\s+than|not\s+earlier\s+than|as\s+late\s+as"
    r"|as\s+early\s+as)\s+(?:on\s+)?(?:the\s+)?)$"
)
# "2012 or later", "2016 and after", "June onwards": open after; "or earlier": a deadline.
_MOD_AFTER = _compile_re(
    r"\s*(?:(?:or|and)\s+(?P<w>later|after|afterwards|beyond|greater|earlier|before)"
    r"|(?P<w2>onwards?))\b(?!\s+(?:than\b|\S*\d))",
    re.IGNORECASE,
)
_COUNT_AFTER = _compile_re(r"\s+(?:[a-z]+s|people|police|staff|personnel|children|men|women)\b")
_RANGE_CONN = _compile_re(r"\s*(?:-|–|—|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)?\s*", re.I)


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


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


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
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


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
    return _resolve_relative(name, m, g, ref)


def _resolve_relative(
    name: str, m: re.Match[str], g: dict[str, str], ref: date
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
        modm = _MOD_BEFORE.search(before)
        mod_word = " ".join(modm.group("mod").lower().split()) if modm else ""
        fwd = mod_word in _FORWARD_MODS or (owner in _YEARLESS_KINDS and _future_cue(text, lead))
        iv, mod = _resolve(owner, sm, ref, fwd)
        if iv is None and owner in _DIGIT_KINDS:
            continue  # "2015-1-32", "2015-32": not a date
        if part is not None:
            iv = _apply_part(part, iv, owner)
        while part is not None and hits and hits[-1].end > lead:
            hits.pop()  # "the first Monday of March": the part absorbs the weekday
        hit = _Hit(lead, m.end(), iv, mod, owner, g)
        after = _MOD_AFTER.match(text, m.end())
        if after is not None and not mod_word:
            hit.end = after.end()
            word = (after.group("w") or "onwards").lower()
            _apply_mod(hit, "or earlier" if word in ("earlier", "before") else "or later",
                       hit.start, ref)  # fmt: skip
        else:
            _apply_mod(hit, mod_word, modm.start("mod") + max(0, lead - 40) if modm else -1, ref)
        hits.append(hit)
    return _join_ranges(text, _weekday_of_week(text, hits))


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
"""An age: "in their 70s", and the second of "in their 40s and 50s"."""


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
_PART_OF = _compile_re(
    r"(?i:(?:\b(?P<open>between|from)\s+)?(?:\bthe\s+)?(?<![\d.,])(?:"
    r"(?P<ord>first|second|third|fourth|last|final|\d{1,2}(?:st|nd|rd|th))\s+"
    r"(?:(?P<cnt>\d+|two|three|four|five|six|ten)\s+)?(?P<part>week|day|quarter|half|month"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    r"\s+of"
    r"|(?P<r1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s*(?P<conn>-|–|to|till|until|through|and)"
    r"\s*(?:(?P<r2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?)?"
    r"|(?P<day>[12]\d|3[01]|0?[1-9])(?:(?:st|nd|rd|th)(?:\s+day)?(?:\s+of)?|\s+of)"
    r"|(?P<weekof>week)\s+(?:of|beginning|starting(?:\s+on)?|commencing)"
    r")\s+(?:the\s+)?)$"
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


_FUTURE_CUE = _compile_re(
    r"(?i:\b(?:will|shall|scheduled|due\s+to|due\s+on|ahead\s+of|upcoming|set\s+to|expected\s+to"
    r"|plans?\s+to|next|until|going\s+to)\b)"
)
_SENTENCE_END = _compile_re(r"[.!?]\s|\n")


def _future_cue(text: str, start: int) -> bool:
    """A future cue earlier in the same sentence picks the future reading of a year-less date
    ("elections will be held on November 3"); otherwise news means the past one."""
    lo = max(0, start - 160)
    window = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return _FUTURE_CUE.search(window, ends[-1] if ends else 0) is not None


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
    elif word in ("since", "starting", "beginning", "as of"):
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
        last = calendar.monthrange(year, b.iv.end.month)[1]
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
    """Every time expression in running text, resolved against the reference date."""
    return [_to_mention(text, h) for h in _scan(text, reference)]


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
