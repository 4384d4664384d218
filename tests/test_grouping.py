from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from claimcheck.grouping import group
from claimcheck.normalize import normalize

_spec = importlib.util.spec_from_file_location(
    "rule_helpers", Path(__file__).parent / "rules" / "helpers.py"
)
assert _spec and _spec.loader
h = importlib.util.module_from_spec(_spec)
sys.modules["rule_helpers"] = h
_spec.loader.exec_module(h)


def test_blocks_by_subject_family_unit_and_skips_inactive() -> None:
    cf = h.cfile([h.source("a", "2021-01-01")], [
        h.claim("1", "a", "US troops in Iraq", "level", "5", "soldiers", "2020"),
        h.claim("2", "a", "American forces in Iraq", "level", "6", "troops", "2020"),
        h.claim("3", "a", "US troops in Iraq", "target", "4", "troops", "by 2021"),
        h.claim("4", "a", "US troops in Iraq", "change", None, "troops", "2020",
                from_value="6", to_value="4"),
        h.claim("5", "a", "US withdrawal from Iraq", "duration", "3", "years"),
        h.claim("6", "a", "US withdrawal from Iraq", "date", None, "", "2021"),
        h.claim("7", "a", "US troops in Iraq", "level", "9", "troops", "2020",
                status="deprecated", status_reason="typo"),
    ])
    groups = group(normalize(cf))
    summary = [(g.subject, g.family, g.unit, [m.claim.id for m in g.members]) for g in groups]
    assert summary == [
        ("us troops|iraq", "level", "troops", ["1", "2"]),
        ("us troops|iraq", "movement", "troops", ["4", "3"]),
        ("us withdrawal|iraq", "window", "", ["5", "6"]),
    ]
    assert groups[0].label == "American forces in Iraq" or groups[0].label == "US troops in Iraq"


def test_members_sorted_by_start_day_as_the_iso_text_would() -> None:
    from datetime import date

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claimcheck.grouping import _sort_key
    from claimcheck.model import Claim, DateInterval, NormalizedClaim

    def nc(i: int, start: date | None) -> NormalizedClaim:
        claim = Claim(f"c{i}", f"s{i % 3}", "voters", "count", "5", "", "5 voters")
        time = DateInterval(start, start) if start else None
        return NormalizedClaim(claim, "voters|", None, None, None, time)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.one_of(st.none(), st.dates()), max_size=12))
    def ordered_alike(starts: list[date | None]) -> None:
        members = [nc(i, d) for i, d in enumerate(starts)]

        def iso_key(m: NormalizedClaim) -> tuple[str, str, str]:
            start = m.time.start.isoformat() if m.time and m.time.start else ""
            return (start, m.claim.source, m.claim.id)

        assert sorted(members, key=_sort_key) == sorted(members, key=iso_key)

    ordered_alike()


def test_group_orders_members_as_sorting_by_sort_key() -> None:
    """The one-pass grouping gives the members in ``sorted(..., key=_sort_key)`` order,
    ties (one source's same id in two files' claims) in file order."""
    from datetime import date

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claimcheck.grouping import INACTIVE, _sort_key
    from claimcheck.model import Claim, DateInterval, NormalizedClaim

    def nc(i: int, spec: tuple[date | None, int, int, str, str]) -> NormalizedClaim:
        start, source, cid, kind, status = spec
        claim = Claim(f"c{cid}", f"s{source}", "voters", kind, "5", "", "5 voters",
                      status=status)  # type: ignore[arg-type]  # fmt: skip
        time = DateInterval(start, start) if start else None
        return NormalizedClaim(claim, f"voters|{i % 2}", None, None, None, time, unit="")

    spec = st.tuples(
        st.one_of(st.none(), st.dates(date(2019, 12, 25), date(2020, 1, 5))),
        st.integers(0, 2), st.integers(0, 3),
        st.sampled_from(["level", "count", "date", "duration", "change"]),
        st.sampled_from(["active", "superseded"]),
    )  # fmt: skip

    @settings(max_examples=300, deadline=None)
    @given(st.lists(spec, max_size=14))
    def same_order(specs: list[tuple[date | None, int, int, str, str]]) -> None:
        members = [nc(i, s) for i, s in enumerate(specs)]
        for g in group(members):
            expected = sorted(
                (m for m in members
                 if m.claim.status not in INACTIVE and m.subject_key == g.subject
                 and h_family(m) == g.family),
                key=_sort_key,
            )  # fmt: skip
            assert list(g.members) == expected
            assert [m.claim.id for m in g.members] == [m.claim.id for m in expected]
            assert all(a is b for a, b in zip(g.members, expected, strict=True))

    same_order()


def h_family(m: object) -> str:
    from claimcheck.grouping import FAMILIES

    kind = m.claim.kind  # type: ignore[attr-defined]
    return FAMILIES.get(kind, kind)
