"""The per-claim shortcuts of the meaning checks say nothing the full checks would not."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile.refusals import whole_find
from claimcheck.claimsfile.semantics import FIELD_LIMITS, _between_spaces, _short

KEYS = sorted({*FIELD_LIMITS, "id", "source", "kind", "qualifier", "status", "time_source"})


def _over(claim: dict[str, Any]) -> list[str]:
    """The fields the full check refuses as too long."""
    return [
        k for k, v in claim.items() if isinstance(v, str) and len(v) > FIELD_LIMITS.get(k, 1 << 62)
    ]


LENGTHS = st.one_of(st.integers(0, 30), st.integers(90, 110), st.integers(190, 210),
                    st.integers(480, 520), st.integers(4990, 5010))  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    lengths=st.dictionaries(st.sampled_from(KEYS), st.one_of(LENGTHS, st.none()), max_size=10),
    quote=LENGTHS,
)
def test_short_means_nothing_is_over_its_limit(lengths: dict[str, int | None], quote: int) -> None:
    claim: dict[str, Any] = {k: None if n is None else "x" * n for k, n in lengths.items()}
    claim.update(id=claim.get("id") or "a", source=claim.get("source") or "s", kind="count")
    claim["quote"] = "q" * max(quote, 1)
    if _short(claim, claim["id"], claim["source"]):
        assert _over(claim) == []


def test_a_long_subject_is_not_short() -> None:
    claim = {"id": "a", "source": "s", "kind": "count", "quote": "q", "subject": "x" * 501}
    assert not _short(claim, "a", "s")
    assert not _short({**claim, "subject": "x", "quote": "q" * 5001}, "a", "s")
    assert _short({**claim, "subject": "x" * 90}, "a", "s")


@settings(max_examples=800, deadline=None)
@given(
    text=st.text(alphabet=" \n\t.,-0123456789abAB", max_size=40),
    quote=st.text(alphabet=" \n.,0123456789ab", max_size=6),
)
def test_between_spaces_is_whole_finds_answer(text: str, quote: str) -> None:
    at = _between_spaces(text, quote)
    if at >= 0:
        assert at == whole_find(text, quote)


def test_between_spaces_finds_a_sentence() -> None:
    text = "Intro.\nOfficials said 44 people died. Later 7 more."
    assert _between_spaces(text, "Officials said 44 people died.") == 7
    assert _between_spaces(text, "44") == 22
    assert _between_spaces(text, "4") == -1  # inside 44: whole_find decides
    assert _between_spaces(text, "") == -1
