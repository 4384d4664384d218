"""normalize -> group -> rules -> findings with severity, fingerprint and review."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from claimcheck.model import (
    ClaimsFile,
    Finding,
    Location,
    NormalizedClaim,
    Problem,
    Report,
    Review,
    Severity,
)

SEVERITY: dict[str, Severity] = {
    "contradiction": "error",
    "discrepancy": "warning",
    "update": "info",
}


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


def fingerprint(rule: str, subject_key: str, claims: Iterable[NormalizedClaim]) -> str:
    """12 hex chars that survive reordering, id renames and unrelated edits."""
    parts = sorted(
        [
            nc.claim.source,
            _norm(nc.claim.quote),
            _norm(nc.claim.value),
            _norm(nc.claim.from_value),
            _norm(nc.claim.to_value),
        ]
        for nc in claims
    )
    payload = json.dumps([rule, subject_key, parts], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def run(cf: ClaimsFile, rules: Sequence[str] | None = None) -> Report:
    """The whole comparison; ``rules`` restricts it to some rule ids."""
    from claimcheck.grouping import group
    from claimcheck.normalize import normalize, settings_of
    from claimcheck.rules import REGISTRY

    settings = settings_of(cf)
    normalized = normalize(cf, settings)
    chosen = [REGISTRY[r] for r in sorted(rules or REGISTRY)]
    reviews = {r.fingerprint.lower(): r for r in cf.reviews}
    findings: dict[str, Finding] = {}
    for g in group(normalized):
        for rule in chosen:
            for raw in rule.check(g, settings):
                fp = fingerprint(raw.rule, raw.subject, raw.claims)
                if fp in findings:
                    continue
                findings[fp] = Finding(
                    fingerprint=fp,
                    rule=raw.rule,
                    tier=raw.tier,
                    severity=SEVERITY[raw.tier],
                    subject=raw.label,
                    message=raw.message,
                    claims=tuple(sorted(nc.claim.id for nc in raw.claims)),
                    review=reviews.get(fp),
                )
    ordered = sorted(findings.values(), key=lambda f: (f.subject, f.rule, f.claims, f.fingerprint))
    return Report(
        claims_file=cf,
        normalized=normalized,
        findings=tuple(ordered),
        problems=tuple(sorted([*cf.warnings, *_stale(cf, cf.reviews, findings)])),
    )


def _stale(
    cf: ClaimsFile, reviews: Iterable[Review], findings: dict[str, Finding]
) -> list[Problem]:
    return [
        Problem(
            location=r.location or Location(cf.path),
            severity="warning",
            message=f"stale review: fingerprint {r.fingerprint} matches no finding",
            code="stale-review",
            hint="the claims it reviewed changed or were removed; delete or update the review",
        )
        for r in reviews
        if r.fingerprint.lower() not in findings
    ]
