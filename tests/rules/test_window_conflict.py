from __future__ import annotations

from claimcheck.engine import run
from tests.rules import helpers as h

SOURCES = [h.source("a", "2019-03-10"), h.source("b", "2020-06-01")]
BRIDGE = "construction of the new bridge in Kenya"


def _findings(claims):  # type: ignore[no-untyped-def]
    return [f for f in run(h.cfile(SOURCES, claims)).findings if f.rule == "window-conflict"]


def test_two_durations_disagree() -> None:
    found = _findings([
        h.claim("a1", "a", BRIDGE, "duration", "3", "years"),
        h.claim("b1", "b", BRIDGE, "duration", "eight", "years"),
    ])
    assert len(found) == 1
    assert found[0].tier == "discrepancy"
    assert "3 years vs eight years (62.5 % apart" in found[0].message


def test_same_length_in_other_units_agrees() -> None:
    assert _findings([
        h.claim("a1", "a", BRIDGE, "duration", "36", "months"),
        h.claim("b1", "b", BRIDGE, "duration", "3", "years"),
    ]) == []


def test_duration_end_vs_deadline() -> None:
    flagged = _findings([
        h.claim("a1", "a", BRIDGE, "duration", "five", "years", "2019-03"),
        h.claim("b1", "b", BRIDGE, "date", None, "", "by the end of 2020"),
    ])
    assert len(flagged) == 1 and "ends 2023-" in flagged[0].message
    assert "±0.5 year rounding" in flagged[0].message
    fine = _findings([
        h.claim("a1", "a", BRIDGE, "duration", "two", "years", "2019-03"),
        h.claim("b1", "b", BRIDGE, "date", None, "", "by the end of 2020"),
    ])
    assert fine == []


def test_duration_without_time_anchors_at_publication() -> None:
    found = _findings([
        h.claim("a1", "a", BRIDGE, "duration", "1", "years"),
        h.claim("b1", "b", BRIDGE, "date", None, "", "after 2022"),
    ])
    assert len(found) == 1 and "(publication)" in found[0].message


def test_two_dates_of_one_event() -> None:
    found = _findings([
        h.claim("a1", "a", "general election in Nigeria", "date", None, "", "2019-02-16"),
        h.claim("b1", "b", "general election in Nigeria", "date", None, "", "2019-02-23"),
    ])
    assert [f.tier for f in found] == ["contradiction"]
    assert _findings([
        h.claim("a1", "a", "general election in Nigeria", "date", None, "", "February 2019"),
        h.claim("b1", "b", "general election in Nigeria", "date", None, "", "2019-02-23"),
    ]) == []
