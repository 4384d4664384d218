"""Machine-readable output with a fixed, documented key order (docs/output-formats.md)."""

from __future__ import annotations

import json
import math
from functools import lru_cache
from typing import Any

from claimcheck.model import Finding, Location, Problem, Report, ValueInterval
from claimcheck.render.common import Index, Row, is_checked, qualifier_of, sort_findings
from claimcheck.render.jsontext import PLACEHOLDER

JSON_VERSION = 1


def _num(x: float | None) -> float | int | None:
    """Non-finite numbers have no JSON spelling: null. Whole floats print as ints."""
    if x is None or not math.isfinite(x):
        return None
    return int(x) if x == int(x) and abs(x) < 2**53 else x


def _loc(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {"path": loc.path, "line": loc.line, "col": loc.col}


@lru_cache(maxsize=65536)  # a big file repeats its values; the result is frozen
def _as_written(value: str | None, qualifier: str | None) -> ValueInterval | None:
    """``low``/``high`` are the numbers the words allow, before rounding or hedge tolerance
    (docs/output-formats.md): "50 million" is 50,000,000, not 49.5-50.5 million."""
    from claimcheck.normalize.fastparse import amount_of as parse_amount
    from claimcheck.normalize.values import stated_interval

    amount = parse_amount(value) if value else None
    return stated_interval(amount, qualifier) if amount is not None else None


def _finding(f: Finding) -> dict[str, Any]:
    review = None
    if f.review is not None:
        review = {"verdict": f.review.verdict, "note": f.review.note}
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "kind": f.tier,
        "severity": f.severity,
        "subject": f.subject,
        "message": f.message,
        "claims": list(f.claims),
        "reviewed": f.reviewed,
        "review": review,
        "evidence": list(f.evidence),
        "new_since_review": list(f.new_since_review),
    }


@lru_cache(maxsize=65536)  # a big file repeats its values
def _written_bounds(value: str | None, qualifier: str | None) -> tuple[Any, Any]:
    """``low`` and ``high`` of ``claim_dict``: the bounds ``_as_written`` gives, as JSON."""
    stated = _as_written(value, qualifier)
    return (_num(stated.low), _num(stated.high)) if stated else (None, None)


def claim_dict(r: Row) -> dict[str, Any]:
    c, n = r.claim, r.norm
    low, high = _written_bounds(c.value, c.qualifier) if n else (None, None)
    t = n.time if n else None
    loc = c.location
    return {
        "id": c.id,
        "source": c.source,
        "subject": c.subject,
        "subject_key": n.subject_key if n else None,
        "kind": c.kind,
        "value": c.value,
        "from": c.from_value,
        "to": c.to_value,
        "low": low,
        "high": high,
        "qualifier": qualifier_of(n, c),  # Row.qualifier
        "unit": c.unit,
        "time": None  # DateInterval.to_json, without the call
        if not t
        else {
            "start": t.start.isoformat() if t.start else None,
            "end": t.end.isoformat() if t.end else None,
        },
        "time_text": c.time,
        "time_source": c.time_source or "stated",
        "quote": c.quote,
        "said_by": c.said_by,
        "status": c.status,
        "location": None if loc is None else {"path": loc.path, "line": loc.line, "col": loc.col},
    }


def _problem(p: Problem) -> dict[str, Any]:
    return {
        "severity": p.severity,
        "code": p.code,
        "message": p.message,
        "hint": p.hint,
        "location": _loc(p.location),
    }


def render_json(report: Report, *, command: str) -> str:
    from claimcheck.claimsfile.gcpause import paused

    with paused():
        return _render(report, command)


def _render(report: Report, command: str) -> str:
    index = Index(report)
    findings = sort_findings(report.findings)
    rows = [r for g in index.groups() for r in g.rows]
    checked = [f for f in findings if is_checked(f)]
    sev = [f.severity for f in checked] + [p.severity for p in report.problems]
    doc: dict[str, Any] = {
        "version": JSON_VERSION,
        "command": command,
        "claims_file": report.claims_file.path,
        "findings": [_finding(f) for f in findings],
        "claims": PLACEHOLDER,  # the longest part: written by dumps_records
        "problems": [_problem(p) for p in sorted(report.problems)],
        "summary": {
            "sources": len(report.claims_file.sources),
            "claims": len(rows),
            "findings": len(findings),
            "unreviewed": sum(1 for f in findings if not f.reviewed),
            "reviewed": sum(1 for f in findings if f.reviewed),
            "by_kind": {
                t: sum(1 for f in findings if f.tier == t)
                for t in ("contradiction", "discrepancy", "update")
            },
            "errors": sev.count("error"),
            "warnings": sev.count("warning"),
            "problems": len(report.problems),
        },
    }
    from claimcheck.render.jsontext import dumps_records, splice

    text = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False)
    return splice(text, dumps_records([claim_dict(r) for r in rows], 1), end="\n")
