"""folds_plainly: when a lowered, case-sensitive scan may stand in for a case-blind one."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.recognize.lexicon import _FOLD_TRAPS, folds_plainly


def test_fold_traps_are_every_code_point_that_breaks_the_lowered_scan() -> None:
    word = re.compile(r"\w")
    space = re.compile(r"\s")
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    traps = []
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        low = c.lower()
        if (
            len(low) != 1
            or low.isascii()
            or ascii_letter.match(c)
            or bool(word.match(c)) != bool(word.match(low))
            or bool(space.match(c)) != bool(space.match(low))
        ):
            traps.append(c)
    assert tuple(traps) == _FOLD_TRAPS


def test_folds_plainly_on_news_text() -> None:
    assert folds_plainly("Floods displaced 2,000 people in Zürich — officials said")
    assert not folds_plainly("two bodieſ were found")
    assert not folds_plainly("İstanbul hit by a strike")


_PATTERN = r"(?<![\w-])(?:kill(?:ed)?|death\s+toll|in\s+hospital|sk)(?![\w-])"


@given(st.text(alphabet="aehiklnopstd -_\u00e9\u00c9\u0130\u0131\u017f\u212aKSIH\n", max_size=40))
def test_lowered_scan_equals_case_blind_scan_when_it_folds_plainly(text: str) -> None:
    blind = [m.span() for m in re.finditer(_PATTERN, text, re.IGNORECASE)]
    lowered = [m.span() for m in re.finditer(_PATTERN, text.lower())]
    if folds_plainly(text):
        assert lowered == blind
