"""What a figure measures, on sentences about floods, strikes, quakes and mine collapses."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.claims import extract_claims

PUBLISHED = date(2025, 5, 14)  # a Wednesday


def _subjects(text: str) -> list[tuple[str, str | None]]:
    return [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one figure per quantity, both figures of one clause
        (
            "The flood killed at least 14 people and injured at least 60 in Bolivia.",
            [("deaths in Bolivia", "at least 14"), ("injured in Bolivia", "at least 60")],
        ),
        # the verb before the figure names it when no noun follows
        ("Rescuers said the quake in Peru killed 23.", [("deaths in Peru", "23")]),
        # generic people nouns fold: labourers, miners' families, workers are one count
        (
            "Nine workers are believed to be trapped after a shaft caved in, in Ghana.",
            [("people trapped in Ghana", "Nine")],
        ),
        # named groups are parts, kept apart from everyone
        (
            "The blast in Chile killed 12 children, officials said.",
            [("children killed in Chile", "12")],
        ),
        # a crowd is a crowd whoever is in it; a permit is another quantity
        (
            "Some 40,000 pilgrims gathered at the shrine in Nepal, which was approved for 10,000.",
            [("crowd in Nepal", "Some 40,000"), ("permitted crowd in Nepal", "10,000")],
        ),
        # hospital admissions and people still in hospital are different figures
        (
            "Hospitals in Kenya admitted 75 people, and 20 people remain in hospital.",
            [("people hospitalised in Kenya", "75"), ("people still in hospital in Kenya", "20")],
        ),
        # things counted with what happened to them
        (
            "The cyclone damaged 3,200 houses in Mozambique.",
            [("houses damaged in Mozambique", "3,200")],
        ),
        (
            "Officials said 3,200 houses were damaged in Mozambique.",
            [("houses damaged in Mozambique", "3,200")],
        ),
        # a bare number with nothing counted is no claim
        ("The score was 3 to 1 in Spain.", []),
        # "of them" is a part of an earlier figure, never compared with the whole
        (
            "Four of them died in hospital in Egypt, a doctor said.",
            [("deaths (part of a larger figure) in Egypt", "Four")],
        ),
    ],
)
def test_what_a_figure_measures(text: str, expected: list[tuple[str, str]]) -> None:
    assert _subjects(text) == expected


def test_a_death_toll_and_an_evacuee_count_never_share_a_subject() -> None:
    text = (
        "At least 31 people were killed in the floods in Pakistan. "
        "Authorities evacuated 31 people from the valley."
    )
    subjects = {c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)}
    assert subjects == {"deaths in Pakistan", "people evacuated in Pakistan"}


def test_percent_shares_keep_the_dose_apart() -> None:
    text = (
        "In Chile, 71% of adults are fully vaccinated. "
        "In Chile, 88% of adults have received at least one shot."
    )
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [
        ("share of adults fully vaccinated in Chile", "71%"),
        ("share of adults with a first dose in Chile", "88%"),
    ]


def test_lengths_are_named_by_what_they_measure() -> None:
    text = "Crews still had to clear 15 metres of rubble in Norway."
    got = [(c.subject, c.unit) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("rubble remaining in Norway", "meters")]


def test_a_figure_said_of_each_of_several_places_holds_in_each() -> None:
    text = "Belgium will cut its contingents to 300 each in Mali, Niger and Chad by June."
    got = [c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == ["Belgium troops in Mali", "Belgium troops in Niger", "Belgium troops in Chad"]


@pytest.mark.parametrize(
    "text",
    [
        "Storms have killed at least 85 people in Kenya and Tanzania since March.",
        "Storms have killed at least 85 people in Tanzania and Kenya since March.",
    ],
)
def test_a_figure_said_of_several_places_together_is_their_total(text: str) -> None:
    # one figure for both countries: never compared with either country's own toll
    assert _subjects(text) == [("deaths in Kenya and Tanzania", "at least 85")]


def test_a_country_owning_its_clause_owns_the_figure() -> None:
    text = (
        "Kenya's disaster agency counted 52 deaths in the floods, while Tanzania's "
        "police put their toll at 33."
    )
    got = _subjects(text)
    assert ("deaths in Kenya", "52") in got
    assert ("deaths in Tanzania", "33") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dengue cases rose to 4,120 in Bangladesh.", [("cases in Bangladesh", "4,120")]),
        ("Infections have now climbed to 9,800 in Peru.", [("infections in Peru", "9,800")]),
        ("Arrests topped 350 in Serbia by Sunday.", [("people detained in Serbia", "topped 350")]),
        ("Prices rose to 300 in Serbia.", []),  # not a tally of anything counted
    ],
)
def test_a_running_tally_named_before_its_verb(
    text: str, expected: list[tuple[str, str]]
) -> None:
    got = [(c.subject, c.value, c.kind) for c in extract_claims(text, source_id="t",
                                                                 published=PUBLISHED)]
    assert [(s, v) for s, v, _ in got] == expected
    assert all(k == "count" for _, _, k in got)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Temperatures peaked at 44.1 degrees in Pakistan on Monday.", "°C"),
        ("The mercury hit 109 degrees in Arizona on Monday.", "°F"),
        ("Temperatures of 45 degrees, or 113F, were forecast in Arizona.", "°C"),
        ("Highs of 40 degrees (104 Fahrenheit) were forecast in Arizona.", "°C"),
        ("Highs near 100 degrees were forecast in Arizona, or 38C.", "°F"),
    ],
)
def test_bare_degrees_in_weather_are_temperatures(text: str, unit: str) -> None:
    got = [(c.subject.split(" in ")[0], c.unit, c.kind)
           for c in extract_claims(text, source_id="t", published=PUBLISHED)]  # fmt: skip
    assert got[0] == ("temperature", unit, "level")


def test_an_angle_in_degrees_is_no_temperature() -> None:
    text = "The ferry turned 90 degrees before it sank off Greece."
    assert all(c.subject != "temperature" for c in
               extract_claims(text, source_id="t", published=PUBLISHED))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "The toll rose to 61 in Nepal, up from a preliminary count of 48.",
        "The toll in Nepal stands at 61, the army said on Monday, up from a provisional "
        "figure of 48.",
        "The toll in Nepal stands at 61, revised down from 70.",
    ],
)
def test_an_earlier_figure_it_rose_or_fell_from_is_history(text: str) -> None:
    got = extract_claims(text, source_id="t", published=PUBLISHED)
    counts = [c.value for c in got if c.kind == "count"]
    assert counts == ["61"]  # the earlier figure is where it came from, not a second toll
    assert any(c.kind == "change" for c in got)


def test_a_list_of_bare_figures_takes_the_measure_named_before_it() -> None:
    text = "Deaths by district (provisional: police) rose to 80, with 30 in the hills."
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("deaths", "80"), ("deaths", "30")]


def test_speeds_and_attributive_lengths() -> None:
    text = (
        "The cyclone brought gusts of up to 210 km/h to Fiji. "
        "Engineers in Fiji inspected the 3.2 km Nadi bridge."
    )
    got = [(c.subject, c.unit) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("wind gusts in Fiji", "km/h"), ("bridge length in Fiji", "km")]


def test_a_bare_rate_continues_the_measure_of_the_sentence_before() -> None:
    text = (
        "In Peru, the share of adults fully vaccinated rose again this week. "
        "Lima stands at 61.5 percent."
    )
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert ("share fully vaccinated in Peru", "61.5 percent") in got


def test_parts_of_a_toll_are_one_quantity_however_put() -> None:
    text = (
        "Four of them died in hospital in Egypt. "
        "Another three people died overnight in Egypt, a doctor said."
    )
    got = {c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)}
    assert got == {"deaths (part of a larger figure) in Egypt"}


def test_a_period_is_named_by_its_event_not_its_verb() -> None:
    text = "Aid resumed after a 14-month siege imposed on the city of Sanaa in Yemen."
    got = [(c.subject, c.kind) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got[0][1] == "duration" and got[0][0].startswith("siege")


def test_a_cue_across_another_figure_is_that_figures() -> None:
    text = "The blast killed 9 people and 40 were injured in Iraq, police said."
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("deaths in Iraq", "9"), ("injured in Iraq", "40")]


def test_a_cue_across_coordinated_adjectives_still_reaches_its_figure() -> None:
    text = "About two million people across the north and east of Kenya were affected."
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("people affected in Kenya", "About two million")]


def test_the_story_country_is_where_things_happen_not_who_acts() -> None:
    text = (
        "US officials said US troops would stay. The US embassy and US diplomats agreed.\n\n"
        "In Niger, the blast killed 12 people, police in Niger said."
    )
    got = [c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == ["deaths in Niger"]


def test_a_restatement_in_other_units_is_counted_once() -> None:
    text = "The storm brought winds of 200 km/h (125 mph) to Samoa."
    got = [(c.value, c.unit) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("200 km/h", "km/h")]


def test_scenery_and_references_are_not_counts() -> None:
    text = (
        "Several media reports in Ghana said hundreds of cars were queued. "
        "Of those under 30 in Ghana, the prescribed two were given."
    )
    assert extract_claims(text, source_id="t", published=PUBLISHED) == []


def test_a_rate_for_another_country_is_that_countrys() -> None:
    text = "Chile stands at 61 percent fully vaccinated, versus 70 percent for the US."
    got = [c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got[-1].endswith("in United States")


def test_a_later_figure_may_leave_out_the_thing_it_counts() -> None:
    text = (
        "In Cuba, 2,100 homes have no electricity, while 640 are without water, "
        "and 5,000 houses suffered damage, among them 900 that were completely destroyed."
    )
    got = [(c.subject, c.value) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [
        ("homes without electricity in Cuba", "2,100"),
        ("homes without water in Cuba", "640"),
        ("houses damaged in Cuba", "5,000"),
        ("houses destroyed in Cuba", "900"),
    ]


def test_a_cue_with_its_own_figure_is_not_lent_to_an_earlier_one() -> None:
    """ "N, out of a population of M": the population is M's; N is what the story was
    counting, named sentences earlier ("the exact figure")."""
    text = (
        "More than 9,000 evacuees from the delta have reached Dakar. "
        '"We need tents," the mayor said. '
        "On Sunday officials gave the exact figure as 9,412, out of an estimated "
        "population of 11,000 in the delta."
    )
    found = _subjects(text)
    assert ("population", "9,412") not in [(s.split(" in ")[0], v) for s, v in found]
    assert [v for s, v in found if s.startswith("people evacuated")] == ["More than 9,000", "9,412"]


def test_a_figure_pointing_back_needs_a_count_before_it() -> None:
    assert _subjects("The ministry gave the exact figure as 9,412 on Sunday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The fate of 105 people is still not known after the landslide in Nepal.",
        "After the ferry sank off Tanzania, 37 passengers were still unaccounted for.",
    ],
)
def test_people_whose_fate_is_unknown_are_missing(text: str) -> None:
    assert [s.split(" in ")[0] for s, _ in _subjects(text)] == ["people missing"]


def test_an_unknown_cause_is_not_a_missing_count() -> None:
    found = _subjects("The cause of the fire that killed 12 people in Chile is still unknown.")
    assert found == [("deaths in Chile", "12")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure hyphened to a word before a noun says what the noun is like
        (
            "Crews brought 25 8-tonne diggers to the landslide in Nepal.",
            [("diggers in Nepal", "25")],
        ),
        ("A 9-storey hotel in Albania was evacuated on Tuesday.", []),
        ("A 3,000-strong crowd rallied in Tbilisi, Georgia.", [("crowd in Tbilisi", "3,000")]),
        # a restatement in other units is the same claim, "per hour" on either side
        (
            "Gusts of 140 kilometres per hour (87 mph) hit Fiji.",
            [("wind gusts in Fiji", "140 kilometres")],
        ),
        (
            "Gusts of 140 kilometres per hour (87 miles per hour) hit Fiji.",
            [("wind gusts in Fiji", "140 kilometres")],
        ),
        # a distance is from somewhere: distances from two places are two quantities
        (
            "The quake struck 60 kilometres (37 miles) north-west of Valparaiso, Chile.",
            [("distance from Valparaiso in Chile", "60 kilometres")],
        ),
        (
            "The camp in Chad lies some 15 km from the Sudanese border.",
            [("distance from Sudanese border in Chad", "some 15 km")],
        ),
        # land a fire or flood took
        (
            "The bushfire in Australia has scorched 8,500 hectares (21,000 acres) since Monday.",
            [("area burned in Australia", "8,500 hectares")],
        ),
        (
            "Floodwaters in Pakistan submerged 4,000 hectares overnight.",
            [("area flooded in Pakistan", "4,000 hectares")],
        ),
        # money named by the verb: pledges, appeals, funds raised
        (
            "Donors in Geneva pledged $310 million for Yemen.",
            [("pledge in Yemen", "$310 million")],
        ),
        (
            "The Red Cross is appealing for $12.4 million to help Malawi.",
            [("appeal in Malawi", "$12.4 million")],
        ),
        # people deployed: police, rescuers, firefighters
        (
            "Some 1,800 firefighters were deployed across Portugal on Sunday.",
            [("firefighters deployed in Portugal", "Some 1,800")],
        ),
    ],
)
def test_attributes_restatements_distances_areas_money_and_deployments(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quake's size is a figure agencies dispute, never a count of its dead
        (
            "A magnitude 6.9 earthquake in Nepal killed 41 people.",
            [("earthquake magnitude in Nepal", "6.9"), ("deaths in Nepal", "41")],
        ),
        (
            "The quake in Nepal measured 6.4 on the Richter scale.",
            [("earthquake magnitude in Nepal", "6.4")],
        ),
        # an aftershock's size is another quantity than the main shock's
        (
            "A 5.8-magnitude aftershock shook Nepal on Friday.",
            [("aftershock magnitude in Nepal", "5.8")],
        ),
        # a temperature is a temperature; below zero is left alone (the sign is not read)
        (
            "Temperatures in Iraq reached 51 degrees Celsius.",
            [("temperature in Iraq", "51 degrees Celsius")],
        ),
        ("Temperatures in Mongolia fell to minus 30 degrees Celsius.", []),
    ],
)
def test_magnitudes_and_temperatures(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd however it is said to have come: joined a march, took part, took to the streets
        (
            "Organisers said 90,000 people joined Sunday's march in Lisbon, Portugal.",
            [("crowd in Lisbon", "90,000")],
        ),
        (
            "About 6,000 people took part in the vigil in Oslo, Norway.",
            [("crowd in Oslo", "About 6,000")],
        ),
        # things lost are the things others call destroyed
        (
            "The county in Oregon has lost 75 buildings to the fire.",
            [("buildings destroyed in United States", "75")],
        ),
        # out of their homes: displaced, with the figure inside the phrase
        (
            "The floods drove some 9,000 residents from their homes in Bihar, India.",
            [("people displaced in India", "some 9,000")],
        ),
        # those fighting a fire are deployed
        (
            "Some 700 firefighters are battling the blaze in Evia, Greece.",
            [("firefighters deployed in Greece", "Some 700")],
        ),
        # people on board a plane, a bus or a boat
        (
            "The ferry in Indonesia was carrying 190 passengers when it sank.",
            [("people on board in Indonesia", "190")],
        ),
        # a number that is part of a name counts nothing
        (
            "The Airbus 320 had 148 people aboard when it landed in Nepal.",
            [("people on board in Nepal", "148")],
        ),
        (
            "Rescuers in Chile reached shaft 3 and freed 12 miners.",
            [("miners rescued in Chile", "12")],
        ),
        # a fire's area however it grows
        (
            "The wildfire in Portugal has grown to 4,200 hectares.",
            [("area burned in Portugal", "4,200 hectares")],
        ),
    ],
)
def test_crowds_losses_displacement_deployment_passengers_names_and_areas(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # more, new, additional: added to a toll given before, never the toll
        (
            "Divers in Malaysia found four more bodies on Monday.",
            [("deaths (part of a larger figure) in Malaysia", "four")],
        ),
        (
            "Health officials in Peru reported 31 new deaths.",
            [("deaths (part of a larger figure) in Peru", "31")],
        ),
        # pulled from the water or the rubble: rescued
        (
            "Fishermen pulled 17 survivors from the sea off Senegal.",
            [("people rescued in Senegal", "17")],
        ),
        # a licence or rating is what was permitted, not who was aboard
        (
            "The bus in Kenya was licensed for 30 but carried 52 passengers.",
            [("permitted crowd in Kenya", "30"), ("people on board in Kenya", "52")],
        ),
    ],
)
def test_increments_rescues_and_permits(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # strikers, however the walk-out is put, counted by who struck
        (
            "Some 4,000 train drivers walked out on Tuesday in France.",
            [("drivers on strike in France", "Some 4,000")],
        ),
        (
            "About 60,000 teachers went on strike in Argentina.",
            [("teachers on strike in Argentina", "About 60,000")],
        ),
        # another source's figure for the quantity just given is the same quantity
        (
            "The union said 18,000 pilots joined the strike in Brazil, but the airline put "
            "the number at 6,500.",
            [
                ("pilots on strike in Brazil", "18,000"),
                ("pilots on strike in Brazil", "6,500"),
            ],
        ),
        # an air strike is not a walk-out
        ("An air strike in Yemen killed 9 people.", [("deaths in Yemen", "9")]),
    ],
)
def test_strikes_and_restated_figures(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # turnout is one quantity however the sentence gets to it; a group's turnout another
        (
            "Turnout in Sunday's runoff in Chile reached 84.9 percent.",
            [("turnout in Chile", "84.9 percent")],
        ),
        (
            "Turnout among first-time voters was 52% in Chile.",
            [("turnout among first-time voters in Chile", "52%")],
        ),
        # each candidate's share is its own quantity, named by surname
        (
            "Mayor Ana Kast won 55.8 percent of the vote in Chile, against 44.2 percent "
            "for Luis Boric.",
            [
                ("vote share of Kast in Chile", "55.8 percent"),
                ("vote share of Boric in Chile", "44.2 percent"),
            ],
        ),
        # a share whose candidate is not named meets nothing
        ("The ruling bloc in Chile won 41% of the vote.", []),
        # the electorate
        (
            "Some 15 million people are registered to vote in Chile.",
            [("registered voters in Chile", "Some 15 million")],
        ),
    ],
)
def test_turnout_vote_shares_and_the_electorate(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _subjects(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Of the 96 deaths in Bolivia, 40 were children.",
        "Children made up 40 of the deaths in Bolivia.",
        "Among the dead in Bolivia, 40 were children.",
        "Floods in Bolivia killed 96 people, of whom 40 were children.",
    ],
)
def test_a_part_of_a_toll_never_meets_the_toll(text: str) -> None:
    parts = [s for s, v in _subjects(text) if v == "40"]
    assert parts == ["deaths (part of a larger figure) in Bolivia"]


def test_another_of_a_different_count_is_that_whole_count() -> None:
    text = "Floods in Nepal have killed 61 people, and another 43 are missing."
    assert _subjects(text) == [("deaths in Nepal", "61"), ("people missing in Nepal", "43")]


def test_a_headline_figure_holds_when_the_body_says() -> None:
    text = (
        "Landslide toll in Nepal rises to 61\n\n"
        "The toll from the landslide in Nepal rose to 61 on Monday, police said.\n"
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.time, c.time_source) for c in claims] == [
        ("61", "Monday", "stated"),
        ("61", "Monday", "stated"),
    ]


def test_police_and_emergency_personnel_are_not_troops() -> None:
    assert _subjects("Some 900 police personnel were deployed in Quito, Ecuador.") == [
        ("police personnel deployed in Ecuador", "Some 900")
    ]


def test_a_language_named_on_the_page_is_no_place() -> None:
    text = "Gazeta Nord - English edition\n\nSome 12 homes burned in the hills on Monday."
    assert all("UK" not in c.subject for c in
               extract_claims(text, source_id="t", published=PUBLISHED))  # fmt: skip


def test_a_dateline_country_does_not_hide_the_list_it_heads_later() -> None:
    text = (
        "NAIROBI, Kenya, May 3 - Floods have killed 85 people in Kenya and Tanzania, "
        "as rivers burst their banks in the Rift Valley."
    )
    assert ("deaths in Kenya and Tanzania", "85") in _subjects(text)


@pytest.mark.parametrize(
    "text",
    [
        "About 9,000 people rallied in Tbilisi, the watchdog said, revising its earlier "
        "estimate of 6,000 to 7,000.",
        "About 9,000 people rallied in Tbilisi, replacing a preliminary count of some 6,000.",
    ],
)
def test_an_estimate_since_replaced_is_not_said_any_more(text: str) -> None:
    got = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.value for c in got if c.kind != "change"] == ["About 9,000"]


@pytest.mark.parametrize(
    "text",
    [
        "Uganda has confirmed 63 Ebola cases, 28 of them fatal, the ministry said.",
        "Uganda has confirmed 63 Ebola cases, of whom 28 died.",
        "Of the 63 Ebola cases confirmed in Uganda, 28 died.",
    ],
)
def test_deaths_among_an_outbreaks_cases_are_its_toll(text: str) -> None:
    got = _subjects(text)
    assert any(s.startswith("deaths") and "part of" not in s and v == "28" for s, v in got)


def test_a_part_of_a_toll_stays_a_part() -> None:
    got = _subjects("The blast killed 63 people in Uganda, 28 of them children.")
    assert ("deaths (part of a larger figure) in Uganda", "28") in got


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        ("Argentina's annual inflation slowed to 193% in July, the statistics agency said.",
         "annual inflation in Argentina", "193%"),
        ("Monthly inflation in Argentina came in at 4 percent.", "monthly inflation in Argentina",
         "4 percent"),
        ("Argentina's central bank held its benchmark rate at 40% on Thursday.",
         "policy rate in Argentina", "40%"),
        ("Unemployment in Chile stood at 8.7% in the second quarter.",
         "unemployment in Chile", "8.7%"),
    ],
)
def test_rates_named_before_their_percentage(text: str, subject: str, value: str) -> None:
    assert (subject, value) in _subjects(text)


def test_a_move_whose_ends_each_name_their_month_is_two_levels() -> None:
    text = "Chile's jobless rate fell to 8.1% in March from 8.9% in January."
    got = [(c.kind, c.value, c.time) for c in
           extract_claims(text, source_id="t", published=PUBLISHED)]  # fmt: skip
    assert ("level", "8.1%", "March") in got
    assert ("level", "8.9%", "January") in got
    assert all(k != "change" for k, _, _ in got)


def test_a_move_from_a_relative_earlier_figure_stays_a_change() -> None:
    text = "Chile's jobless rate fell to 8.1% in March, down from 8.9% a year earlier."
    kinds = [c.kind for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert "change" in kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Cerro blaze in Chile was 35% contained on Friday.", ("containment in Chile", "35%")),
        ("Containment of the fire in Chile reached 60 percent.",
         ("containment in Chile", "60 percent")),
        ("The fire in Chile covered 9,200 acres.", ("area burned in Chile", "9,200 acres")),
        ("The fire in Chile grew after destroying at least 75 structures.",
         ("structures destroyed in Chile", "at least 75")),
        ("There are 1,240 personnel fighting the fire in Chile, the agency said.",
         ("firefighters deployed in Chile", "1,240")),
        ("About 800 firefighters are assigned to the blaze in Chile.",
         ("firefighters deployed in Chile", "About 800")),
    ],
)
def test_a_wildfire_by_its_usual_measures(text: str, expected: tuple[str, str]) -> None:
    got = _subjects(text)
    assert expected in got, got


def test_personnel_beside_soldiers_on_a_fire_stay_troops() -> None:
    text = "The army sent 300 personnel and soldiers to fight the fire in Chile."
    assert all(not s.startswith("firefighters") for s, _ in _subjects(text))


def test_a_crowd_counted_in_one_city_is_not_the_nations() -> None:
    got = _subjects(
        "Police said 180,000 marched across Italy. In Rome, 40,000 people rallied. "
        "Organisers put the number at 90,000."
    )
    assert got == [("crowd nationwide in Italy", "180,000"), ("crowd in Rome", "40,000"),
                   ("crowd in Rome", "90,000")]  # fmt: skip


def test_one_events_crowd_is_not_split_by_a_city_named_for_its_distance() -> None:
    got = _subjects("Some 20,000 pilgrims gathered at a shrine 150 km from Lima in Peru.")
    assert ("crowd in Peru", "Some 20,000") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war has killed more than 9,000 people in Yemen, the UN says.",
         [("war deaths in Yemen", "more than 9,000")]),
        ("At least 9,000 people have died in Yemen since the fighting began.",
         [("war deaths in Yemen", "At least 9,000")]),
        ("A drone strike killed 12 people at a wedding in Yemen, the worst attack of the war.",
         [("deaths in Yemen", "12")]),
        ("Shelling killed 12 people in Yemen on Friday, bringing the toll of the war to 9,100.",
         [("deaths in Yemen", "12"), ("war deaths in Yemen", "9,100")]),
    ],
)
def test_a_wars_toll_is_not_one_attacks(text: str, expected: list[tuple[str, str]]) -> None:
    assert _subjects(text) == expected


def test_a_figure_restated_as_it_by_another_body_is_the_same_quantity() -> None:
    text = (
        "The survey measured the quake's magnitude at 6.4 in Peru; "
        "Peru's institute put it at 6.1."
    )
    got = [(c.subject, c.value, c.said_by) for c in
           extract_claims(text, source_id="t", published=PUBLISHED)]  # fmt: skip
    assert [(s, v) for s, v, _ in got] == [
        ("earthquake magnitude in Peru", "6.4"), ("earthquake magnitude in Peru", "6.1")]
    assert got[1][2] == "Peru's institute"


def test_the_events_own_time_in_a_clause_about_it_is_not_the_tolls() -> None:
    text = ("The storm that hit Fiji on Saturday has killed 14 people and injured 60, "
            "officials said.")  # fmt: skip
    got = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.time_source for c in got] == ["publication", "publication"]
    plain = extract_claims("The storm killed 14 people in Fiji on Saturday.", source_id="t",
                           published=PUBLISHED)  # fmt: skip
    assert plain[0].time == "Saturday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Chile, 91% of people aged 60 and over had received just one shot by May.",
         ("share of seniors with a first dose in Chile", "91%")),
        ("In Chile, 91% of adults have had a first dose, as the plan to fully vaccinate "
         "everyone slips.", ("share of adults with a first dose in Chile", "91%")),
    ],
)
def test_a_share_vaccinated_takes_the_dose_named_nearest_it(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _subjects(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 300 and possibly as many as 500 people died in Haiti.",
         ("deaths in Haiti", "between 300 and 500")),
        ("More than 40 - perhaps up to 60 - homes were destroyed in Haiti.",
         ("homes destroyed in Haiti", "between 40 and 60")),
        ("Divers have pulled out more than 90 survivors from the ferry in Haiti.",
         ("people rescued in Haiti", "more than 90")),
    ],
)
def test_bounds_of_one_figure_and_rescues_by_pulling_out(
    text: str, expected: tuple[str, str]
) -> None:
    assert _subjects(text) == [expected]


def test_a_lower_and_an_upper_bound_of_two_measures_stay_two() -> None:
    got = _subjects("At least 40 people died and up to 60 were injured in Haiti.")
    assert got == [("deaths in Haiti", "At least 40"), ("injured in Haiti", "up to 60")]


@pytest.mark.parametrize(
    "text",
    [
        "The storm knocked out power to more than 90,000 homes and businesses in Fiji.",
        "Some 90,000 customers were without electricity in Fiji on Friday.",
        "Power was cut to 90,000 households in Fiji.",
        "About 90,000 people in Fiji were left without power.",
    ],
)
def test_a_power_cut_is_one_count_however_its_customers_are_named(text: str) -> None:
    got = [(c.subject, c.unit) for c in extract_claims(text, source_id="t", published=PUBLISHED)]
    assert got == [("customers without power in Fiji", "customers")]


def test_power_restored_is_not_power_lost() -> None:
    text = "Crews restored power to 60,000 customers in Fiji."
    assert all("without power" not in s for s, _ in _subjects(text))


def test_rain_in_inches_is_a_length_of_rain() -> None:
    got = extract_claims("More than 16 inches of rain fell in Fiji.", source_id="t",
                         published=PUBLISHED)  # fmt: skip
    assert [(c.subject, c.unit) for c in got] == [("rain in Fiji", "inches")]


def test_aid_received_is_not_aid_promised() -> None:
    text = "Chad has received only $300 million of the $1.2 billion it was promised."
    got = [(c.subject, c.value, c.kind) for c in
           extract_claims(text, source_id="t", published=PUBLISHED)]  # fmt: skip
    assert got == [("aid received in Chad", "$300 million", "level"),
                   ("pledge in Chad", "$1.2 billion", "target")]  # fmt: skip


def test_captives_freed_are_released_not_rescued() -> None:
    got = _subjects("The rebels freed 12 hostages in Mali in exchange for 40 prisoners.")
    assert got == [("hostages released in Mali", "12"), ("prisoners released in Mali", "40")]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Mudslides left 27 dead or missing in the valley.", "people dead or missing"),
        ("At least 27 people are dead or missing after the mudslides.", "people dead or missing"),
        ("The mudslides killed 27 people and left 9 missing.", "deaths"),
    ],
)
def test_dead_or_missing_is_one_joint_figure(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert claims[0].subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Fourteen survivors were brought ashore at dawn.",
        "The crew said 14 people had been pulled from the water alive.",
        "Divers found 14 survivors in the hull.",
    ],
)
def test_survivors_brought_ashore_are_rescued(sentence: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["people rescued"]


def test_seats_are_counted_per_party_and_the_chamber_has_its_size() -> None:
    text = (
        "The Green Alliance Party won 51 of the 120 seats, while the Farmers' Union took "
        "38 seats and Renewal secured 12 seats."
    )
    got = {c.value: c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)}
    assert got == {
        "51": "seats won by GAP",
        "120": "seats in the chamber",
        "38": "seats won by FU",
        "12": "seats won by Renewal",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout was 58.2 percent of the 4.1 million registered voters.",
        "Nearly 2.4 million people voted, a turnout of 58.2 percent.",
        "Voter turnout stood at 58.2%.",
    ],
)
def test_turnout_is_one_quantity_however_it_is_worded(sentence: str) -> None:
    text = "Voters in Ecuador chose a new parliament on Sunday.\n\n" + sentence
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.unit == "percent"] == ["turnout in Ecuador"]


def test_people_who_voted_are_votes_cast() -> None:
    text = "Nearly 2.4 million people voted in the runoff."
    assert [c.subject for c in extract_claims(text, source_id="t", published=PUBLISHED)] == [
        "votes cast"
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The cyclone came ashore with sustained winds of 180 km/h.", "sustained winds"),
        ("The cyclone came ashore with winds of 180 km/h before weakening.", "sustained winds"),
        (
            "It weakened to a tropical storm with winds of 90 km/h.",
            "sustained winds after weakening",
        ),
        (
            "The cyclone intensified overnight, packing winds of 210 km/h.",
            "sustained winds after strengthening",
        ),
    ],
)
def test_a_storms_winds_after_it_changes_are_another_reading(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


@pytest.mark.parametrize(
    "sentence",
    [
        "A 41-year-old nurse was among those hurt, and 9 others were injured.",
        "Police said the 41-year-old driver survived; 9 people were injured.",
    ],
)
def test_a_persons_age_is_no_length_of_time(sentence: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [(c.kind, c.value) for c in claims] == [("count", "9")]


def test_an_emergency_number_is_no_count() -> None:
    text = "Crews arrived six minutes after the first 999 call, and 14 people were injured."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.value for c in claims] == ["14"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Seven of the injured were in critical condition.",
        "Twenty people were hurt, seven of them critically.",
        "Seven victims remain in critical condition.",
    ],
)
def test_a_state_the_figure_is_in_is_what_it_counts(sentence: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    seven = [c.subject for c in claims if c.value.lower() == "seven"]
    assert seven == ["people in critical condition"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Depot attack: six dead including the bomber", "deaths including the attacker"),
        ("The gunman shot five people before turning the gun on himself, bringing the toll "
         "to six.", "deaths including the attacker"),
        ("The storm killed five people on Monday, bringing the toll to six.", "deaths"),
    ],
)
def test_a_toll_that_counts_the_attacker_is_its_own_quantity(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "six"] == [subject]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile shed 18,500 jobs in June.",
        "Chile's economy lost 18,500 jobs in June.",
        "Employers cut 18,500 positions in June.",
        "June brought a net loss of 18,500 jobs.",
    ],
)
def test_jobs_shed_are_one_quantity_however_worded(sentence: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [(c.kind, c.subject.partition(" in ")[0]) for c in claims] == [("count", "jobs lost")]


def test_what_economists_expected_is_a_forecast_not_the_figure() -> None:
    text = "Payrolls grew by 9,000, though economists had expected a gain of 40,000 jobs."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "40,000"] == ["jobs added (forecast)"]


def test_a_rate_moved_by_points_is_a_change_and_its_new_level_is_read() -> None:
    text = "Chile's jobless rate rose 0.4 percentage points to 8.9 percent in June."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    got = [(c.kind, c.value, c.unit) for c in claims]
    assert ("change", "0.4 percentage", "percentage points") in got
    assert ("level", "8.9 percent", "percent") in got


def test_the_earlier_ends_month_is_not_the_latest_figures() -> None:
    text = "Chile lost 18,500 jobs in June, and unemployment rose to 8.9% from 8.5% in May."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.time for c in claims if c.value == "8.9%"] == ["June"]


def test_a_figure_of_the_earlier_event_a_sentence_compares_with_is_history() -> None:
    text = (
        "The derailment killed 31 people, the worst since March 2019, when 57 people died "
        "near the same bridge."
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.value for c in claims] == ["31"]


def test_a_toll_summed_over_many_years_is_its_own_quantity() -> None:
    text = "More than 900 people have died in mine accidents there since 2009."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["deaths since 2009"]
    recent = extract_claims(
        "More than 90 people have died since January.", source_id="t", published=PUBLISHED
    )
    assert [c.subject for c in recent] == ["deaths"]


def test_the_crew_listed_after_other_people_aboard_is_the_crew() -> None:
    text = "The helicopter was carrying 11 engineers and three crew when it came down."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "three"] == ["crew on board"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Some 4.2 million people face acute food insecurity.", "people facing hunger"),
        ("About 4.2 million people are experiencing acute hunger.", "people facing hunger"),
        ("About 310,000 people are in catastrophic conditions.",
         "people facing catastrophic hunger"),
        ("At least 90,000 children are severely malnourished.", "children malnourished"),
    ],
)
def test_hunger_is_counted_by_its_severity(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Bidi Bidi, near the border, shelters more than 230,000 refugees.",
         "people in Bidi Bidi"),
        ("The Bidi Bidi settlement, which hosts 230,000 refugees, is full.",
         "people in Bidi Bidi"),
        ("Aid reached a camp where some 230,000 displaced people live.", "people in the camp"),
        ("The fighting has displaced 1.1 million people.", "people displaced"),
        ("About 400,000 have fled to neighbouring countries.", "people displaced abroad"),
    ],
)
def test_one_sites_people_and_those_abroad_are_parts_of_the_displaced(
    sentence: str, subject: str
) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


def test_a_headline_cutting_the_bodys_figure_is_the_body_restated() -> None:
    text = (
        "Drought: 4 million face hunger\n\n"
        "More than 4.3 million people face hunger after the rains failed, the agency said.\n"
    )
    title = "Drought: 4 million face hunger"
    claims = extract_claims(text, source_id="t", published=PUBLISHED, title=title)
    assert [c.value for c in claims] == ["More than 4.3 million"]


def test_a_toll_since_the_war_began_is_the_wars_toll() -> None:
    text = (
        "The war shows no sign of ending, and fighting spread on Monday.\n\n"
        "At least 9,100 people have been killed since March 2024, monitors said.\n"
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "At least 9,100"] == ["war deaths"]


def test_a_toll_an_outlet_says_was_given_earlier_is_no_longer_said() -> None:
    text = "Officials now say 61 people died. Earlier they had put the toll at 52."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.value for c in claims] == ["61"]


def test_intensive_care_is_critical_condition() -> None:
    text = "Twenty workers were hurt, six of them in intensive care."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "six"] == ["people in critical condition"]


def test_a_toll_told_on_a_later_day_is_not_dated_to_the_event_clause() -> None:
    text = (
        "A blaze that swept through a textile mill on the edge of the city late on Sunday "
        "killed at least 31 people, officials said on Tuesday."
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.time for c in claims] == ["Tuesday"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The army said the rebels fired 64 rockets, of which 51 rockets were intercepted.",
            [("64", "rockets launched"), ("51", "rockets shot down")],
        ),
        ("Air defences destroyed 51 rockets overnight.", [("51", "rockets shot down")]),
        (
            "Air defences intercepted 51 of the 64 rockets.",
            [("51", "rockets shot down"), ("64", "rockets")],
        ),
    ],
)
def test_projectiles_launched_and_shot_down_are_two_tallies(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == expected


def test_a_state_after_a_partitive_beats_the_state_before_it() -> None:
    text = "Forty people remain in hospital, five of them in intensive care."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == [
        ("Forty", "people still in hospital"),
        ("five", "people in critical condition"),
    ]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The freighter spilled about 1,200 tonnes of heavy fuel oil.", "tonnes"),
        ("Some 8,000 barrels of crude leaked from the pipeline.", "barrels"),
        ("An estimated 40,000 gallons of diesel poured into the bay.", "gallons"),
    ],
)
def test_oil_spilled_is_one_quantity_in_whatever_unit(sentence: str, unit: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [(c.subject, c.unit) for c in claims] == [("oil spilled", unit)]


def test_oil_that_is_not_spilled_is_no_spill() -> None:
    claims = extract_claims(
        "The refinery processes 300,000 barrels of oil a day.", source_id="t", published=PUBLISHED
    )
    assert all(c.subject != "oil spilled" for c in claims)


def test_another_n_missing_after_a_toll_is_everyone_missing() -> None:
    text = "The mudslide killed 14 people. Another 9 are missing."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["deaths", "people missing"]
    more = extract_claims(
        "The mudslide killed 14 people. Another 9 died in hospital.", source_id="t",
        published=PUBLISHED,
    )
    assert more[-1].subject == "deaths (part of a larger figure)"


def test_new_cases_in_a_period_are_not_the_running_total() -> None:
    text = "Officials reported 640 new cases in the past week, bringing the total to 9,800."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == [
        ("640", "weekly new cases"),
        ("9,800", "cases"),
    ]
    daily = extract_claims("There were 85 new infections on Monday.", source_id="t",
                           published=PUBLISHED)  # fmt: skip
    assert [c.subject for c in daily] == ["daily new cases"]


def test_a_days_deaths_that_bring_the_toll_up_are_part_of_it() -> None:
    text = "Storms killed 16 people on Sunday, bringing the toll to 52."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == [
        ("16", "deaths (part of a larger figure)"),
        ("52", "deaths"),
    ]


def test_a_percentage_something_moved_by_is_not_the_last_sentences_rate() -> None:
    text = "The vaccination rate stands at 61 percent. Measles cases are up 40% on last year."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.value for c in claims] == ["61 percent"]


def test_a_temperature_is_the_citys_it_is_named_with() -> None:
    text = (
        "A heatwave gripped India.\n\nTemperatures hit 47.4C in Nagpur on Monday, while "
        "the mercury touched 44C in Delhi.\n"
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == [
        ("47.4C", "temperature in Nagpur"),
        ("44C", "temperature in Delhi"),
    ]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The arena was packed with about 52,000 fans.", "crowd"),
        ("Some 1,800 schools had been closed.", "schools closed"),
        ("About 9,000 homes were left without water.", "homes without water"),
    ],
)
def test_more_ways_outlets_word_a_crowd_and_things_done_to(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


def test_people_who_took_part_in_a_strike_are_on_strike() -> None:
    text = "About 300,000 people took part in the strike, while police counted 90,000."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["people on strike", "people on strike"]
    march = extract_claims("About 300,000 people took part in the march.", source_id="t",
                           published=PUBLISHED)  # fmt: skip
    assert [c.subject for c in march] == ["crowd"]


def test_flights_cancelled_are_counted_by_what_happened_to_them() -> None:
    claims = extract_claims("Some 640 flights were cancelled.", source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["flights cancelled"]


def test_people_out_of_contact_are_missing() -> None:
    text = "Nine people were confirmed dead and 14 remained out of contact."
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == ["deaths", "people missing"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Waves of up to 2.4 metres reached the harbour.", "tsunami height"),
        ("A 2-metre tsunami hit the bay.", "tsunami height"),
        ("Forecasters warned of a storm surge of up to 9 feet.", "storm surge"),
    ],
)
def test_the_waters_height_is_one_reading_however_worded(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


def test_a_boats_distance_off_a_coast_in_heavy_waves_is_no_wave_height() -> None:
    claims = extract_claims(
        "The trawler sank 20 km off the coast in heavy waves.", source_id="t", published=PUBLISHED
    )
    assert all("tsunami" not in c.subject for c in claims)


def test_people_staying_in_shelters_are_not_everyone_evacuated() -> None:
    text = (
        "More than 41,000 people have been evacuated. About 18,000 are staying at 210 "
        "evacuation centres."
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.unit == "people"] == [
        "people evacuated",
        "people in shelters",
    ]


def test_a_quakes_magnitude_is_the_whole_events_wherever_it_is_placed() -> None:
    text = (
        "A quake shook Chile's north.\n\nThe magnitude 6.9 quake struck near Calama in "
        "Antofagasta, damaging homes in Calama, Tocopilla and Iquique.\n"
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.unit == "magnitude"] == ["earthquake magnitude in Chile"]


def test_suspected_and_confirmed_cases_are_two_tallies() -> None:
    text = (
        "Health officials have recorded 4,100 suspected cholera cases this year, of which "
        "650 cases have been confirmed."
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == [
        ("4,100", "suspected cases"),
        ("650", "confirmed cases"),
    ]


def test_a_figure_across_several_countries_is_theirs_together() -> None:
    text = (
        "Cholera hit Malawi.\n\nThe outbreak has killed 1,900 people across 11 African "
        "countries.\n"
    )
    claims = extract_claims(text, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims if c.value == "1,900"] == ["deaths in 11 countries"]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Confirmed cases in Uganda number about 1,900.", "confirmed cases in Uganda"),
        ("Arrivals to Malta rose to 3,000.", "arrivals in Malta"),
    ],
)
def test_a_tally_named_before_its_verb_past_a_place(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The quake damaged or destroyed 41,000 buildings.",
         [("41,000", "buildings damaged or destroyed")]),
        ("About 41,000 buildings were damaged or destroyed.",
         [("About 41,000", "buildings damaged or destroyed")]),
        ("About 41,000 buildings were damaged and 900 destroyed.",
         [("About 41,000", "buildings damaged"), ("900", "buildings destroyed")]),
    ],
)
def test_damaged_or_destroyed_is_one_joint_count(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [(c.value, c.subject) for c in claims] == expected


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The vigil drew about 6,000 people.", "crowd"),
        ("The march attracted a crowd of 45,000.", "crowd"),
        ("Halvorsen drew 38% of the vote.", "vote share of Halvorsen"),
    ],
)
def test_a_crowd_or_a_vote_an_event_or_candidate_drew(sentence: str, subject: str) -> None:
    claims = extract_claims(sentence, source_id="t", published=PUBLISHED)
    assert [c.subject for c in claims] == [subject]
