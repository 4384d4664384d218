"""normalize -> group -> rules -> one finding per disagreement, with tier, fingerprint, review.

Rules report clashing claims; the engine joins the reports of one rule and one
subject that share claims into one finding (union of the clashing pairs), so
three outlets disagreeing on one figure give one finding, not three.

Fingerprints are 12 hex characters computed from the rule, the subject key and
the *set* of the finding's claim contents (source, kind, values as written):
they survive reordering, id renames and unrelated edits, and a second claim of
one outlet with the same figure leaves them unchanged (one voice). A review
stays attached while the finding keeps its claims. When a new disagreeing
claim joins a reviewed finding, the finding's fingerprint changes; the engine
finds the review again (it matches the finding without the claims added later
in the file, or without one of its figures) and reopens the finding, naming
what is new. Reviews written by 0.1.0 (one per pair of claims) keep working:
a finding holding a reviewed pair takes that review (accepted wins when
several disagree), and ``claimcheck review --migrate`` rewrites them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from itertools import combinations
from typing import TYPE_CHECKING, Literal

from claimcheck import _smallhash as hashlib
from claimcheck.dataclassgen import dataclass
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

if TYPE_CHECKING:  # the rules (and the recognizers they use) load when run() needs them
    from claimcheck.rules._common import RawFinding

SEVERITY: dict[str, Severity] = {
    "contradiction": "error",
    "discrepancy": "warning",
    "update": "info",
}
_RANK = {"contradiction": 2, "discrepancy": 1, "update": 0}
LEGACY_MAX_CLAIMS = 60  # 0.1.0 pair fingerprints are looked up in findings up to this size
EVIDENCE = 8


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


try:  # the C encoder's own string quoting (json's ``ensure_ascii=False``), without json
    from _json import encode_basestring as _quoted
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from json.encoder import py_encode_basestring as _quoted


def compact_json(value: str | Sequence[object]) -> str:
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` of a string or of
    nested lists of strings, as the fingerprints hash it; json itself is ~1 ms of every
    ``check`` to import."""
    if isinstance(value, str):
        return str(_quoted(value))
    return "[" + ",".join(compact_json(v) for v in value) + "]"  # type: ignore[arg-type]


def fingerprint(rule: str, subject_key: str, claims: Iterable[NormalizedClaim]) -> str:
    """The 0.1.0 fingerprint of a pair of claims (kept to read old reviews)."""
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
    payload = compact_json([rule, subject_key, parts])
    digest: str = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return digest[:12]


def claim_hash(nc: NormalizedClaim) -> int:
    """What a claim says, not where it sits: source, kind and values as written."""
    c = nc.claim
    payload = compact_json(
        [c.source, c.kind, _norm(c.value), _norm(c.from_value), _norm(c.to_value)]
    )
    return int.from_bytes(hashlib.sha256(payload.encode("utf-8")).digest()[:8], "big")


def set_fingerprint(rule: str, subject_key: str, hashes: Iterable[int]) -> str:
    """Order-free: the sum of the distinct claim hashes, so sets can grow one by one."""
    total = sum(set(hashes)) % (1 << 64)
    payload = f"{rule}|{subject_key}|{total:016x}"
    digest: str = hashlib.sha256(payload.encode("utf-8")).hexdigest()
    return digest[:12]


@dataclass
class _Draft:
    rule: str
    subject: str
    label: str
    tier: str
    messages: list[str]
    evidence: list[str]
    claims: dict[str, NormalizedClaim]
    core: set[str]


def _merge(raws: Iterable[RawFinding]) -> list[_Draft]:
    """Raw findings of one rule and subject sharing a claim -> one draft each."""
    drafts: list[_Draft] = []
    owner: dict[tuple[str, str, bool, str], int] = {}
    parent: list[int] = []

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for raw in raws:
        i = len(drafts)
        drafts.append(
            _Draft(raw.rule, raw.subject, raw.label, raw.tier, [raw.message],
                   list(raw.evidence) or [raw.message],
                   {nc.claim.id: nc for nc in raw.claims},
                   set(raw.core) or {nc.claim.id for nc in raw.claims})
        )
        parent.append(i)
        is_update = raw.tier == "update"
        for nc in raw.claims:
            key = (raw.rule, raw.subject, is_update, nc.claim.id)
            j = owner.setdefault(key, i)
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    merged: dict[int, _Draft] = {}
    for i, d in enumerate(drafts):
        root = find(i)
        if root not in merged:
            merged[root] = d
            continue
        m = merged[root]
        if _RANK[d.tier] > _RANK[m.tier]:
            m.tier = d.tier
        m.messages += d.messages
        m.evidence += [e for e in d.evidence if e not in m.evidence]
        m.claims.update(d.claims)
        m.core |= d.core
    return [merged[k] for k in sorted(merged)]


