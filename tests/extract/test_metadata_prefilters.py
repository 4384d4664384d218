"""Literal pre-checks skip the metadata scans only where their patterns cannot match."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.metadata import (
    _COPYRIGHT,
    _CRAWL,
    _CRAWL_WORDS,
    _CUE,
    _CUE_WORDS,
    _MONTH_STEMS,
    _NAMED_KINDS,
    _PATTERNS,
    _PHOTO,
    _PHOTO_WORDS,
    _copyrighted,
    _date_matches,
    _lowered,
    _may_hold,
    find_publisher,
)

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


_WINDOW_PIECES = [
    "Published", "POSTED ON", "Last updated:", "By Ana Ruiz", "by", "Retrieved", "ARCHIVED",
    "snapshot", "Photo", "file", "caption", "\u0130mage", "\u017faved", "Wildfire", "on", "the",
    "2021", "-", ",", ":", "|",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_WINDOW_PIECES), st.sampled_from([" ", "", "  ", "\t"]))),
    st.integers(0, 30),
)
def test_cue_windows_without_their_words_cannot_match(
    parts: list[tuple[str, str]], cut: int
) -> None:
    line = "".join(p + sep for p, sep in parts)
    near, end = min(cut, len(line)), len(line)
    low = _lowered(line[near:end])
    for words, pattern in ((_CUE_WORDS, _CUE), (_CRAWL_WORDS, _CRAWL), (_PHOTO_WORDS, _PHOTO)):
        if not _may_hold(words, low):
            assert pattern.search(line, near, end) is None


def test_each_cue_pattern_is_reached_through_its_words() -> None:
    for line, words, pattern in (
        ("By Ana Ruiz ", _CUE_WORDS, _CUE),
        ("Flood bulletin posted on ", _CUE_WORDS, _CUE),
        ("Quake report, last updated: ", _CUE_WORDS, _CUE),
        ("Page retrieved ", _CRAWL_WORDS, _CRAWL),
        ("Protest march, file photo ", _PHOTO_WORDS, _PHOTO),
    ):
        assert pattern.search(line, 0, len(line)) is not None
        assert _may_hold(words, _lowered(line))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="JFMASONDaeuyrchilpgtbvn0123456789 ,.-/", max_size=50))
def test_lines_without_a_month_stem_hold_no_named_date(line: str) -> None:
    if not any(stem in line for stem in _MONTH_STEMS):
        for kind, pattern in _PATTERNS:
            if kind in _NAMED_KINDS:
                assert pattern.search(line) is None


def test_named_dates_still_found() -> None:
    found = [kind for _, kind, _ in _date_matches(["Storm hit on March 3, 2021 and 4 June 2021."])]
    assert found == ["mdy", "dmy"]
