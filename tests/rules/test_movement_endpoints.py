from __future__ import annotations

from claimcheck.engine import run
from tests.rules import helpers as h

SOURCES = [h.source("a", "2020-08-29"), h.source("b", "2021-07-26")]


def _findings(claims):  # type: ignore[no-untyped-def]
    return [f for f in run(h.cfile(SOURCES, claims)).findings if f.rule == "movement-endpoints"]


def test_different_starting_levels_of_same_reduction() -> None:
    found = _findings([
        h.claim("a1", "a", "health budget of Brazil", "target", "about 90", "USD", "by November",
                from_value="120"),
        h.claim("b1", "b", "Brazil health budget", "change", None, "USD", "2020-02/2021-01",
                from_value="125", to_value="80"),
    ])
    assert len(found) == 1
    f = found[0]
    assert f.tier == "discrepancy"
    assert f.message.startswith("120 vs 125 (4.0 % apart; both stated exactly)")
    assert "for the starting level" in f.message
    assert "reduction" in f.message


def test_two_changes_disagree_on_end() -> None:
    found = _findings([
        h.claim("a1", "a", "refugees in camps in Lebanon", "change", None, "people", "2020",
                from_value="1,000,000", to_value="800,000"),
        h.claim("b1", "b", "refugees in camps in Lebanon", "change", None, "people", "2020",
                from_value="1,000,000", to_value="600,000"),
    ])
    assert len(found) == 1 and "ending level" in found[0].message


def test_opposite_directions_or_disjoint_periods_not_flagged() -> None:
    found = _findings([
        h.claim("a1", "a", "police officers in Chile", "change", None, "people", "2019",
                from_value="5,200", to_value="3,000"),
        h.claim("b1", "b", "police officers in Chile", "change", None, "people", "2019",
                from_value="3,000", to_value="4,000"),
        h.claim("b2", "b", "police officers in Chile", "change", None, "people", "2015",
                from_value="9,000", to_value="6,000"),
    ])
    assert found == []


def test_target_end_not_compared_with_outcome() -> None:
    found = _findings([
        h.claim("a1", "a", "US troops in Iraq", "target", "about 3,500", "troops", "by November",
                from_value="5,200"),
        h.claim("b1", "b", "US troops in Iraq", "change", None, "troops", "2020-02/2021-01",
                from_value="5,200", to_value="2,500"),
    ])
    assert found == []


def test_two_sources_disagree_on_the_amount_moved() -> None:
    found = _findings([
        h.claim("a1", "a", "UN peacekeepers sent to Mali", "change", "50,000", "troops",
                "2021-03"),
        h.claim("b1", "b", "UN peacekeepers sent to Mali", "change", "92,000", "troops",
                "2021-03"),
    ])
    assert len(found) == 1
    assert found[0].message.startswith(
        "50,000 (47,500–52,500) vs 92,000 (91,500–92,500) (45.7 % apart; disjoint even with")
    assert "amount moved" in found[0].message


def test_stated_amount_agrees_with_the_one_a_move_implies() -> None:
    found = _findings([
        h.claim("a1", "a", "police officers in Lagos", "change", "at least 2,500", "people",
                "2020"),
        h.claim("b1", "b", "police officers in Lagos", "change", None, "people", "2020",
                from_value="5,300", to_value="2,500"),
    ])
    assert found == []


def test_stated_amount_disagrees_with_the_one_a_move_implies() -> None:
    found = _findings([
        h.claim("a1", "a", "police officers in Lagos", "change", "1,000", "people", "2020"),
        h.claim("b1", "b", "police officers in Lagos", "change", None, "people", "2020",
                from_value="5,300", to_value="2,500"),
    ])
    assert len(found) == 1
    assert "2,800 implied by 5,300 → 2,500" in found[0].message


def test_amounts_of_moves_in_periods_that_do_not_overlap_are_not_compared() -> None:
    found = _findings([
        h.claim("a1", "a", "UN peacekeepers sent to Mali", "change", "5,000", "troops",
                "2019-03"),
        h.claim("b1", "b", "UN peacekeepers sent to Mali", "change", "9,000", "troops",
                "2020-11"),
    ])
    assert found == []
