"""Hand-written time recognizer: absolute and news-relative dates to inclusive intervals.

One compiled regex finds candidate expressions; small resolver functions turn each into a
``DateInterval`` against the reference (publication) date. Without a reference, relative
expressions stay unresolved (interval None) instead of guessing. Rules: docs/recognizers.md.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from claimcheck.model import DateInterval
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
_UNIT = r"(?i:(?P<unit>day|week|month|year)s?)"
_NUMW = (
    r"(?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|several"
    r"|a\s+few|few)"
)

_PATTERNS: list[tuple[str, str]] = [
    ("iso_iv", r"(?P<a>\d{4}-\d{2}(?:-\d{2})?)/(?P<b>\d{4}-\d{2}(?:-\d{2})?)"),
    ("iso_day", r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d.]\d)"),
    ("num_dmy", r"(?P<p>\d{1,2})(?P<sep>[-/.])(?P<q>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d])"),
    ("iso_month", rf"(?P<y>{_YEAR})[-/](?P<m>0[1-9]|1[0-2])(?![\d/-])"),
    ("year_range", rf"(?P<a>{_YEAR})\s?[-–]\s?(?P<b>{_YEAR}|\d\d)(?!\d|,\d)"),
    (
        "mdy",
        rf"(?:{_WD},?\s+)?(?P<mon>{_MON})\s*-?\s*(?P<d>\d{{1,2}}){_ORD}?(?!\d|:|\s*(?i:[ap]\.?m\b))"
        rf"(?:\s*,?\s*(?P<y>{_YEAR})(?!\d|,\d))?",
    ),
    (
        "dmy",
        rf"(?:{_WD},?\s+)?(?P<d>\d{{1,2}}){_ORD}?\s+(?:of\s+)?(?P<mon>{_MON})"
        rf"(?:\s*,?\s*(?P<y>{_YEAR})(?!\d|,\d))?",
    ),
    ("decade", r"(?:the\s+)?(?:mid-|early\s+|late\s+)?(?:(?P<c>1[89]|20)|')(?P<dd>\d)0'?s\b"),
    ("month_year", rf"(?P<mon>{_MON})(?:\s*[,/-]?\s*|\s+of\s+)(?P<y>{_YEAR})(?!\d|,\d)"),
    ("edge_month", rf"{_EDGE}(?P<mon>{_MON})(?:\s*,?\s*(?:of\s+)?(?P<y>{_YEAR})(?!\d|,\d))?"),
    ("edge_year", rf"{_EDGE}(?P<y>{_YEAR})(?!\d|,\d|%|\.\d)"),
    (
        "edge_rel",
        rf"{_EDGE}(?i:(?P<rel>this|last|next|the|previous|past|coming)\s+"
        r"(?P<per>week|month|year|quarter))\b",
    ),
    ("rel_day", r"(?i:today|yesterday|tomorrow|tonight)\b"),
    ("current", r"(?i:currently|current|now|at\s+present|presently)\b"),
    ("ago", rf"(?P<n>{_NUMW})\s+{_UNIT}\s+(?i:ago|earlier|before)\b"),
    ("in_n", rf"(?i:in\s+)(?P<n>{_NUMW})\s+{_UNIT}(?!\s+(?i:of|ago|later|earlier)\b)"),
    ("later", rf"(?P<n>{_NUMW})\s+{_UNIT}\s+(?i:later|after|afterwards)\b"),
    ("lastn", rf"(?i:(?P<dir>last|past|previous|next|coming)\s+)(?P<n>{_NUMW})\s+{_UNIT}"),
    (
        "relp",
        r"(?i:(?P<pre>earlier|later)\s+)?(?i:(?P<rel>this|last|next|past|previous|coming)\s+"
        r"(?P<per>week|weekend|month|year|quarter|decade))\b",
    ),
    ("recent", r"(?i:in\s+)?(?i:recent)\s+(?i:(?P<per>day|week|month|year)s)\b"),
    ("vague", r"(?i:in\s+the\s+(?:days|weeks|months|years)\s+that\s+followed)"),
    ("weekday", rf"(?i:(?P<rel>last|this|next|past|previous|coming)\s+)?(?P<wd>{_WD})\b"),
    ("quarter", rf"(?i:q(?P<q>[1-4]))\s*(?P<y>{_YEAR})|(?P<y2>{_YEAR})\s*(?i:q(?P<q2>[1-4]))"),
    ("half", rf"(?i:h(?P<h>[12]))\s*(?P<y>{_YEAR})|(?P<y2>{_YEAR})\s*(?i:h(?P<h2>[12]))"),
    ("month", rf"(?P<mon>{_MON})(?![\w])"),
    (
        "year",
        rf"(?:(?i:the\s+)?(?i:year)\s+)?(?P<y>{_YEAR})(?!\d|,\d|%|\.\d|\s*(?i:million|billion|percent)\b)",
    ),
]


def _outer(pattern: str) -> str:
    """Inner named groups repeat across patterns; the master regex keeps only the outer ones."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern).replace("(?P=sep)", "[-/.]")


