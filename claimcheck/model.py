"""Plain data that flows through the pipeline.

sources -> extraction -> claims file -> normalization -> grouping -> rules
-> findings -> renderers.  Every stage takes and returns these frozen
dataclasses, so each stage can be used (and tested) alone from Python.

Conventions used everywhere:

* Positions (``Location``) are 1-based line and column.
* ``DateInterval`` is *inclusive* on both ends (``late 2018`` is
  2018-09-01..2018-12-31); ``None`` on a side means unbounded or unknown.
* ``ValueInterval`` carries open/closed flags: ``more than 100`` is
  ``(100, None)`` with ``low_open=True``.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from typing import Any, Literal, TypeVar

from claimcheck.dataclassgen import dataclass

ClaimKind = Literal["level", "change", "target", "duration", "date", "count"]

Qualifier = Literal["exact", "about", "at_least", "more_than", "at_most", "less_than", "between"]

Severity = Literal["error", "warning", "info"]
Tier = Literal["contradiction", "discrepancy", "update"]
ClaimStatus = Literal["active", "superseded", "deprecated"]

PART_OF_LARGER = "(part of a larger figure)"
"""The subject suffix extraction gives a part of, or an addition to, a figure ("another
28", "Five of them"): its own quantity, and never a running total."""

TimeSource = Literal["stated", "publication", "event"]
"""How a claim's time was obtained: written next to the figure, or guessed by extraction
from the article's reference time or from the date of the event the figure belongs to."""


_T = TypeVar("_T")


def built(cls: type[_T], /, **fields: Any) -> _T:
    """``cls(**fields)`` for a frozen dataclass without the per-field
    ``object.__setattr__`` of its generated ``__init__`` (a tenth of loading and
    normalizing 100k claims). Give every field; only for classes without
    ``__post_init__`` or ``__slots__`` (tests/test_model.py checks the ones used)."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based position in a file the user can open."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Problem:
    """Something wrong with the user's input, reported as ``path:line:col: severity: message``."""

    location: Location
    severity: Severity
    message: str
    code: str = "input"
    hint: str | None = None

    def format(self) -> str:
        text = f"{self.location}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return text


@dataclass(frozen=True)
class ValueInterval:
    """The set of numbers a stated value allows."""

    low: float | None
    high: float | None
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: ValueInterval) -> bool:
        """True when some number satisfies both intervals."""
        return not (_below(self, other) or _below(other, self))


def _below(a: ValueInterval, b: ValueInterval) -> bool:
    """Every number of ``a`` is smaller than every number of ``b``."""
    if a.high is None or b.low is None:
        return False
    return a.high < b.low or (a.high == b.low and (a.high_open or b.low_open))


@dataclass(frozen=True)
class DateInterval:
    """Inclusive date range; a side is ``None`` when unbounded or unknown."""

    start: date | None
    end: date | None

    def overlaps(self, other: DateInterval) -> bool:
        before = self.end is not None and other.start is not None and self.end < other.start
        after = other.end is not None and self.start is not None and other.end < self.start
        return not (before or after)

    def to_json(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }



@dataclass(frozen=True)
class TimeMention:
    """A time expression in text; ``interval`` is inclusive, None when unresolvable. Here,
    not with the date recognizer, so the claims file's plain times (read without it) need
    no recognizer loaded."""

    text: str
    start: int
    end: int
    interval: DateInterval | None
    mod: str | None

@dataclass(frozen=True)
class Amount:
    """A stated number with its hedge: ``about 3,500`` or ``between 4,000 and 5,000``.

    ``low``/``high`` are the numbers as stated (equal unless a range);
    the hedge tolerance is applied later, in normalization.
    """

    text: str
    low: float
    high: float
    qualifier: Qualifier = "exact"
    unit: str | None = None  # unit recognised in the text itself: "USD", "percent", "years"...


@dataclass(frozen=True)
class Source:
    """One article: where its text is and what is known about it."""

    id: str
    path: str  # as written in the claims file, relative to it
    publisher: str | None = None
    title: str | None = None
    published: date | None = None
    url: str | None = None
    location: Location | None = None


@dataclass(frozen=True)
class Claim:
    """One statement of a figure, as recorded in the claims file.

    ``value``, ``from_value``, ``to_value`` and ``time`` keep the text as the
    user (or extractor) wrote it; normalization turns them into intervals.
    For kind ``change`` either ``value`` (the amount moved) or ``from_value``
    and ``to_value`` (a move from X to Y) are given; a ``target`` may carry
    ``from_value`` (the level it starts from) and its ``time`` is the deadline.
    """

    id: str
    source: str
    subject: str
    kind: ClaimKind
    value: str | None
    unit: str
    quote: str
    time: str | None = None
    qualifier: Qualifier | None = None  # explicit override; otherwise read from value
    from_value: str | None = None
    to_value: str | None = None
    said_by: str | None = None
    note: str | None = None
    status: ClaimStatus = "active"
    status_reason: str | None = None
    span: tuple[int, int] | None = None
    location: Location | None = None
    time_source: TimeSource | None = None  # None: as written by an editor (stated)

    @property
    def time_guessed(self) -> bool:
        """The time was inferred by extraction, so comparisons treat it as looser."""
        return self.time_source in ("publication", "event")


@dataclass(frozen=True)
class Review:
    """An editor's verdict on a finding, keyed by the finding's fingerprint."""

    fingerprint: str
    verdict: Literal["accepted", "dismissed"]
    note: str = ""
    location: Location | None = None


@dataclass(frozen=True)
class ClaimsFile:
    """A loaded, validated claims file."""

    path: str
    version: int
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    aliases: tuple[tuple[str, ...], ...] = ()
    reviews: tuple[Review, ...] = ()
    settings: dict[str, float] = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()
    """Problems of the file that do not stop it being checked (shown by report and check)."""
    texts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Source id -> article text, as read by the loader (for quotes shown in context)."""


@dataclass(frozen=True)
class NormalizedClaim:
    """A claim with its value, time and subject made comparable."""

    claim: Claim
    subject_key: str  # canonical key, e.g. "us troops|iraq"
    place: str | None  # canonical place, e.g. "iraq"
    value: ValueInterval | None  # hedge tolerance applied
    stated: ValueInterval | None  # as stated, no tolerance
    time: DateInterval | None
    from_value: ValueInterval | None = None
    to_value: ValueInterval | None = None
    unit: str = ""
    time_mod: str | None = None  # "by" (deadline), "since", "current", None


@dataclass(frozen=True)
class Finding:
    """Claims of one subject that cannot (contradiction) or may not (discrepancy) all hold.

    One finding per disagreement: all the claims that clash, whatever their number.
    """

    fingerprint: str
    rule: str  # rule id, e.g. "value-conflict"
    tier: Tier
    severity: Severity
    subject: str  # canonical subject shown to the user
    message: str  # one line with the arithmetic and the tolerance used
    claims: tuple[str, ...]  # claim ids, sorted
    review: Review | None = None
    evidence: tuple[str, ...] = ()  # arithmetic of the clashing pairs, worst first
    new_since_review: tuple[str, ...] = ()  # claim ids that joined after the review

    @property
    def reviewed(self) -> bool:
        """Reviewed and unchanged since: a new disagreeing claim reopens a finding."""
        return self.review is not None and not self.new_since_review


@dataclass(frozen=True)
class Report:
    """Everything a renderer needs; built by ``claimcheck.engine.run``."""

    claims_file: ClaimsFile
    normalized: tuple[NormalizedClaim, ...]
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = ()
