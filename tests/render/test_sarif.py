from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from claimcheck.model import Report
from claimcheck.render.sarif import artifact_uri, render_sarif

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"


def test_sarif_validates_against_official_schema(report: Report) -> None:
    doc = json.loads(render_sarif(report))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)


def test_sarif_content(report: Report) -> None:
    doc = json.loads(render_sarif(report))
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "claimcheck"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(ids) and "value-conflict" in ids
    by_fp = {r.get("partialFingerprints", {}).get("claimcheck/v1"): r for r in run["results"]}
    bad = by_fp["a1b2c3d4e5f6"]
    assert bad["level"] == "error"
    region = bad["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 70, "startColumn": 5}
    assert len(bad["relatedLocations"]) == 2
    assert by_fp["b2c3d4e5f6a7"]["suppressions"][0]["justification"].startswith("Sources")
    assert by_fp["c3d4e5f6a7b8"]["level"] == "note"


def test_artifact_uri() -> None:
    assert artifact_uri(".\\news\\my claims.yaml") == "news/my%20claims.yaml"
