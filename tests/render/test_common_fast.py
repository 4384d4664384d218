"""The big-report shortcuts of ``render.common`` give what the plain definitions give."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import Claim, DateInterval, NormalizedClaim, Source, built
from claimcheck.render.common import Row, _row_key, _title, one_line


def _claim(i: int, subject: str, source: str) -> Claim:
    return Claim(id=f"c{i}", source=source, subject=subject, kind="count", value="5",
                 unit="", quote="5 people", time=None)  # fmt: skip


def _norm(c: Claim, time: DateInterval | None) -> NormalizedClaim:
    return built(
        NormalizedClaim, claim=c, subject_key=c.subject, place=None, value=None, stated=None,
        time=time, from_value=None, to_value=None, unit="", time_mod=None,
    )  # fmt: skip


_days = st.none() | st.dates(min_value=date(2019, 1, 1), max_value=date(2019, 3, 1))
_subjects = st.sampled_from(["troops", " troops", "troops\nin Iraq", "Troops", "a", "b  c"])


@st.composite
def _rows(draw: st.DrawFn) -> list[Row]:
    out = []
    for i in range(draw(st.integers(0, 12))):
        c = _claim(i, draw(_subjects), draw(st.sampled_from(["x", "y", "z"])))
        kind = draw(st.sampled_from(["none", "untimed", "timed"]))
        n = None
        if kind != "none":
            time = DateInterval(draw(_days), draw(_days)) if kind == "timed" else None
            n = _norm(c, time)
        source = Source(id=c.source, path="a.txt") if draw(st.booleans()) else None
        out.append(Row(c, n, source))
    return out


def _plain_title(rows: list[Row], key: str) -> str:
    names = sorted({one_line(r.claim.subject) for r in rows})
    if not names:
        return key
    return max(names, key=lambda n: sum(one_line(r.claim.subject) == n for r in rows))


@given(_rows())
def test_title_is_the_commonest_subject_first_in_order(rows: list[Row]) -> None:
    assert _title(rows, [], "key") == _plain_title(rows, "key")


@given(_rows())
def test_row_key_orders_as_row_sort_key(rows: list[Row]) -> None:
    for r in rows:
        assert _row_key(r) == r.sort_key()
