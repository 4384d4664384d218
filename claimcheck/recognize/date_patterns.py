"""Time recognizer, part 1: the pattern families, the per-start-word master regexes and
the trigger scan that finds candidate expressions (compiled on first use per start word;
their programs come from the regex store, see ``lazyre``). Used by ``dates``."""

from __future__ import annotations

import functools
import re

from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lazyre import compile as _compile_re
from claimcheck.recognize.lexicon import alternation, folds_plainly

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
        rf"(?P<d2>\d{{1,2}}){_ORD}?(?![\d:/]|\.\d|\s+(?:of\s+)?{_MON}))?"
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
_MOD_BEFORE_BODY = (
    r"\b(?P<mod>by|before|after|since|until|till|from|between|through|no\s+later\s+than"
    r"|not\s+later\s+than|prior\s+to|as\s+of|starting|beginning|later\s+than"
    r"|earlier\s+than|no\s+earlier\s+than|not\s+earlier\s+than|as\s+late\s+as"
    # "a campaign that began on Oct. 31": a count since then (``_apply_mod``: "since")
    r"|as\s+early\s+as|(?:that|which)\s+(?:began|started)(?:\s+(?:in|on))?)\s+"
    # "since the outbreak began in October", "since war broke out in April": the event
    # named, then its time
    r"(?:(?:(?:the|its|their|this|last|a)\s+)?(?:[a-z-]+\s+){1,3}?(?:began|started|broke\s+out|"
    r"erupted|was\s+declared|struck|hit|emerged|broke|burst|collapsed|made\s+landfall|ended|"
    r"took\s+effect|came\s+into\s+force|was\s+(?:first\s+)?(?:detected|reported|"
    r"confirmed))\s+(?:in|on)\s+)?(?:on\s+)?(?:the\s+)?"
)
_MOD_BEFORE = _compile_re(r"(?i:" + _MOD_BEFORE_BODY + r")$")
_MOD_BEFORE_LOW = Lazy(_MOD_BEFORE_BODY + r"$")


def mod_before(before: str) -> re.Match[str] | None:
    """The modifier ending ``before`` ("by ", "no later than the "). Searched in the lowered
    text when it folds plainly: case-sensitive literals let the engine reject most words on
    their first letter (same offsets; the group's text comes out in lower case)."""
    if folds_plainly(before):
        return _MOD_BEFORE_LOW.search(before.lower())
    return _MOD_BEFORE.search(before)
# "2012 or later", "2016 and after", "June onwards": open after; "or earlier": a deadline.
_MOD_AFTER = _compile_re(
    r"\s*(?:(?:or|and)\s+(?P<w>later|after|afterwards|beyond|greater|earlier|before)"
    r"|(?P<w2>onwards?))\b(?!\s+(?:than\b|\S*\d))",
    re.IGNORECASE,
)
_COUNT_AFTER = _compile_re(r"\s+(?:[a-z]+s|people|police|staff|personnel|children|men|women)\b")
_RANGE_CONN = _compile_re(r"\s*(?:-|–|—|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b)?\s*", re.I)
