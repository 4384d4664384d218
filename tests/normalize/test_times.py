from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import DateInterval
from claimcheck.normalize.times import normalize_time

REF = date(2020, 8, 29)


def test_current_is_publication_day() -> None:
    assert normalize_time("currently", REF) == (DateInterval(REF, REF), "current")


def test_by_keeps_core_interval_looking_ahead() -> None:
    iv, mod = normalize_time("by November", REF)
    assert mod == "by" and iv == DateInterval(date(2020, 11, 1), date(2020, 11, 30))
    iv, mod = normalize_time("by late 2018", REF)
    assert iv == DateInterval(date(2018, 9, 1), date(2018, 12, 31))


def test_since_runs_to_publication() -> None:
    iv, mod = normalize_time("since 2014", REF)
    assert mod == "since" and iv == DateInterval(date(2014, 1, 1), REF)


def test_unresolved_is_none() -> None:
    assert normalize_time("in the months that followed", REF) == (None, None)
    assert normalize_time(None, REF) == (None, None)
    assert normalize_time("last month", None)[0] is None


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
       st.sampled_from(["by November", "last month", "late 2018", "since March", "2020-02/2021-01",
                        "after 2019", "before June", "this year", "currently"]))
def test_never_start_after_end(ref: date, text: str) -> None:
    iv, _ = normalize_time(text, ref)
    if iv is not None and iv.start and iv.end:
        assert iv.start <= iv.end


@given(st.dates(), st.integers(0, 400), st.dates(), st.integers(0, 400))
def test_date_overlap_symmetric(a: date, la: int, b: date, lb: int) -> None:
    try:
        x = DateInterval(a, a + timedelta(days=la))
        y = DateInterval(b, b + timedelta(days=lb))
    except OverflowError:
        return
    assert x.overlaps(y) == y.overlaps(x)
