"""Publication date, publisher and title from messy scraped page text.

Pages carry many dates: crawl stamps, photo captions, copyright years, event
dates in the body. Each date-looking string becomes a candidate scored by
general cues (a cue word before it, a line of its own near the top, the tail of
a caption after the outlet name) and penalised for the shapes of crawl stamps
and copyright notices; the best candidate that is not earlier than a past event
the article itself reports wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import compile as _re_compile
from claimcheck.recognize.lexicon import folds_plainly

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mdy", _re_compile(r"(?=[ADFJMNOSTW])" + _WEEKDAY + _MONTH + r"\s+" + _DAY
                       + r",?\s+(?P<y>\d{4})(?!\d)")),
    ("dmy", _re_compile(r"(?=[FMSTW\d])" + _WEEKDAY + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+"
                       + r"(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)")),
    # A leading digit (not "\b") lets the regex engine skip to digits: same matches, faster.
    ("iso", _re_compile(r"(?P<y>\d(?<!\w\d)\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d.])")),
    ("num", _re_compile(r"(?P<a>\d(?<!\w\d)\d?)(?P<sep>\s*[-./]\s*)(?P<b>\d{1,2})(?P=sep)"
                       r"(?P<y>\d{4})(?!\d|\.\d)")),  # "11.08.2024." (a Slavic style) ends a date
)  # fmt: skip

_CUE = _re_compile(
    r"(?:\b(?:date|published|posted|posted\s+on|updated|last\s+updated|first\s+published)\s*:?"
    r"|^\s*by\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s*(?:on\s+)?$",
    re.IGNORECASE,
)
_CAPTION_BEFORE = _re_compile(r"[-–—]\s[^.]{2,60},\s*(?:\d{1,4},\s*)?$")
_UPDATED = _re_compile(r"\b(?:last\s+)?updated\b", re.IGNORECASE)
_COPYRIGHT = _re_compile(r"©|\bcopyright\b|\(c\)|all rights reserved", re.IGNORECASE)
_COPYRIGHT_WORDS = ("copyright", "(c)", "all rights reserved")


def _copyrighted(line: str) -> bool:
    """``_COPYRIGHT`` finds something in the line. Each of its alternatives needs its
    literal, so a line holding none is passed over without the case-blind scan, which costs
    about a microsecond a character (containment in the lowered line is exact when the line
    folds plainly, see lexicon.folds_plainly)."""
    if "©" not in line and folds_plainly(line):
        low = line.lower()
        if not any(w in low for w in _COPYRIGHT_WORDS):
            return False
    return _COPYRIGHT.search(line) is not None


_STAMP_LINE = _re_compile(r"^\s*(?:MON|TUE|WED|THU|FRI|SAT|SUN)[A-Z]*\.?,?\s+\d")
_FUTURE = Folded(
    r"\b(?:will|would|shall|scheduled|expected|due|set\s+to|until)\b[^.]*$",
    re.IGNORECASE,
)
_CRAWL = _re_compile(
    r"\b(?:retrieved|accessed|archived|crawled|fetched|scraped|captured|downloaded|"
    r"saved|snapshot)\b",
    re.IGNORECASE,
)
_PHOTO = _re_compile(r"\b(?:photo|image|picture|caption|file)\b", re.IGNORECASE)
_DATELINE_BEFORE = _re_compile(
    r"^\s*[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’ -]{1,30})?,\s*$"
)
_TOP_LINES = 15
NO_DATE_WARNING = "no publication date found; relative times left unresolved"


@dataclass(frozen=True)
class SourceMeta:
    published: date | None
    published_evidence: str | None
    publisher: str | None
    title: str | None
    warnings: tuple[str, ...] = ()
    dateline_place: str | None = None
    """Where the dateline says the story was filed ("KATHMANDU, March 4 (Reuters) -" ->
    "Kathmandu"): extraction's default place for figures that name none."""
    dateline_day: tuple[int, int] | None = None
    """(month, day) of a year-less dateline on a page with no date: the run may date the
    page by it once its story's coverage gives the year (``coverage.dateline_date``)."""


@dataclass(frozen=True)
class _Candidate:
    when: date
    evidence: str
    score: float
    line_no: int


