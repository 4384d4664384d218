"""Find a claim's quote in its article, tolerant of how quotes get copied.

Copying from a browser or a word processor swaps straight and typographic
quotes, dashes and whitespace; none of that makes a quote wrong. Both texts are
normalised with a map back to original offsets so the span is exact.
"""

from __future__ import annotations

import re
from functools import cache

from claimcheck.dataclassgen import dataclass

_FOLD = {
    **dict.fromkeys("“”„‟«»″〝〞＂", '"'),
    **dict.fromkeys("‘’‚‛′‹›`´＇", "'"),
    **dict.fromkeys("‐‑‒–—―−﹣－", "-"),
    "…": "...",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
}


@dataclass(frozen=True)
class Folded:
    """Normalised text and, for each of its characters, the offset in the original."""

    text: str
    offsets: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end) (end > start)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def fold(text: str) -> Folded:
    """Typographic quotes/dashes to ASCII, whitespace runs to one space.

    Only the characters that change are visited (one regex scan; in prose, mostly line
    ends): the text between them is copied whole with its offsets as a range, not
    character by character (an article is folded when a quote is not found as written).
    """
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _changed().finditer(text):
        start = m.start()
        if start > pos:
            chars.append(text[pos:start])
            offsets.extend(range(pos, start))
        found = m.group()
        out = _FOLD.get(found)
        if out is None:  # a run of whitespace: one space, at the run's first character
            chars.append(" ")
            offsets.append(start)
        else:
            chars.append(out)
            offsets.extend([start] * len(out))
        pos = m.end()
    if pos < len(text):
        chars.append(text[pos:])
        offsets.extend(range(pos, len(text)))
    return Folded("".join(chars), tuple(offsets))


@cache
def _changed() -> re.Pattern[str]:
    """Whitespace that changes: runs of two or more, and any one whitespace character
    but a space (``\\s`` is ``str.isspace``, tested on every code point); then the
    folded characters (none of them whitespace). A lone space folds to itself, so it
    is copied with the text around it. Compiled on the first fold."""
    return re.compile(r"\s\s+|[^\S ]|[" + "".join(map(re.escape, sorted(_FOLD))) + "]")


@dataclass(frozen=True)
class Closest:
    passage: str
    line: int
    score: float


def locate(quote: str, text: str, folded_text: Folded | None = None) -> tuple[int, int] | None:
    """[start, end) of ``quote`` in ``text`` (original offsets), or None."""
    needle = fold(quote.strip()).text.strip()
    if not needle:
        return None
    hay = folded_text or fold(text)
    at = hay.text.find(needle)
    if at < 0:
        return None
    return hay.original_span(at, at + len(needle))


def closest_passage(
    quote: str, text: str, folded_text: Folded | None = None, width: int = 160
) -> Closest | None:
    """The passage of ``text`` most like ``quote``, for a 'did you mean' message."""
    from rapidfuzz import fuzz

    needle = fold(quote.strip()).text.strip()
    hay = folded_text or fold(text)
    if not needle or not hay.text:
        return None
    if len(needle) > len(hay.text):
        needle = needle[: len(hay.text)]
    found = fuzz.partial_ratio_alignment(needle, hay.text)
    if found is None or found.dest_end <= found.dest_start:
        return None
    start, end = hay.original_span(found.dest_start, found.dest_end)
    while start > 0 and not text[start - 1].isspace():  # whole words only
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    passage = " ".join(text[start:end].split())
    if len(passage) > width:
        passage = passage[: width - 1].rstrip() + "…"
    return Closest(passage, text.count("\n", 0, start) + 1, round(found.score, 1))
