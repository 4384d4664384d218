"""Normalization's shortcuts for plain times and values give what the full paths give."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.model import Amount
from claimcheck.normalize import times
from claimcheck.normalize.values import hedged_interval, parse_value, rounded_interval
from tests.normalize.test_fastparse import time_texts

_references = st.none() | st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 30))


@settings(max_examples=2000, deadline=None)
@given(time_texts, _references)
def test_a_plain_time_normalizes_as_the_full_path_does(text: str, published: date | None) -> None:
    try:
        full = times._normalize_time.__wrapped__(text, published)
    except (ValueError, OverflowError) as exc:  # near the calendar's ends: raised alike
        with pytest.raises(type(exc)):
            times.normalize_time(text, published)
        return
    assert times.normalize_time(text, published) == full


_amount_texts = st.sampled_from(
    ["5,200", "about 40", "about 4,000", "between 40 and 50", "40-50", "12.5", "3 million",
     "hundreds", "dozens", "more than 100", "at least 2,000", "nearly 60", "0", "12%",
     "about 3.5 million", "1,000,000", "about 15,000"]
)  # fmt: skip
_qualifiers = st.sampled_from([None, "exact", "about", "at_least", "more_than", "at_most",
                               "less_than", "between"])  # fmt: skip


@given(_amount_texts, _qualifiers, st.sampled_from(["", "people", "percent", "USD"]),
       st.sampled_from([0.0, 0.1, 0.25]), st.sampled_from([0.0, 0.05, 0.5]))  # fmt: skip
def test_parse_value_is_hedged_and_rounded(
    text: str, qualifier: str | None, unit: str, tol: float, cap: float
) -> None:
    hedged, rounded, amount = parse_value.__wrapped__(text, qualifier, tol, unit, cap)
    assert isinstance(amount, Amount)
    assert hedged == hedged_interval(amount, qualifier, tol, unit, cap)
    assert rounded == rounded_interval(amount, qualifier, unit, cap)
