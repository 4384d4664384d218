"""Lengths of time a figure gives ("a 10-month blockade", "trapped for 13 days"): kept only
when they name an event or a plight whose length outlets report."""

from __future__ import annotations

import re

from claimcheck.extract.cue_choice import best_cue
from claimcheck.extract.reading import Reading
from claimcheck.model import Amount
from claimcheck.recognize.lazyre import compile as _re_compile

_RELATIVE_AFTER = _re_compile(r"^\s*(?:ago|later|earlier|old|from\s+now)\b", re.IGNORECASE)
_RELATIVE_BEFORE = _re_compile(
    r"\b(?:next|coming|past|last|first|previous|recent)\s+$", re.IGNORECASE
)
"""A period placed in time ("three days ago", "the past 24 hours"), not a length lasted."""


def read_duration(
    text: str, amount: Amount, start: int, end: int, lo: int, hi: int, unit: str | None = None
) -> Reading | None:
    """A length of time: "a 10-month blockade", "trapped for 13 days", "after 17 days"."""
    before = text[max(lo, start - 30) : start]
    after = text[end : min(hi, end + 60)]
    if _RELATIVE_AFTER.match(after):
        return None
    if _RELATIVE_BEFORE.search(before):
        return None
    noun = re.match(
        r"^[\s-]*(?:long\s+|old\s+)?(?:(?:military|full|total|partial|nationwide|naval|"
        r"economic|armed|brutal|bloody|deadly|ongoing|near|complete)\s+)?(?P<n>[a-z]{4,})\b",
        after,
    )
    if noun and _OLD.match(after) and noun["n"].lower() not in _OLD_EVENTS:
        return None  # "a 34-year-old former employee": a person's age, not a length lasted
    if noun and "-" in text[start : end + 2] and noun["n"] not in _NOT_EVENTS:
        return Reading(f"{noun['n'].lower()} duration", unit or amount.unit or "days", "duration")
    cue = best_cue(text, start, end, end, lo, hi)
    near = cue is not None and (abs(cue.start - end) < 25 or abs(start - cue.end) < 25)
    if cue is not None and near and cue.measure.name in ("people trapped", "people missing"):
        return Reading(
            f"time {cue.measure.name.split()[-1]}", unit or amount.unit or "days", "duration"
        )
    return None


_OLD = _re_compile(r"^[\s-]*old\b")
_OLD_EVENTS = frozenset({"war", "wars", "conflict", "insurgency", "blockade", "siege", "dispute",
                         "feud", "ban", "moratorium", "ceasefire", "truce", "crisis", "drought",
                         "strike", "occupation", "campaign", "standoff", "freeze", "embargo",
                         "rebellion", "civil", "curfew", "lockdown", "shutdown",
                         "deadlock"})  # fmt: skip
"""What a "ten-year-old" may be that lasts: anything else so described is someone's age."""
_NOT_EVENTS = frozenset({"period", "time", "ago", "later", "after", "before", "more", "from",
                         "with", "that", "this", "which", "when"})  # fmt: skip