def _to_date(kind: str, m: re.Match[str]) -> date | None:
    """Build a date from a match; day-first for ambiguous numeric dates (world press)."""
    try:
        y = int(m["y"])
        if kind in ("mdy", "dmy"):
            return date(y, MONTHS[m["mon"][:3].lower()], int(m["d"]))
        if kind == "iso":
            return date(y, int(m["m"]), int(m["d"]))
        a, b = int(m["a"]), int(m["b"])
        day, month = (b, a) if b > 12 >= a else (a, b)
        return date(y, month, day)
    except (ValueError, KeyError):
        return None


# A literal each alternative of the case-blind cue patterns needs ("updated" holds "date"):
# a window before a date holding none of them is not scanned (see _copyrighted).
_CUE_WORDS = ("date", "published", "posted", "by")
_CRAWL_WORDS = ("retrieved", "accessed", "archived", "crawled", "fetched", "scraped",
                "captured", "downloaded", "saved", "snapshot")  # fmt: skip
_PHOTO_WORDS = ("photo", "image", "picture", "caption", "file")


def _lowered(window: str) -> str | None:
    """The window in lower case when containment there is exact for a case-blind pattern."""
    return window.lower() if folds_plainly(window) else None


def _may_hold(words: tuple[str, ...], low: str | None) -> bool:
    return low is None or any(w in low for w in words)


def _score(kind: str, m: re.Match[str], line: str, line_no: int) -> float:
    """Higher is more likely the publication date."""
    before, after = line[: m.start()], line[m.end() :]
    score = 0.0
    near = max(0, m.start() - 120)  # cues sit right before the date: no need to scan the line
    low = _lowered(line[near : m.start()])
    if _may_hold(_CUE_WORDS, low) and _CUE.search(line, near, m.start()):
        score += 5.0 if not _UPDATED.search(line, near, m.start()) else 3.0
    if not before.strip(" \t-|,") and not after.strip(" \t-|,."):
        score += 3.0  # a line of its own
    if not after.strip() and _CAPTION_BEFORE.search(line, near, m.start()):
        score += 3.0  # caption tail: "... - Outlet, 26.07.2021"
    if line_no < _TOP_LINES:
        score += 2.0 - line_no * 0.1
    if kind == "num" and m["sep"].strip() != m["sep"]:
        score -= 8.0  # "28 - 10 - 2021": spaced separators are crawl stamps
    if line_no == 0 and _STAMP_LINE.match(line) and line.strip() == line.strip().upper():
        score -= 8.0  # weekday-prefixed all-caps first line: a scrape stamp
    crawled = _may_hold(_CRAWL_WORDS, low) and _CRAWL.search(line, near, m.start()) is not None
    if _copyrighted(line) or crawled:
        score -= 8.0  # "© 2024", "Retrieved 3 May 2024": the page's or the crawler's date
    if _may_hold(_PHOTO_WORDS, low) and _PHOTO.search(line, near, m.start()):
        score -= 2.0  # a photo's date: only when nothing better is on the page
    if _DATELINE_BEFORE.match(before):
        score += 4.0  # "LIMA, Peru, June 2, 2023 (AP) -": the dateline is filed that day
    if len(before.split()) > 6:
        score -= 4.0  # inside running prose: an event date, not a dateline
        said = _SAID_ON.search(line, near, m.start())
        if line_no < _TOP_LINES and said and (said["day"] or _WEEKDAY_AT.match(m.group(0).strip())):
            # "..., the ministry said on Thursday, January 18, 2024": news names the weekday
            # only for this week's days, so the lead's news is that day's: a weak
            # candidate, behind any stamp, byline or dateline date
            score += 4.5
    return score


_SAID_ON = _re_compile(
    r"\b(?:said|says|announced|reported|confirmed|told\s+\w+(?:\s+\w+)?)\s+on\s+"
    r"(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$"
)
_WEEKDAY_AT = _re_compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


_YEAR = _re_compile(r"\d{4}")
"""Every date shape has a four-digit year: lines without one are skipped unread."""
_ON_BEFORE = _re_compile(r"\bon\s+$")

