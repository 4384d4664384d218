from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import Amount, ValueInterval
from claimcheck.normalize.values import (
    hedged_interval,
    normalize_unit,
    parse_value,
    stated_interval,
)

QUALS = ["exact", "about", "at_least", "more_than", "at_most", "less_than", "between"]
nums = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False)


def test_about_widens_by_tolerance() -> None:
    hedged, stated, _ = parse_value("about 2,500", None, 0.1)
    assert stated == ValueInterval(2500, 2500)
    assert hedged is not None and round(hedged.low or 0) == 2250 and round(hedged.high or 0) == 2750


def test_bounds_open_the_right_side() -> None:
    assert parse_value("more than 100")[0] == ValueInterval(100, None, low_open=True)
    assert parse_value("at least 2,500")[0] == ValueInterval(2500, None)
    assert parse_value("less than five thousand")[0] == ValueInterval(None, 5000, high_open=True)
    assert parse_value("between 4,000 and 5,000")[0] == ValueInterval(4000, 5000)
    assert parse_value(None) == (None, None, None)


def test_units_fold() -> None:
    assert normalize_unit("Soldiers") == normalize_unit("personnel") == "troops"
    assert normalize_unit("$") == normalize_unit("dollars") == "USD"
    assert normalize_unit("year") == "years"


@given(nums, nums, st.sampled_from(QUALS), st.floats(min_value=0, max_value=0.5))
def test_hedged_contains_stated_and_low_le_high(a: float, b: float, q: str, tol: float) -> None:
    amount = Amount("x", min(a, b), max(a, b), q)  # type: ignore[arg-type]
    s, h = stated_interval(amount), hedged_interval(amount, None, tol)
    for v in (s, h):
        assert v.low is None or v.high is None or v.low <= v.high
    assert (h.low is None or (s.low is not None and h.low <= s.low + 1e-6 * abs(s.low))
            or s.low is None)
    assert (h.high is None or (s.high is not None and h.high >= s.high - 1e-6 * abs(s.high))
            or s.high is None)
    assert h.overlaps(s)


@given(nums, nums, nums, nums, st.booleans(), st.booleans())
def test_overlaps_symmetric(a: float, b: float, c: float, d: float, o1: bool, o2: bool) -> None:
    x = ValueInterval(min(a, b), max(a, b), o1, o2)
    y = ValueInterval(min(c, d), max(c, d), o2, o1)
    assert x.overlaps(y) == y.overlaps(x)
