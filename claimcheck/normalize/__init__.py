"""Claims -> NormalizedClaim: values, times, subjects and units made comparable.

A time that extraction guessed (``time_source: publication`` or ``event``: the
article's date or the event's, not words next to the figure) is looser than a
stated one: it is widened by a day on each side, and rules never call a clash
on a guessed time a contradiction. Claims without ``time_source`` were written
by an editor and count as stated.

Settings (``settings:`` in the claims file): ``about_tolerance`` (default 0.1),
``rounding_cap`` (default 0.05) and ``subject_threshold`` (default 85).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from datetime import date, timedelta

from claimcheck.dataclassgen import dataclass
from claimcheck.model import (
    Claim,
    ClaimsFile,
    DateInterval,
    NormalizedClaim,
    Source,
)
from claimcheck.normalize.fastparse import MISS, fast_time
from claimcheck.normalize.subjects import DEFAULT_SUBJECT_THRESHOLD, canonical_keys
from claimcheck.normalize.times import normalize_time
from claimcheck.normalize.values import (
    DEFAULT_ABOUT_TOLERANCE,
    DEFAULT_ROUNDING_CAP,
    normalize_unit,
    parse_value,
)

__all__ = ["Settings", "normalize", "settings_of"]


@dataclass(frozen=True)
class Settings:
    """Comparison settings plus the sources, which rules need for publication dates."""

    about_tolerance: float = DEFAULT_ABOUT_TOLERANCE
    subject_threshold: float = DEFAULT_SUBJECT_THRESHOLD
    rounding_cap: float = DEFAULT_ROUNDING_CAP
    sources: Mapping[str, Source] = field(default_factory=dict)


def settings_of(cf: ClaimsFile) -> Settings:
    return Settings(
        about_tolerance=float(cf.settings.get("about_tolerance", DEFAULT_ABOUT_TOLERANCE)),
        subject_threshold=float(cf.settings.get("subject_threshold", DEFAULT_SUBJECT_THRESHOLD)),
        rounding_cap=float(cf.settings.get("rounding_cap", DEFAULT_ROUNDING_CAP)),
        sources={s.id: s for s in cf.sources},
    )


def normalize(cf: ClaimsFile, settings: Settings | None = None) -> tuple[NormalizedClaim, ...]:
    """Every claim of the file, in file order, with comparable value, time and subject."""
    settings = settings or settings_of(cf)
    keys = canonical_keys(
        [c.subject for c in cf.claims], cf.aliases, settings.subject_threshold
    )
    tol = settings.about_tolerance
    cap = settings.rounding_cap
    published_of = {sid: s.published for sid, s in settings.sources.items()}
    out: list[NormalizedClaim] = []
    new, set_dict = object.__new__, object.__setattr__
    for claim in cf.claims:
        published = published_of.get(claim.source)
        unit_text = claim.unit
        value, stated, amount = parse_value(claim.value, claim.qualifier, tol, unit_text, cap)
        from_value = to_value = None  # most claims give neither: no cache lookup
        if claim.from_value is not None:
            from_value = parse_value(claim.from_value, None, tol, unit_text, cap)[0]
        if claim.to_value is not None:
            to_value = parse_value(claim.to_value, None, tol, unit_text, cap)[0]
        text = claim.time
        fast = MISS if text is None else fast_time(text)
        if fast is not MISS and fast.mod is None:  # type: ignore[attr-defined]
            time, mod = fast.interval, None  # type: ignore[attr-defined]  # normalize_time's
        else:  # first answer, without its call (a plain date: most claims)
            time, mod = normalize_time(text, published)
        if time is not None and claim.time_source in _GUESSED:
            time = _widened(time)
        unit = normalize_unit(unit_text or (amount.unit if amount else None))
        key, place = keys[claim.subject]
        nc = new(NormalizedClaim)  # built(): every field, as one dict, in field order
        set_dict(nc, "__dict__", {
            "claim": claim, "subject_key": key, "place": place, "value": value,
            "stated": stated, "time": time, "from_value": from_value, "to_value": to_value,
            "unit": unit, "time_mod": mod,
        })  # fmt: skip
        out.append(nc)
    return tuple(out)


_GUESSED = frozenset({"publication", "event"})
"""Time sources of a time inferred by extraction, not written next to the figure."""


def _guessed(claim: Claim) -> bool:
    """The time was inferred by extraction, not written next to the figure."""
    return getattr(claim, "time_source", None) in _GUESSED


def _widened(t: DateInterval) -> DateInterval:
    """A guessed day is looser than a stated one: a day more on each side."""
    one = timedelta(days=1)
    start = t.start - one if t.start is not None and t.start > date.min else t.start
    end = t.end + one if t.end is not None and t.end < date.max else t.end
    return DateInterval(start, end)