#: The shapes that name a month (case-sensitive, capitalised): a line holding none of these
#: stems is not scanned for them.
_NAMED_KINDS = frozenset({"mdy", "dmy"})
_MONTH_STEMS = tuple(m.capitalize() for m in MONTHS)
_Match = tuple[int, str, re.Match[str]]  # line number, pattern kind, match


def _date_matches(lines: list[str]) -> list[_Match]:
    """Every date-shaped match, line by line and kind by kind (one scan serves two uses)."""
    out: list[_Match] = []
    for i, line in enumerate(lines):
        if _YEAR.search(line):
            named = any(stem in line for stem in _MONTH_STEMS)
            dashed = "-" in line  # an ISO date's separator: most prose lines have none
            for kind, pat in _PATTERNS:
                if (named or kind not in _NAMED_KINDS) and (dashed or kind != "iso"):
                    out.extend((i, kind, m) for m in pat.finditer(line))
    return out


def _candidates(lines: list[str], matches: list[_Match]) -> list[_Candidate]:
    out: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    line_no = -1
    for i, kind, m in matches:
        if i != line_no:
            taken, line_no = [], i
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        when = _to_date(kind, m)
        if when is None:
            continue
        taken.append((m.start(), m.end()))
        out.append(_Candidate(when, m.group(0).strip(), _score(kind, m, lines[i], i), i))
    return out


def _latest_past_event(lines: list[str], matches: list[_Match]) -> date | None:
    """Latest full date the body reports as past ("on November 17, 2020")."""
    latest: date | None = None
    for i, kind, m in matches:
        if kind not in ("mdy", "dmy") or len(lines[i].split()) < 8:
            continue
        before = lines[i][: m.start()]
        if not _ON_BEFORE.search(before, max(0, m.start() - 12)) or _FUTURE.search(before[-80:]):
            continue
        when = _to_date(kind, m)
        if when and (latest is None or when > latest):
            latest = when
    return latest


# --- dates in the page address and the dateline -----------------------------------------

_URL = _re_compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_MON_WORD = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}"
_URL_DATES: tuple[re.Pattern[str], ...] = (
    _re_compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?=[/_.-]|$|\?)"),
    _re_compile(r"(?<![\w])(?P<y>(?:19|20)\d\d)[-_](?P<m>[01]\d)[-_](?P<d>[0-3]\d)(?![\d])"),
    _re_compile(r"(?<![\w])(?P<d>[0-3]?\d)[-_]" + _MON_WORD + r"[-_](?P<y>(?:19|20)\d\d)(?!\d)",
               re.IGNORECASE),
    _re_compile(r"(?<![a-z])" + _MON_WORD + r"[-_](?P<d>[0-3]?\d)[-_,]+(?P<y>(?:19|20)\d\d)(?!\d)",
               re.IGNORECASE),
    _re_compile(r"(?<![^\W_])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d])"),
    # dd-mm-yyyy, day first as in the page text ("/16-08-2020/", "-16.08.2020.html")
    _re_compile(r"(?<![\w])(?P<a>[0-3]?\d)(?P<sep>[-_.])(?P<b>[01]?\d)(?P=sep)"
               r"(?P<y>(?:19|20)\d\d)(?!\d)"),
)  # fmt: skip
_URL_MONTH = _re_compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/")
_URL_LINES = 3
"""The page address is the first line (or one of the first few) of a saved article."""


def _url_of(lines: list[str]) -> tuple[int, str] | None:
    for i, line in enumerate(lines[:_URL_LINES]):
        m = _URL.search(line)
        if m and not _CRAWL.search(line, 0, m.start()):
            return i, m.group(0)
    return None


def _url_date(url: str) -> tuple[date, str] | None:
    """A full date in the page address: /2023/09/24/, /03-Jul-2024/, /20231125-, ?date=..."""
    path = re.sub(r"^https?://[^/]+", "", url)  # the host never dates the page
    for pat in _URL_DATES:
        for m in pat.finditer(path):
            groups = m.groupdict()
            try:
                if "a" in groups:
                    when = _to_date("num", m)
                    if when is None:
                        continue
                    return when, m.group(0).strip("/")
                month = MONTHS[m["mon"][:3].lower()] if "mon" in groups else int(m["m"])
                return date(int(m["y"]), month, int(m["d"])), m.group(0).strip("/")
            except (ValueError, KeyError):
                continue
    return None


