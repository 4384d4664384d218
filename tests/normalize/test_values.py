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


def test_rounding_examples() -> None:
    from claimcheck.normalize.values import parse_value as pv

    assert pv("2.3 million")[1] == ValueInterval(2_250_000, 2_350_000, high_open=True)
    assert pv("5,000")[1] == ValueInterval(4750, 5250, high_open=True)  # capped at ±5 %
    assert pv("5,200")[1] == ValueInterval(5200, 5200)  # a count: exact
    assert pv("34", unit="percent")[1] == ValueInterval(33.5, 34.5, high_open=True)
    assert pv("more than 60%")[1] == ValueInterval(60, None, low_open=True)  # bounds as said
    assert pv("hundreds")[1] == ValueInterval(200, 999)  # vague: the range, not "at least"


def test_rounding_and_hedges_make_agreements() -> None:
    from claimcheck.normalize.values import parse_value as pv

    def agree(a: str, b: str) -> bool:
        x, y = pv(a, unit="percent")[0], pv(b, unit="percent")[0]
        assert x is not None and y is not None
        return x.overlaps(y)

    assert agree("60%", "more than 60%")
    assert agree("about 40%", "38.6%")
    assert agree("2.3 million", "2.31 million")
    assert not agree("2.3 million", "2.4 million")  # half up: 2.35 is 2.4's
    assert not agree("34%", "32.9%")


@given(
    st.integers(min_value=1, max_value=10**6),
    st.integers(min_value=1, max_value=3),
    st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_every_number_in_the_rounding_interval_rounds_to_the_figure(
    whole: int, decimals: int, frac: float
) -> None:
    """Statcheck's rule: x is allowed exactly when rounding x half up gives the figure."""
    from decimal import ROUND_HALF_UP, Decimal

    from claimcheck.normalize.values import parse_value as pv

    figure = Decimal(whole) / Decimal(10**decimals)
    text = f"{figure:,.{decimals}f}"
    stated = pv(text)[1]
    assert stated is not None and stated.low is not None and stated.high is not None
    assert stated.high_open
    x = stated.low + (stated.high - stated.low) * frac
    step = Decimal(1).scaleb(-decimals)
    rounded = Decimal(repr(x)).quantize(step, rounding=ROUND_HALF_UP)
    # float noise at the very edges is allowed one step either way
    assert abs(rounded - figure) <= step


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=3, max_value=6))
def test_round_thousands_allow_at_most_the_cap(lead: int, zeros: int) -> None:
    from claimcheck.normalize.values import DEFAULT_ROUNDING_CAP
    from claimcheck.normalize.values import parse_value as pv

    value = lead * 10**zeros
    stated = pv(f"{value:,}")[1]
    assert stated is not None and stated.low is not None and stated.high is not None
    assert stated.low <= value < stated.high
    assert stated.high - value <= DEFAULT_ROUNDING_CAP * value + 1e-9