_MASTER = re.compile(
    r"(?<![\w$£€.,])(?:" + "|".join(f"(?P<{n}>{_outer(p)})" for n, p in _PATTERNS) + r")(?![\w])"
)
_SINGLE: dict[str, re.Pattern[str]] = {n: re.compile(p) for n, p in _PATTERNS}

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
    "this last next past previous coming recent recently several few"
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
    return re.compile(" (?:" + "|".join(alts) + ")(?![a-z])")


_WORD_TRIGGER = _word_trigger_regex()
_DIGIT_TRIGGER = re.compile(r"\d(?=\d\d\d|[-/.]\d|0'?s)")


def _trigger_positions(text: str) -> list[int]:
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals lower to two characters
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for ch in _WORD_STARTS:
        low = low.replace(ch, " ")
    # Matching " word" in " " + low: the space's index there is the word's index in text.
    pos = [m.start() for m in _WORD_TRIGGER.finditer(" " + low)]
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
            if w.start() < last or word is None or not _can_start(word.group(0)):
                continue
            m = _MASTER.match(text, w.start(), end)
            if m is not None:
                found.append(m)
                last = m.end()
    return found


_WORD_START = re.compile(r"(?<![\w$£€.,])[\w']")
_WORD = re.compile(r"[\w'][a-zA-Z]*")
# First words a pattern can begin with (besides digits and an apostrophe): checking the word
# in a set is far cheaper than letting the master regex try every alternative there.
_EXTRA_TEXT = (
    "the in at on a an one two three four five six seven eight nine ten eleven twelve today "
    "yesterday tomorrow tonight now current currently presently year q h"
)
_EXTRA_START = _EXTRA_TEXT.split()
_START_WORDS = frozenset([*MONTHS, *WEEKDAYS, *_TRIGGER_WORDS, *_EXTRA_START])


def _can_start(word: str) -> bool:
    c = word[0]
    return (
        c.isdigit() or c == "'" or word.lower() in _START_WORDS or (len(word) == 1 and c in "qQhH")
    )


_MOD_BEFORE = re.compile(
    r"(?i:\b(?P<mod>by|before|after|since|until|till|from|between|through|no\s+later\s+than"
    r"|not\s+later\s+than|prior\s+to|as\s+of|starting|beginning)\s+(?:on\s+)?(?:the\s+)?)$"
)
_COUNT_AFTER = re.compile(r"\s+(?:[a-z]+s|people|police|staff|personnel|children|men|women)\b")
_RANGE_CONN = re.compile(r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)\s*", re.I)


@dataclass
class _Hit:
    start: int
    end: int
    iv: DateInterval | None
    mod: str | None = None
    kind: str = ""


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
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _add_months(d, n)
    return _add_months(d, 12 * n)


