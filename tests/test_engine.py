from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.engine import fingerprint, run
from claimcheck.model import Review
from tests.rules import helpers as h

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [h.source("a", "2023-10-21"), h.source("b", "2023-10-22"), h.source("c", "2023-10-23")]
CLAIMS = [
    h.claim("a1", "a", "people killed in Gaza", "count", "more than 1,200", "people",
            "2023-10-20"),
    h.claim("b1", "b", "people killed in Gaza", "count", "about 900", "people", "2023-10-20"),
    h.claim("c1", "c", "people killed in Gaza", "count", "1,250", "people", "2023-10-20"),
    h.claim("c2", "c", "crowd at the rally in Paris", "level", "40,000", "people", "2023-05-01"),
    h.claim("a2", "a", "crowd at the rally in Paris", "level", "about 12,000", "people",
            "2023-05-01"),
]


def _prints(claims):  # type: ignore[no-untyped-def]
    return sorted(f.fingerprint for f in run(h.cfile(SOURCES, claims)).findings)


@settings(max_examples=30, deadline=None)
@given(st.permutations(CLAIMS))
def test_fingerprints_survive_reordering(claims) -> None:  # type: ignore[no-untyped-def]
    assert _prints(claims) == _prints(CLAIMS)


def test_fingerprints_survive_id_renames_and_unrelated_edits() -> None:
    renamed = [dataclasses.replace(c, id=c.id + "-x") for c in CLAIMS]
    extra = [*CLAIMS, h.claim("z", "a", "boats in Lisbon", "count", "3", "boats", "2023")]
    assert _prints(renamed) == _prints(CLAIMS) == _prints(extra)


def test_fingerprint_changes_with_value() -> None:
    changed = [dataclasses.replace(CLAIMS[1], value="about 800"), *CLAIMS[:1], *CLAIMS[2:]]
    assert _prints(changed) != _prints(CLAIMS)
    assert len(fingerprint("r", "s", [])) == 12


def test_severity_sorting_reviews_and_stale() -> None:
    report = run(h.cfile(SOURCES, CLAIMS))
    assert [f.subject for f in report.findings] == sorted(f.subject for f in report.findings)
    assert {f.severity for f in report.findings} <= {"error", "warning", "info"}
    fp = report.findings[0].fingerprint
    reviews = (Review(fp, "accepted", "known"), Review("0123456789ab", "dismissed"))
    again = run(h.cfile(SOURCES, CLAIMS, reviews=reviews))
    assert again.findings[0].reviewed and again.findings[0].review == reviews[0]
    assert [p.code for p in again.problems] == ["stale-review"]
    assert "0123456789ab" in again.problems[0].message


def test_seed_claims_file_end_to_end() -> None:
    path = ROOT / "claims.yaml"
    if not path.exists():
        pytest.skip("curated claims.yaml not present")
    from claimcheck.claimsfile.load import load

    report = run(load(str(path)))
    by_rule: dict[str, list[str]] = {}
    for f in report.findings:
        by_rule.setdefault(f.rule, []).extend([f.message, *f.evidence])
    starts = [m for m in by_rule.get("movement-endpoints", []) if "5,200 vs 5,300" in m]
    assert starts and "starting level" in starts[0]
    windows = by_rule.get("window-conflict", [])
    assert any("3 years vs 8 years" in m for m in windows)
    assert any(m.startswith("3 years from") and "by the end of 2021" in m for m in windows)
    assert "value-conflict" not in by_rule  # 5,200 (2018), 2,500 (Jan 2021), ~2,500 (Jul 2021)


def _big_file(n: int):  # type: ignore[no-untyped-def]
    """35,000 distinct subjects over 7 places; each subject's figure differs by year."""
    places = ["Iraq", "Syria", "Kenya", "Peru", "France", "Japan", "Chile"]
    sources = [h.source(f"s{i}", "2020-06-01") for i in range(200)]
    claims = [
        h.claim(f"c{i}", f"s{i % 200}", f"thing{i % 5000} workers in {places[i % 7]}", "level",
                f"{1000 + i % 5000}", "people", f"{2000 + i % 20}-0{1 + i % 9}")
        for i in range(n)
    ]
    return h.cfile(sources, claims)


@pytest.mark.slow
def test_large_file_runs_blocked_by_subject() -> None:
    """Behaviour at size, not speed (benchmarks/ measures time): every claim is normalized,
    and figures that differ only across years never become findings."""
    cf = _big_file(20_000)
    report = run(cf)
    assert len(report.normalized) == 20_000
    assert all(f.rule != "value-conflict" or f.tier != "contradiction" for f in report.findings)


QUAKE = "people killed in the earthquake in Van"


def _quake_sources():  # type: ignore[no-untyped-def]
    return [h.source(s, "2023-02-07", f"Outlet {s}") for s in ("a", "b", "c", "d")]


