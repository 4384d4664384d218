"""The trigger scan finds what a full scan of the master regex finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck.recognize.numbers as numbers

_PIECES = [
    "12", "3,500", "1.5", "2024", "40%", "$5", "US$2bn", "£3m", "10k", "5km", "½", "3/4",
    "one", "two hundred", "fifty-five", "a dozen", "dozens", "hundreds of", "a few", "several",
    "thousand", "million", "half", "first", "21st", "June 5", "5 June 2021", "10:30", "9am",
    "+44 20 7946 0958", "(3)", "Comments (4)", "https://example.org/flood-2", "www.x.org",
    "about", "more than", "between", "and", "to", "or", "people", "were", "killed", "in",
    "Lima", "the", "storm", "a", "an", "-", ",", ".", "(", ")", "\n", "COVID-19", "Plan 5 B",
]  # fmt: skip


def _found(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in numbers._matches(text, text.lower()) if m.group("skip") is None]


def _full(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in numbers._MASTER.finditer(text) if m.group("skip") is None]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "  ", ", "]))))
def test_trigger_scan_equals_full_scan(parts: list[tuple[str, str]]) -> None:
    # Words apart. Glued to a letter, a fraction sign ("½a dozen") is found by the full scan
    # but not the trigger scan (its trigger wants no letter after it): a known gap.
    text = "".join(p + sep for p, sep in parts)
    assert _found(text) == _full(text)


def test_wide_segments_keep_a_glued_month_with_its_day() -> None:
    # "-June 5": the month is glued to a dash, so only a segment opened by an earlier number
    # within _GAP reaches it; a smaller gap read "5" as a count (why _GAP stays 40).
    text = "Floods killed 12 people -June 5 in the valley."
    assert [a.amount.text for a in numbers.find_amounts(text)] == ["12"]
    assert _found(text) == _full(text)


@pytest.mark.parametrize("text", ["½first ", "½a dozen homes", "x½y", "3½ days", "a ¾-full dam"])
def test_a_fraction_sign_glued_to_a_word_is_found_by_both_scans(text: str) -> None:
    assert _found(text) == _full(text)