_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3,
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
    off = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
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
    if name == "iso_month":
        return _month_iv(int(g["y"]), int(g["m"])), None
    if name == "year_range":
        a, b = int(g["a"]), g["b"]
        bv = int(b) if len(b) == 4 else a // 100 * 100 + int(b)
        if bv <= a or (len(b) == 2 and bv - a > 10):
            return None, None
        return DateInterval(date(a, 1, 1), date(bv, 12, 31)), None
    if name in ("mdy", "dmy"):
        mo, d = _mon_num(g["mon"]), int(g["d"])
        if g["y"]:
            return _day(_safe_date(int(g["y"]), mo, d)), None
        if ref is None:
            return None, None
        y = ref.year
        cand = _safe_date(y, mo, d)
        if cand is not None and (cand > ref) != fwd:
            y = y - 1 if not fwd else y + 1
        elif cand is not None and fwd and cand < ref:
            y += 1
        return _day(_safe_date(y, mo, d)), None
    if name == "decade":
        century = int(g["c"]) * 100 if g["c"] else (1900 if int(g["dd"]) > 2 else 2000)
        d0 = century + 10 * int(g["dd"])
        return DateInterval(date(d0, 1, 1), date(d0 + 9, 12, 31)), None
    if name in ("edge_month", "month_year", "month"):
        mo = _mon_num(g["mon"])
        iv = _month_iv(int(g["y"]), mo) if g.get("y") else _month_no_year(mo, ref, fwd)
        return (_edge(iv, g.get("edge"), "month") if iv else None), None
    if name == "edge_year":
        return _edge(_year_iv(int(g["y"])), g["edge"], "year"), None
    if name == "edge_rel":
        if ref is None:
            return None, None
        rel = "this" if g["rel"].lower() == "the" else g["rel"].lower()
        per = g["per"].lower()
        return _edge(_period(ref, rel, per), g["edge"], per), None
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
        return _day(_shift(ref, -_num(g["n"]), g["unit"].lower())), None
    if name == "later":
        return None, None
    if name == "in_n":
        return _day(_shift(ref, _num(g["n"]), g["unit"].lower())), None
    if name == "lastn":
        n, unit = _num(g["n"]), g["unit"].lower()
        if g["dir"].lower() in ("next", "coming"):
            return DateInterval(ref + timedelta(days=1), _shift(ref, n, unit)), None
        return DateInterval(_shift(ref, -n, unit), ref - timedelta(days=1)), None
    if name == "relp":
        iv = _period(ref, g["rel"].lower(), g["per"].lower())
        pre = (g["pre"] or "").lower()
        if pre == "earlier" and iv.start is not None:
            return DateInterval(iv.start, ref), None
        if pre == "later" and iv.end is not None:
            return DateInterval(ref, iv.end), None
        return iv, None
    if name == "recent":
        per = g["per"].lower()
        spans = {"day": ("day", 7), "week": ("week", 4), "month": ("month", 3), "year": ("year", 3)}
        unit, n = spans[per]
        return DateInterval(_shift(ref, -n, unit), ref), None
    if name == "weekday":
        wd = WEEKDAYS[g["wd"].lower().rstrip(".")]
        rel = (g["rel"] or "").lower()
        monday = ref - timedelta(days=ref.weekday())
        if rel in ("next", "coming"):
            return _day(monday + timedelta(weeks=1, days=wd)), None
        if rel == "this":
            return _day(monday + timedelta(days=wd)), None
        back = (ref.weekday() - wd) % 7
        if rel in ("last", "past", "previous") and back == 0:
            back = 7
        return _day(ref - timedelta(days=back)), None
    if name == "quarter":
        q, y = int(g["q"] or g["q2"]), int(g["y"] or g["y2"])
        return DateInterval(date(y, 3 * q - 2, 1), _month_end(y, 3 * q)), None
    if name == "half":
        h, y = int(g["h"] or g["h2"]), int(g["y"] or g["y2"])
        return DateInterval(date(y, 6 * h - 5, 1), _month_end(y, 6 * h)), None
    if name == "year":
        return _year_iv(int(g["y"])), None
    return None, None


_ABSOLUTE_LATE = ("quarter", "half", "year")
_YEARLESS_KINDS = frozenset({"mdy", "dmy", "month", "edge_month"})


def _scan(text: str, ref: date | None) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _candidates(text):
        owner = m.lastgroup or ""
        sm = _SINGLE[owner].fullmatch(text, m.start(), m.end()) if owner in _SINGLE else None
        if sm is None:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        modm = _MOD_BEFORE.search(before)
        mod_word = " ".join(modm.group("mod").lower().split()) if modm else ""
        fwd = mod_word in ("by", "until", "till", "no later than", "not later than") or (
            owner in _YEARLESS_KINDS and _future_cue(text, m.start())
        )
        if owner == "year" and _not_a_year(text, sm, before):
            continue
        if owner == "weekday" and _is_abbrev_noise(sm):
            continue
        if owner == "edge_rel" and not sm.group("edge") and sm.group("rel").lower() == "the":
            continue
        if owner in _ABSOLUTE_LATE and ref is None:
            iv, mod = _resolve_relative(owner, sm, sm.groupdict(), date(2000, 1, 1))
        else:
            iv, mod = _resolve(owner, sm, ref, fwd)
        hit = _Hit(m.start(), m.end(), iv, mod, owner)
        _apply_mod(hit, mod_word, modm.start("mod") + max(0, m.start() - 40) if modm else -1, ref)
        hits.append(hit)
    return _join_ranges(text, hits)


