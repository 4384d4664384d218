"""Claims of one subject that the engine will never compare with each other, said aloud.

The engine compares claims only inside one (subject, kind family, unit) group, which
is right: a percentage and a head count are different quantities. But when one outlet
writes ``unit: people`` and another leaves the unit out, or one gives "12%" where the
others give a count, their figures silently sit in different groups and a
contradiction between them can never show. Each such claim gets a located warning.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

FAMILIES = {"level": "level", "count": "count", "change": "movement", "target": "movement"}


def units_apart(
    claims: Sequence[Any],
    units: Mapping[int, str],
    aliases: Sequence[Sequence[str]] = (),
) -> list[tuple[int, str]]:
    """(claim index, message) for each claim whose unit differs from the unit most claims
    of its subject and kind family use (ties: the alphabetically first), when another
    source states that subject in the main unit."""
    from claimcheck.normalize.subjects import folder_for

    folder = folder_for(aliases)
    groups: dict[tuple[str, str], list[int]] = {}
    key_of: dict[str, str] = {}  # an archive names each subject many times
    for i in sorted(units):
        claim = claims[i]
        family = FAMILIES.get(str(claim.get("kind")))
        if family is None or (claim.get("status") or "active") != "active":
            continue
        subject = str(claim.get("subject", ""))
        key = key_of.get(subject)
        if key is None:
            parts = folder.parts(subject)
            key = key_of[subject] = f"{parts.entity}|{parts.place or ''}"
        groups.setdefault((key, family), []).append(i)
    out: list[tuple[int, str]] = []
    for (_key, _family), members in sorted(groups.items()):
        counts = Counter(units[i] for i in members)
        if len(counts) < 2:
            continue
        main = min(counts, key=lambda u: (-counts[u], u))
        for i in members:
            if units[i] == main:
                continue
            source = claims[i].get("source")
            # one article giving a figure in two units is a restatement, not a gap
            first = next(
                (j for j in members if units[j] == main and claims[j].get("source") != source),
                None,
            )
            if first is None:
                continue
            out.append(
                (
                    i,
                    f"unit {_shown(units[i])} differs from {_shown(main)} of claim "
                    f"'{claims[first].get('id')}' on the same subject; the two are never "
                    "compared",
                )
            )
    return out


def _shown(unit: str) -> str:
    return f"'{unit}'" if unit else "(none)"