def run(cf: ClaimsFile, rules: Sequence[str] | None = None) -> Report:
    """The whole comparison; ``rules`` restricts it to some rule ids."""
    from claimcheck.claimsfile.gcpause import paused

    with paused():
        return _run(cf, rules)


def _run(cf: ClaimsFile, rules: Sequence[str] | None) -> Report:
    from claimcheck.grouping import group
    from claimcheck.normalize import normalize, settings_of
    from claimcheck.rules import REGISTRY

    settings = settings_of(cf)
    normalized = normalize(cf, settings)
    chosen = [REGISTRY[r] for r in sorted(rules or REGISTRY)]
    raws = [raw for g in group(normalized) for rule in chosen for raw in rule.check(g, settings)]
    order = {c.id: i for i, c in enumerate(cf.claims)}
    findings: dict[str, Finding] = {}
    drafts: dict[str, _Draft] = {}
    for d in _merge(raws):
        fp = set_fingerprint(d.rule, d.subject, (claim_hash(d.claims[i]) for i in d.core))
        message = d.messages[0] if len(d.messages) == 1 else (
            f"{len(d.claims)} claims cannot all hold for {d.label}: "
            + "; ".join(d.messages[:3])
            + (f"; and {len(d.messages) - 3} more pairs" if len(d.messages) > 3 else "")
        )
        findings[fp] = Finding(
            fingerprint=fp,
            rule=d.rule,
            tier=d.tier,  # type: ignore[arg-type]
            severity=SEVERITY[d.tier],
            subject=d.label,
            message=message,
            claims=tuple(sorted(d.claims)),
            evidence=tuple(d.evidence[:EVIDENCE]),
        )
        drafts[fp] = d
    attached, notes, used = _attach_reviews(cf.reviews, findings, drafts, order)
    ordered = sorted(
        attached.values(), key=lambda f: (f.subject, f.rule, f.claims, f.fingerprint)
    )
    return Report(
        claims_file=cf,
        normalized=normalized,
        findings=tuple(ordered),
        problems=tuple(sorted([*cf.warnings, *notes, *_stale(cf, cf.reviews, used)])),
    )


def _attach_reviews(
    reviews: Sequence[Review],
    findings: dict[str, Finding],
    drafts: dict[str, _Draft],
    order: dict[str, int],
) -> tuple[dict[str, Finding], list[Problem], set[str]]:
    """Exact matches first, then grown findings (reopened), then 0.1.0 pair reviews."""
    out = dict(findings)
    notes: list[Problem] = []
    used: set[str] = set()
    pending = []
    for r in reviews:
        fp = r.fingerprint.lower()
        if fp in out and out[fp].review is None:
            out[fp] = replace(out[fp], review=r)
            used.add(fp)
        else:
            pending.append(r)
    if not pending:
        return out, notes, used
    grown = _grown_index(findings, drafts, order)
    legacy: dict[str, list[Review]] = {}
    for r in pending:
        fp = r.fingerprint.lower()
        hit = grown.get(fp)
        if hit is not None and out[hit[0]].review is None:
            out[hit[0]] = replace(out[hit[0]], review=r, new_since_review=hit[1])
            used.add(fp)
            continue
        legacy.setdefault(fp, []).append(r)
    if legacy:
        used |= _attach_legacy(legacy, out, drafts, notes)
    return out, notes, used


