"""``_risky`` scans only for the marks whose first character occurs: the same answer as
scanning for every mark."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.claimsfile import fastread
from claimcheck.claimsfile.fastread import _MARK_STARTS, _MARKS, _NODE_BEFORE, _risky


def _every_mark(text: str) -> bool:
    """The reader's scan as it was: every pattern over the whole text."""
    if text.isascii():
        if text.encode("ascii").translate(None, fastread._ALLOWED_ASCII):
            return True
    elif fastread._BAD_CHAR.search(text):
        return True
    if text.startswith(("%", "---", "...")) or any(
        mark in text for mark in ("\n%", "\n---", "\n...")
    ):
        return True
    return any(
        m.start() == 0 or text[m.start() - 1] in _NODE_BEFORE
        for pattern in _MARKS
        for m in pattern.finditer(text)
    )


def test_each_mark_starts_with_its_listed_character() -> None:
    firsts = [p.pattern.lstrip("\\")[0] for p in _MARKS]
    assert set(firsts) == set(_MARK_STARTS)
    for pattern, first in zip(_MARKS, firsts, strict=True):
        for ch in map(chr, range(128)):  # a match can start with nothing else
            if ch != first:
                assert pattern.match(ch + " x\n") is None


_pieces = st.sampled_from(
    ["a: b", "\n", " ", "- ", "&x", "*x", "!x", "? ", "|", "|-", ">", "> #c", "@", "`",
     "%", "---", "...", "#", ":", "é", "\t", "[", "{", "-", "x"]
)  # fmt: skip


@given(st.lists(_pieces, max_size=30).map("".join))
def test_same_answer_as_scanning_every_mark(text: str) -> None:
    assert _risky(text) == _every_mark(text)


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=60))
def test_same_answer_on_any_ascii(text: str) -> None:
    assert _risky(text) == _every_mark(text)