def test_one_finding_per_disagreement_listing_every_voice() -> None:
    claims = [
        h.claim("a1", "a", QUAKE, "count", "1,500", "people", "2023-02-06"),
        h.claim("a2", "a", QUAKE, "count", "1,500", "people", "2023-02-06"),  # same voice
        h.claim("b1", "b", QUAKE, "count", "2,300", "people", "2023-02-06"),
        h.claim("c1", "c", QUAKE, "count", "900", "people", "2023-02-06"),
        h.claim("d1", "d", QUAKE, "count", "at least 900", "people", "2023-02-06"),  # agrees
    ]
    findings = run(h.cfile(_quake_sources(), claims)).findings
    assert len(findings) == 1
    f = findings[0]
    assert f.tier == "contradiction" and {"a1", "b1", "c1"} <= set(f.claims)
    assert "d1" not in f.claims
    assert f.evidence and "2,300" in " ".join(f.evidence)
    again = run(h.cfile(_quake_sources(), claims[:1] + claims[2:])).findings
    assert again[0].fingerprint == f.fingerprint  # a repeated figure of one outlet: one voice


def test_many_claims_on_one_subject_give_one_finding() -> None:
    """Benchmark-style (not timed): 5,000 claims from 500 outlets on one day."""
    sources = [h.source(f"s{i}", "2023-02-07") for i in range(500)]
    claims = [
        h.claim(f"c{i}", f"s{i % 500}", QUAKE, "count", f"{1000 + (i % 500) * 7:,}", "people",
                "2023-02-06")
        for i in range(5000)
    ]
    report = run(h.cfile(sources, claims))
    assert len(report.findings) == 1
    assert len(report.findings[0].claims) == 5000
    assert len(report.findings[0].evidence) <= 8


def test_rising_toll_is_an_update_and_a_falling_one_a_finding() -> None:
    rising = [
        h.claim("a1", "a", QUAKE, "count", "58", "people", "2023-02-06"),
        h.claim("b1", "b", QUAKE, "count", "375", "people", "2023-02-07"),
    ]
    found = run(h.cfile(_quake_sources(), rising)).findings
    assert [f.tier for f in found] == []  # different days: not compared as one time
    overlapping = [
        h.claim("a1", "a", QUAKE, "count", "58", "people", "2023-02-06/2023-02-07"),
        h.claim("b1", "b", QUAKE, "count", "375", "people", "2023-02-07/2023-02-08"),
    ]
    assert [f.tier for f in run(h.cfile(_quake_sources(), overlapping)).findings] == ["update"]
    falling = [
        h.claim("a1", "a", QUAKE, "count", "375", "people", "2023-02-06"),
        h.claim("b1", "b", QUAKE, "count", "58", "people", "2023-02-08"),
    ]
    assert [f.tier for f in run(h.cfile(_quake_sources(), falling)).findings] == ["discrepancy"]


def test_a_new_disagreeing_claim_reopens_a_reviewed_finding() -> None:
    claims = [
        h.claim("a1", "a", QUAKE, "count", "1,500", "people", "2023-02-06"),
        h.claim("b1", "b", QUAKE, "count", "2,300", "people", "2023-02-06"),
    ]
    fp = run(h.cfile(_quake_sources(), claims)).findings[0].fingerprint
    reviews = (Review(fp, "accepted", "police vs hospital count"),)
    kept = run(h.cfile(_quake_sources(), claims, reviews=reviews))
    assert kept.findings[0].reviewed and not kept.problems
    grown = [*claims, h.claim("c1", "c", QUAKE, "count", "3,100", "people", "2023-02-06")]
    reopened = run(h.cfile(_quake_sources(), grown, reviews=reviews))
    f = reopened.findings[0]
    assert f.review == reviews[0] and not f.reviewed
    assert f.new_since_review == ("c1",)
    assert not [p for p in reopened.problems if p.code == "stale-review"]


def test_reviews_of_010_pairs_keep_working() -> None:
    from claimcheck.grouping import group
    from claimcheck.normalize import normalize

    claims = [
        h.claim("a1", "a", QUAKE, "count", "1,500", "people", "2023-02-06"),
        h.claim("b1", "b", QUAKE, "count", "2,300", "people", "2023-02-06"),
        h.claim("c1", "c", QUAKE, "count", "3,100", "people", "2023-02-06"),
    ]
    cf = h.cfile(_quake_sources(), claims)
    norm = {nc.claim.id: nc for nc in normalize(cf)}
    key = group(list(norm.values()))[0].subject
    old = fingerprint("value-conflict", key, [norm["a1"], norm["b1"]])
    report = run(h.cfile(_quake_sources(), claims, reviews=(Review(old, "dismissed", "ok"),)))
    f = report.findings[0]
    assert f.review is not None and f.review.verdict == "dismissed"
    assert f.new_since_review == ("c1",)  # the pair review did not cover c1
    assert [p.code for p in report.problems] == ["legacy-review"]


@given(
    st.lists(st.one_of(st.text(), st.lists(st.text(), max_size=4),
                       st.lists(st.lists(st.text(), max_size=3), max_size=3)), max_size=5)
)  # fmt: skip
def test_compact_json_is_json_dumps_compact_and_unescaped(value: list[object]) -> None:
    import json

    from claimcheck.engine import compact_json

    assert compact_json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
