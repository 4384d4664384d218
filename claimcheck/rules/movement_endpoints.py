"""movement-endpoints: two accounts of the same movement disagree on where it started or ended.

Two change/target claims on one subject and unit, moving in the same direction
(both decreases or both increases, read from ``from``/``to``/``value``), whose
movement periods overlap, are taken to describe the same movement. Their
starting levels (``from``) must agree, and so must the ending levels (``to``)
of two changes; a target's end is a plan, not a level, so it is not compared
with what happened (plans fail; that is not a finding). Two changes must also
agree on the amount moved: a stated amount ("2,500 troops were withdrawn") or
the one a move implies (from 5,300 to 2,500: 2,800, its hedges carried over);
a change that states only an amount has no known direction and is compared
with changes either way.

A movement's period runs from its time's start (a target starts at the
source's publication date, as does a "current" time) to its deadline or end;
an unknown end is bounded by the source's publication date, an unknown start
is open. Tiers: contradiction only when both movements start (or end) on the
same known day and the figures are disjoint even with the hedge; otherwise a
discrepancy; a later figure from the same publisher is an update.

Flagged::

    a: target, budget of the city of Lagos, from 1,200 to about 900 by December (source A)
    b: change, budget of the city of Lagos, from 1,500 to 950 in the autumn (source B)
    -> 1,200 vs 1,500 (20.0 % apart; both stated exactly) for the starting level

Not flagged::

    a: change from 5,200 to 3,000 in 2019
    b: change from 3,000 to 4,000 in 2019    (opposite directions: another movement)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache

from claimcheck.grouping import Group
from claimcheck.model import DateInterval, NormalizedClaim, ValueInterval
from claimcheck.normalize import Settings
from claimcheck.normalize.values import parse_value
from claimcheck.rules._common import (
    RawFinding,
    comparable_sources,
    describe,
    fmt_dates,
    fmt_interval,
    overlapping_pairs,
    pct_apart,
    point,
    published,
    tolerance_note,
    update_order,
    value_tier,
)

ID = "movement-endpoints"


@lru_cache(maxsize=65536)
def _parsed(text: str | None, tol: float) -> tuple[ValueInterval | None, ValueInterval | None]:
    hedged, stated, _ = parse_value(text, None, tol)
    return hedged, stated


def _end_text(nc: NormalizedClaim) -> str | None:
    """The level a movement reaches: ``to``, or a target's ``value``."""
    if nc.claim.to_value:
        return nc.claim.to_value
    return nc.claim.value if nc.claim.kind == "target" else None


def direction(nc: NormalizedClaim, tol: float) -> int:
    """-1 for a decrease, +1 for an increase, 0 when the claim does not say."""
    start = _parsed(nc.claim.from_value, tol)[1]
    end = _parsed(_end_text(nc), tol)[1]
    if start is None or end is None:
        return 0
    ps, pe = point(start), point(end)
    if ps is None or pe is None or ps == pe:
        return 0
    return -1 if pe < ps else 1


def period(nc: NormalizedClaim, settings: Settings) -> DateInterval:
    pub = published(nc, settings)
    t = nc.time
    if nc.claim.kind == "target" or nc.time_mod == "current":
        return DateInterval(pub, t.end if t else None)
    if t is None:
        return DateInterval(None, pub)
    start = None if nc.time_mod in ("by", "before") else t.start
    return DateInterval(start, t.end or pub)


def amount_moved(
    nc: NormalizedClaim, tol: float
) -> tuple[str, ValueInterval, ValueInterval] | None:
    """(text, stated, hedged) of how much a change moved, stated or implied by from/to."""
    if nc.claim.kind != "change":
        return None
    if nc.claim.value and not (nc.claim.from_value and nc.claim.to_value):
        hedged, stated = _parsed(nc.claim.value, tol)
        return None if hedged is None or stated is None else (nc.claim.value, stated, hedged)
    hf, sf = _parsed(nc.claim.from_value, tol)
    ht, st = _parsed(nc.claim.to_value, tol)
    if None in (hf, sf, ht, st):
        return None
    assert hf is not None and sf is not None and ht is not None and st is not None
    stated, hedged = _difference(sf, st), _difference(hf, ht)
    if stated is None or hedged is None:
        return None
    return (
        f"{fmt_interval(stated)} implied by {nc.claim.from_value} → {nc.claim.to_value}",
        stated,
        hedged,
    )


