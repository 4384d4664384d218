"""Filters: updates (info) are hidden unless asked for; a finding keeps all its claims."""

from __future__ import annotations

from claimcheck.engine import run
from claimcheck.filters import Filters, apply
from tests.rules import helpers as h

TOLL = "flood deaths in Sylhet"
SOURCES = [h.source("a", "2022-06-21"), h.source("b", "2022-06-23")]
CLAIMS = [
    h.claim("a1", "a", TOLL, "count", "58", "people", "2022-06-20/2022-06-21"),
    h.claim("b1", "b", TOLL, "count", "375", "people", "2022-06-21/2022-06-23"),
    h.claim("a2", "a", "schools closed in Sylhet", "count", "120", "schools", "2022-06-21"),
    h.claim("b2", "b", "schools closed in Sylhet", "count", "480", "schools", "2022-06-21"),
]


def test_updates_are_hidden_unless_asked_for() -> None:
    report = run(h.cfile(SOURCES, CLAIMS))
    assert sorted(f.tier for f in report.findings) == ["contradiction", "update"]
    shown = apply(report, Filters())
    assert [f.tier for f in shown.findings] == ["contradiction"]
    asked = apply(report, Filters(severity="info"))
    assert sorted(f.tier for f in asked.findings) == ["contradiction", "update"]


def test_a_finding_is_kept_whole_when_one_claim_matches() -> None:
    report = apply(run(h.cfile(SOURCES, CLAIMS)), Filters(sources=("a",)))
    assert [f.claims for f in report.findings] == [("a2", "b2")]
    assert {nc.claim.id for nc in report.normalized} >= {"a2", "b2"}


def test_a_subject_query_typed_with_look_alike_letters_still_matches() -> None:
    from claimcheck.filters import _fold

    # Cyrillic "о" and "е", and a zero-width space, as a copy-paste from a web page may carry.
    assert _fold("flооd d\u200beaths") == _fold("flood deaths")
