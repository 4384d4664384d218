"""When an undated page was published: while its story ran.

A page whose date was lost (a mirror, a rewrite, an aggregator) still reports on a story
that other pages of the same batch date. Its running tolls hold "at the report", and
the report came out while the story was covered: from the event its sister pages date
to the last of their publication days. That window is the honest answer: the figure's
time is guessed (``time_source`` stays ``publication`` or ``event``), wide, and still
lets the engine meet it only with figures of the same days rather than with every
figure of the subject, or with none.

Sister pages are the dated pages that share at least one subject with the undated page
(subjects are already folded by extraction: "deaths in Ruritania"). A generic subject
can be shared by two different stories, so when the sisters' dates fall apart into
separate runs of coverage, the run sharing the most subjects wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from itertools import chain

from claimcheck.dataclassgen import dataclass
from claimcheck.model import Claim, Source
from claimcheck.recognize.lazyre import compile as _re_compile
from claimcheck.recognize.lexicon import MONTHS, WEEKDAYS

COVERAGE_GAP = timedelta(days=45)
"""Publication days further apart than this are separate runs of coverage."""

LEAD_IN = timedelta(days=30)
"""How far before the first dated page the event a sister page dates may lie."""

NO_DATE = "no publication date found"
"""How an undated page's warning goes on after its path."""

DAY_PRECISE = timedelta(days=2)
"""A sister page's time that may start the story: a day or two, not "earlier this month"."""

DATED_BY_STORY = (
    NO_DATE + "; its figures are dated by the coverage of its story, "
    "{start} to {end} (pages {sisters}); give the date with --published YYYY-MM-DD "
    "or as published: in the claims file"
)


@dataclass(frozen=True)
class Page:
    """What dating by coverage needs of one page: small enough to keep for every page of
    a run while its claims stream to the output."""

    id: str
    published: date | None
    subjects: tuple[str, ...]  # sorted and distinct: tuples, a third of frozensets' memory
    times: tuple[str, ...] = ()  # its figures' times as written (read only for sisters)
    names: tuple[str, ...] = ()  # the names it writes (``story_names``)
    places: tuple[str, ...] = ()  # the places its subjects name ("... in Kerala")

    def days(self) -> list[date]:
        """The day-precise times its figures are dated to."""
        from claimcheck.recognize.dates import parse_time

        out: list[date] = []
        for text in self.times:
            mention = parse_time(text, self.published)
            span = mention.interval if mention is not None else None
            if span is None or span.start is None or span.end is None:
                continue
            if span.end - span.start <= DAY_PRECISE:
                out.append(span.start)
        return out