_WIRE = r"(?:\((?P<wire>[A-Za-z][\w .&/-]{0,30})\)\s*)"
_DATELINE = _re_compile(
    r"^\s*(?P<place>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2}))?"
    r"(?:,?\s+(?P<date>" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"(?:,?\s+(?P<y>\d{4}))?))?"
    r"\s*" + _WIRE + r"?(?P<dash>[-–—]+|:)\s*(?=\S)"
)  # fmt: skip
_NOT_PLACES = frozenset(
    {"update", "updated", "breaking", "watch", "exclusive", "analysis", "opinion", "editorial",
     "live", "video", "photos", "photo", "read", "also", "more", "note", "editor", "warning",
     "correction", "by", "published", "source", "date", "url", "news", "factbox", "explainer",
     "timeline", "graphic", "poll", "fact", "check", "review", "interview", "comment", "sport",
     "business", "world", "local", "national", "latest", "top", "stories", "ad", "advertisement"}
)  # fmt: skip


@dataclass(frozen=True)
class Dateline:
    """The opening of a filed story: "KATHMANDU, March 4 (Reuters) -"."""

    place: str
    month: int | None
    day: int | None
    year: int | None
    text: str
    line_no: int


def _known_place(name: str) -> bool:
    """The gazetteer knows the name (loaded only when a page has a dateline-shaped line)."""
    try:
        from claimcheck.recognize.places import country_of

        return country_of(name) is not None
    except (ImportError, OSError):  # no gazetteer: trust the dateline's shape
        return True


def find_dateline(lines: list[str]) -> Dateline | None:
    """The dateline near the top: a capitalised place, an optional date and wire, then a dash.

    The place must be in capitals ("NEW DELHI -") unless a wire credit follows it
    ("Lima (Reuters) -"), so sentences and "Note:" lines are not read as datelines; without
    a wire credit it must be a place the gazetteer knows.
    """
    for i, line in enumerate(lines[: _TOP_LINES + 10]):
        m = _DATELINE.match(line)
        if m is None:
            continue
        place = m["place"]
        caps = place.upper() == place and sum(ch.isalpha() for ch in place) >= 3
        if not (caps or m["wire"]) or any(w in _NOT_PLACES for w in place.lower().split()):
            continue
        if m["dash"] == ":" and not m["wire"]:
            continue  # "WATCH: ..." is a label; "ROME (AP): ..." is a dateline
        month = MONTHS[m["mon"][:3].lower()] if m["date"] else None
        day = int(m["d"]) if m["date"] else None
        year = int(m["y"]) if m["date"] and m["y"] else None
        name = " ".join(w if not w.isupper() else w.capitalize() for w in place.split())
        if not m["wire"] and not _known_place(name):
            continue  # "WILDFIRES — THOUSANDS FLEE" is a shouted headline
        return Dateline(name, month, day, year, line[m.start("place") : m.end()].rstrip(), i)
    return None


