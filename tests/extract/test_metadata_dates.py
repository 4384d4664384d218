"""Publication dates in the shapes pages show them, and the dates they must not take."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.metadata import detect_metadata, find_dateline

BODY = "Rescue crews pulled 14 survivors from the rubble, the fire service said.\n"

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("Floods swamp river towns\nDate: 2024-07-03\n\n" + BODY, date(2024, 7, 3)),
        ("Quake rattles coast\nBy Maria Lopez Oct 5, 2020\n\n" + BODY, date(2020, 10, 5)),
        (
            "Quake rattles coast\nBy MARIA LOPEZ | Published 5 October 2020\n\n" + BODY,
            date(2020, 10, 5),
        ),
        ("Dockers walk out\nUpdated: 16-08-2020\n\n" + BODY, date(2020, 8, 16)),
        (
            "Wildfire jumps highway\nPublished: March 9, 2022 4:15PM EST\n\n" + BODY,
            date(2022, 3, 9),
        ),
        ("Wildfire jumps highway\n\n12 March 2022\n\n" + BODY, date(2022, 3, 12)),
        ("Wildfire jumps highway\nMarch 9, 2022Firefighters were " + BODY, date(2022, 3, 9)),
        ("Wildfire jumps highway\nPosted 2022-03-09T06:40:00Z\n" + BODY, date(2022, 3, 9)),
    ],
)
def test_page_markers(page: str, expected: date) -> None:
    assert detect_metadata(page, path="p.txt").published == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.org/world/2023/09/24/strike-spreads-to-ports", date(2023, 9, 24)),
        ("https://example.com/14-Mar-2022/flood-waters-recede", date(2022, 3, 14)),
        ("https://example.com/politics/20231125-vote-count-delayed", date(2023, 11, 25)),
        ("https://example.com/story?id=88&date=2022-01-30", date(2022, 1, 30)),
        ("https://example.com/news/2021-12-05_quake-toll-rises.html", date(2021, 12, 5)),
        ("https://example.com/may-4-2019/protest-march", date(2019, 5, 4)),
        ("https://example.com/news/16-08-2020/dock-strike", date(2020, 8, 16)),
        ("https://example.com/news/dock-strike_20200816.html", date(2020, 8, 16)),
    ],
)
def test_date_in_the_address_on_the_first_line(url: str, expected: date) -> None:
    page = f"URL: {url}\n\nStrike spreads\n" + BODY
    meta = detect_metadata(page, path="p.txt")
    assert meta.published == expected
    assert meta.warnings == ()


def test_address_ids_and_hosts_are_not_dates() -> None:
    for url in (
        "https://example.com/world/6523011/strike-ends/",
        "https://news2023.example.com/a/1350398/",
        "https://example.com/2023/strike-ends",
    ):
        assert detect_metadata(f"URL: {url}\n\n" + BODY, path="p").published is None


def test_page_marker_beats_address_date() -> None:
    page = "URL: https://example.com/2023/09/24/dam-breach\nDate: 2023-09-25\n\n" + BODY
    assert detect_metadata(page, path="p").published == date(2023, 9, 25)


@pytest.mark.parametrize(
    "furniture",
    [
        "Retrieved 4 May 2024 from the archive.",
        "Accessed: 2024-05-04",
        "Archived from the original on 4 May 2024",
        "© 2024 Example Media Group",
        "Copyright 2024-05-04 Example Media",
    ],
)
def test_crawl_stamps_and_copyright_never_date_a_page(furniture: str) -> None:
    page = "Levees hold as river crests\n\n" + BODY + furniture + "\n"
    meta = detect_metadata(page, path="p.txt")
    assert meta.published is None
    assert meta.warnings and "no publication date" in meta.warnings[0]


def test_event_date_in_the_body_is_not_the_publication_date() -> None:
    page = (
        "Levees hold as river crests\n\n"
        "The river burst its banks upstream of the town on 12 November 2022, officials said.\n"
    )
    assert detect_metadata(page, path="p").published is None


def test_photo_date_loses_to_the_address() -> None:
    page = (
        "URL: https://example.com/2022/06/14/heatwave-deaths\n\n"
        "Heat deaths climb\n"
        "Photo: a cooling centre in the city, June 11, 2022\n" + BODY
    )
    assert detect_metadata(page, path="p").published == date(2022, 6, 14)


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("KATHMANDU, March 4 (Reuters) - Floods cut the highway.", "Kathmandu"),
        ("NEW DELHI (AP) — Strikers blocked the rail line.", "New Delhi"),
        ("LIMA, Peru — Voters queued for hours.", "Lima"),
        ("Santiago (AFP) - Protesters marched again.", "Santiago"),
        ("SMALLVILLE, Kansas (AP) — A twister hit.", "Smallville"),
        ("SAN JUAN, Puerto Rico, June 2, 2023 (AP) — The storm passed.", "San Juan"),
    ],
)
def test_dateline_place(line: str, place: str) -> None:
    meta = detect_metadata("Storm news\n\n" + line + "\n" + BODY, path="p")
    assert meta.dateline_place == place


@pytest.mark.parametrize(
    "line",
    [
        "WATCH: crews battle the blaze",
        "UPDATE — the toll has been revised.",
        "Police said - without giving details - that 3 were held.",
        "REPORTED cases rose to 300 - officials said.",
        "BREAKING NEWS — dam gates opened",
        "FACT CHECK: the photo is old",
        "WILDFIRES — THOUSANDS FLEE THE HILLS",
    ],
)
def test_not_datelines(line: str) -> None:
    assert find_dateline(["Storm news", "", line]) is None


def test_dateline_without_year_takes_it_from_the_address() -> None:
    page = (
        "URL: https://example.com/world/2019/12/quake-toll\n\n"
        "Quake toll rises\n"
        "ANKARA, Dec. 30 (Reuters) - Rescuers found 20 more bodies.\n"
    )
    meta = detect_metadata(page, path="p")
    assert meta.published == date(2019, 12, 30)
    assert meta.dateline_place == "Ankara"


def test_dateline_without_year_or_reference_stays_undated() -> None:
    page = "Quake toll rises\nANKARA, Dec. 30 (Reuters) - Rescuers found 20 more bodies.\n"
    meta = detect_metadata(page, path="p")
    assert meta.published is None
    assert meta.dateline_place == "Ankara"


def test_dateline_year_from_nearest_full_date_across_new_year() -> None:
    page = (
        "Quake toll rises\nANKARA, Jan. 2 (Reuters) - Rescuers found 20 more bodies.\n"
        "Published: December 31, 2019 (first version)\n"
        "Updated: 02-01-2020\n"
    )
    # The byline dates win when they carry a cue; the dateline agrees with the update.
    assert detect_metadata(page, path="p").published in (date(2019, 12, 31), date(2020, 1, 2))
    alone = "Quake toll rises\nANKARA, Jan. 2 (Reuters) - Since the quake of 28 December 2019.\n"
    assert detect_metadata(alone, path="p").published == date(2020, 1, 2)


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 5))
def test_any_address_date_round_trips(day: date, shape: int) -> None:
    mon = MONTH_NAMES[day.month - 1]
    path = (
        f"/news/{day.year}/{day.month:02d}/{day.day:02d}/slug",
        f"/{day.day:02d}-{mon[:3]}-{day.year}/slug",
        f"/a/{day:%Y%m%d}-slug",
        f"/a/{day.isoformat()}/slug",
        f"/{mon.lower()}-{day.day}-{day.year}/slug",
        f"/{day.day}-{day.month}-{day.year}/slug" if day.day > 12 else f"/{day:%Y/%m/%d}/",
    )[shape]
    page = f"URL: https://example.com{path}\n\n" + BODY
    assert detect_metadata(page, path="p").published == day


@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2099, 12, 31)))
def test_byline_date_round_trips(day: date) -> None:
    page = f"Storm news\nBy Ana Ruiz {MONTH_NAMES[day.month - 1]} {day.day}, {day.year}\n\n" + BODY
    assert detect_metadata(page, path="p").published == day


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [("04.03.2025. 17:40", date(2025, 3, 4)), ("04.03.2025.", date(2025, 3, 4))],
)
def test_a_numeric_date_closed_by_a_dot_is_the_page_date(stamp: str, expected: date) -> None:
    page = f"Radio Sever\n\n{stamp}\n\nFerry strike ends after 12 days\n\nThe strike ended.\n"
    assert detect_metadata(page, path="a.txt").published == expected
