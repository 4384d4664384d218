from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.engine import run
from tests.rules import helpers as h


def _findings(claims, sources=None):  # type: ignore[no-untyped-def]
    sources = sources or [h.source("a", "2023-10-21"), h.source("b", "2023-10-22")]
    return [f for f in run(h.cfile(sources, claims)).findings if f.rule == "value-conflict"]


def test_casualty_counts_same_day_disjoint_is_contradiction() -> None:
    found = _findings([
        h.claim("a1", "a", "people killed in Gaza", "count", "more than 1,200", "people",
                "2023-10-20"),
        h.claim("b1", "b", "persons killed in the Gaza Strip", "count", "about 900", "people",
                "2023-10-20"),
    ])
    assert len(found) == 1
    f = found[0]
    assert f.tier == "contradiction" and f.severity == "error"
    assert "about 900 (±10 %: 810–990)" in f.message and "more than 1,200 (> 1,200)" in f.message


def test_hedge_or_rounding_allowing_both_is_no_finding() -> None:
    found = _findings([
        h.claim("a1", "a", "protesters in Hong Kong", "level", "about 2,000", "people",
                "2019-06-09"),
        h.claim("b1", "b", "protesters in Hong Kong", "level", "2,150", "people", "2019-06-09"),
        h.claim("a2", "a", "turnout in Bogota", "level", "about 40%", "percent", "2022-05-29"),
        h.claim("b2", "b", "turnout in Bogota", "level", "38.6%", "percent", "2022-05-29"),
        h.claim("a3", "a", "homes flooded in Dhaka", "level", "60%", "percent", "2022-06-20"),
        h.claim("b3", "b", "homes flooded in Dhaka", "level", "more than 60%", "percent",
                "2022-06-20"),
        h.claim("a4", "a", "voters in Lagos", "count", "2.3 million", "people", "2023-02-25"),
        h.claim("b4", "b", "voters in Lagos", "count", "2.31 million", "people", "2023-02-25"),
    ])
    assert found == []


def test_vague_amount_edges() -> None:
    found = _findings([
        h.claim("a1", "a", "protesters arrested in Lima", "count", "dozens", "people",
                "2024-03-02"),
        h.claim("b1", "b", "protesters arrested in Lima", "count", "more than 500", "people",
                "2024-03-02"),
        h.claim("a2", "a", "houses burnt in Evia", "count", "hundreds", "houses", "2021-08-08"),
        h.claim("b2", "b", "houses burnt in Evia", "count", "1,050", "houses", "2021-08-08"),
        h.claim("a3", "a", "firefighters in Evia", "count", "hundreds", "people", "2021-08-08"),
        h.claim("b3", "b", "firefighters in Evia", "count", "about 1,000", "people", "2021-08-08"),
    ])
    tiers = {f.subject: f.tier for f in found}
    assert tiers == {
        "protesters arrested in Lima": "contradiction",
        "houses burnt in Evia": "discrepancy",
    }


def test_changing_levels_over_time_not_flagged() -> None:
    found = _findings([
        h.claim("a1", "a", "US troops in Iraq", "level", "5,200", "troops", "late 2018"),
        h.claim("b1", "b", "American forces in Iraq", "level", "2,500", "soldiers", "2021-01-15"),
        h.claim("b2", "b", "US troops in Iraq", "level", "about 2,500", "troops", "2021-07"),
    ])
    assert found == []


def test_other_place_or_actor_not_compared() -> None:
    found = _findings([
        h.claim("a1", "a", "US troops in Iraq", "level", "5,200", "troops", "2020-08"),
        h.claim("b1", "b", "US troops in Afghanistan", "level", "8,600", "troops", "2020-08"),
        h.claim("b2", "b", "Iraqi forces in Iraq", "level", "150,000", "troops", "2020-08"),
    ])
    assert found == []


def test_coarse_overlapping_times_only_discrepancy() -> None:
    found = _findings([
        h.claim("a1", "a", "city budget of Lagos", "level", "$1.2bn", "USD", "2020"),
        h.claim("b1", "b", "city budget of Lagos", "level", "$2bn", "USD", "2020-03"),
    ])
    assert [f.tier for f in found] == ["discrepancy"]


def test_same_source_needs_other_speaker() -> None:
    sources = [h.source("a", "2023-10-21")]
    same = _findings([
        h.claim("a1", "a", "people arrested in Paris", "count", "120", "people", "2023"),
        h.claim("a2", "a", "people arrested in Paris", "count", "300", "people", "2023-06"),
    ], sources)
    assert same == []
    two_parties = _findings([
        h.claim("a1", "a", "people arrested in Paris", "count", "120", "people", "2023",
                said_by="police"),
        h.claim("a2", "a", "people arrested in Paris", "count", "300", "people", "2023-06",
                said_by="organisers"),
    ], sources)
    assert len(two_parties) == 1


