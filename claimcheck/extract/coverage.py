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

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from claimcheck.model import Claim, Source

COVERAGE_GAP = timedelta(days=45)
"""Publication days further apart than this are separate runs of coverage."""

LEAD_IN = timedelta(days=30)
"""How far before the first dated page the event a sister page dates may lie."""

DAY_PRECISE = timedelta(days=2)
"""A sister page's time that may start the story: a day or two, not "earlier this month"."""

DATED_BY_STORY = (
    "no publication date found; its figures are dated by the coverage of its story, "
    "{start} to {end} (pages {sisters}); give the date with --published YYYY-MM-DD "
    "or as published: in the claims file"
)


def coverage_windows(
    sources: Sequence[Source], claims: Sequence[Claim]
) -> dict[str, tuple[date, date, tuple[str, ...]]]:
    """Undated source id -> (first day, last day, sister source ids) of its story."""
    subjects: dict[str, set[str]] = {}
    for claim in claims:
        subjects.setdefault(claim.source, set()).add(_folded(claim.subject))
    published = {s.id: s.published for s in sources if s.published is not None}
    out: dict[str, tuple[date, date, tuple[str, ...]]] = {}
    for src in sources:
        if src.published is not None or not subjects.get(src.id):
            continue
        shared = {
            sid: len(subjects[src.id] & subjects.get(sid, set())) for sid in sorted(published)
        }
        sisters = _one_run({sid: n for sid, n in shared.items() if n}, published)
        if not sisters:
            continue
        days = sorted(published[sid] for sid in sisters)
        first = _story_start(days[0], [c for c in claims if c.source in sisters], published)
        out[src.id] = (first, days[-1], tuple(sisters))
    return out


def date_by_coverage(
    sources: Sequence[Source], claims: Sequence[Claim]
) -> tuple[list[Claim], dict[str, tuple[date, date, tuple[str, ...]]]]:
    """The claims with the undated pages' report-time figures given their story's window,
    and the windows used (for the warning that says so)."""
    windows = coverage_windows(sources, claims)
    if not windows:
        return list(claims), windows
    out: list[Claim] = []
    for claim in claims:
        window = windows.get(claim.source)
        if window is not None and _at_the_report(claim):
            claim = replace(claim, time=f"{window[0].isoformat()}/{window[1].isoformat()}")
        out.append(claim)
    return out, windows


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


def _one_run(shared: dict[str, int], published: dict[str, date]) -> list[str]:
    """The sisters of one run of coverage: the run sharing the most subjects (ties: the
    later run, whose pages report the story's latest state)."""
    if not shared:
        return []
    ordered = sorted(shared, key=lambda sid: (published[sid], sid))
    runs: list[list[str]] = [[ordered[0]]]
    for sid in ordered[1:]:
        if published[sid] - published[runs[-1][-1]] > COVERAGE_GAP:
            runs.append([])
        runs[-1].append(sid)
    return max(reversed(runs), key=lambda run: sum(shared[sid] for sid in run))


def _story_start(
    first_day: date, sister_claims: Sequence[Claim], published: dict[str, date]
) -> date:
    """The earliest day the sister pages date a figure to, when it lies shortly before
    the first of them (the event itself); else the first page's day. Only times of a day
    or two count: a month ("earlier this month") would open the window by weeks."""
    from claimcheck.recognize.dates import parse_time

    start = first_day
    for claim in sister_claims:
        if claim.time is None:
            continue
        mention = parse_time(claim.time, published.get(claim.source))
        span = mention.interval if mention is not None else None
        if span is None or span.start is None or span.end is None:
            continue
        if (span.end - span.start) <= DAY_PRECISE and first_day - LEAD_IN <= span.start < start:
            start = span.start
    return start
