"""Timeline geometry shared by the terminal chart and the HTML SVG: lanes per source,
marks placed on a time axis from the subject's earliest to latest date."""

from __future__ import annotations

from datetime import date
from typing import Literal

from claimcheck.dataclassgen import dataclass
from claimcheck.render.common import Row, SubjectGroup, claim_value_text, is_checked

MarkKind = Literal["span", "point", "target", "change"]


@dataclass(frozen=True)
class Mark:
    row: Row
    kind: MarkKind
    start: date
    end: date
    label: str
    flagged: bool  # part of an unreviewed contradiction or discrepancy


@dataclass(frozen=True)
class Lane:
    source: str
    label: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Layout:
    lo: date
    hi: date
    lanes: tuple[Lane, ...]
    undated: tuple[Row, ...]

    def frac(self, d: date) -> float:
        """Position of a date on the axis, 0..1."""
        total = (self.hi - self.lo).days
        if total <= 0:
            return 0.5
        return min(max((d - self.lo).days / total, 0.0), 1.0)


def flagged_ids(group: SubjectGroup) -> set[str]:
    return {cid for f in group.findings if is_checked(f) for cid in f.claims}


def _mark(row: Row, lo: date, hi: date, flagged: bool) -> Mark:
    t = row.time
    assert t is not None
    start = t.start or lo
    end = t.end or hi
    label = claim_value_text(row.claim)
    if row.claim.kind == "target":
        return Mark(row, "target", end, end, label, flagged)
    if row.claim.kind == "change":
        return Mark(row, "change", start, end, label, flagged)
    kind: MarkKind = "point" if start == end else "span"
    return Mark(row, kind, start, end, label, flagged)


def layout(group: SubjectGroup) -> Layout | None:
    """None when no claim of the subject has a known date."""
    dated = [r for r in group.rows if r.time and (r.time.start or r.time.end)]
    if not dated:
        return None
    days = [d for r in dated if r.time for d in (r.time.start, r.time.end) if d is not None]
    lo, hi = min(days), max(days)
    flags = flagged_ids(group)
    lanes: dict[str, list[Mark]] = {}
    labels: dict[str, str] = {}
    for r in dated:
        lanes.setdefault(r.claim.source, []).append(_mark(r, lo, hi, r.claim.id in flags))
        labels[r.claim.source] = r.source_label
    ordered = tuple(
        Lane(src, labels[src], tuple(sorted(marks, key=lambda m: (m.start, m.end, m.row.claim.id))))
        for src, marks in sorted(lanes.items(), key=lambda kv: (labels[kv[0]].casefold(), kv[0]))
    )
    undated = tuple(r for r in group.rows if r not in dated)
    return Layout(lo, hi, ordered, undated)


def year_ticks(lo: date, hi: date) -> list[date]:
    """1 January of every year inside the axis (the start too, when it is one)."""
    return [date(y, 1, 1) for y in range(lo.year, hi.year + 1) if lo <= date(y, 1, 1) <= hi]