def _not_a_year(text: str, m: re.Match[str], before: str) -> bool:
    """'2014 troops' is a count; 'in 2014' is a year."""
    if re.search(
        r"(?i:\b(?:in|since|by|of|from|until|to|before|after|during|the|year|and))\W*$", before
    ):
        return False
    return bool(_COUNT_AFTER.match(text, m.end()))


def _is_abbrev_noise(m: re.Match[str]) -> bool:
    return m.group("wd") is not None and m.group("wd")[0].islower() and len(m.group("wd")) <= 4


_FUTURE_CUE = re.compile(
    r"(?i:\b(?:will|shall|scheduled|due\s+to|due\s+on|ahead\s+of|upcoming|set\s+to|expected\s+to"
    r"|plans?\s+to|next|until|going\s+to)\b)"
)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _future_cue(text: str, start: int) -> bool:
    """A future cue earlier in the same sentence picks the future reading of a year-less date
    ("elections will be held on November 3"); otherwise news means the past one."""
    lo = max(0, start - 160)
    window = text[lo:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    return _FUTURE_CUE.search(window, ends[-1] if ends else 0) is not None


def _apply_mod(hit: _Hit, word: str, mod_start: int, ref: date | None = None) -> None:
    iv = hit.iv
    if word in ("by", "no later than", "not later than"):
        hit.mod = "by"
        hit.iv = DateInterval(None, iv.end) if iv else None
    elif word in ("before", "prior to"):
        hit.mod = "before"
        hit.iv = DateInterval(None, iv.start - timedelta(days=1)) if iv and iv.start else None
    elif word in ("until", "till"):
        hit.mod = "before"
        hit.iv = DateInterval(None, iv.end) if iv else None
    elif word == "after":
        hit.mod = "after"
        hit.iv = DateInterval(iv.end + timedelta(days=1), None) if iv and iv.end else None
    elif word in ("since", "starting", "beginning", "as of"):
        hit.mod = "since"
        # "since X" runs up to the time of writing: the reference, when there is one.
        end = ref if ref is not None and iv and iv.start and iv.start <= ref else None
        hit.iv = DateInterval(iv.start, end) if iv else None
    else:
        return
    hit.start = mod_start


def _join_ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """'from March to June', 'between 2015 and 2018', 'Jan 12 - Jan 22' become one interval."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        a = hits[i]
        b = hits[i + 1] if i + 1 < len(hits) else None
        if b is not None and b.mod is None and _RANGE_CONN.fullmatch(text, a.end, b.start):
            conn = text[a.end : b.start].strip().lower()
            opener = re.search(
                r"(?i:\b(from|between)\s+(?:the\s+)?)$", text[max(0, a.start - 20) : a.start]
            )
            if (conn != "and" or opener) and a.mod in (None, "since"):
                start = a.start - len(opener.group(0)) if opener else a.start
                iv = _span(*_pair_years(text, a, b))
                if iv is not None or (a.iv is None and b.iv is None):
                    out.append(_Hit(start, b.end, iv, None, "range"))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


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
        or a.kind not in ("month", "mdy", "dmy", "edge_month")
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


_LEAD = re.compile(r"(?i:(?:in|on|at|during|over|for|around)\s+)?")


def _to_mention(text: str, h: _Hit) -> TimeMention:
    return TimeMention(text[h.start : h.end], h.start, h.end, h.iv, h.mod)


def find_times(text: str, reference: date | None) -> list[TimeMention]:
    """Every time expression in running text, resolved against the reference date."""
    return [_to_mention(text, h) for h in _scan(text, reference)]


def parse_time(text: str, reference: date | None) -> TimeMention | None:
    """The whole string is one time expression ("late 2018", "by November", "2021-01-15")."""
    stripped = text.strip().rstrip(".")
    if not stripped:
        return None
    hits = _scan(stripped, reference)
    if len(hits) != 1 or stripped[hits[0].end :].strip(" .,;"):
        return None
    if _LEAD.fullmatch(stripped, 0, hits[0].start) is None:
        return None
    return _to_mention(stripped, hits[0])