def _grown_index(
    findings: dict[str, Finding], drafts: dict[str, _Draft], order: dict[str, int]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Fingerprints the finding had before claims joined -> (finding, the new claims).

    Prefixes in file order (claims are appended as articles arrive) and the set
    without any one figure; linear in the claims of each finding.
    """
    index: dict[str, tuple[str, tuple[str, ...]]] = {}
    for fp, d in drafts.items():
        ncs = sorted(
            (d.claims[i] for i in d.core), key=lambda nc: order.get(nc.claim.id, 0)
        )
        hashes = [claim_hash(nc) for nc in ncs]
        distinct = set(hashes)
        seen: set[int] = set()
        total = 0
        for k, h in enumerate(hashes[:-1]):
            if h not in seen:
                seen.add(h)
                total += h
            if len(seen) >= 2 and seen != distinct:
                pfp = set_fingerprint(d.rule, d.subject, [total])
                new = tuple(sorted(nc.claim.id for nc in ncs[k + 1 :]
                                   if claim_hash(nc) not in seen))
                index.setdefault(pfp, (fp, new))
        if len(distinct) > 2:
            for h in sorted(distinct):
                pfp = set_fingerprint(d.rule, d.subject, [sum(distinct) - h])
                new = tuple(sorted(nc.claim.id for nc in ncs if claim_hash(nc) == h))
                index.setdefault(pfp, (fp, new))
    index = {k: v for k, v in index.items() if k not in findings}
    return index


def _attach_legacy(
    legacy: dict[str, list[Review]],
    out: dict[str, Finding],
    drafts: dict[str, _Draft],
    notes: list[Problem],
) -> set[str]:
    """0.1.0 reviews named a pair of claims: find the finding holding that pair."""
    used: set[str] = set()
    for fp, d in drafts.items():
        if out[fp].review is not None or len(d.claims) > LEGACY_MAX_CLAIMS:
            continue
        matched: list[Review] = []
        covered: set[str] = set()
        ncs = sorted((d.claims[i] for i in d.core), key=lambda nc: nc.claim.id)
        for a, b in combinations(ncs, 2):
            old = fingerprint(d.rule, d.subject, (a, b))
            if old in legacy:
                matched += [r for r in legacy[old] if r not in matched]
                covered.update((a.claim.id, b.claim.id))
        if not matched:
            continue
        verdict: Literal["accepted", "dismissed"] = (
            "accepted" if any(r.verdict == "accepted" for r in matched) else "dismissed"
        )
        note = " / ".join(r.note for r in matched if r.note)
        review = Review(fingerprint=fp, verdict=verdict, note=note, location=matched[0].location)
        used |= {r.fingerprint.lower() for r in matched}
        new = tuple(sorted(d.core - covered))
        out[fp] = replace(out[fp], review=review, new_since_review=new)
        for r in matched:
            notes.append(
                Problem(
                    location=r.location or Location(""),
                    severity="info",
                    message=f"review {r.fingerprint} names a pair (claimcheck 0.1.0); "
                    f"it now reviews finding {fp}",
                    code="legacy-review",
                    hint="run `claimcheck review --migrate` to rewrite it",
                )
            )
    return used


def _stale(cf: ClaimsFile, reviews: Iterable[Review], used: set[str]) -> list[Problem]:
    return [
        Problem(
            location=r.location or Location(cf.path),
            severity="warning",
            message=f"stale review: fingerprint {r.fingerprint} matches no finding",
            code="stale-review",
            hint="the claims it reviewed changed or were removed; delete or update the review",
        )
        for r in reviews
        if r.fingerprint.lower() not in used
    ]


_LEGACY = re.compile(r"^review (\S+) names a pair .*; it now reviews finding (\S+)$")


def replaced_reviews(report: Report, finding: Finding) -> list[str]:
    """Fingerprints of the reviews in the file that a new review of ``finding`` replaces:
    its review from before claims joined it, and the 0.1.0 pair reviews it absorbed."""
    old = []
    if finding.review is not None and finding.review.fingerprint.lower() != finding.fingerprint:
        old.append(finding.review.fingerprint)
    for p in report.problems:
        m = _LEGACY.match(p.message) if p.code == "legacy-review" else None
        if m and m.group(2) == finding.fingerprint:
            old.append(m.group(1))
    return sorted(set(old))


def lookup(report: Report, fingerprint: str) -> Finding | None:
    """The finding with this fingerprint, a unique prefix of it (at least 4 characters),
    or whose review was written under this older fingerprint."""
    fp = fingerprint.strip().lower()
    exact = [f for f in report.findings if f.fingerprint == fp]
    if exact:
        return exact[0]
    older = [f for f in report.findings if fp in [r.lower() for r in replaced_reviews(report, f)]]
    if older:
        return older[0]
    prefixed = [f for f in report.findings if len(fp) >= 4 and f.fingerprint.startswith(fp)]
    return prefixed[0] if len(prefixed) == 1 else None