def test_same_publisher_later_report_is_update() -> None:
    sources = [h.source("m", "2023-02-06", "Wire"), h.source("t", "2023-02-07", "Wire")]
    found = _findings([
        h.claim("m1", "m", "people killed in the earthquake in Turkey", "count", "1,500", "people",
                "2023-02-06"),
        h.claim("t1", "t", "people killed in the earthquake in Turkey", "count", "3,400", "people",
                "2023-02-06"),
    ], sources)
    assert [(f.tier, f.severity) for f in found] == [("update", "info")]
    assert "a cumulative count may rise" in found[0].evidence[0]


def test_superseded_claims_not_compared() -> None:
    found = _findings([
        h.claim("a1", "a", "people killed in Gaza", "count", "1,200", "people", "2023-10-20"),
        h.claim("b1", "b", "people killed in Gaza", "count", "500", "people", "2023-10-20",
                status="superseded", status_reason="corrected"),
    ])
    assert found == []


def test_targets_compared_only_for_overlapping_deadlines() -> None:
    claims = [
        h.claim("a1", "a", "teachers hired in Kenya", "target", "10,000", "people", "by June 2024"),
        h.claim("b1", "b", "teachers hired in Kenya", "target", "20,000", "people", "by June 2024"),
        h.claim("b2", "b", "teachers hired in Kenya", "target", "30,000", "people", "by 2026"),
    ]
    found = _findings(claims)
    assert [f.claims for f in found] == [("a1", "b1")]


def test_docs_rules_md_is_generated_from_docstrings() -> None:
    from claimcheck.rules import REGISTRY, rules_markdown

    doc = (Path(__file__).resolve().parents[2] / "docs" / "rules.md").read_text("utf-8")
    assert doc == rules_markdown()
    for rule_id, module in REGISTRY.items():
        assert rule_id == module.ID
        assert "Flagged::" in (module.__doc__ or "") and "Not flagged::" in (module.__doc__ or "")


def test_guessed_times_are_looser_never_a_contradiction() -> None:
    stated = [
        h.claim("a1", "a", "miners killed in Soma", "count", "200", "people", "2014-05-14"),
        h.claim("b1", "b", "miners killed in Soma", "count", "120", "people", "2014-05-14"),
    ]
    assert [f.tier for f in _findings(stated)] == ["contradiction"]
    guessed = [
        stated[0],
        h.claim("b1", "b", "miners killed in Soma", "count", "120", "people", "2014-05-15",
                time_source="publication"),  # the article's date, a guess: ±1 day
    ]
    assert [f.tier for f in _findings(guessed)] == ["discrepancy"]


def test_a_count_that_moves_reported_on_different_days_is_no_finding() -> None:
    """People in hospital, missing or trapped rise and fall: two outlets' figures of two
    different days are the count moving; the same day's figures still meet."""
    days_apart = [
        h.claim("a1", "a", "people still in hospital in Soma", "count", "57", "people",
                "2014-05-14"),
        h.claim("b1", "b", "people still in hospital in Soma", "count", "44", "people",
                "2014-05-15", time_source="publication"),
    ]
    assert _findings(days_apart) == []
    same_day = [days_apart[0], h.claim("b1", "b", "people still in hospital in Soma", "count",
                                       "44", "people", "2014-05-14")]  # fmt: skip
    assert [f.tier for f in _findings(same_day)] == ["contradiction"]
    tolls = [  # a toll only rises: lower on a later day stays a finding
        h.claim("a1", "a", "deaths in Soma", "count", "57", "people", "2014-05-14"),
        h.claim("b1", "b", "deaths in Soma", "count", "44", "people", "2014-05-15"),
    ]
    assert [f.tier for f in _findings(tolls)] == ["discrepancy"]


def test_an_undated_fact_of_the_event_meets_every_figure_of_its_subject() -> None:
    """An article with no date still says how many were trapped by the collapse: that is
    the event's figure whatever day it was, so a dated outlet's other figure clashes."""
    from claimcheck.model import Source

    sources = [h.source("a", "2024-02-03"), Source(id="u", path="u.txt", publisher="u")]
    claims = [
        h.claim("a1", "a", "people trapped in Chile", "count", "12", "people", "2024-02-02",
                time_source="event"),
        h.claim("u1", "u", "people trapped in Chile", "count", "about 20", "people", "Sunday",
                time_source="event"),
    ]
    found = _findings(claims, sources)
    assert [f.tier for f in found] == ["discrepancy"]  # the time is a guess: never more
    # A running toll from an undated article has no time at all: it is compared with nothing.
    tolls = [
        h.claim("a1", "a", "deaths in Chile", "count", "12", "people", "2024-02-02"),
        h.claim("u1", "u", "deaths in Chile", "count", "40", "people", "current",
                time_source="publication"),
    ]
    assert _findings(tolls, sources) == []


