"""Times parsed by the loader's checks are not parsed again by normalization."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.normalize import memo
from claimcheck.normalize.times import normalize_time
from claimcheck.recognize.dates import parse_time


def test_same_result_as_parse_time() -> None:
    for text, ref in [("late 2018", None), ("last month", date(2021, 5, 3)), ("nonsense", None)]:
        assert memo.time_of(text, ref) == parse_time(text, ref)


def test_normalize_reuses_a_time_the_loader_parsed() -> None:
    memo.time_of.cache_clear()
    normalize_time.cache_clear()
    ref = date(2024, 9, 14)
    memo.time_of("three weeks before the flood season ended in 2023", ref)
    before = memo.time_of.cache_info()
    normalize_time("three weeks before the flood season ended in 2023", ref)
    after = memo.time_of.cache_info()
    assert after.hits == before.hits + 1
    assert after.misses == before.misses


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
