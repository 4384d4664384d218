"""mod_before reads the same modifier as the case-blind pattern, on any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.date_patterns import _MOD_BEFORE, mod_before

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