@dataclass(frozen=True)
class Window:
    start: date
    end: date
    sisters: tuple[str, ...]

    def time(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def page(
    source_id: str,
    published: date | None,
    subjects: Iterable[str],
    times: Iterable[str | None],
    names: Iterable[str] = (),
) -> Page:
    subjects = list(subjects)
    return Page(
        source_id,
        published,
        tuple(sorted({_folded(s) for s in subjects})),
        tuple(sorted({t for t in times if t})) if published is not None else (),
        tuple(sorted(set(names))),
        tuple(sorted(set(filter(None, map(subject_place, subjects))))),
    )


def subject_place(subject: str) -> str | None:
    """The place a subject names after its last " in " ("deaths in Kerala"), or None:
    places are names, so a lower-case tail is part of the measure ("still in hospital")."""
    head, sep, place = subject.rpartition(" in ")
    return place if sep and head and place[:1].isupper() else None


def page_of(source: Source, claims: Iterable[Claim], names: Iterable[str] = ()) -> Page:
    mine = [c for c in claims if c.source == source.id]
    return page(
        source.id, source.published, (c.subject for c in mine), (c.time for c in mine), names
    )


# "\bX" written "X(?<!\wX)": led by its letter class, the engine skips to capitals (and
# lower-case letters) instead of testing a word boundary at every character. Same matches.
_NAME = _re_compile(r"[A-Z](?<!\w[A-Z])[\w’'-]*[a-z][\w’'-]*")
_SENTENCE_START = _re_compile(r"(?:^|[.!?:\"“‘(\[]\s*)$")
_LOWER_WORD = _re_compile(r"[a-z](?<!\w[a-z])[\w’'-]*")
_FUNCTION_WORDS = ("about", "after", "before", "from", "that", "there", "their", "they")
_NOT_NAMES = frozenset(
    [*MONTHS, *WEEKDAYS, *_FUNCTION_WORDS, "this", "what", "when", "where", "while", "with"]
)
MAX_NAMES = 400


def story_names(text: str) -> tuple[str, ...]:
    """The capitalised words a page writes inside its sentences (places, agencies,
    people, an event's name), lower-cased: two pages of one story share several, two
    stories that only share a country and a measure share few. A word the page also
    writes in lower case is a common word, not a name."""
    lower = set(_LOWER_WORD.findall(text))
    found: dict[str, None] = {}
    for m in _NAME.finditer(text):
        word = m.group(0).lower()
        if len(word) < 3 or word in lower or word in _NOT_NAMES or word in found:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _SENTENCE_START.search(text, max(line_start, m.start() - 3), m.start()):
            continue  # a sentence's first word is capitalised whatever it is
        found[word] = None
        if len(found) >= MAX_NAMES:
            break
    return tuple(sorted(found))


def coverage_windows(pages: Sequence[Page]) -> dict[str, Window]:
    """Undated page id -> the window of its story's coverage (pages sharing no subject
    with a dated page get none)."""
    dated = {p.id: p for p in sorted(pages, key=lambda p: p.id) if p.published is not None}
    day_of: dict[str, date] = {pid: d.published for pid, d in dated.items() if d.published}
    rank = {pid: i for i, pid in enumerate(sorted(dated, key=lambda pid: (day_of[pid], pid)))}
    # The subjects and names each page shares with every dated page are counted from the
    # pages that write each subject and name (``Counter`` counts in C): a run's pages share
    # common subjects ("people killed") and names with most others, and intersecting every
    # pair's sets was most of a warm run.
    by_subject: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for pid, d in dated.items():
        for subject in d.subjects:
            by_subject.setdefault(subject, []).append(pid)
        for name in d.names:
            by_name.setdefault(name, []).append(pid)
    nameless = {pid for pid, d in dated.items() if not d.names}
    days: dict[str, list[date]] = {}  # each sister's days parsed once, not per undated page
    out: dict[str, Window] = {}
    for undated in pages:
        if undated.published is not None or not undated.subjects:
            continue
        subjects = Counter(chain.from_iterable(by_subject.get(s, ()) for s in undated.subjects))
        names = Counter(chain.from_iterable(by_name.get(n, ()) for n in undated.names))
        if undated.names:  # both pages' names known: they must share a few
            # (or a name and several of the same quantities: a short wire brief names
            # little beyond its country, but counts what the story's other pages count)
            near = [
                p
                for p in subjects
                if names[p] >= MIN_NAMES_SHARED
                or p in nameless
                or (names[p] >= 1 and subjects[p] >= MIN_SUBJECTS_SHARED)
            ]
        else:
            near = list(subjects)
        sisters = _one_run({pid: subjects[pid] + names[pid] for pid in near}, rank, day_of)
        if not sisters:
            continue
        first, last = day_of[sisters[0]], day_of[sisters[-1]]
        for s in sisters:
            if s not in days:
                days[s] = dated[s].days()
        start = _story_start(first, [days[s] for s in sisters])
        out[undated.id] = Window(start, last, sisters)
    return out


def dateline_date(day: tuple[int, int], window: Window) -> date | None:
    """The date a year-less dateline ("ROME, Oct 15 (Reuters) -") names on a page dated by
    its story's coverage: that month and day in the year nearest the coverage (a page may
    be older or newer than the pages that date it: "CAIRO, Jan 15" beside April's coverage
    of the same war is January's), if within four months of it; else None."""
    best: tuple[int, date] | None = None
    for year in (window.end.year - 1, window.end.year, window.end.year + 1):
        try:
            when = date(year, day[0], day[1])
        except ValueError:
            continue  # February 29th
        gap = max((window.start - when).days, (when - window.end).days, 0)
        if best is None or gap < best[0]:
            best = (gap, when)
    return best[1] if best is not None and best[0] <= DATELINE_REACH else None


DATELINE_REACH = 120
"""Days outside its story's coverage a year-less dateline's day may fall."""


def dated_claims(claims: Iterable[Claim], window: Window | None) -> list[Claim]:
    """An undated page's claims, its report-time and event figures given the window."""
    if window is None:
        return list(claims)
    return [_in_window(c, window) for c in claims]


def _in_window(claim: Claim, window: Window) -> Claim:
    """A claim of an undated page as its story's coverage dates it: a running toll to the
    window, a weekday ("on Tuesday") to the one day of that name the window holds."""
    if _at_the_report(claim):
        return replace(claim, time=window.time())
    if not claim.time:
        return claim
    day = weekday_in(claim.time, window)
    if day is not None:
        return replace(claim, time=day.isoformat())
    saturday = weekend_in(claim.time, window)
    if saturday is not None:
        return replace(claim, time=f"{saturday.isoformat()}/{(saturday + ONE_DAY).isoformat()}")
    return claim


_WEEKDAY_TIME = _re_compile(
    r"(?:(?:on|late|early)\s+)*(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


_WEEKEND_TIME = _re_compile(
    r"(?:(?:over|at|during|on|in)\s+)?(?:the\s+|this\s+past\s+|last\s+)?weekend", re.IGNORECASE
)
ONE_DAY = timedelta(days=1)


def weekend_in(time: str, window: Window) -> date | None:
    """The Saturday of the one weekend ("over the weekend") that meets the window, or None."""
    if _WEEKEND_TIME.fullmatch(time.strip()) is None or (window.end - window.start).days >= 7:
        return None
    days = (window.start + timedelta(days=i) for i in range((window.end - window.start).days + 1))
    saturdays = {d - timedelta(days=d.weekday() - 5) for d in days if d.weekday() >= 5}
    return saturdays.pop() if len(saturdays) == 1 else None


def weekday_in(time: str, window: Window) -> date | None:
    """The one day named ``time`` ("Tuesday", "late on Monday night") within the window
    of a page's coverage; None when the window holds none or several. The window opens
    on the event itself (``_story_start``), so a weekday on a page of the story lies in it."""
    m = _WEEKDAY_TIME.fullmatch(time.strip())
    if m is None or (window.end - window.start).days >= 7:
        return None
    wanted = WEEKDAYS[m.group(1).lower()]
    days = [
        window.start + timedelta(days=i)
        for i in range((window.end - window.start).days + 1)
        if (window.start + timedelta(days=i)).weekday() == wanted
    ]
    return days[0] if len(days) == 1 else None


def date_by_coverage(
    sources: Sequence[Source],
    claims: Sequence[Claim],
    names: Mapping[str, Iterable[str]] | None = None,
) -> tuple[list[Claim], dict[str, Window]]:
    """Every claim, the undated pages' figures dated by their story's coverage, and the
    windows used (for the warning that says so). ``names``: each page's
    ``story_names``, by source id."""
    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    known = names or {}
    pages = [page_of(s, by_source.get(s.id, ()), known.get(s.id, ())) for s in sources]
    windows = coverage_windows(pages)
    if not windows:
        return list(claims), windows
    return [_in_window(c, windows[c.source]) if c.source in windows else c for c in claims], windows


def dated_warning(warning: str, windows: Mapping[str, Window]) -> str:
    """An undated page's warning (``path: no publication date found...``) saying so once
    its story's coverage dated it; ``windows`` by the page's path as shown."""
    path, sep, _ = warning.partition(f": {NO_DATE}")
    window = windows.get(path) if sep else None
    return warning if window is None else undated_warning(path, window)


def undated_warning(display: str, window: Window) -> str:
    sisters = ", ".join(window.sisters[:5]) + (" ..." if len(window.sisters) > 5 else "")
    return f"{display}: " + DATED_BY_STORY.format(
        start=window.start.isoformat(), end=window.end.isoformat(), sisters=sisters
    )


MIN_SUBJECTS_SHARED = 3
"""Quantities (subjects with their place) an undated page sharing only one name with a
dated page must also share with it to be of its story."""

MIN_NAMES_SHARED = 2
"""Names two pages of one story share at least, when both pages' names are known: a
country and a measure alone ("deaths in India") do not make two events one story."""


def _at_the_report(claim: Claim) -> bool:
    """A figure that holds when the page was published (a running toll) or on the event's
    unknown day, with no time of its own written. A period is left alone: it ends at
    the report, and a window does not say where it starts."""
    return (
        claim.kind != "duration"
        and claim.time_source in ("publication", "event")
        and (claim.time is None or claim.time == "current")
    )


def _folded(subject: str) -> str:
    return " ".join(subject.lower().split())


def _one_run(
    shared: dict[str, int], rank: dict[str, int], day_of: dict[str, date]
) -> tuple[str, ...]:
    """The sisters of one run of coverage, by publication day: the run sharing the most
    subjects and names (ties: the later run, whose pages report the story's latest state).
    ``rank``: the dated pages' order by (day, id)."""
    if not shared:
        return ()
    ordered = sorted(shared, key=rank.__getitem__)
    runs: list[list[str]] = [[ordered[0]]]
    previous = day_of[ordered[0]]
    for pid in ordered[1:]:
        day = day_of[pid]
        if day - previous > COVERAGE_GAP:
            runs.append([])
        runs[-1].append(pid)
        previous = day
    return tuple(max(reversed(runs), key=lambda run: sum(map(shared.__getitem__, run))))


def _story_start(first_day: date, sisters_days: Sequence[Sequence[date]]) -> date:
    """The earliest day the sister pages (their ``Page.days``) date a figure to, when it
    lies shortly before the first of them (the event itself); else the first page's day.
    Only times of a day or two count: a month ("earlier this month") would open the
    window by weeks."""
    early = [d for days in sisters_days for d in days if first_day - LEAD_IN <= d < first_day]
    return min(early, default=first_day)
