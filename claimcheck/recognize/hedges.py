"""Hedges around a number: "at least", "nearly", "more than", "or more", "15+".

A hedge before a number sets its qualifier; the words after it ("or more", "+") may too.
Conventions (devset and editors): nearly/almost/up to/within are upper bounds (at most),
about/some/an estimated are approximate, over/more than/topped (and a headline's "tops",
"passes", "crosses") are strict lower bounds.
"""

from __future__ import annotations

import re

from claimcheck.model import Qualifier
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import Lazy as _lazy

__all__ = ["AFTER_HEDGE", "HEDGES", "OR_EQUAL", "hedge_before"]

AFTER_HEDGE = _lazy(
    r"\s+or\s+(?P<ge>more|greater|higher|above|over)\b(?!\s+than\s+\w)(?:\s+than\b)?"
    r"|\s+or\s+(?P<le>less|fewer|lower|below|under)\b(?!\s+than\s+\w)(?:\s+than\b)?"
    r"|\s+and\s+(?P<ge2>more|above|over)\b"
    r"|(?P<plus>\+|-plus\b| plus\b(?!\s+(?:[\d$£€]|an?\b)))(?!\w)"
    r"|\s+or\s+(?P<so>so)\b|(?P<odd>-odd)\b",
    re.IGNORECASE,
)

HEDGES: list[tuple[Qualifier, str]] = [
    ("at_least", r"at\s+least(?:\s+or\s+equal\s+to)?|no\s+fewer\s+than|no\s+less\s+than"
     r"|not\s+less\s+than"
     r"|a\s+minimum\s+of|(?:greater|more|higher|bigger|larger)\s+(?:than\s+)?or\s+equal\s+(?:to|than)"
     r"|equal\s+to\s+or\s+(?:greater|more|higher|bigger|larger)\s+than"
     r"|>\s?=|=>|≥"),
    ("at_most", r"up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of"
     r"|nearly|almost|within|just\s+shy\s+of"
     r"|as\s+many\s+as|(?:less|fewer|lower|smaller)\s+(?:than\s+)?or\s+equal\s+(?:to|than)"
     r"|equal\s+to\s+or\s+(?:less|fewer|lower|smaller)\s+than|at\s+most\s+or\s+equal\s+to|<\s?=|=<|≤"),
    ("more_than", r"(?:just\s+)?(?:more\s+than|over|above|in\s+excess\s+of|upwards\s+of|north\s+of"
     r"|greater\s+than|larger\s+than|bigger\s+than|higher\s+than|exceeding|exceeded|exceeds?"
     r"|surpassing|surpassed|surpass(?:es)?|topped|topping|tops|passes"
     r"|cross(?:es|ed))|(?<!<)>"),
    ("less_than", r"(?:just\s+)?(?:less\s+than|fewer\s+than|under|below|lower\s+than|south\s+of"
     r"|smaller\s+than)|<"),
    ("about", r"about|around|roughly|approximately|approx\.|some|an\s+estimated"
     r"|estimated(?:\s+at)?|close\s+to|circa|an\s+approximate"),
    ("between", r"between|from"),
]  # fmt: skip
_HEDGE_RE = Folded(
    "(?:^|(?<![A-Za-z_])|(?=[<>=≥≤]))(?:" + "|".join(f"(?P<{q}>{p})" for q, p in HEDGES) + r")\s*$",
    re.IGNORECASE,
)
OR_EQUAL = _lazy(r"\s+or\s+equal\b(?!\s+(?:to\s+)?[\d$£€])(?:\s+to\b)?", re.IGNORECASE)


#: The last word of every hedge in ``HEDGES``: the hedge regex (a search over the 48
#: characters before each number) runs only when the word before the number is one of these.
_HEDGE_LAST = frozenset(
    [
        "than", "as", "to", "least", "most", "over", "above", "under", "below", "about", "around",
        "roughly", "approximately", "approx.", "some", "nearly", "almost", "estimated", "circa",
        "between", "from", "of", "exceeding", "exceeded", "exceed", "exceeds", "surpassing",
        "surpassed", "surpass", "surpasses", "approximate", "within", "topped", "topping", "tops",
        "passes", "crosses", "crossed", "at"
    ]
)  # fmt: skip
_SIGNS = frozenset("<>=≥≤")


def _last_word(before: str) -> str:
    """The word a hedge would end with, also when glued to a date or a dash: "2023More
    than", "--Over"."""
    word = before.rsplit(None, 1)[-1]
    if word.isalpha():
        return word
    cut = max((i for i, c in enumerate(word) if not (c.isalpha() or c == ".")), default=-1)
    return word[cut + 1 :]


def hedge_before(text: str, start: int) -> tuple[Qualifier | None, int]:
    """The hedge right before ``start`` ("at least", "nearly", ">=") and where it starts."""
    lo = max(0, start - 48)
    before = text[lo:start].rstrip()
    if not before:
        return None, start
    if before[-1] not in _SIGNS:
        last = _last_word(before).lower()
        if last not in _HEDGE_LAST or (
            last == "at" and not before.lower().endswith("estimated at")
        ):
            return None, start  # "at 8": only "estimated at" ends a hedge with "at"
    m = _HEDGE_RE.search(text, lo, start)
    if not m:
        return None, start
    for q, _ in HEDGES:
        if m.group(q) is not None:
            return q, m.start(q)
    return None, start  # pragma: no cover
