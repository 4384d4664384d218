"""When a figure holds: stated, the event's date, or the report's date."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.anchoring import DatedTime, anchor, event_date, is_background
from claimcheck.extract.claims import extract_claims
from claimcheck.model import DateInterval

PUBLISHED = date(2025, 5, 14)  # a Wednesday


def _times(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (c.value, c.time, c.time_source)
        for c in extract_claims(text, source_id="t", published=PUBLISHED)
    ]


def test_a_running_toll_with_no_time_holds_at_the_report() -> None:
    assert _times("The earthquake in Peru has killed 23 people.") == [
        ("23", "2025-05-14", "publication")
    ]


def test_a_stated_time_wins() -> None:
    assert _times("The earthquake in Peru killed 23 people on Monday.") == [
        ("23", "Monday", "stated")
    ]


def test_a_fact_of_the_event_holds_on_the_event_day() -> None:
    text = (
        "A mine collapsed in Ghana on Sunday, officials said.\n\n"
        "Nine workers are trapped underground."
    )
    assert _times(text) == [("Nine", "2025-05-11", "event")]


def test_an_undated_event_fact_is_marked_as_the_events_time() -> None:
    claims = extract_claims(
        "Nine miners are trapped after a shaft collapsed in Ghana on Sunday.",
        source_id="t",
        published=None,
    )
    assert [(c.time, c.time_source) for c in claims] == [("Sunday", "event")]


def test_no_publication_date_leaves_the_report_time_to_the_user() -> None:
    claims = extract_claims("The floods in Peru have killed 23 people.", source_id="t",
                            published=None)  # fmt: skip
    assert [(c.time, c.time_source) for c in claims] == [("current", "publication")]


def test_history_paragraphs_are_not_claims_about_the_story() -> None:
    assert is_background("In 2011, a crush at a temple in Kerala killed 100 people.", PUBLISHED)
    assert not is_background("In 2025, the toll is 100.", PUBLISHED)
    assert not is_background("The toll rose in 2011 terms.", PUBLISHED)


def test_event_date_never_after_publication() -> None:
    text = "The storm hit on Friday."
    later = DateInterval(PUBLISHED + timedelta(days=2), PUBLISHED + timedelta(days=2))
    assert event_date(text, [DatedTime("on Friday", 15, 24, later, None)], PUBLISHED) is None


@given(
    stated=st.one_of(st.none(), st.sampled_from(["Monday", "on 3 May", "since April"])),
    event_bound=st.booleans(),
    event=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2030, 1, 1))),
    published=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2030, 1, 1))),
)
def test_anchor_prefers_stated_then_event_then_publication(
    stated: str | None, event_bound: bool, event: date | None, published: date | None
) -> None:
    a = anchor(stated, event_bound=event_bound, event=event, published=published)
    if not event_bound:
        # Only facts of the event ever take the event's day.
        if stated:
            assert (a.text, a.source) == (stated, "stated")
        else:
            assert (a.text, a.source) == (
                published.isoformat() if published else "current",
                "publication",
            )
        return
    assert a.source in ("stated", "event", "publication")
    if a.source == "event":
        # The event's day: as written, as resolved, or unknown in an undated article.
        assert a.text in (stated, event.isoformat() if event else None)
    if stated is None:
        assert a.source != "stated"
    if a.source == "publication":
        assert stated is None and event is None and published is not None


def test_a_fact_of_the_event_keeps_its_day_when_reported_later() -> None:
    text = (
        "A mine collapsed in Ghana on Sunday.\n\n"
        "On Tuesday, officials said nine workers were trapped."
    )
    assert _times(text) == [("nine", "2025-05-11", "event")]


def test_a_running_toll_beside_a_whole_year_holds_at_the_report() -> None:
    text = "The storms this year have killed 230 people in Chile, officials said."
    assert _times(text) == [("230", "2025-05-14", "publication")]


def test_a_period_that_has_run_ends_at_the_report_a_planned_one_has_no_time() -> None:
    ran = extract_claims(
        "Aid resumed after a 10-month siege of the city of Sanaa in Yemen.",
        source_id="t",
        published=PUBLISHED,
    )
    assert [(c.time, c.time_source) for c in ran] == [("2024-07-15/2025-05-14", "publication")]
    planned = extract_claims(
        "The government will impose a 10-month curfew on the city of Sanaa in Yemen.",
        source_id="t",
        published=PUBLISHED,
    )
    assert all(c.time is None for c in planned)


def test_running_tallies_hold_as_of_the_day_the_article_gives() -> None:
    text = (
        "As of Monday, the floods in Peru had killed 40 people.\n\n"
        "Officials said 12,000 people were evacuated."
    )
    assert [(c.time, c.time_source) for c in extract_claims(text, source_id="t",
                                                            published=PUBLISHED)] == [
        ("As of Monday", "stated"),
        ("2025-05-12", "publication"),
    ]  # fmt: skip
