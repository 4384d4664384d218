from __future__ import annotations

import json

from claimcheck.model import Report
from claimcheck.render.json import render_json


def test_json_structure(report: Report) -> None:
    text = render_json(report, command="report")
    doc = json.loads(text)
    assert list(doc) == [
        "version",
        "command",
        "claims_file",
        "findings",
        "claims",
        "problems",
        "summary",
    ]
    assert doc["version"] == 1 and doc["claims_file"] == "news/claims.yaml"
    f = doc["findings"][0]
    assert list(f) == [
        "fingerprint",
        "rule",
        "kind",
        "severity",
        "subject",
        "message",
        "claims",
        "reviewed",
        "review",
        "evidence",
        "new_since_review",
    ]
    assert f["kind"] == "contradiction"
    reviewed = [x for x in doc["findings"] if x["reviewed"]]
    assert reviewed[0]["review"]["verdict"] == "accepted"
    claims = {c["id"]: c for c in doc["claims"]}
    assert claims["herald-killed-40"]["time"] == {"start": "2021-03-01", "end": "2021-03-31"}
    assert claims["herald-killed-40"]["location"] == {
        "path": "news/claims.yaml",
        "line": 20,
        "col": 5,
    }
    assert claims["post-hostile"]["high"] == 7000  # the figure as written, not the NaN interval
    assert claims["herald-budget"]["low"] == 1200000000
    assert doc["summary"]["errors"] == 1 and doc["summary"]["reviewed"] == 1


def test_json_is_strict_and_keeps_text(report: Report) -> None:
    text = render_json(report, command="check")
    assert "NaN" not in text and "Infinity" not in text
    json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    doc = json.loads(text)
    assert "[bold red]x[/]" in doc["claims"][-1]["quote"] or any(
        "\x1b[31m" in c["quote"] for c in doc["claims"]
    )
    assert render_json(report, command="check") == text
