"""The extraction document's rows: the unkeyed fast path gives normalize's values and times."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.run import extract_paths
from claimcheck.model import Claim, Source
from claimcheck.render.extraction import claim_rows

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _keyed_without_key(sources: list[Source], claims: list[Claim]) -> list[dict[str, Any]]:
    """The slow path (full normalize), its subject keys blanked as the fast path leaves them."""
    rows = claim_rows(sources, claims)
    for row in rows:
        row["subject_key"] = None
    return rows


def test_seed_articles_rows_are_the_normalized_ones() -> None:
    held = extract_paths([SEEDS])
    assert held.claims
    for source in held.sources:
        claims = [c for c in held.claims if c.source == source.id]
        fast = claim_rows([source], claims, subject_keys=False)
        assert fast == _keyed_without_key([source], claims)
        assert all(row["subject_key"] is None for row in fast)


VALUES = st.sampled_from(
    ["3,500", "about 3,500", "at least 42", "between 4,000 and 5,000", "27,000-28,000",
     "$1.2bn", "three", "more than 10 percent", "nearly half a million", "12", None, "x"]
)  # fmt: skip
TIMES = st.sampled_from(
    [None, "2021-01-15", "15 January 2021", "late 2018", "mid-2019", "by November",
     "current", "on Friday", "last week", "2019", "nonsense"]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            VALUES,
            TIMES,
            st.sampled_from([None, "about", "at_least", "between"]),
            st.sampled_from([None, "stated", "publication", "event"]),
            st.sampled_from(["s1", "s2", "s3"]),
            st.sampled_from(["", "percent", "USD"]),
        ),
        max_size=6,
    ),
    st.sampled_from([None, date(2021, 3, 5), date(1999, 12, 31)]),
)
def test_fast_rows_equal_normalized_rows(rows: list[tuple[Any, ...]], published: Any) -> None:
    sources = [Source("s1", "a.txt", published=published), Source("s2", "b.txt")]
    claims = [
        Claim(f"c{i}", src, f"people in town {i % 2}", "count", value, unit, "quote",
              time=time, qualifier=qual, time_source=ts, span=(i, i + 1) if i % 2 else None)
        for i, (value, time, qual, ts, src, unit) in enumerate(rows)
    ]  # fmt: skip
    assert claim_rows(sources, claims, subject_keys=False) == _keyed_without_key(sources, claims)


def test_repeated_ids_take_the_normalized_path() -> None:
    """Rows are looked up by id there; the fast path must not differ when ids repeat."""
    src = Source("s1", "a.txt", published=date(2020, 1, 1))
    claims = [
        Claim("c1", "s1", "troops", "level", "100", "", "q", time="2019"),
        Claim("c1", "s1", "troops", "level", "200", "", "q", time="2018"),
    ]
    assert claim_rows([src], claims, subject_keys=False) == _keyed_without_key([src], claims)
