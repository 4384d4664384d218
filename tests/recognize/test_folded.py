"""Folded: a case-blind pattern searched in lowered text gives the case-blind pattern's matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import context, metadata, movements, where
from claimcheck.recognize import dates, hedges, numbers
from claimcheck.recognize.folded import Folded, lowered_pattern

_PATTERNS = [
    movements._CASUALTY, movements._PLAN, movements._MOVE_VERB, movements.DIRECT_CHANGE,
    movements._EVENT_ANY, movements.PARTITIVE, where._AT, metadata._FUTURE,
    context._SAID_BEFORE, numbers._YEAR_CONTEXT, dates._PART_OF, hedges._HEDGE_RE,
    Folded(r"^(?:the|a)\s+(?P<w>[A-Z]\w*)"), Folded(r"(?<=[^A-Z] )of\b|\bIN\s+THE$"),
]  # fmt: skip
_PIECES = [
    "killed", "KILLED", "Dead", "at least", "AT LEAST", "nearly", "more than", "the", "The",
    "first", "week", "of", "in", "In", "will", "said", "Said on", "one of the", "cut", "sent",
    "2021", "12", "3rd", "-", ",", ".", " ", "  ", "\n", "≥", "ſome", "\u212a", "İ", "ı",
    "é", "É", "Sudan", "troops", "plans", "between", "from", "to",
]  # fmt: skip


def _blind(f: Folded) -> re.Pattern[str]:
    return re.compile(f.pattern, f.flags)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groups() == b.groups() and a.group(0) == b.group(0)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join),
    st.integers(0, 60),
    st.integers(0, 80),
)
def test_search_and_finditer_give_the_case_blind_matches(text: str, a: int, b: int) -> None:
    pos, endpos = min(a, b), max(a, b)
    for f in _PATTERNS:
        blind = _blind(f)
        assert _same(f.search(text, pos, endpos), blind.search(text, pos, endpos))
        assert _same(f.search(text, pos), blind.search(text, pos))
        found = [(m.span(), m.groups()) for m in f.finditer(text, pos, endpos)]
        assert found == [(m.span(), m.groups()) for m in blind.finditer(text, pos, endpos)]


@pytest.mark.parametrize(
    ("pattern", "lowered"),
    [
        (r"(?P<Big>A\SB)(?P=Big)[A-Z]", r"(?P<Big>a\Sb)(?P=Big)[a-z]"),
        (r"\bKILL\w*\b", r"\bkill\w*\b"),
        (r"(?-i:A)b", None),  # must stay case-sensitive
        (r"\x41b", None),  # a letter written as a code
    ],
)
def test_lowered_pattern(pattern: str, lowered: str | None) -> None:
    assert lowered_pattern(pattern) == lowered


def test_a_trap_character_falls_back_to_the_case_blind_scan() -> None:
    # "ſ" is "s" to a case-blind pattern, and lowered text would miss it
    f = Folded(r"\bsome\b")
    assert f.search("ſome 40") is not None
    assert [m.group(0) for m in f.finditer("SOME ſome some")] == ["SOME", "ſome", "some"]
