"""Lowered scans of time modifiers and future cues read what the case-blind patterns read."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.date_patterns import _MOD_BEFORE, mod_before
from claimcheck.recognize.dates import _FUTURE_CUE, _SENTENCE_END, _future_cue

_PIECES = [
    "By", "by", "BEFORE", "no later than", "Not  Earlier\tThan", "as of", "As Early As",
    "since", "until", "from", "between", "on", "the", "The", "strike", "vote", "polls closed",
    "\u017fince", "\u0130", "K", "Zürich", ",", ".", "\n", "9",
]  # fmt: skip


def _key(m: re.Match[str] | None) -> tuple[int, int, int, str] | None:
    if m is None:
        return None
    return (m.start(), m.end(), m.start("mod"), m.group("mod").lower())


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "  ", "", "\n"]))))
def test_mod_before_same_as_case_blind_pattern(parts: list[tuple[str, str]]) -> None:
    before = "".join(p + sep for p, sep in parts)
    assert _key(mod_before(before)) == _key(_MOD_BEFORE.search(before))


def test_mod_before_reads_a_deadline_in_any_case() -> None:
    m = mod_before("Voting must close No Later Than ")
    assert m is not None and " ".join(m.group("mod").split()) == "no later than"
    assert mod_before("The flood peaked on ") is None


_FUTURE_PIECES = [
    "Will", "WILL", "shall", "\u017fhall", "Scheduled", "due to", "Due  On", "ahead of",
    "upcoming", "set to", "Expected\tto", "plans to", "Plan to", "NEXT", "until", "going to",
    "the vote", "polls", "floods", ".", "!", "\n", "9", "\u0130",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_FUTURE_PIECES), st.sampled_from([" ", "", ". "]))))
def test_future_cue_same_as_case_blind_pattern(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + sep for p, sep in parts) + " on "
    start = len(text)
    window = text[max(0, start - 160) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    expected = _FUTURE_CUE.search(window, ends[-1] if ends else 0) is not None
    assert _future_cue(text, start) == expected


def test_future_cue_reads_any_case_in_the_same_sentence_only() -> None:
    assert _future_cue("Elections WILL be held on ", 26)
    assert not _future_cue("Polls will close. The strike ended on ", 38)
