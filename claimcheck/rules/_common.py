"""What every rule shares: the raw finding, tiers, pairing, and one-line arithmetic."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date

from claimcheck.dataclassgen import dataclass
from claimcheck.model import PART_OF_LARGER, DateInterval, NormalizedClaim, ValueInterval
from claimcheck.normalize import Settings
from claimcheck.recognize.lazyre import compile as stored_compile


@dataclass(frozen=True)
class RawFinding:
    """A finding before the engine stamps severity, fingerprint and review."""

    rule: str
    tier: str  # contradiction | discrepancy | update
    subject: str  # canonical key
    label: str  # subject as the sources wrote it
    message: str
    claims: tuple[NormalizedClaim, ...]
    evidence: tuple[str, ...] = ()  # the arithmetic of the pairs that clash
    core: tuple[str, ...] = ()  # ids of the clashing claims (the rest is context); () = all


def fmt_num(x: float) -> str:
    """5200 -> "5,200"; 2.5 -> "2.5"; thousands separators, at most two decimals."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_interval(v: ValueInterval) -> str:
    if v.low is None and v.high is None:
        return "any value"
    if v.low is None:
        return f"{'<' if v.high_open else '≤'} {fmt_num(v.high or 0)}"
    if v.high is None:
        return f"{'>' if v.low_open else '≥'} {fmt_num(v.low)}"
    if v.low == v.high:
        return fmt_num(v.low)
    return f"{fmt_num(v.low)}–{fmt_num(v.high)}"


def clean(text: str | None) -> str:
    return " ".join((text or "").split())


def describe(text: str | None, stated: ValueInterval, hedged: ValueInterval, tol: float) -> str:
    """The value as written, followed by what it allows when that is not just the number."""
    shown = clean(text) or fmt_interval(stated)
    if hedged != stated:
        return f"{shown} (±{tol * 100:g} %: {fmt_interval(hedged)})"
    if stated.low is not None and stated.low == stated.high:
        return shown
    allowed = fmt_interval(stated)
    return shown if allowed == shown else f"{shown} ({allowed})"


def point(v: ValueInterval) -> float | None:
    """A representative number: the midpoint, or the bound of a half-open interval."""
    if v.low is not None and v.high is not None:
        return (v.low + v.high) / 2
    return v.low if v.low is not None else v.high


def pct_apart(a: ValueInterval, b: ValueInterval) -> str:
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return "apart"
    top = max(abs(pa), abs(pb))
    pct = 0.0 if top == 0 else abs(pa - pb) / top * 100
    return f"{pct:.1f} % apart"


def is_exact(v: ValueInterval) -> bool:
    return v.low is not None and v.low == v.high


def tolerance_note(stated_a: ValueInterval, hedged_a: ValueInterval,
                   stated_b: ValueInterval, hedged_b: ValueInterval) -> str:
    if stated_a == hedged_a and stated_b == hedged_b and is_exact(stated_a) and is_exact(stated_b):
        return "both stated exactly"
    if hedged_a.overlaps(hedged_b):
        return "the hedge allows both"
    return "disjoint even with the hedge"


def value_tier(stated_a: ValueInterval, hedged_a: ValueInterval,
               stated_b: ValueInterval, hedged_b: ValueInterval, same_time: bool,
               edge_a: ValueInterval | None = None,
               edge_b: ValueInterval | None = None) -> str | None:
    """None when hedges and rounding allow both; else how hard the figures disagree.

    ``edge_*`` widen a vague amount ("hundreds") by the hedge tolerance: a figure
    that meets it only there is a discrepancy, never a contradiction.
    """
    if stated_a.overlaps(stated_b) or hedged_a.overlaps(hedged_b):
        return None
    if (edge_a or hedged_a).overlaps(edge_b or hedged_b) or not same_time:
        return "discrepancy"
    return "contradiction"


def widen(v: ValueInterval, tol: float) -> ValueInterval:
    """``v`` with each bound moved out by ``tol`` of its size."""
    low = v.low - abs(v.low) * tol if v.low is not None else None
    high = v.high + abs(v.high) * tol if v.high is not None else None
    return ValueInterval(low, high, v.low_open, v.high_open)


