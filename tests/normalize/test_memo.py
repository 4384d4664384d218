"""Times parsed by the loader's checks are not parsed again by normalization."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model import DateInterval
from claimcheck.normalize import memo, times
from claimcheck.normalize.times import normalize_time
from claimcheck.recognize.dates import TimeMention, parse_time


def test_same_result_as_parse_time() -> None:
    for text, ref in [("late 2018", None), ("last month", date(2021, 5, 3)), ("nonsense", None)]:
        assert memo.time_of(text, ref) == parse_time(text, ref)


def test_normalize_reuses_a_time_the_loader_parsed() -> None:
    memo.clear()
    times.clear()
    ref = date(2024, 9, 14)
    memo.time_of("three weeks before the harvest last year", ref)
    before = memo._time_pair.cache_info()
    normalize_time("three weeks before the harvest last year", ref)
    after = memo._time_pair.cache_info()
    assert after.hits == before.hits + 1
    assert after.misses == before.misses


def test_an_absolute_time_is_parsed_once_for_every_reference() -> None:
    memo.clear()
    for day in range(1, 29):
        ref = date(2019, 2, day)
        assert memo.time_of("2 March, 2017", ref) == parse_time("2 March, 2017", ref)
    assert memo._reference_free.cache_info().misses == 1
    assert memo._time_pair.cache_info().currsize == 0


def test_a_plain_shape_never_reaches_the_recognizer() -> None:
    memo.clear()
    for day in range(1, 29):
        ref = date(2019, 2, day)
        assert memo.time_of("2 March 2017", ref) == parse_time("2 March 2017", ref)
    assert memo._reference_free.cache_info().misses == 0
    assert memo._time_pair.cache_info().currsize == 0


def test_a_relative_time_is_parsed_per_reference() -> None:
    memo.clear()
    assert memo._reference_free("last month") is memo.DEPENDS
    may, june = memo.time_of("last month", date(2021, 5, 3)), memo.time_of(
        "last month", date(2021, 6, 3)
    )
    assert may is not None and june is not None and may.interval != june.interval


@pytest.mark.parametrize(
    "use",
    [
        lambda d: d.year,
        lambda d: d.replace(day=1),
        lambda d: d < date(2020, 1, 1),
        lambda d: date(2020, 1, 1) <= d,
        lambda d: date(2020, 1, 1) == d,
        lambda d: hash(d),
        lambda d: d + timedelta(days=1),
        lambda d: timedelta(days=1) + d,
        lambda d: d - date(2020, 1, 1),
        lambda d: date(2020, 1, 1) - d,
        lambda d: f"{d}",
        lambda d: str(d),
        lambda d: max(d, date(2020, 1, 1)),
        lambda d: {d: 1},
    ],
)
def test_the_probe_reference_refuses_every_use(use: Callable[[date], object]) -> None:
    with pytest.raises(memo._Used):
        use(memo._Watched(2000, 1, 1))


def test_a_result_holding_the_reference_is_not_shared() -> None:
    mention = TimeMention("since then", 0, 10, DateInterval(None, memo._Watched(2000, 1, 1)), None)
    assert memo._holds_probe(mention)
    assert not memo._holds_probe(None)


_PHRASES = [
    "2021-01-15", "15 January 2021", "late 2018", "last month", "since March 2020",
    "by November", "2020", "yesterday", "March", "on Monday", "between 2015 and 2018",
    "from March to June 2019", "nonsense", "since 2019", "by late 2018", "Q3 2020",
    "2021-03-01/2021-03-15", "two weeks ago", "in 40 years", "this year", "next spring",
    "the past decade", "early 1999", "until 2030", "after the election in May",
    "over the weekend", "mid-July", "last Tuesday", "1 April 2022", "in 7999 years",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_PHRASES),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_same_reading_as_parse_time_for_any_reference(text: str, ref: date | None) -> None:
    def outcome(parse: Callable[[str, date | None], object]) -> object:
        try:
            return parse(text, ref)
        except (ValueError, OverflowError) as exc:
            return type(exc)

    assert outcome(memo.time_of) == outcome(parse_time)


def test_errors_are_raised_every_time_never_kept() -> None:
    far = date(9999, 12, 31)
    for _ in range(2):
        try:
            memo.time_of("in 7999 years", far)
        except (ValueError, OverflowError):
            continue
        pytest.skip("the recognizer no longer raises for this text")


def test_quote_numbers_read_once_per_quote() -> None:
    from claimcheck.recognize.numbers import find_amounts

    quote = "Rescuers said 1,200 people fled the wildfire and about 300 homes burned."
    memo.amounts_in.cache_clear()
    first = memo.amounts_in(quote)
    assert first == tuple(find_amounts(quote, restatements=True))
    assert memo.amounts_in(quote) is first
    assert memo.amounts_in.cache_info().hits == 1


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from([*_PHRASES, "currently", "as of now", "since 2014", "by late 2018"]),
    st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
)
def test_normalized_time_same_for_any_publication_date(text: str, ref: date | None) -> None:
    def outcome(norm: Callable[[str, date | None], object]) -> object:
        try:
            return norm(text, ref)
        except (ValueError, OverflowError) as exc:
            return type(exc)

    assert outcome(normalize_time) == outcome(times._normalize_time.__wrapped__)


def test_current_time_holds_the_publication_date_so_is_never_shared() -> None:
    times.clear()
    a, b = date(2020, 5, 1), date(2023, 8, 9)
    assert normalize_time("currently", a)[0] == DateInterval(a, a)
    assert normalize_time("currently", b)[0] == DateInterval(b, b)


def test_the_reference_kept_in_any_field_is_found() -> None:
    watched = memo._Watched(2000, 1, 1)
    assert memo._holds_probe(TimeMention("now", 0, 3, None, None)) is False
    assert memo._holds_probe((None, "current", (DateInterval(watched, None),)))
    assert memo._holds_probe(DateInterval(date(2020, 1, 1), watched))
