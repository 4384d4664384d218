"""Case-blind patterns searched as case-sensitive ones in lowered text, where that finds
the same (see ``lexicon.folds_plainly``).

A case-blind alternation of words costs the regex engine several times what its
lower-case form costs: it cannot reject an alternative on its first letter without folding
the character. ``Folded`` keeps both forms; a search lowers the searched stretch (plus the
characters look-behinds read before it), finds the match's start with the lower-case form,
and returns the case-blind pattern's own match there, so callers get the same match object
(offsets, groups in the text's own case) either way.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

from claimcheck.recognize.lazyre import code_key, stored_text
from claimcheck.recognize.lazyre import compile as _re_compile
from claimcheck.recognize.lexicon import folds_plainly

__all__ = ["Folded", "lowered_pattern"]


def lowered_pattern(pattern: str) -> str | None:
    """``pattern`` with its letters lowered, escapes (``\\S``, ``\\W``) and group names kept;
    None when a part of it must stay case-sensitive (``(?-i:...)``)."""
    if "(?-i" in pattern or re.search(r"\\[xuUN0-7]", pattern):
        return None  # a letter written as a code ("\x41") would not be lowered
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            out.append(pattern[i : close + 1])
            i = close + 1
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


def _reach_back(pattern: str, flags: int) -> int | None:
    """How many characters before a match's start its look-behinds (or ``\\b``) may read;
    None if unbounded."""
    from re import _parser  # type: ignore[attr-defined]

    widest = 1  # "\b" and "^" read one character back

    def walk(seq: Any) -> bool:
        nonlocal widest
        for op, av in seq:
            name = str(op)
            if name in ("ASSERT", "ASSERT_NOT"):
                direction, sub = av
                if direction < 0:  # fixed width: the engine refuses any other
                    widest = max(widest, sub.getwidth()[1])
                if not walk(sub):
                    return False
            elif name == "SUBPATTERN":
                if not walk(av[-1]):
                    return False
            elif name == "BRANCH":
                if not all(walk(alt) for alt in av[1]):
                    return False
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                if not walk(av[2]):
                    return False
            elif name == "ATOMIC_GROUP" and not walk(av):
                return False
        return True

    return widest if walk(_parser.parse(pattern, flags)) else None


_TWIN_FORMAT = "1"
"""Part of the stored twins' keys: bump when ``lowered_pattern`` or ``_reach_back`` change
what they make."""


def _twin(pattern: str, flags: int) -> tuple[str, int] | None:
    """The lower-case twin of a case-blind pattern and how far its look-behinds read back,
    kept in the regex store: parsing the pattern for them costs a process about a
    millisecond a pattern, more than all its searches in a one-article run."""
    key = code_key(_make_twin, f"{_TWIN_FORMAT}\0{flags}\0{pattern}")
    made = stored_text(key, lambda: _make_twin(pattern, flags))
    if not made:
        return None
    back, _, low = made.partition("\0")
    return low, int(back)


def _make_twin(pattern: str, flags: int) -> str:
    """``_twin`` as text: "<reach>\\0<lowered pattern>", or "" when there is none."""
    low = lowered_pattern(pattern)
    back = None if low is None else _reach_back(pattern, flags)
    return "" if low is None or back is None else f"{back}\0{low}"


class Folded:
    """A case-blind pattern (``re.IGNORECASE``) with ``search``, ``match`` and ``finditer``
    giving what the compiled pattern gives, faster on text that folds plainly.

    Compiled on first use, like ``lazyre.Lazy``.
    """

    def __init__(self, pattern: str, flags: int = re.IGNORECASE) -> None:
        self.pattern = pattern
        self.flags = flags | re.IGNORECASE
        self._blind: re.Pattern[str] | None = None
        self._low: re.Pattern[str] | None = None
        self._back = 0

    def _compile(self) -> re.Pattern[str]:
        blind = _re_compile(self.pattern, self.flags)
        twin = _twin(self.pattern, self.flags)
        if twin is not None:
            self._low = _re_compile(twin[0], self.flags & ~re.IGNORECASE)
            self._back = twin[1]
        self._blind = blind
        return blind

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        blind = self._blind or self._compile()
        low = self._low
        if low is None:
            return blind.search(text, pos, endpos)
        lo = max(0, pos - self._back)
        stretch = text[lo:endpos]
        if not folds_plainly(stretch):
            return blind.search(text, pos, endpos)
        found = low.search(stretch.lower(), pos - lo)
        return None if found is None else blind.match(text, found.start() + lo, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Anchored: nothing to skip, so the case-blind pattern itself."""
        return (self._blind or self._compile()).match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        blind = self._blind or self._compile()
        low = self._low
        lo = max(0, pos - self._back)
        if low is None or not folds_plainly(text[lo:endpos]):
            yield from blind.finditer(text, pos, endpos)
            return
        for found in low.finditer(text[lo:endpos].lower(), pos - lo):
            m = blind.match(text, found.start() + lo, endpos)
            if m is not None:  # always: the two forms match alike on this text
                yield m
