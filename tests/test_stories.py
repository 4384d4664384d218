"""Whole stories told by several outlets (written for these tests, on no real event's
text): `extract --into` then `report`, as an editor runs them. A running toll that rises
over the days of coverage is updates, not disagreements; a real split between outlets
stays a finding."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

STORIES = Path(__file__).parent / "data" / "stories"


def _report(story: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    folder = tmp_path / story
    shutil.copytree(STORIES / story, folder)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", ".", "--into", "claims.yaml"])
    assert extracted.exit_code in (0, 1), extracted.output
    reported = runner.invoke(cli, ["report", "claims.yaml", "--format", "json"])
    assert reported.exit_code in (0, 1), reported.output
    document: dict[str, object] = json.loads(reported.stdout)
    return document


def _subjects(document: dict[str, object]) -> list[str]:
    findings = document["findings"]
    assert isinstance(findings, list)
    return sorted(str(f["subject"]) for f in findings)


def test_a_toll_rising_over_three_days_is_no_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subjects = _subjects(_report("ferry", tmp_path, monkeypatch))
    assert not [s for s in subjects if s.startswith("deaths")]
    # survivors, officials and the administration disagree on how many were aboard
    assert "people on board in Bangladesh" in subjects


def test_four_outlets_over_four_days_agree_on_the_rising_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _report("floods", tmp_path, monkeypatch)
    subjects = _subjects(document)
    assert not [s for s in subjects if s.startswith(("deaths", "people displaced"))]
    written = Path("claims.yaml").read_text(encoding="utf-8")  # cwd: the story's folder
    assert written.count("published: 2024-05-") == 4, "every page shows its date somewhere"


def test_a_shipwreck_told_from_both_shores_is_counted_where_it_sank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the boat came from one country and sank off another's island: each count is one
    # quantity: two outlets' missing of the same Sunday disagree, and an aid group's 130
    # aboard is more than the UN's 110 to 125; the bodies one outlet says were recovered
    # are a part of the dead another counts, no dispute
    document = _report("shipwreck", tmp_path, monkeypatch)
    subjects = _subjects(document)
    assert subjects == ["people missing in Italy", "people on board in Italy"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "subject: bodies recovered in Italy" in written
    assert not [
        s for s in written.split("\n") if "subject:" in s and ("Libya" in s or "Eritrea" in s)
    ]


def test_an_election_counts_seats_per_party(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one outlet gives the winner 64 seats where two give 68; the runner-up's 42 and the
    # chamber's 126 are other quantities; turnout is worded three ways
    subjects = _subjects(_report("election", tmp_path, monkeypatch))
    assert subjects == ["seats won by MPP in Mongolia", "turnout in Mongolia"]


def test_a_hurricane_weakening_inland_is_not_a_dispute_over_its_landfall_winds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _report("hurricane", tmp_path, monkeypatch)
    findings = document["findings"]
    assert isinstance(findings, list)
    winds = [f for f in findings if f["subject"] == "sustained winds in United States"]
    assert len(winds) == 1 and "85" not in str(winds[0]["message"])
    assert "people evacuated in United States" in _subjects(document)


def test_a_shooting_toll_with_and_without_the_gunman_is_two_quantities(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # eight victims everywhere, nine "including the gunman" in one outlet: no dispute over
    # the toll; the outlets do disagree on the injured and on who is in critical condition
    subjects = _subjects(_report("shooting", tmp_path, monkeypatch))
    assert subjects == [
        "injured in United States",
        "people in critical condition in United States",
    ]


def test_a_jobs_report_keeps_forecasts_apart_from_the_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one outlet's 2,200 against two outlets' 42,000 jobs lost, and 6.1 against 6.2 per cent
    # unemployment; what economists expected (25,000 jobs added) meets only itself
    subjects = _subjects(_report("jobs", tmp_path, monkeypatch))
    assert subjects == ["jobs lost in Canada", "unemployment in Canada"]


def test_a_crash_compared_with_earlier_ones_is_no_dispute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # three outlets agree on 18 dead and 19 aboard; the earlier crash a page recalls and
    # a total since 2000 are not this crash's toll, and two crew are not everyone aboard
    assert _subjects(_report("aircrash", tmp_path, monkeypatch)) == []


def test_a_hunger_crisis_reported_from_a_hub_city_is_no_dispute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # filed from Geneva, about Sudan: one camp's people, refugees abroad and everyone
    # displaced are three quantities; a headline's round "25 million" restates its body
    document = _report("famine", tmp_path, monkeypatch)
    assert _subjects(document) == []
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "Switzerland" not in written


def test_a_quake_told_by_three_outlets_disputes_only_its_magnitude(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 7.5 against 7.6 is a real split (one outlet has the agency's first reading); the
    # people staying in shelters are not everyone evacuated, and tsunami readings agree
    assert _subjects(_report("quake", tmp_path, monkeypatch)) == ["earthquake magnitude in Japan"]


def test_an_outbreak_keeps_suspected_confirmed_and_continental_counts_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Democratic Republic of Congo" is Kinshasa's Congo; suspected, confirmed and the
    # continent's cases are three tallies; two outlets' deaths of the same day disagree
    document = _report("outbreak", tmp_path, monkeypatch)
    assert _subjects(document) == ["deaths in Democratic Republic of the Congo"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "in Republic of the Congo" not in written


def test_a_local_follow_up_that_names_no_country_meets_its_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the local daily names only the suburb; the two wire pages place the fire in the
    # country, and the daily's higher toll, injured and fire units are then compared
    subjects = _subjects(_report("factoryfire", tmp_path, monkeypatch))
    assert subjects == [
        "deaths in Bangladesh",
        "injured in Bangladesh",
        "people in critical condition in Bangladesh",
        "units in Bangladesh",
    ]


def test_a_wire_page_with_a_yearless_dateline_meets_the_other_outlets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the wire page keeps only "NEW DELHI, July 2": its story dates it, and its toll and
    # injured meet the other outlets' of that day; a district named beside its state and
    # the capital it was filed from do not split the country's counts
    document = _report("stampede", tmp_path, monkeypatch)
    assert _subjects(document) == ["deaths in India", "injured in India"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "published: 2024-07-02" in written


def test_a_wildfire_near_a_fort_is_counted_in_its_country(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Fort Nelson" is no New Zealand town, "the Parker Lake wildfire" no US one, and a
    # page whose smoke reaches two US states is still about the Canadian fire
    subjects = _subjects(_report("wildfire", tmp_path, monkeypatch))
    assert subjects == ["area burned in Canada", "distance in Canada"]


def test_evacuations_growing_over_an_eruption_are_updates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 6,500 on the first day, "11,000 in mid-April" and 12,000 by the month's end
    assert _subjects(_report("volcano", tmp_path, monkeypatch)) == []


def test_an_undated_wire_page_s_weekday_is_its_storys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "at least 25 trapped ... on Tuesday" on a page with no date meets Tuesday's 32:
    # "at least 25" allows 32, so there is no dispute; rescuers "worked to reach" miners
    # is a rescue, not an aid target
    document = _report("mine", tmp_path, monkeypatch)
    assert _subjects(document) == []
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert written.count("subject: miners trapped in Zambia") == 3  # none an aid target
    assert "time: '2023-12-05'" in written


def test_growth_of_a_quarter_is_disputed_and_a_months_is_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 0.2% against 0.0% for the third quarter; September's own 0.2% is monthly growth
    document = _report("gdp", tmp_path, monkeypatch)
    assert _subjects(document) == ["GDP growth in United Kingdom"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "monthly GDP growth in United Kingdom" in written


def test_a_cyclone_between_two_countries_keeps_each_ones_evacuations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 750,000 against 500,000 moved to safety in Bangladesh; Myanmar's own 10,000 apart
    document = _report("cyclone", tmp_path, monkeypatch)
    assert _subjects(document) == ["people evacuated in Bangladesh"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "people evacuated in Myanmar" in written


def test_another_crash_an_outlet_recalls_is_not_this_crashs_toll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # one outlet also reports the previous day's collision (40 dead): only the injured,
    # 23 against 21, are disputed
    assert _subjects(_report("bus", tmp_path, monkeypatch)) == ["injured in Senegal"]


def test_a_collapse_told_over_three_days_is_no_dispute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the toll rises 20, 22, 36; the rescued rise 9 to 15 "since Monday"; a 21-storey
    # tower has no 21 dead
    document = _report("collapse", tmp_path, monkeypatch)
    assert _subjects(document) == []
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "value: '21'" not in written


def test_an_outbreaks_infected_are_its_cases_and_a_next_day_total_its_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "killed 412 and infected more than 10,000" is 412 deaths and 10,000 cases; the
    # next day's page gives Monday's total (426 "since October, the ministry said on
    # Monday"), which disputes the 412 of the same Monday; a WHO threshold is no figure
    document = _report("cholera", tmp_path, monkeypatch)
    assert _subjects(document) == ["deaths in Zambia"]
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "case fatality rate in Zambia" in written and "value: 1%" not in written


def test_bodies_recovered_are_not_the_estimated_toll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the UN's 670 and the government's 2,000 are a real split; five or six bodies
    # recovered are a count of their own (and outlets differ on it too)
    subjects = _subjects(_report("landslide", tmp_path, monkeypatch))
    assert subjects == [
        "bodies recovered in Papua New Guinea",
        "deaths in Papua New Guinea",
    ]


def test_a_jailbreak_told_three_ways_is_within_its_hedges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "nearly 4,000" and "about 3,600" escaped overlap within their hedges; "at least
    # nine" and "at least 12" dead allow each other; the undated wire page's "over the
    # weekend" is the weekend its story's pages date
    document = _report("jailbreak", tmp_path, monkeypatch)
    assert _subjects(document) == []
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "inmates escaped in Haiti" in written and "time: 2024-03-02/2024-03-03" in written


def test_an_undated_brief_that_counts_what_its_story_counts_is_dated_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the wire brief names nothing but its country, yet gives the toll, the missing and the
    # displaced the other pages give: its story dates it, and its Thursday's 188 dead and
    # 90 missing dispute another page's 181 and 125 of the same Thursday
    subjects = _subjects(_report("rains", tmp_path, monkeypatch))
    assert subjects == [
        "deaths in Kenya",
        "people displaced in Kenya",
        "people missing in Kenya",
    ]


def test_a_live_page_and_two_outlets_split_over_a_flood_toll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the Red Crescent's 11,300, the WHO's 3,958 and a ministry's 5,300 are a real split;
    # a mayor's "could reach 20,000" is a fear, not a count; the ministry's Wednesday
    # figure is not dated to the Sunday night the dams burst
    document = _report("derna", tmp_path, monkeypatch)
    assert "deaths in Libya" in _subjects(document)
    written = Path("claims.yaml").read_text(encoding="utf-8")
    assert "deaths (forecast) in Libya" in written
    assert "time: '2023-09-10'" not in written