def test_a_lower_toll_in_a_window_that_starts_earlier_is_an_update() -> None:
    """An undated page dated by its story's coverage holds its toll somewhere in a window:
    a lower figure there may be the earlier report. The same day stays a discrepancy."""
    sources = [h.source("a", "2019-03-08"), h.source("u", "2019-03-09")]
    window = "2019-03-03/2019-03-09"
    claims = [
        h.claim("a1", "a", "deaths in Valmora", "count", "68", "people", "2019-03-08",
                time_source="publication"),
        h.claim("u1", "u", "deaths in Valmora", "count", "20", "people", window,
                time_source="publication"),
    ]
    assert [f.tier for f in _findings(claims, sources)] == ["update"]
    higher_later = [
        h.claim("a1", "a", "deaths in Valmora", "count", "20", "people", "2019-03-04",
                time_source="publication"),
        h.claim("u1", "u", "deaths in Valmora", "count", "68", "people", window,
                time_source="publication"),
    ]
    assert [f.tier for f in _findings(higher_later, sources)] == ["update"]
    same_day = [
        h.claim("a1", "a", "deaths in Valmora", "count", "68", "people", "2019-03-08",
                time_source="publication"),
        h.claim("u1", "u", "deaths in Valmora", "count", "20", "people", "2019-03-08",
                time_source="publication"),
    ]
    assert [f.tier for f in _findings(same_day, sources)] == ["discrepancy"]


def test_a_higher_count_dated_only_vaguely_may_be_the_later_one() -> None:
    """"Mid-March" or "this month" is a window the figure held in somewhere: a higher
    running count so dated may be of a day after the lower one's, a lower one of a day
    before the higher one's (updates); a lower total of a whole year against a higher
    count inside it is still a dispute."""
    sources = [h.source("a", "2021-03-14"), h.source("b", "2021-03-30")]
    claims = [
        h.claim("a1", "a", "people evacuated in Tonga", "count", "3,000", "people",
                "2021-03-14"),
        h.claim("b1", "b", "people evacuated in Tonga", "count", "8,000", "people",
                "2021-03-10/2021-03-20"),
    ]
    assert [f.tier for f in _findings(claims, sources)] == ["update"]
    lower_vague = [
        h.claim("a1", "a", "people evacuated in Tonga", "count", "8,000", "people",
                "2021-03-20"),
        h.claim("b1", "b", "people evacuated in Tonga", "count", "3,000", "people",
                "2021-03-10/2021-03-20"),
    ]
    assert [f.tier for f in _findings(lower_vague, sources)] == ["update"]
    year_total = [
        h.claim("a1", "a", "people evacuated in Tonga", "count", "8,000", "people",
                "2021-03-20"),
        h.claim("b1", "b", "people evacuated in Tonga", "count", "3,000", "people", "2021"),
    ]
    assert [f.tier for f in _findings(year_total, sources)] not in ([], ["update"])


def test_an_outlets_own_earlier_higher_toll_is_another_event_not_a_dispute() -> None:
    """An outlet that gives 12 dead today and "40 killed in a collision on Sunday" contradicts
    itself unless the 40 is another crash's (or a figure it has since corrected): the 40
    is not held against another outlet's 12 of Sunday; the same outlet's current 12 is."""
    sources = [h.source("a", "2022-05-09"), h.source("b", "2022-05-09")]
    claims = [
        h.claim("a1", "a", "deaths in Peru", "count", "12", "people", "2022-05-09"),
        h.claim("a2", "a", "deaths in Peru", "count", "40", "people", "2022-05-08"),
        h.claim("b1", "b", "deaths in Peru", "count", "12", "people", "2022-05-08"),
    ]
    assert _findings(claims, sources) == []
    disputed = [*claims[:2], h.claim("b1", "b", "deaths in Peru", "count", "17", "people",
                                     "2022-05-09")]  # fmt: skip
    assert [f.tier for f in _findings(disputed, sources)] == ["contradiction"]


def test_one_article_alone_is_not_a_finding_unless_two_named_parties_speak() -> None:
    sources = [h.source("a", "2023-10-21")]
    alone = [
        h.claim("a1", "a", "homes lost in Derna", "count", "300", "houses", "2023-09-12"),
        h.claim("a2", "a", "homes lost in Derna", "count", "900", "houses", "2023-09-12",
                said_by="mayor"),
    ]
    assert _findings(alone, sources) == []
    named = [alone[0].__class__(**{**alone[0].__dict__, "said_by": "red crescent"}), alone[1]]
    assert len(_findings(named, sources)) == 1


