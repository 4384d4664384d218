"""The value-conflict rule's shortcuts agree with the definitions they stand for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import ValueInterval
from claimcheck.rules.value_conflict import _apart

_bound = st.none() | st.sampled_from([0.0, 1.0, 2.0, 2.5, -1.0, 1e9])


@st.composite
def _intervals(draw: st.DrawFn) -> ValueInterval:
    return ValueInterval(draw(_bound), draw(_bound), draw(st.booleans()), draw(st.booleans()))


def _bounds(v: ValueInterval) -> tuple[float | None, float | None, bool, bool]:
    return (v.low, v.high, v.low_open, v.high_open)


@given(_intervals(), _intervals())
def test_apart_is_not_overlapping(a: ValueInterval, b: ValueInterval) -> None:
    assert _apart(_bounds(a), _bounds(b)) == (not a.overlaps(b))
