"""value-conflict: one subject, one unit, overlapping times, figures that disagree.

Compared: levels with levels, counts with counts, and targets with targets whose
deadlines overlap. Times must overlap; figures that change over time are not a
conflict. Claims without a resolved time are compared only with other undated
claims of the same article (and, inside one article, only when ``said_by``
differs, as for every pair from one article).

Tiers: stated figures equal or overlapping -> nothing; hedged intervals overlap
-> discrepancy (the hedge or rounding allows both); disjoint even with the hedge
-> contradiction when both claims give the very same time, discrepancy when the
times only partly overlap (both may have been true at different moments);
a later figure from the same publisher -> update.

Flagged::

    a: count "more than 1,200" people killed in Gaza, time 2023-10-20 (source A)
    b: count "about 900" people killed in Gaza, time 2023-10-20 (source B)
    -> contradiction: more than 1,200 (> 1,200) vs about 900 (±10 %: 810–990)

Not flagged::

    a: level 5,200 US troops in Iraq, late 2018
    b: level 2,500 US troops in Iraq, 2021-01-15      (times do not overlap)
    c: level about 2,500 US troops in Iraq, 2021-01-15 (the hedge allows 2,500)
"""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.grouping import Group
from claimcheck.model import NormalizedClaim
from claimcheck.normalize import Settings
from claimcheck.rules._common import (
    RawFinding,
    comparable_sources,
    describe,
    overlapping_pairs,
    pct_apart,
    time_text,
    tolerance_note,
    update_order,
    value_tier,
)

ID = "value-conflict"
FAMILIES = frozenset({"level", "count"})


def _compared(group: Group) -> list[NormalizedClaim]:
    if group.family in FAMILIES:
        kinds = {"level", "count"}
    elif group.family == "movement":
        kinds = {"target"}
    else:
        return []
    return [m for m in group.members if m.claim.kind in kinds and m.value and m.stated]


def check(group: Group, settings: Settings) -> Iterator[RawFinding]:
    members = _compared(group)
    for a, b in overlapping_pairs(members, lambda nc: nc.time):
        if not comparable_sources(a, b):
            continue
        finding = _compare(group, a, b, settings)
        if finding is not None:
            yield finding


def _compare(
    group: Group, a: NormalizedClaim, b: NormalizedClaim, settings: Settings
) -> RawFinding | None:
    assert a.value and a.stated and b.value and b.stated
    same_time = a.time == b.time
    tier = value_tier(a.stated, a.value, b.stated, b.value, same_time)
    if tier is None:
        return None
    tol = settings.about_tolerance
    order = update_order(a, b, settings)
    what = "target" if a.claim.kind == "target" else a.claim.kind
    if order is not None:
        old, new = order
        assert old.value and old.stated and new.value and new.stated
        message = (
            f"{describe(new.claim.value, new.stated, new.value, tol)} replaces "
            f"{describe(old.claim.value, old.stated, old.value, tol)} "
            f"({pct_apart(old.stated, new.stated)}; later report by the same publisher) "
            f"for the {what} of {group.label} ({time_text(old)} / {time_text(new)})"
        )
        return RawFinding(ID, "update", group.subject, group.label, message, (old, new))
    first, second = sorted((a, b), key=lambda nc: (nc.claim.source, nc.claim.id))
    assert first.value and first.stated and second.value and second.stated
    note = tolerance_note(first.stated, first.value, second.stated, second.value)
    when = (
        f"both {time_text(first)}" if same_time
        else f"{time_text(first)} / {time_text(second)}, times overlap"
    )
    message = (
        f"{describe(first.claim.value, first.stated, first.value, tol)} vs "
        f"{describe(second.claim.value, second.stated, second.value, tol)} "
        f"({pct_apart(first.stated, second.stated)}; {note}) "
        f"for the {what} of {group.label} ({when})"
    )
    return RawFinding(ID, tier, group.subject, group.label, message, (first, second))
