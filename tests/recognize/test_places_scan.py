"""The candidate scan of find_places matches exactly the plain alternation it stands for."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.places import _CANDIDATE, _CONNECTORS, _tokens

_PLAIN = re.compile(
    r"(?:[A-Z]\.){2,}|(?<![^\W\d_])(?:[^\W\d_a-z](?:[\w'’.-]*[^\W_])?|"
    r"(?:de|del|la|le|les|da|do|dos|das|di|du|al|el|of|and|upon|on|sur|am|an|der|y|e|en|in|"
    r"im)(?![\w'’.-]))"
)

_PIECES = [
    "Rio de Janeiro", "U.S.", "U.K.", "A.", "del", "dell", "of", "upon", "y", "e", "en", "im",
    "in", "ind", "Bosnia and Herzegovina", "pro-Russian", "O'Neill", "O’Brien", "Zürich",
    "Île-de-France", "ébène", "São Paulo", "東京", "x9", "9x", "_de", "de_", "floods", "dam",
    "le.", "les-", "sur'", "Ab2", "2km", "\u01c5ing", "ß", "\u00aa", "Ⅳ", "½", "-", ".", "'",
]  # fmt: skip


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "", "\n", ", ", "-"]))))
def test_candidate_scan_equals_plain_alternation(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + sep for p, sep in parts)
    assert _spans(_CANDIDATE, text) == _spans(_PLAIN, text)


@given(st.text(max_size=40))
def test_candidate_scan_equals_plain_alternation_on_any_text(text: str) -> None:
    assert _spans(_CANDIDATE, text) == _spans(_PLAIN, text)


def test_tokens_keep_capitals_and_connectors() -> None:
    text = "Flooding hit Rio de Janeiro and the U.S. state of New York, said a pro-Russian daily."
    words = [t.text for t in _tokens(text)]
    assert words == ["Flooding", "Rio", "de", "Janeiro", "and", "the", "U.S.", "of", "New",
                     "York", "Russian"]  # fmt: skip
    assert all(w[0].isupper() or w in _CONNECTORS for w in words)
