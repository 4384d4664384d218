"""Where a figure holds: the story's country, or another one the sentence leads with."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.claims import extract_claims

STORY = (
    "Cyclone winds and floods battered Mozambique on Sunday, killing 38 people in Mozambique.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("In Malawi, the disaster agency said 11 people had died.", "Malawi"),
        ("In neighbouring Malawi, the disaster agency said 11 people had died.", "Malawi"),
        ("In storm-hit Malawi, the disaster agency said 11 people had died.", "Malawi"),
        ("The disaster agency said 11 people had died there.", "Mozambique"),
    ],
)
def test_a_sentence_led_by_another_country_takes_its_place(sentence: str, place: str) -> None:
    claims = extract_claims(STORY + sentence, source_id="t", published=date(2025, 3, 10))
    last = [c for c in claims if c.value == "11"]
    assert [c.subject for c in last] == [f"deaths in {place}"]


def test_a_dateline_town_shared_by_several_countries_is_the_one_the_story_names() -> None:
    text = (
        "Storm floods homes in the south\n\n"
        "KINGSTON, Canada (Reuters) - Floods killed 4 people in Ontario, Canada, police said.\n"
    )
    claims = extract_claims(
        text, source_id="t", published=date(2025, 3, 10), dateline_place="Kingston"
    )
    assert [c.subject for c in claims] == ["deaths in Canada"]


def test_people_crossing_into_another_country_are_counted_there() -> None:
    text = STORY + "Nearly 3,000 people have crossed into Malawi since Friday."
    claims = extract_claims(text, source_id="t", published=date(2025, 3, 10))
    assert [c.subject for c in claims if c.value == "Nearly 3,000"] == [
        "people displaced in Malawi"
    ]


def test_a_town_named_in_several_countries_is_where_the_others_are() -> None:
    from claimcheck.extract.where import places_of

    where = places_of("Floods in Valencia killed 40 people, officials in Madrid said.")
    assert where.country == "Spain"
    assert {p.country for p in where.mentions} == {"Spain"}
    alone = places_of("Floods in Valencia killed 40 people.")
    assert alone.country == "Venezuela"  # the larger town, with nothing to say otherwise


@pytest.mark.parametrize(
    "sentence",
    [
        "A fishing boat carrying migrants from Senegal sank off the coast, killing 11 people.",
        "Coastguards rescued 11 people, most of them from Senegal and Guinea.",
    ],
)
def test_where_people_came_from_is_not_where_they_were_counted(sentence: str) -> None:
    story = "Storms lashed Mauritania on Sunday, the coastguard in Mauritania said.\n\n"
    claims = extract_claims(story + sentence, source_id="t", published=date(2025, 3, 10))
    assert [c.subject.rpartition(" in ")[2] for c in claims if c.value == "11"] == ["Mauritania"]


def test_a_place_named_by_its_countrys_adjective_places_the_story() -> None:
    from claimcheck.extract.where import places_of

    text = (
        "A ferry ran aground near the Greek island of Kalymnos after leaving Turkey, where "
        "it had refuelled. Officials said 40 people were hurt."
    )
    where = places_of(text)
    assert where.country == "Greece"
    assert [p.text for p in where.mentions if p.country == "Greece"] == ["Greek"]


def test_a_country_reporting_a_figure_is_whose_figure_it_is() -> None:
    text = (
        "Refugees kept crossing into Poland on Monday, officials in Poland said.\n\n"
        "Slovakia has registered 2,300 arrivals since Friday.\n"
    )
    claims = extract_claims(text, source_id="t", published=date(2025, 3, 10))
    assert [c.subject for c in claims if c.value == "2,300"] == ["arrivals in Slovakia"]


def test_a_page_filed_from_a_hub_city_is_the_story_countrys() -> None:
    from claimcheck.extract.where import places_of

    text = (
        "NAIROBI (Reuters) - Floods in Somalia have displaced 200,000 people, the UN said, "
        "and aid has yet to reach parts of Somalia cut off by the water."
    )
    assert places_of(text, "NAIROBI").country == "Somalia"
    home = "NAIROBI (Reuters) - Floods in Kenya and Somalia displaced 200,000 people."
    assert places_of(home, "NAIROBI").country == "Kenya"


def test_a_breakdown_line_gives_each_figure_the_country_after_it() -> None:
    text = "Storm toll\n\nMay 2, 2025\n\nDeaths: 21 in Haiti, 4 in the Dominican Republic\n"
    claims = extract_claims(text, source_id="t", published=date(2025, 5, 2))
    assert [(c.value, c.subject) for c in claims] == [
        ("21", "deaths in Haiti"),
        ("4", "deaths in Dominican Republic"),
    ]


def test_a_countrys_own_people_who_died_abroad_are_its_nationals() -> None:
    text = (
        "Heat killed pilgrims in Saudi Arabia.\n\nMore than 900 pilgrims died in Saudi Arabia. "
        "Tunisia said 49 of its nationals had died, and Jordan reported 41 deaths among its "
        "pilgrims.\n"
    )
    claims = extract_claims(text, source_id="t", published=date(2025, 6, 20))
    assert [(c.value, c.subject) for c in claims] == [
        ("More than 900", "deaths in Saudi Arabia"),
        ("49", "deaths among Tunisia nationals"),
        ("41", "deaths among Jordan nationals"),
    ]


def test_a_reading_of_a_city_named_in_its_subject_is_the_citys() -> None:
    text = "A heatwave hit Morocco.\n\nTemperatures in Marrakesh reached 47.6C on Monday.\n"
    claims = extract_claims(text, source_id="t", published=date(2025, 6, 20))
    assert [c.subject for c in claims] == ["temperature in Marrakesh"]


def test_wire_credits_name_people_not_places() -> None:
    # "Kim" is also a town; the credits line closing a wire story names an editor
    text = (
        "LAGOS, May 3 (Reuters) - Floods killed 9 people in Lagos, Nigeria, officials said.\n\n"
        "Reporting by Ada Obi; Editing by Kim Fuller\n"
    )
    claims = extract_claims(text, source_id="t", published=date(2024, 5, 3))
    assert [c.subject for c in claims] == ["deaths in Nigeria"]


def test_a_dateline_city_and_two_places_of_the_event_do_not_break_the_story_down() -> None:
    # the town of the crush and its state are where it happened; the capital only filed it
    text = (
        "NAIROBI, May 3 (Reuters) - A crush at a stadium in Eldoret in Kenya's Uasin Gishu "
        "county killed 12 people, police said.\n\n"
        "Nine people were injured in the crush in Eldoret, a hospital said.\n"
    )
    claims = extract_claims(text, source_id="t", published=date(2024, 5, 3))
    assert [c.subject for c in claims] == ["deaths in Kenya", "injured in Kenya"]


def test_a_region_named_past_an_adjective_outweighs_a_neighbours_passing_mentions() -> None:
    text = (
        "Fire forces thousands out\n\n"
        "A wildfire in northern Saskatchewan has burned 30,000 hectares and forced the "
        "evacuation of two villages, provincial officials said on Tuesday.\n\n"
        "Smoke from the fire reached North Dakota and Montana on Wednesday.\n"
    )
    claims = extract_claims(text, source_id="t", published=date(2024, 5, 15))
    assert [c.subject for c in claims] == ["area burned in Canada"]
