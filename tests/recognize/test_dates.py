"""Time recognizer: absolute forms, news-relative forms, modifiers, and properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.dates import find_times, parse_time

REF = date(2020, 8, 29)  # a Saturday


@pytest.mark.parametrize(
    ("text", "start", "end", "mod"),
    [
        ("2021-01-15", "2021-01-15", "2021-01-15", None),
        ("2020-08", "2020-08-01", "2020-08-31", None),
        ("2020", "2020-01-01", "2020-12-31", None),
        ("2020-02/2021-07", "2020-02-01", "2021-07-31", None),
        ("Jan 15 2021", "2021-01-15", "2021-01-15", None),
        ("January 15, 2021", "2021-01-15", "2021-01-15", None),
        ("15 January 2021", "2021-01-15", "2021-01-15", None),
        ("Oct 5, 2020", "2020-10-05", "2020-10-05", None),
        ("15/01/2021", "2021-01-15", "2021-01-15", None),
        ("03/04/2021", "2021-03-04", "2021-03-04", None),  # '/' ambiguous: month first
        ("03.04.2021", "2021-04-03", "2021-04-03", None),  # '.' day first
        ("in January", "2020-01-01", "2020-01-31", None),
        ("in October", "2019-10-01", "2019-10-31", None),  # most recent past October
        ("by October", None, "2020-10-31", "by"),  # the next one, for a deadline
        ("January 2020", "2020-01-01", "2020-01-31", None),
        ("early 2020", "2020-01-01", "2020-04-30", None),
        ("mid-2019", "2019-05-01", "2019-08-31", None),
        ("by mid-January", None, "2021-01-20", "by"),
        ("last month", "2020-07-01", "2020-07-31", None),
        ("next month", "2020-09-01", "2020-09-30", None),
        ("last week", "2020-08-17", "2020-08-23", None),
        ("this year", "2020-01-01", "2020-12-31", None),
        ("last year", "2019-01-01", "2019-12-31", None),
        ("earlier this year", "2020-01-01", "2020-08-28", None),  # before the reference day
        ("yesterday", "2020-08-28", "2020-08-28", None),
        ("today", "2020-08-29", "2020-08-29", "current"),
        ("now", "2020-08-29", "2020-08-29", "current"),
        ("on Monday", "2020-08-24", "2020-08-24", None),
        ("since 2014", "2014-01-01", "2020-08-29", "since"),  # ends at the reference
        ("after 2016", "2017-01-01", None, "after"),
        ("before 2018", None, "2017-12-31", "before"),
        ("the 1990s", "1990-01-01", "1999-12-31", None),
        ("three months ago", "2020-05-29", "2020-05-29", None),
    ],
)
def test_parse_time_forms(text: str, start: str | None, end: str | None, mod: str | None) -> None:
    found = parse_time(text, REF)
    assert found is not None
    assert found.interval is not None
    got = (found.interval.start, found.interval.end, found.mod)
    want = (
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        mod,
    )
    assert got == want


@pytest.mark.parametrize("text", ["91st", "2,500", "5,200", "COVID-19", "12", "troops"])
def test_not_times(text: str) -> None:
    assert find_times(text, REF) == []


@pytest.mark.parametrize("text", ["last month", "on Friday", "yesterday", "in January"])
def test_relative_without_reference_is_unresolved(text: str) -> None:
    found = parse_time(text, None)
    assert found is not None
    assert found.interval is None


def test_absolute_resolves_without_reference() -> None:
    found = parse_time("late 2018", None)
    assert found is not None and found.interval is not None
    assert (found.interval.start, found.interval.end) == (date(2018, 9, 1), date(2018, 12, 31))


def test_range_borrows_year_from_second_end() -> None:
    (m,) = find_times("Shops closed from March to June 2019.", REF)
    assert m.interval is not None
    assert (m.interval.start, m.interval.end) == (date(2019, 3, 1), date(2019, 6, 30))


def test_spans_are_exact() -> None:
    text = "On Friday, officials said that by November 2,000 more would arrive, as in 2019."
    for m in find_times(text, REF):
        assert text[m.start : m.end] == m.text


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31))


@settings(max_examples=200, deadline=None)
@given(days)
def test_iso_date_round_trips(d: date) -> None:
    found = parse_time(d.isoformat(), None)
    assert found is not None and found.interval is not None
    assert found.interval.start == found.interval.end == d


@settings(max_examples=200, deadline=None)
@given(
    days,
    st.sampled_from(
        [
            "last week",
            "last month",
            "last year",
            "yesterday",
            "on Monday",
            "in March",
            "two weeks ago",
            "earlier this year",
            "in recent months",
        ]
    ),
)
def test_past_relatives_never_resolve_after_reference(ref: date, text: str) -> None:
    found = parse_time(text, ref)
    assert found is not None and found.interval is not None
    # Past expressions start on or before the reference (the current month may run past it).
    assert found.interval.start is not None and found.interval.start <= ref
    if text not in ("in March", "earlier this year"):
        assert found.interval.end is not None and found.interval.end <= ref


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), days))
def test_never_raises_and_intervals_are_ordered(text: str, ref: date | None) -> None:
    for m in find_times(text, ref):
        assert text[m.start : m.end] == m.text
        iv = m.interval
        if iv is not None and iv.start is not None and iv.end is not None:
            assert iv.start <= iv.end
    parse_time(text, ref)


@settings(max_examples=200, deadline=None)
@given(
    days,
    st.integers(min_value=1900, max_value=2090),
    st.sampled_from(["early", "mid", "late", "the end of", "the beginning of"]),
)
def test_edges_lie_inside_their_year(ref: date, year: int, edge: str) -> None:
    found = parse_time(f"{edge} {year}", ref)
    assert found is not None and found.interval is not None
    assert found.interval.start is not None and found.interval.end is not None
    assert date(year, 1, 1) <= found.interval.start <= found.interval.end <= date(year, 12, 31)


def test_since_without_reference_stays_open() -> None:
    found = parse_time("since 2014", None)
    assert found is not None and found.interval is not None
    assert (found.interval.start, found.interval.end, found.mod) == (
        date(2014, 1, 1),
        None,
        "since",
    )


@pytest.mark.parametrize(
    ("text", "ref", "start", "end"),
    [
        # a future cue earlier in the sentence picks the future reading of a year-less date
        ("The vote will be held on November 3.", date(2020, 9, 9), "2020-11-03", "2020-11-03"),
        ("Talks are scheduled to resume in March.", date(2020, 9, 9), "2021-03-01", "2021-03-31"),
        # otherwise news means the past reading
        ("The vote was held on November 3.", date(2020, 9, 9), "2019-11-03", "2019-11-03"),
        # two year-less ends share one reading; the second follows the first
        ("Rents rose from April to June.", date(2020, 5, 5), "2020-04-01", "2020-06-30"),
        ("Floods hit between August and October.", date(2017, 9, 1), "2017-08-01", "2017-10-31"),
        (
            "Fighting went on from November to February.",
            date(2020, 12, 1),
            "2020-11-01",
            "2021-02-28",
        ),
        ("By late 2018, there were 40 camps.", date(2020, 9, 9), None, "2018-12-31"),
        ("In 2014, the budget doubled.", date(2020, 9, 9), "2014-01-01", "2014-12-31"),
    ],
)
def test_running_text_readings(text: str, ref: date, start: str | None, end: str) -> None:
    (m,) = find_times(text, ref)
    assert m.interval is not None
    want_start = date.fromisoformat(start) if start else None
    assert (m.interval.start, m.interval.end) == (want_start, date.fromisoformat(end))


def test_trigger_windows_match_a_full_scan() -> None:
    """The windowed scan must find exactly what the master regex finds over the whole text."""
    from claimcheck.recognize import dates

    text = (
        "On Friday, 12 March 2019, about 300 people marched; by mid-2020 the figure rose. "
        "In the days that followed, Q3 2019 sales, the '90s, 2015-3 and Oct/2 came up |Monday. "
        "Three weeks ago, in a few weeks, the beginning of the previous quarter, 1990s. "
        "On 22/04, from this 5/12 to next 5/19, week 31 of 2020, the 21st century, year to "
        "date, YTD, till date, June next year, 2017 April, earlier in the week, the next "
        "fortnight, this calendar year, Tues. 5/7, the 18th, a couple of days ago, H1 2016."
    ) * 3
    full = [(m.start(), m.end(), m.lastgroup) for m in dates._master().finditer(text)]
    windowed = [(m.start(), m.end(), m.lastgroup) for m in dates._candidates(text)]
    assert windowed == full


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 -/.,'abcdeJMQmonthyearweekFriday")), max_size=80
    )
)
def test_windowed_scan_equals_full_scan(text: str) -> None:
    """Also checks the per-start-word sub-patterns: each must find what the master finds."""
    from claimcheck.recognize import dates

    full = [(m.start(), m.end()) for m in dates._master().finditer(text)]
    assert [(m.start(), m.end()) for m in dates._candidates(text)] == full


@pytest.mark.parametrize(
    ("text", "start", "end", "mod"),
    [
        ("the third quarter of 2019", "2019-07-01", "2019-09-30", None),
        ("Q3 2019", "2019-07-01", "2019-09-30", None),
        ("2019-H2", "2019-07-01", "2019-12-31", None),
        ("the first week of 2015", "2014-12-29", "2015-01-04", None),  # ISO: week of Jan 1
        ("the last day of February", "2020-02-29", "2020-02-29", None),
        ("the first Monday of March", "2020-03-02", "2020-03-02", None),
        ("2015-3", "2015-03-01", "2015-03-31", None),
        ("05-Aug-2016", "2016-08-05", "2016-08-05", None),
        ("28 june in 2020", "2020-06-28", "2020-06-28", None),
        ("within 9 months", "2020-08-29", "2021-05-28", None),
        ("later than 2018", "2019-01-01", None, "after"),
        ("2012 or later", "2012-01-01", None, "after"),
        ("before the end of 2019", None, "2019-12-31", "before"),
        ("next week Monday", "2020-08-31", "2020-08-31", None),
        ("the 18th", "2020-08-18", "2020-08-18", None),
        ("Friday 31", "2020-07-31", "2020-07-31", None),
        ("the rest of the year", "2020-08-29", "2020-12-31", None),
        ("between 4 and 22 June", "2020-06-04", "2020-06-22", None),
        ("past two quarters", "2020-01-01", "2020-06-30", None),
    ],
)
def test_round3_forms(text: str, start: str | None, end: str | None, mod: str | None) -> None:
    found = parse_time(text, REF)
    assert found is not None and found.interval is not None
    want = (
        date.fromisoformat(start) if start else None,
        date.fromisoformat(end) if end else None,
        mod,
    )
    assert (found.interval.start, found.interval.end, found.mod) == want


@pytest.mark.parametrize(
    "text",
    [
        "On Friday 31 people were injured.",  # a weekday and a count, not Friday the 31st
        "the 3rd Battalion",
        "people in their 70s",
        "Call +86 138-2010-2015.",
        "the year",
    ],
)
def test_round3_non_dates(text: str) -> None:
    got = [m.text for m in find_times(text, REF)]
    assert all(t in ("Friday",) for t in got), got


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1901, max_value=2089),
    st.sampled_from(["first", "second", "third", "last"]),
    st.sampled_from(["week", "quarter", "month", "day", "Monday"]),
)
def test_parts_lie_in_or_next_to_their_year(year: int, ordw: str, part: str) -> None:
    found = parse_time(f"the {ordw} {part} of {year}", REF)
    assert found is not None and found.interval is not None
    s, e = found.interval.start, found.interval.end
    assert s is not None and e is not None and s <= e
    # ISO weeks may start up to 3 days before the year or end up to 3 days after it.
    assert date(year - 1, 12, 29) <= s and e <= date(year + 1, 1, 3)
    if part != "week":
        assert date(year, 1, 1) <= s and e <= date(year, 12, 31)


# ---- round 4: year-less digit dates with a cue, week numbers, centuries, "to date"


@pytest.mark.parametrize(
    ("text", "ref", "want"),
    [
        ("The ferry sank on 22/04, officials said.", date(2016, 11, 7),
         [("22/04", "2016-04-22", "2016-04-22")]),
        ("Curfew runs from 10/1 to 11/7.", date(2018, 12, 1),
         [("from 10/1 to 11/7", "2018-10-01", "2018-11-07")]),
        ("Talks resume next 5/12.", date(2019, 5, 20), [("next 5/12", "2020-05-12", "2020-05-12")]),
        ("Voting closed Friday 5/10 in most states.", date(2019, 5, 20),
         [("Friday 5/10", "2019-05-10", "2019-05-10")]),
        ("Strikes 10/1/2018-10/7/2018 closed the port.", date(2019, 1, 1),
         [("10/1/2018-10/7/2018", "2018-10-01", "2018-10-07")]),
        ("Week 31 saw record heat.", date(2018, 7, 2), [("Week 31", "2018-07-30", "2018-08-05")]),
        ("Deaths peaked in week 3 of 2021.", date(2022, 3, 1),
         [("week 3 of 2021", "2021-01-18", "2021-01-24")]),
        ("Budgets shrank in the 21st century.", None,
         [("the 21st century", "2000-01-01", "2099-12-31")]),
        ("Shares are down 20% year to date.", date(2018, 9, 7),
         [("year to date", "2018-01-01", "2018-09-06")]),
        ("Rainfall from March to date is low.", date(2016, 11, 7),
         [("from March to date", "2016-03-01", "2016-11-06")]),
        ("Arrests rose in the next fortnight.", date(2021, 5, 20),
         [("next fortnight", "2021-05-31", "2021-06-13")]),
        ("Polls open in June next year.", date(2016, 11, 7),
         [("June next year", "2017-06-01", "2017-06-30")]),
        ("Protests grew earlier in the week.", date(2018, 5, 31),
         [("earlier in the week", "2018-05-28", "2018-05-30")]),
    ],
)  # fmt: skip
def test_round4_forms(text: str, ref: date | None, want: list[tuple[str, str, str]]) -> None:
    got = [
        (m.text, str(m.interval.start), str(m.interval.end))
        for m in find_times(text, ref)
        if m.interval is not None
    ]
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "The home side won 4/22 on aggregate.",  # no cue: a score or fraction
        "Turnout rose to 5.12 percent.",
        "About 1/3 of voters stayed home.",
        "In week 3 of the strike, 200 workers returned.",
        "Call +86 2010-2015-86 for details.",
    ],
)
def test_round4_not_dates(text: str) -> None:
    assert [m.text for m in find_times(text, date(2020, 1, 1))] == []


def test_to_date_is_open_before_the_reference() -> None:
    m = parse_time("to date", date(2020, 5, 4))
    assert m is not None and m.interval is not None
    assert (m.interval.start, m.interval.end, m.mod) == (None, date(2020, 5, 3), "before")


def test_start_table_names_real_patterns() -> None:
    from claimcheck.recognize import dates

    assert set(dates._STARTS) <= {name for name, _ in dates._PATTERNS}


def test_week_number_needs_no_relative_word_or_count() -> None:
    text = "Police said on Wednesday of last week 40 were held; in week 31 prices fell."
    got = [m.text for m in find_times(text, date(2017, 11, 8))]
    assert "week 40" not in " ".join(got)
    assert "week 31" in got


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_days_in_month_is_the_calendars(year: int, month: int) -> None:
    import calendar

    from claimcheck.recognize.date_resolve import days_in_month

    assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


def test_since_an_event_named_before_its_time_runs_to_the_reference() -> None:
    from claimcheck.recognize.dates import parse_time

    ref = date(2025, 6, 20)
    found = parse_time("since the drought began in March", ref)
    assert found is not None and found.mod == "since"
    assert (found.interval.start, found.interval.end) == (date(2025, 3, 1), ref)
    after = parse_time("after the levee broke on June 2", ref)
    assert after is not None and after.interval.start == date(2025, 6, 3)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Flights were cut between April 3 and 9, the airline said.", "2024-04-03", "2024-04-09"),
        ("between Sept 21 and 28th the river rose", "2024-09-21", "2024-09-28"),
        ("sales fell between May 2 and 16, 2022, in the region", "2022-05-02", "2022-05-16"),
    ],
)
def test_between_a_day_and_a_bare_day_of_the_same_month(text: str, start: str, end: str) -> None:
    (t,) = find_times(text, date(2024, 10, 1))
    assert t.text.startswith("between")
    assert t.interval is not None
    assert (str(t.interval.start), str(t.interval.end)) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "on April 3 and 9 others were hurt",  # no "between": the 9 counts people
        "between April 3 and 2 weeks later",  # the second end is not later in the month
        "between April 3 and 9.5 percent",
    ],
)
def test_a_bare_number_after_a_date_is_not_always_its_range(text: str) -> None:
    (t, *_) = find_times(text, date(2024, 10, 1))
    assert t.interval is not None and t.interval.end == date(2024, 4, 3)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Floods hit the coast Oct. 3-5.", "2024-10-03", "2024-10-05"),  # range at a full stop
        ("Three died over the weekend.", "2024-10-05", "2024-10-06"),  # the one just past
        ("Talks will resume at the weekend.", "2024-10-12", "2024-10-13"),  # ahead: future
    ],
)
def test_ranges_at_a_full_stop_and_the_weekend_of_a_report(text: str, start: str, end: str) -> None:
    (t,) = find_times(text, date(2024, 10, 8))  # a Tuesday
    assert t.interval is not None
    assert (str(t.interval.start), str(t.interval.end)) == (start, end)


def test_no_date_spans_a_line_break() -> None:
    """A headline ending in a number over the page's date line is no "20 November"."""
    from claimcheck.recognize.dates import find_times

    text = "Toll from tower collapse rises to 20\n\nNovember 3, 2021\n\nRescuers dug on."
    assert [m.text for m in find_times(text, date(2021, 11, 3))] == ["November 3, 2021"]


def test_a_start_written_as_a_clause_opens_a_running_period() -> None:
    from claimcheck.recognize.dates import find_times

    text = "Crews have planted 40,000 trees in a drive that began on May 3."
    [m] = find_times(text, date(2024, 6, 1))
    assert m.text == "that began on May 3" and m.mod == "since"
    assert (m.interval.start, m.interval.end) == (date(2024, 5, 3), date(2024, 6, 1))
    [war] = find_times("Deaths since war broke out in April passed 900.", date(2024, 6, 1))
    assert war.text == "since war broke out in April" and war.mod == "since"


def test_the_weekend_alone_is_the_last_one() -> None:
    """A claim keeps "the weekend" without its verb: a report's weekend is the last."""
    from claimcheck.recognize.dates import parse_time

    monday = date(2024, 3, 4)
    last = parse_time("the weekend", monday)
    assert last is not None and last.interval.start == date(2024, 3, 2)
    coming = parse_time("next weekend", monday)
    assert coming is not None and coming.interval.start is not None
    assert coming.interval.start > monday
