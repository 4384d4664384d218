"""Publication date, publisher and title from messy page text (invented pages)."""

from __future__ import annotations

from datetime import date

from claimcheck.extract.metadata import NO_DATE_WARNING, detect_metadata


def test_cue_beats_crawl_stamp_and_copyright() -> None:
    page = (
        "MON 03 - 04 - 2023\nDate: Feb 2, 2022\nSource: The Lagos Herald\n"
        "Floods displace thousands in delta region\nReuters\nBody text here.\nCopyright 2023 ."
    )
    meta = detect_metadata(page, path="p.txt")
    assert meta.published == date(2022, 2, 2)
    assert meta.publisher == "The Lagos Herald"
    assert meta.title == "Floods displace thousands in delta region"


def test_bare_numeric_date_under_headline_and_outlet_line() -> None:
    page = "Protesters fill the main square: police\n\n09-05-2022\nKyiv Post\nA+ A-\n\nText.\n"
    meta = detect_metadata(page, path="p.txt")
    assert meta.published == date(2022, 5, 9)
    assert meta.publisher == "Kyiv Post"


def test_caption_tail_date_and_byline() -> None:
    page = (
        "- Example News, 1999\nWorld\nMigrants wait at the border crossing near Calais\n"
        "© AFP 2024 / SOMEONE\nA boat in the harbour - Example News, 1999, 14.03.2023\n"
        "Officials said on Monday that 120 migrants arrived.\n"
    )
    meta = detect_metadata(page, path="p.txt")
    assert meta.published == date(2023, 3, 14)
    assert meta.publisher == "Example News"


def test_date_earlier_than_reported_event_is_rejected() -> None:
    page = (
        "Budget row deepens\nPublished: 2020-01-02\n"
        "The minister said the plan, as he announced on March 3, 2021, would cut costs sharply.\n"
    )
    meta = detect_metadata(page, path="p.txt")
    assert meta.published is None
    assert any(NO_DATE_WARNING in w for w in meta.warnings)


def test_glued_furniture_prefix_stripped_from_title() -> None:
    page = "Forgot password?\nLog in with Google\n\narticle imageOp-Ed: Crowds gather in Lima\n"
    assert detect_metadata(page, path="p").title == "Op-Ed: Crowds gather in Lima"


def test_a_lead_that_dates_its_news_by_weekday_dates_an_unstamped_page() -> None:
    page = (
        "Dengue cases climb\n\nShare this article\n\n"
        "Peru has recorded 88,000 dengue cases this year, the health ministry said on "
        "Tuesday, April 8, 2025.\n"
    )
    assert detect_metadata(page, path="p.txt").published == date(2025, 4, 8)
    # without the weekday the date may be any past event: not a publication date
    plain = page.replace("Tuesday, ", "")
    assert detect_metadata(plain, path="p.txt").published is None


def test_a_date_scraped_twice_without_a_gap_is_read() -> None:
    page = "Quake toll rises\n\nPublished On 9 Sep 20239 Sep 2023\n\nThe toll rose to 2,000.\n"
    assert detect_metadata(page, path="p.txt").published == date(2023, 9, 9)


def test_an_advertisement_label_is_not_the_publisher() -> None:
    page = "Quake toll rises\nUpdated: Sep 9, 2023, 08:12 IST\nAdvertisement\n\nThe toll rose.\n"
    assert detect_metadata(page, path="p.txt").publisher is None


def test_a_byline_beside_the_date_is_the_writer_not_the_outlet() -> None:
    page = (
        "REGIONAL NEWS\nFerry service halted after engine fire in the strait\n"
        "March 4, 2024 — 9:15am\n\nBy Aino Korhonen\n\nThe ferry carried 212 passengers.\n"
    )
    meta = detect_metadata(page, path="p.txt")
    assert meta.published == date(2024, 3, 4)
    assert meta.publisher is None


def test_a_yearless_dateline_on_an_undated_page_keeps_its_day_for_the_run() -> None:
    page = "Ferry sinks in the strait\n\nMALE, Feb 9 (Reuters) - A ferry sank, killing 12.\n"
    meta = detect_metadata(page, path="p.txt")
    assert (meta.published, meta.dateline_day) == (None, (2, 9))
    dated = detect_metadata("Ferry sinks\n\nMALE, Feb 9, 2024 (Reuters) - A ferry sank.\n",
                            path="p.txt")  # fmt: skip
    assert (dated.published, dated.dateline_day) == (date(2024, 2, 9), None)
