"""Periods dated by the month they end: "the three months to September"."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.recognize.dates import find_times, parse_time

REF = date(2023, 11, 10)


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("Sales rose 3% in the three months to September.", "the three months to September",
         date(2023, 7, 1), date(2023, 9, 30)),
        ("Prices rose 4.1% in the year to March.", "the year to March",
         date(2022, 4, 1), date(2023, 3, 31)),
        ("Exports fell in the quarter to June.", "the quarter to June",
         date(2023, 4, 1), date(2023, 6, 30)),
        ("The deficit was $3 billion in the 12 months to January 2022.",
         "the 12 months to January 2022", date(2021, 2, 1), date(2022, 1, 31)),
    ],
)  # fmt: skip
def test_a_period_counted_to_a_month_spans_its_months(
    text: str, span: str, start: date, end: date
) -> None:
    [found] = find_times(text, REF)
    assert (found.text, found.interval.start, found.interval.end) == (span, start, end)


def test_a_month_alone_stays_the_month() -> None:
    [found] = find_times("Prices rose 0.4% in September.", REF)
    assert (found.interval.start, found.interval.end) == (date(2023, 9, 1), date(2023, 9, 30))


@given(st.integers(2, 12), st.integers(1, 12), st.integers(1990, 2030))
def test_n_months_to_a_month_end_there_and_hold_n_months(n: int, month: int, year: int) -> None:
    name = calendar.month_name[month]
    found = parse_time(f"the {n} months to {name} {year}", REF)
    assert found is not None and found.interval.start is not None
    iv = found.interval
    assert iv.end == date(year, month, calendar.monthrange(year, month)[1])
    assert iv.start.day == 1
    assert (iv.end.year * 12 + iv.end.month) - (iv.start.year * 12 + iv.start.month) == n - 1
