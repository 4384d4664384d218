"""Block normalized claims by (subject key, kind family, unit).

Rules only ever compare claims inside one group, so the work grows with the
size of the groups, not with the square of the file. Durations and dates share
the "window" family and ignore the unit: a length of time and an end date of
the same event are compared with each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from claimcheck.dataclassgen import dataclass
from claimcheck.model import NormalizedClaim

FAMILIES: dict[str, str] = {
    "level": "level",
    "count": "count",
    "change": "movement",
    "target": "movement",
    "duration": "window",
    "date": "window",
}

INACTIVE = frozenset({"superseded", "deprecated"})


@dataclass(frozen=True)
class Group:
    """Claims about one subject, of one kind family, in one unit."""

    subject: str  # canonical key, "us troops|iraq"
    family: str  # level | count | movement | window
    unit: str
    members: tuple[NormalizedClaim, ...]

    @cached_property
    def label(self) -> str:
        """The subject as the sources most often wrote it (ties: alphabetical); counted
        once per group, however many findings name it."""
        from operator import attrgetter

        counts: dict[str, int] = {}  # each distinct subject text stripped once
        for subject, n in Counter(map(attrgetter("claim.subject"), self.members)).items():
            text = subject.strip()
            counts[text] = counts.get(text, 0) + n
        return min(counts, key=lambda s: (-counts[s], s)) if counts else self.subject


def _sort_key(nc: NormalizedClaim) -> tuple[int, str, str]:
    """Start day (undated first), source, id: the day as an ordinal, which orders as its
    zero-padded ISO text did, without formatting a string per claim."""
    start = nc.time.start.toordinal() if nc.time and nc.time.start else 0
    return (start, nc.claim.source, nc.claim.id)


def group(claims: Sequence[NormalizedClaim]) -> list[Group]:
    """Active claims only (superseded/deprecated are kept in the report, never compared)."""
    # each claim's sort key (``_sort_key``, then its place in the file: a stable sort's
    # tie order) made in the same pass that buckets it, and sorted as plain tuples
    buckets: dict[tuple[str, str, str], list[tuple[int, str, str, int, NormalizedClaim]]] = {}
    for k, nc in enumerate(claims):
        claim = nc.claim
        if claim.status in INACTIVE:
            continue
        family = FAMILIES.get(claim.kind, claim.kind)
        unit = "" if family == "window" else nc.unit
        t = nc.time
        start = t.start.toordinal() if t and t.start else 0
        entry = (start, claim.source, claim.id, k, nc)
        buckets.setdefault((nc.subject_key, family, unit), []).append(entry)
    return [
        Group(
            subject=key[0],
            family=key[1],
            unit=key[2],
            members=tuple([entry[4] for entry in sorted(entries)]),
        )
        for key, entries in sorted(buckets.items())
    ]
