"""Refusals of inputs that would otherwise slip through silently (issue 12).

A time range written backwards reads as no time at all, an id with a trailing newline
prints like another id, a one-character quote "found" inside a larger number proves
nothing. Each helper says what is wrong so the loader can give a located message.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_RANGE_SPLIT = re.compile(r"\s*(?:/|\bto\b|\buntil\b|–|—|\s-\s)\s*")


def backwards(text: str, published: date | None) -> str | None:
    """Why a range ends before it starts ("2021-03-15/2021-03-01"), or None. Such a time
    would be read as no time at all, and the claim silently left out of comparisons."""
    from claimcheck.normalize.memo import time_of as parse_time

    parts = range_ends(text)
    if parts is None:
        return None
    first, second = (parse_time(p, published) for p in parts)
    if first is None or second is None or first.interval is None or second.interval is None:
        return None
    start, end = first.interval.start, second.interval.end
    if start is not None and end is not None and start > end:
        return f"{parts[0]} is after {parts[1]}"
    return None


@lru_cache(maxsize=1 << 16)
def range_ends(text: str) -> tuple[str, str] | None:
    """The two ends of a time written as a range, or None; once per distinct text."""
    parts = _RANGE_SPLIT.split(text.strip())
    if len(parts) != 2 or not all(parts):
        return None
    return parts[0], parts[1]


def whole(text: str, start: int, end: int) -> bool:
    """The span does not cut a word or a number: '3' is not quoted from '3,400', nor
    'ten' from 'tent'. A letter next to a digit is a boundary (page furniture often
    glues a date to the first sentence)."""
    if start > 0 and _cut(text, start - 1, start, start - 2):
        return False
    return not (end < len(text) and _cut(text, end - 1, end, end + 1))


def _cut(text: str, left: int, right: int, beyond: int) -> bool:
    a, b = text[left], text[right]
    if (a.isdigit() and b.isdigit()) or (a.isalpha() and b.isalpha()):
        return True
    # a digit group: '3|,400' or '1,|400'
    sep, digit = (a, b) if beyond < left else (b, a)
    return sep in ",." and digit.isdigit() and 0 <= beyond < len(text) and text[beyond].isdigit()


MAX_QUOTE_TRIES = 1000


def whole_find(text: str, quote: str) -> int:
    """The first verbatim occurrence at word boundaries, or -1 (bounded: a one-letter
    quote in a long article is tried a limited number of times)."""
    if not quote:
        return -1
    at = text.find(quote)
    for _ in range(MAX_QUOTE_TRIES):
        if at < 0 or whole(text, at, at + len(quote)):
            return at
        at = text.find(quote, at + 1)
    return -1


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bad_id(cid: str) -> str | None:
    """What makes an id unusable: it is printed in reports and matched by other tools, so
    a trailing newline or a control character would make two ids look the same."""
    if cid != cid.strip():
        return "starts or ends with a space or a newline"
    if cid.isascii() and cid.isprintable():  # the common id, without a lookup per letter
        return None
    import unicodedata  # only for an id that needs it: not on every check (~0.3 ms)

    if any(unicodedata.category(ch)[0] in "CZ" and ch != " " for ch in cid):
        return "contains a newline, tab or invisible character"
    return None
