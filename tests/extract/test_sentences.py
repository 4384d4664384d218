"""Sentence splitting keeps exact spans; furniture is filtered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract.sentences import body_sentences, split_sentences


def test_abbreviations_and_decimals_do_not_split() -> None:
    text = "Gen. Smith met U.S. officials at 9 a.m. on Jan. 5. Growth was 2.5 percent. Done."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Smith met U.S. officials at 9 a.m. on Jan. 5.",
        "Growth was 2.5 percent.",
        "Done.",
    ]


def test_glued_sentences_split() -> None:
    assert len(split_sentences("They left over 3 years rather than 8.Earlier there was talk.")) == 2


def test_furniture_zones_filtered() -> None:
    text = (
        "At least 12 people died in the fire.\nReaders Comments (0)\nAdd your comment\n"
        "Related News\nFire kills 3 in Lyon\nFloods hit 200 homes\n"
        "© Reuters 2022 / Photo of 40 firefighters\n"
    )
    assert [s.text for s in body_sentences(text)] == ["At least 12 people died in the fire."]


@given(st.text(max_size=300))
def test_spans_are_exact(text: str) -> None:
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