def _difference(a: ValueInterval, b: ValueInterval) -> ValueInterval | None:
    """|a - b| as an interval, for bounded a and b."""
    if None in (a.low, a.high, b.low, b.high):
        return None
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    lo, hi = a.low - b.high, a.high - b.low
    if lo < 0 < hi:
        return ValueInterval(0.0, max(-lo, hi))
    lo, hi = sorted((abs(lo), abs(hi)))
    return ValueInterval(lo, hi)


def check(group: Group, settings: Settings) -> Iterator[RawFinding]:
    if group.family != "movement":
        return
    tol = settings.about_tolerance
    members = [m for m in group.members if direction(m, tol) != 0 or amount_moved(m, tol)]
    periods = {m.claim.id: period(m, settings) for m in members}
    for a, b in overlapping_pairs(members, lambda nc: periods[nc.claim.id]):
        if not comparable_sources(a, b):
            continue
        da, db = direction(a, tol), direction(b, tol)
        if da and db and da == db:
            yield from _endpoints(group, a, b, settings, periods)
        if not (da and db) or da == db:
            yield from _amounts(group, a, b, settings, periods)


def _amounts(
    group: Group,
    a: NormalizedClaim,
    b: NormalizedClaim,
    settings: Settings,
    periods: dict[str, DateInterval],
) -> Iterator[RawFinding]:
    tol = settings.about_tolerance
    ma, mb = amount_moved(a, tol), amount_moved(b, tol)
    if ma is None or mb is None:
        return
    pa, pb = periods[a.claim.id], periods[b.claim.id]
    same = pa.start is not None and pa == pb
    tier = value_tier(ma[1], ma[2], mb[1], mb[2], same_time=same)
    if tier is None:
        return
    if update_order(a, b, settings) is not None:
        tier = "update"
    first, second = sorted((a, b), key=lambda nc: (nc.claim.source, nc.claim.id))
    (tf, sf, hf), (ts, ss, hs) = (ma, mb) if first is a else (mb, ma)
    moved = {-1: "reduction", 1: "increase"}.get(direction(a, tol) or direction(b, tol), "change")
    message = (
        f"{describe(tf, sf, hf, tol)} vs {describe(ts, ss, hs, tol)} "
        f"({pct_apart(sf, ss)}; {tolerance_note(sf, hf, ss, hs)}) for the amount moved "
        f"in the same {moved} of {group.label} (periods "
        f"{fmt_dates(periods[first.claim.id])} and {fmt_dates(periods[second.claim.id])} "
        "overlap)"
    )
    yield RawFinding(ID, tier, group.subject, group.label, message, (first, second))


def _endpoints(
    group: Group,
    a: NormalizedClaim,
    b: NormalizedClaim,
    settings: Settings,
    periods: dict[str, DateInterval],
) -> Iterator[RawFinding]:
    tol = settings.about_tolerance
    pa, pb = periods[a.claim.id], periods[b.claim.id]
    ends: list[tuple[str, str | None, str | None, date | None, date | None]] = [
        ("starting level", a.claim.from_value, b.claim.from_value, pa.start, pb.start)
    ]
    if a.claim.kind == "change" and b.claim.kind == "change":
        ends.append(("ending level", a.claim.to_value, b.claim.to_value, pa.end, pb.end))
    movement = "reduction" if direction(a, tol) < 0 else "increase"
    for name, ta, tb, da, db in ends:
        ha, sa = _parsed(ta, tol)
        hb, sb = _parsed(tb, tol)
        if ha is None or sa is None or hb is None or sb is None:
            continue
        tier = value_tier(sa, ha, sb, hb, same_time=da is not None and da == db)
        if tier is None:
            continue
        order = update_order(a, b, settings)
        if order is not None:
            tier = "update"
        first, second = sorted((a, b), key=lambda nc: (nc.claim.source, nc.claim.id))
        (tf, hf, sf), (ts, hs, ss) = (
            ((ta, ha, sa), (tb, hb, sb)) if first is a else ((tb, hb, sb), (ta, ha, sa))
        )
        message = (
            f"{describe(tf, sf, hf, tol)} vs {describe(ts, ss, hs, tol)} "
            f"({pct_apart(sf, ss)}; {tolerance_note(sf, hf, ss, hs)}) for the {name} "
            f"of the same {movement} of {group.label} (periods "
            f"{fmt_dates(periods[first.claim.id])} and {fmt_dates(periods[second.claim.id])} "
            "overlap)"
        )
        yield RawFinding(ID, tier, group.subject, group.label, message, (first, second))
