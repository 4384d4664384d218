"""window-conflict: lengths and end dates of one event that cannot all hold.

Durations and dates of the same subject (event) are compared:

* two durations whose hedged lengths are disjoint (3 years vs 8 years), unless
  both have times that end on different days: "trapped for 13 days" on the
  25th and "17 days" on the 28th measure one ongoing period at two moments;
* a duration's implied end against a stated date or deadline of the event;
* two dates of the event that are disjoint.

A duration is anchored at its claim's time (when the period starts), else at
the source's publication date. Its implied end is anchor + length, widened by
the hedge and by rounding: a stated length of N units may mean anything within
half a unit of N ("3 years" ends 2.5–3.5 years after the anchor). A "by D"
date allows any day up to D, "after"/"since" any day from it.

Tiers: two figures for the same anchored start day, or two single-day dates,
that differ even with the hedge are a contradiction; everything else (coarse
times, ends inferred from lengths, plans restated later) is a discrepancy.
Inside one article pairs are compared only when ``said_by`` differs.

Flagged::

    a: duration "five years", subject construction of the new bridge, time 2019-03 (source A)
    b: date "by the end of 2020", same subject (source B)
    -> five years from 2019-03-01–2019-03-31 ends 2023-09-01–2024-09-29 vs ≤ 2020-12-31

Not flagged::

    a: duration "36 months"   b: duration "3 years"   (the same length)
    a: duration "two years" from 2019-03 (ends 2020-09–2021-09) vs "by the end of 2020"
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import combinations

from claimcheck.grouping import Group
from claimcheck.model import DateInterval, NormalizedClaim, ValueInterval
from claimcheck.normalize import Settings
from claimcheck.rules._common import (
    RawFinding,
    clean,
    comparable_sources,
    describe,
    fmt_dates,
    fmt_num,
    pct_apart,
    published,
    time_text,
    tolerance_note,
    value_tier,
)

ID = "window-conflict"
DAYS_PER_UNIT = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25}


def length_days(nc: NormalizedClaim, rounding: bool) -> ValueInterval | None:
    """The duration in days; with ``rounding`` an exact length gains ±half a unit."""
    per = DAYS_PER_UNIT.get(nc.unit)
    if per is None or nc.value is None:
        return None
    v = nc.value
    low = v.low * per if v.low is not None else None
    high = v.high * per if v.high is not None else None
    if rounding:
        low = low - per / 2 if low is not None else None
        high = high + per / 2 if high is not None else None
    return ValueInterval(max(low, 0.0) if low is not None else None, high)


def anchor(nc: NormalizedClaim, settings: Settings) -> DateInterval | None:
    if nc.time is not None and nc.time.start is not None:
        return DateInterval(nc.time.start, nc.time.end or nc.time.start)
    pub = published(nc, settings)
    return DateInterval(pub, pub) if pub else None


def _shift(d: date | None, days: float | None) -> date | None:
    if d is None or days is None:
        return None
    try:
        return d + timedelta(days=round(days))
    except OverflowError:
        return None


def implied_end(nc: NormalizedClaim, settings: Settings) -> DateInterval | None:
    span = length_days(nc, rounding=True)
    start = anchor(nc, settings)
    if span is None or start is None:
        return None
    return DateInterval(_shift(start.start, span.low), _shift(start.end, span.high))


def event_dates(nc: NormalizedClaim) -> DateInterval | None:
    t = nc.time
    if t is None:
        return None
    if nc.time_mod in ("by", "before"):
        return DateInterval(None, t.end)
    if nc.time_mod in ("after", "since"):
        return DateInterval(t.start, None)
    return t


def check(group: Group, settings: Settings) -> Iterator[RawFinding]:
    if group.family != "window":
        return
    members = sorted(group.members, key=lambda nc: (nc.claim.source, nc.claim.id))
    for a, b in combinations(members, 2):
        if a.claim.kind == "duration" == b.claim.kind and (
            a.stated is None
            or b.stated is None
            or (a.time is not None and b.time is not None and a.time.end != b.time.end)
        ):
            continue  # _durations says None (most pairs): no call, no source comparison
        if not comparable_sources(a, b):
            continue
        kinds = (a.claim.kind, b.claim.kind)
        if kinds == ("duration", "duration"):
            finding = _durations(group, a, b, settings)
        elif kinds == ("date", "date"):
            finding = _dates(group, a, b)
        elif "duration" in kinds and "date" in kinds:
            dur, dat = (a, b) if a.claim.kind == "duration" else (b, a)
            finding = _duration_vs_date(group, dur, dat, settings)
        else:
            finding = None
        if finding is not None:
            yield finding


def _durations(
    group: Group, a: NormalizedClaim, b: NormalizedClaim, settings: Settings
) -> RawFinding | None:
    if a.stated is None or b.stated is None:
        return None
    if a.time is not None and b.time is not None and a.time.end != b.time.end:
        return None  # lengths measured at different moments: an ongoing period grows
    ha, hb = length_days(a, rounding=False), length_days(b, rounding=False)
    if ha is None or hb is None:
        return None
    per_a, per_b = DAYS_PER_UNIT[a.unit], DAYS_PER_UNIT[b.unit]
    sa = ValueInterval(
        a.stated.low * per_a if a.stated.low is not None else None,
        a.stated.high * per_a if a.stated.high is not None else None,
        a.stated.low_open, a.stated.high_open,
    )
    sb = ValueInterval(
        b.stated.low * per_b if b.stated.low is not None else None,
        b.stated.high * per_b if b.stated.high is not None else None,
        b.stated.low_open, b.stated.high_open,
    )
    same_start = a.time is not None and a.time == b.time and a.time.start == a.time.end
    tier = value_tier(sa, ha, sb, hb, same_start)
    if tier is None:
        return None
    tol = settings.about_tolerance
    va, vb = a.value or a.stated, b.value or b.stated
    message = (
        f"{describe(a.claim.value, a.stated, va, tol)} {a.unit} vs "
        f"{describe(b.claim.value, b.stated, vb, tol)} {b.unit} "
        f"({pct_apart(sa, sb)}; {tolerance_note(a.stated, va, b.stated, vb)}) "
        f"for the length of {group.label}"
    )
    return RawFinding(ID, tier, group.subject, group.label, message, (a, b))


def _dates(group: Group, a: NormalizedClaim, b: NormalizedClaim) -> RawFinding | None:
    da, db = event_dates(a), event_dates(b)
    if da is None or db is None or da.overlaps(db):
        return None
    single = a.time_mod is None and b.time_mod is None and da.start == da.end and db.start == db.end
    tier = "contradiction" if single else "discrepancy"
    message = (
        f"{time_text(a)} ({fmt_dates(da)}) vs {time_text(b)} ({fmt_dates(db)}) "
        f"for the date of {group.label} (the dates do not overlap)"
    )
    return RawFinding(ID, tier, group.subject, group.label, message, (a, b))


def _duration_vs_date(
    group: Group, dur: NormalizedClaim, dat: NormalizedClaim, settings: Settings
) -> RawFinding | None:
    end, when = implied_end(dur, settings), event_dates(dat)
    if end is None or when is None or end.overlaps(when):
        return None
    start = anchor(dur, settings)
    per = DAYS_PER_UNIT[dur.unit]
    half = fmt_num(0.5) + " " + dur.unit.rstrip("s")
    origin = "its time" if dur.time is not None else "publication"
    message = (
        f"{clean(dur.claim.value)} {dur.unit} from {fmt_dates(start)} ({origin}) ends "
        f"{fmt_dates(end)} (±{half} rounding"
        f"{'' if per and dur.value == dur.stated else ', hedge applied'}) vs "
        f"{time_text(dat)} ({fmt_dates(when)}) for {group.label}"
    )
    first, second = sorted((dur, dat), key=lambda nc: (nc.claim.source, nc.claim.id))
    return RawFinding(ID, "discrepancy", group.subject, group.label, message, (first, second))
