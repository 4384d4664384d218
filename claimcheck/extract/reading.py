"""What a figure counts (``Reading``): the answer every figure reader gives, whatever kind of
figure it reads (people, things, shares, physical quantities, durations, money); apart so
those readers share it without importing one another."""

from __future__ import annotations

import re

from claimcheck.dataclassgen import dataclass
from claimcheck.extract.measures import Measure
from claimcheck.recognize.lazyre import compile as _re_compile


@dataclass(frozen=True)
class Reading:
    """What a figure counts, before place and time are added."""

    head: str  # "deaths", "people trapped", "houses damaged", "debris remaining"
    unit: str  # "people", "houses", "meters", "percent", "USD", "days"
    kind: str  # count | level | target | duration
    measure: Measure | None = None
    cumulative: bool = False
    event_bound: bool = False  # holds at the event's date, not the report's
    thing: str | None = None  # the counted thing, for a later figure that leaves it out


PLAN = _re_compile(
    r"\b(?:aims?|aimed|aiming|goal|targets?|targeted|targeting|plans?|planned|planning|"
    r"pledged?|promised?|vowed?|wants?|hopes?|expects?|seeks?|intends?|set\s+to|will|"
    r"appeal(?:ed|ing|s)?\s+for|seeking|"
    # a campaign named by whom it is for: "vaccination of 36 million elderly began"
    r"(?:vaccination|inoculation|immuni[sz]ation)\s+of|(?:began|begun|started|start)\s+vaccinating)\b",
    re.IGNORECASE,
)
"""Words of intent in a figure's clause: it is a target or an appeal, not a count."""