def _dateline_candidate(
    dateline: Dateline, url_month: tuple[int, int] | None, others: list[_Candidate]
) -> _Candidate | None:
    """A year-less dateline date ("LIMA, June 2 (AP) -") dated by the address or the page.

    The year comes from the address (/2023/06/), else the year that puts the day nearest
    to the full dates the page gives; without either it stays unknown.
    """
    if dateline.month is None or dateline.day is None or dateline.year is not None:
        return None
    refs: list[date] = []
    if url_month is not None:
        refs.append(date(url_month[0], url_month[1], 15))
    else:
        refs.extend(c.when for c in others)
    if not refs:
        return None
    mid = sorted(refs)[len(refs) // 2]
    best: date | None = None
    for y in (mid.year - 1, mid.year, mid.year + 1):
        try:
            when = date(y, dateline.month, dateline.day)
        except ValueError:
            continue
        if best is None or abs((when - mid).days) < abs((best - mid).days):
            best = when
    if best is None:
        return None
    return _Candidate(best, dateline.text, 6.0, dateline.line_no)


_GLUED_DATES = _re_compile(
    r"((?:\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?)\s+\d{4})"
    r"(?=\d{1,2}\s+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)"
)
"""A date scraped twice with nothing between ("Published On 12 May 202412 May 2024")."""
_GLUED_HINT = _re_compile(r"\d{4}(?=\d{1,2}\s+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)")
"""What every ``_GLUED_DATES`` match holds (its year and the date glued on): led by a digit,
which the engine skips to, so a line without it is not scanned for the whole shape."""


def find_published(lines: list[str]) -> tuple[date | None, str | None]:
    """The best-scoring plausible publication date and the text it was read from."""
    lines = [_GLUED_DATES.sub(r"\1 ", ln) if _GLUED_HINT.search(ln) else ln for ln in lines]
    matches = _date_matches(lines)
    every = _candidates(lines, matches)
    cands = [c for c in every if c.score > 0]
    url = _url_of(lines)
    url_month: tuple[int, int] | None = None
    if url is not None:
        found = _url_date(url[1])
        if found is not None:
            cands.append(_Candidate(found[0], found[1], 6.0, url[0]))
        elif (mm := _URL_MONTH.search(url[1])) and 1 <= int(mm["m"]) <= 12:
            url_month = (int(mm["y"]), int(mm["m"]))
    dateline = find_dateline(lines)
    if dateline is not None:
        from_dateline = _dateline_candidate(dateline, url_month, every)
        if from_dateline is not None:
            cands.append(from_dateline)
    floor = _latest_past_event(lines, matches)
    if floor is not None:
        cands = [c for c in cands if c.when >= floor]
    if not cands:
        return None, None
    best = max(cands, key=lambda c: (c.score, -c.line_no))
    return best.when, best.evidence


# --- publisher -------------------------------------------------------------------------

_NAME = r"[A-Z][\w&.'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)?[A-Z][\w&.'’-]*){0,4}"
_COPYRIGHT_WEIGHT = 7.0
_PUBLISHER_CUES: tuple[tuple[float, re.Pattern[str]], ...] = (
    (10.0, _re_compile(r"^\s*(?:source|publisher|published\s+by)\s*:\s*(?P<n>[^\n|]{2,60}?)\s*$",
                      re.IGNORECASE | re.MULTILINE)),
    (8.0, _re_compile(r"^\s*(?P<n>" + _NAME + r")\s+(?:moderates|reserves\s+the\s+right|"
                     r"welcomes\s+comments|is\s+not\s+responsible)", re.MULTILINE)),
    (_COPYRIGHT_WEIGHT, _re_compile(r"(?:copyright|©)\s*(?:\d{4}\s*(?:[-–]\s*\d{4})?)?\s*,?\s*"
                                    r"(?P<n>" + _NAME + r")\s*(?:\.|,|$)",
                                    re.IGNORECASE | re.MULTILINE)),
    (6.0, _re_compile(r"^\s*more[ \t]+(?:news|stories)[ \t]+from[ \t]+(?P<n>" + _NAME + r")\s*$",
                     re.IGNORECASE | re.MULTILINE)),
    (5.0, _re_compile(r"^\s*[-–—]\s+(?P<n>" + _NAME + r")\s*,\s*\d{1,4}\s*$", re.MULTILINE)),
    (4.0, _re_compile(r"\s[-–—]\s(?P<n>" + _NAME + r"),\s*(?:\d{1,4},\s*)?\d{1,2}\.\d{1,2}\.\d{4}"
                     r"\s*$", re.MULTILINE)),
)  # fmt: skip
WIRES = frozenset(
    {"associated press", "ap", "reuters", "afp", "agence france-presse", "agence france presse",
     "dpa", "efe", "ansa", "xinhua", "tass", "upi", "bloomberg", "pa media"}
)  # fmt: skip
_NOT_NAMES = frozenset({"all", "the", "rights", "comments", "world", "news", "home", "required",
                        "advertisement", "advertising", "sponsored"})  # fmt: skip


def _clean_name(name: str) -> str | None:
    name = re.sub(r"\s+", " ", name).strip(" .,-–—|")
    if not name or name.lower() in _NOT_NAMES or len(name) > 60 or re.fullmatch(r"[\d\s.]+", name):
        return None
    return name


_BYLINE = _re_compile(r"(?i:by|from|words\s+by|reported\s+by|written\s+by)\s")
"""A byline beside the date names the writer, not the outlet: "By Ana Ruiz"."""


def _at_line_starts(pat: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pat.finditer(text)`` for a pattern that starts with ``^`` (multi-line) and never
    matches empty: tried at line starts only, where the engine would try every character."""
    pos = at = 0
    while at >= 0:
        if at >= pos:
            m = pat.match(text, at)
            if m is not None:
                yield m
                pos = m.end()
        at = text.find("\n", at)
        at = at + 1 if at >= 0 else -1


def find_publisher(text: str, lines: list[str], date_line: int | None) -> str | None:
    """Outlet name from explicit cues, else a short name line next to the dateline."""
    best: tuple[float, int, str] | None = None
    # The copyright cue needs "©" or the word (see _copyrighted): most pages skip its scan.
    credits = "©" in text or not folds_plainly(text) or "copyright" in text.lower()
    for weight, pat in _PUBLISHER_CUES:
        if weight == _COPYRIGHT_WEIGHT and not credits:
            continue
        found = _at_line_starts(pat, text) if pat.pattern.startswith("^") else pat.finditer(text)
        for m in found:
            name = _clean_name(m["n"])
            if name is None or (weight == _COPYRIGHT_WEIGHT and name.lower() in WIRES | {"afp"}):
                continue  # "© AFP 2023" credits a photo, not the page
            key = (weight, -m.start(), name)
            if best is None or key > best:
                best = key
    if best is not None:
        return best[2]
    if date_line is not None:
        for j in (date_line + 1, date_line - 1, date_line + 2):
            if 0 <= j < len(lines):
                cand = lines[j].strip()
                if (
                    re.fullmatch(_NAME, cand)
                    and len(cand.split()) <= 4
                    and cand.lower() not in WIRES
                    and not _BYLINE.match(cand)
                ):
                    return _clean_name(cand)
    return None


# --- title -----------------------------------------------------------------------------

_GLUED_PREFIX = _re_compile(r"^[a-z][a-z ]{2,30}?(?=[A-Z])(?<=[a-z])")
_TITLE_SKIP = _re_compile(
    r"^\s*(?:date|source|by|published|updated|posted|photo|image|credit)\b\s*:?|"
    r"remember\s+me|forgot\s+password|log\s*in|sign\s*(?:in|up)|subscribe|cookie|"
    r"^\s*[-–—]\s|©|copyright|all rights reserved|skip to",
    re.IGNORECASE,
)


def find_title(lines: list[str], skip: set[int]) -> str | None:
    """The headline: first line near the top that reads like one."""
    for i, raw in enumerate(lines[:40]):
        if i in skip:
            continue
        line = _GLUED_PREFIX.sub("", raw.strip())
        words = line.split()
        if len(words) < 4 or len(line) > 200 or _TITLE_SKIP.search(line):
            continue
        if sum(len(w) > 1 and w.isalpha() for w in words) < 3:
            continue  # stamps and counters: "THU 28 - 10 - 2021"
        if line.endswith(".") and not line.endswith("..."):
            continue  # a sentence (tagline, lede), not a headline
        if not (words[0][:1].isupper() or words[0][:1].isdigit()):
            continue
        return line
    return None


def detect_metadata(text: str, *, path: str) -> SourceMeta:
    """Publication date, publisher and title of one article; ``path`` only labels warnings."""
    lines = text.splitlines()
    published, evidence = find_published(lines)
    dateline = find_dateline(lines)
    date_line = next((i for i, ln in enumerate(lines) if evidence and evidence in ln), None)
    skip = {date_line} if date_line is not None else set()
    warnings: list[str] = []
    if published is None:
        warnings.append(f"{path}: {NO_DATE_WARNING}")
    return SourceMeta(
        published=published,
        published_evidence=evidence,
        publisher=find_publisher(text, lines, date_line),
        title=find_title(lines, skip),
        warnings=tuple(warnings),
        dateline_place=dateline.place if dateline else None,
        dateline_day=_dateline_day(dateline) if published is None else None,
    )


def _dateline_day(dateline: Dateline | None) -> tuple[int, int] | None:
    if dateline is None or dateline.month is None or dateline.day is None:
        return None
    return None if dateline.year is not None else (dateline.month, dateline.day)