CUMULATIVE = stored_compile(
    r"\b(deaths?|dead|died|killed|fatalit\w*|tolls?|casualt\w*|injur\w*|wounded|hurt|"
    r"hospitali[sz]\w*|admitted|admissions?|refugees?|arriv\w*|fled|displaced|evacuat\w*|rescued|"
    r"burned|burnt|flooded|"
    r"arrest\w*|detain\w*|doses?|vaccinat\w*|jabs?|shots?|cases?|infect\w*|damaged|"
    r"destroyed|affected|signatures?|applications?|votes?\s+cast|donations?|raised)\b",
    re.IGNORECASE,
)


def cumulative(subject: str, unit: str) -> bool:
    """A count that only grows (tolls, arrivals, doses, houses damaged): a later,
    higher figure is an update, a later lower one is a finding. A part or an addition
    ("another 28", "part of a larger figure") is no running total."""
    text = f"{subject} {unit}"
    return PART_OF_LARGER not in text and CUMULATIVE.search(text) is not None


def norm_said_by(text: str | None) -> str:
    return re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).strip()


def comparable_sources(a: NormalizedClaim, b: NormalizedClaim) -> bool:
    """Claims of one article are compared when two different parties speak, or when
    the article gives two figures for the very same stated time; otherwise an
    article's figures are its own history (then and now), not a disagreement."""
    if a.claim.source != b.claim.source:
        return True
    sa, sb = norm_said_by(a.claim.said_by), norm_said_by(b.claim.said_by)
    if sa and sb and sa != sb:
        return True
    return a.time is not None and a.time == b.time and a.time_mod == b.time_mod


def published(nc: NormalizedClaim, settings: Settings) -> date | None:
    source = settings.sources.get(nc.claim.source)
    return source.published if source else None


def update_order(
    a: NormalizedClaim, b: NormalizedClaim, settings: Settings
) -> tuple[NormalizedClaim, NormalizedClaim] | None:
    """(earlier, later) when both come from the same publisher on different days."""
    sa, sb = settings.sources.get(a.claim.source), settings.sources.get(b.claim.source)
    if sa is None or sb is None or sa.id == sb.id:
        return None
    pa, pb = norm_said_by(sa.publisher), norm_said_by(sb.publisher)
    if not pa or pa != pb or not sa.published or not sb.published:
        return None
    if sa.published == sb.published:
        return None
    return (a, b) if sa.published < sb.published else (b, a)


def time_text(nc: NormalizedClaim) -> str:
    return clean(nc.claim.time) or "no time given"


def fmt_dates(d: DateInterval | None) -> str:
    if d is None:
        return "unknown"
    s = d.start.isoformat() if d.start else "…"
    e = d.end.isoformat() if d.end else "…"
    return s if s == e else f"{s}–{e}"


def _start_ord(d: DateInterval) -> int:
    return d.start.toordinal() if d.start else -(10**9)


def _end_ord(d: DateInterval) -> int:
    return d.end.toordinal() if d.end else 10**9


def overlapping_pairs(
    members: Sequence[NormalizedClaim],
    period: Callable[[NormalizedClaim], DateInterval | None],
) -> Iterator[tuple[NormalizedClaim, NormalizedClaim]]:
    """Pairs whose periods overlap, by a sweep over start dates (no all-pairs scan).

    Claims without a period pair only with each other, and only inside one source:
    an undated figure says nothing about when another source's figure held.
    """
    timed: list[tuple[DateInterval, NormalizedClaim]] = []
    untimed: dict[str, list[NormalizedClaim]] = {}
    for nc in members:
        p = period(nc)
        if p is None:
            untimed.setdefault(nc.claim.source, []).append(nc)
        else:
            timed.append((p, nc))
    timed.sort(key=lambda t: (_start_ord(t[0]), t[1].claim.id))
    active: list[tuple[DateInterval, NormalizedClaim]] = []
    for p, nc in timed:
        start = _start_ord(p)
        active = [a for a in active if _end_ord(a[0]) >= start]
        for _, other in active:
            yield other, nc
        active.append((p, nc))
    for source in sorted(untimed):
        same = untimed[source]
        for i, a in enumerate(same):
            for b in same[i + 1 :]:
                yield a, b