def _brute_force_clashing(claims, sources):  # type: ignore[no-untyped-def]
    """Every pair checked: the claims that clash with at least one other (not updates)."""
    from claimcheck.grouping import group
    from claimcheck.normalize import normalize, settings_of
    from claimcheck.rules import value_conflict as vc

    cf = h.cfile(sources, claims)
    settings = settings_of(cf)
    out: set[str] = set()
    for g in group(normalize(cf, settings)):
        members = vc._compared(g)
        is_cum = vc.cumulative(f"{g.label} {g.subject}", g.unit)
        items = [vc._item(nc, i, settings.about_tolerance) for i, nc in enumerate(members)]
        if is_cum:  # an outlet's own earlier, higher count is set aside (``_own_current``)
            items = vc._own_current(items)
        for x in items:
            for y in items:
                if x.index >= y.index:
                    continue
                timed = x.time is not None and y.time is not None
                if timed and not x.time.overlaps(y.time):  # type: ignore[union-attr]
                    gap = abs(x.time.start.toordinal() - y.time.start.toordinal())  # type: ignore[union-attr]
                    if not is_cum or gap > vc.FALLING_WINDOW_DAYS:
                        continue
                elif (x.time is None) != (y.time is None) or (
                    x.time is None and x.nc.claim.source != y.nc.claim.source
                ):
                    continue
                tier = vc._pair(x, y, is_cum, settings)
                if tier is not None and tier != "update":
                    out |= {x.nc.claim.id, y.nc.claim.id}
    return out


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),  # source
            st.sampled_from(["", "about ", "at least ", "more than ", "at most "]),
            st.integers(1, 12),  # value, hundreds
            st.integers(1, 4),  # day
            st.booleans(),  # cumulative subject
        ),
        min_size=2,
        max_size=12,
    )
)
def test_linear_clustering_finds_every_claim_a_full_pairwise_scan_finds(rows) -> None:  # type: ignore[no-untyped-def]
    sources = [h.source(f"s{i}", "2024-01-05") for i in range(5)]
    claims = [
        h.claim(
            f"c{k}", f"s{src}", "people killed in Chennai" if cum else "crowd in Chennai",
            "count", f"{hedge}{value * 100:,}", "people", f"2024-01-0{day}",
        )
        for k, (src, hedge, value, day, cum) in enumerate(rows)
    ]
    found = {cid for f in _findings(claims, sources) if f.tier != "update" for cid in f.claims}
    clashing = _brute_force_clashing(claims, sources)
    assert clashing <= found


def test_a_total_since_a_start_holds_at_its_end() -> None:
    """'480 cases since the outbreak began in August' is the count at the report: a lower
    count last week is the earlier figure of a rising total, not a contradiction; a
    higher one last week than the total now still is one."""
    sources = [h.source("a", "2024-11-12"), h.source("b", "2024-11-12")]
    since = "since the outbreak began in August"
    rising = [
        h.claim("a1", "a", "cholera cases in Borgo", "count", "480", "cases", since),
        h.claim("b1", "b", "cholera cases in Borgo", "count", "300", "cases", "last week"),
    ]
    assert [f.tier for f in _findings(rising, sources)] == ["update"]
    falling = [
        h.claim("a1", "a", "cholera cases in Borgo", "count", "300", "cases", since),
        h.claim("b1", "b", "cholera cases in Borgo", "count", "480", "cases", "last week"),
    ]
    assert [f.tier for f in _findings(falling, sources)] != ["update"]


def test_a_total_since_a_start_outlasts_the_day_before_s_report() -> None:
    """A total "since Monday" on Friday's page is later than Thursday's page's own
    figure, whose day of slack must not stretch it to Friday."""
    sources = [h.source("a", "2024-11-08"), h.source("b", "2024-11-07")]
    claims = [
        h.claim("a1", "a", "people rescued in Borgo", "count", "15", "people", "since Monday"),
        h.claim("b1", "b", "people rescued in Borgo", "count", "9", "people", "current",
                time_source="publication"),
    ]
    assert [f.tier for f in _findings(claims, sources)] == ["update"]


def test_running_totals_and_parts() -> None:
    from claimcheck.rules._common import cumulative

    assert cumulative("people displaced in Borgo", "people")
    assert cumulative("area burned in Borgo", "hectares")
    assert not cumulative("people displaced (part of a larger figure) in Borgo", "people")
    assert not cumulative("people missing in Borgo", "people")  # found people leave the count
