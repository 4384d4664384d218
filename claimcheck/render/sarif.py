"""SARIF 2.1.0 for code-scanning dashboards; fingerprints and rule ids stay stable across
runs so alerts are not duplicated."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import claimcheck
from claimcheck.model import Finding, Location, Problem, Report
from claimcheck.render.common import Index, sort_findings

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/claimcheck/claimcheck"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

RULE_HELP: dict[str, str] = {
    "value-conflict": "Two sources state values for the same subject and time that cannot "
    "both hold, even with the hedge tolerance applied.",
    "input": "The claims file or an article could not be read as written.",
}


def artifact_uri(path: str) -> str:
    """A relative URI with forward slashes; spaces and the like percent-encoded."""
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return quote(p, safe="/-_.~")


def _location(loc: Location, message: str | None = None, id_: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if id_ is not None:
        out["id"] = id_
    out["physicalLocation"] = {
        "artifactLocation": {"uri": artifact_uri(loc.path)},
        "region": {"startLine": max(loc.line, 1), "startColumn": max(loc.col, 1)},
    }
    if message:
        out["message"] = {"text": message}
    return out


def _rule(rule_id: str, kind: str) -> dict[str, Any]:
    text = RULE_HELP.get(rule_id, f"claimcheck {kind} rule {rule_id}.")
    return {
        "id": rule_id,
        "shortDescription": {"text": f"{rule_id} ({kind})"},
        "fullDescription": {"text": text},
        "help": {"text": text},
    }


def _finding_result(index: Index, f: Finding) -> dict[str, Any]:
    locs = sorted({index.location(i) for i in f.claims}) or [
        Location(index.report.claims_file.path)
    ]
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "level": _LEVEL.get(f.severity, "note"),
        "kind": "fail",
        "message": {"text": f"{f.subject}: {f.message}"},
        "locations": [_location(locs[0])],
    }
    if len(locs) > 1:
        result["relatedLocations"] = [
            _location(loc, "other claim", n) for n, loc in enumerate(locs[1:], start=1)
        ]
    result["partialFingerprints"] = {"claimcheck/v1": f.fingerprint}
    result["properties"] = {"tier": f.tier, "claims": list(f.claims)}
    if f.review is not None:
        result["suppressions"] = [
            {"kind": "external", "status": "accepted", "justification": f.review.note}
        ]
    return result


def _problem_result(p: Problem) -> dict[str, Any]:
    text = p.message + (f" (hint: {p.hint})" if p.hint else "")
    return {
        "ruleId": p.code,
        "level": _LEVEL.get(p.severity, "note"),
        "message": {"text": text},
        "locations": [_location(p.location)],
    }


def render_sarif(report: Report) -> str:
    index = Index(report)
    findings = sort_findings(report.findings)
    rules: dict[str, dict[str, Any]] = {}
    for f in findings:
        rules.setdefault(f.rule, _rule(f.rule, f.tier))
    for p in report.problems:
        rules.setdefault(p.code, _rule(p.code, "input"))
    results = [_problem_result(p) for p in sorted(report.problems)]
    results += [_finding_result(index, f) for f in findings]
    doc = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimcheck",
                        "version": claimcheck.__version__,
                        "informationUri": INFO_URI,
                        "rules": [rules[k] for k in sorted(rules)],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
