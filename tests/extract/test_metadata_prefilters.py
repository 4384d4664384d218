"""Literal pre-checks skip the copyright scans only where the pattern cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.metadata import _COPYRIGHT, _copyrighted, find_publisher

_PIECES = [
    "Copyright", "COPYRIGHT", "copyrights", "(C)", "(c)", "©", "All Rights Reserved",
    "all  rights reserved", "copyr\u0130ght", "\u017fource", "Flood Watch", "2024", "-", ",",
    ".", "\n", "The", "Wildfire Daily", "news",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "\n", " - "]))))
def test_copyrighted_same_as_pattern(parts: list[tuple[str, str]]) -> None:
    line = "".join(p + sep for p, sep in parts)
    assert _copyrighted(line) == (_COPYRIGHT.search(line) is not None)


def test_publisher_from_copyright_line_in_any_case() -> None:
    text = "Rivers burst their banks overnight.\n\nCOPYRIGHT 2024 Flood Watch."
    assert find_publisher(text, text.splitlines(), None) == "Flood Watch"


def test_publisher_copyright_with_dotted_capital_i_still_read() -> None:
    # "İ" is "i" to the case-blind pattern: the pre-check must not pass over this page
    text = "Storm warning issued.\n\ncopyr\u0130ght 2023 Storm Desk."
    assert find_publisher(text, text.splitlines(), None) == "Storm Desk"


def test_page_without_credits_names_no_publisher() -> None:
    text = "An earthquake shook the coast on Monday.\nNo damage was reported."
    assert find_publisher(text, text.splitlines(), None) is None
