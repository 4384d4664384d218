"""Narrow a Report to what the user asked about (``--subject``, ``--source``...).

Filtering happens after the engine ran on the whole file, so a finding is
never lost because one of its claims was filtered out: a finding is kept when
any of its claims is kept, and the claims it names stay visible with it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from claimcheck.dataclassgen import dataclass
from claimcheck.model import Finding, NormalizedClaim, Report

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

# A subject query matches when rapidfuzz's token_set_ratio reaches this score.
SUBJECT_QUERY_THRESHOLD = 70.0

_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Filters:
    subjects: Sequence[str] = ()
    sources: Sequence[str] = ()
    since: date | None = None
    until: date | None = None
    severity: str | None = None  # minimum severity of findings to keep

    @property
    def active(self) -> bool:
        return bool(self.subjects or self.sources or self.since or self.until or self.severity)


def _fold(text: str) -> str:
    """Query and subject read alike: look-alike letters and invisible characters folded
    (as subjects are when they are keyed), then words."""
    from claimcheck.normalize.subjects import skeleton

    return " ".join(_WORD.findall(skeleton(text).lower().replace("|", " ")))


def subject_matches(query: str, nc: NormalizedClaim) -> bool:
    """Fuzzy: ``troops iraq`` finds "US troops in Iraq" (key ``us troops|iraq``)."""
    from rapidfuzz import fuzz

    q = _fold(query)
    if not q:
        return True
    candidates = (_fold(nc.subject_key), _fold(nc.claim.subject))
    q_words = set(q.split())
    for cand in candidates:
        if q_words <= set(cand.split()):
            return True
        if fuzz.token_set_ratio(q, cand) >= SUBJECT_QUERY_THRESHOLD and _place_ok(q, nc):
            return True
    return False


def _place_ok(query: str, nc: NormalizedClaim) -> bool:
    """A query that names a different place than the claim's never matches it."""
    if nc.place is None:
        return True
    from claimcheck.normalize.subjects import SubjectFolder

    q_place = SubjectFolder().parts(query).place
    return q_place is None or q_place == nc.place


def _time_ok(nc: NormalizedClaim, since: date | None, until: date | None) -> bool:
    if nc.time is None:
        return since is None and until is None
    if since is not None and nc.time.end is not None and nc.time.end < since:
        return False
    return not (until is not None and nc.time.start is not None and nc.time.start > until)


def keep_claim(nc: NormalizedClaim, f: Filters) -> bool:
    if f.sources and nc.claim.source not in f.sources:
        return False
    if f.subjects and not any(subject_matches(s, nc) for s in f.subjects):
        return False
    return _time_ok(nc, f.since, f.until)


def hide_updates(report: Report) -> Report:
    """Updates (info: a toll that rose) are not findings to act on: hidden unless asked."""
    if all(fd.severity != "info" for fd in report.findings):
        return report
    kept = tuple(fd for fd in report.findings if fd.severity != "info")
    return dataclasses.replace(report, findings=kept)


def apply(report: Report, f: Filters) -> Report:
    """Return a Report holding only the claims and findings the filters keep.

    Info findings (updates) are dropped unless ``--severity info`` asks for them.
    """
    if f.severity != "info":
        report = hide_updates(report)
    if not f.active:
        return report
    kept = {nc.claim.id for nc in report.normalized if keep_claim(nc, f)}
    min_rank = SEVERITY_RANK[f.severity] if f.severity else 0
    findings: list[Finding] = [
        fd
        for fd in report.findings
        if kept.intersection(fd.claims) and SEVERITY_RANK[fd.severity] >= min_rank
    ]
    shown = set(kept)
    for fd in findings:
        shown.update(fd.claims)
    if f.severity:
        # Asked for findings of a severity: show only the claims they involve.
        shown = {cid for fd in findings for cid in fd.claims}
    normalized = tuple(nc for nc in report.normalized if nc.claim.id in shown)
    problems = tuple(p for p in report.problems if SEVERITY_RANK.get(p.severity, 2) >= min_rank)
    return dataclasses.replace(
        report, normalized=normalized, findings=tuple(findings), problems=problems
    )
