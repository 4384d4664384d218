"""``quotes.fold`` (one regex scan) folds exactly as the character loop it replaced."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile import quotes


def _fold_by_character(text: str) -> tuple[str, tuple[int, ...]]:
    """The loop ``fold`` was: every character looked at in turn."""
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        for out in quotes._FOLD.get(ch, ch):
            chars.append(out)
            offsets.append(i)
    return "".join(chars), tuple(offsets)


def _same(text: str) -> None:
    folded = quotes.fold(text)
    assert (folded.text, folded.offsets) == _fold_by_character(text)


ALPHABET = st.sampled_from([*quotes._FOLD, " ", "\n", "\t", "\u00a0", "\u2028", "a", "5", "-"])


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40) | st.text(max_size=40))
def test_fold_is_the_character_loop(text: str) -> None:
    _same(text)


def test_every_code_point_folds_alike() -> None:
    """``\\s`` and ``str.isspace`` agree everywhere, and each folded character is read."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for start in range(0, len(every), 4096):
        chunk = every[start : start + 4096]
        _same(chunk)
        _same("x".join(chunk))


def test_a_sentence() -> None:
    folded = quotes.fold("He said \u201cabout  5,000\u201d \u2014 then\u2026 left.")
    assert folded.text == 'He said "about 5,000" - then... left.'
