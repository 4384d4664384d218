"""Regexes compiled on first use, so importing a recognizer costs no compiling."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

__all__ = ["Lazy"]


class Lazy:
    """A regex compiled on first use, so importing the module (every CLI start, the hook)
    does not pay ~15 ms of compiling; after the first call the bound methods of the compiled
    pattern replace these, so the hot path costs nothing extra."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def _compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern, self.flags)
        self.match = compiled.match  # type: ignore[method-assign]
        self.search = compiled.search  # type: ignore[method-assign]
        self.fullmatch = compiled.fullmatch  # type: ignore[method-assign]
        self.finditer = compiled.finditer  # type: ignore[method-assign]
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().search(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compile().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compile().finditer(string, pos, endpos)
