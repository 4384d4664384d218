"""Vague counts: "dozens", "scores", "hundreds", "a few hundred", "several thousand".

Each is the range editors read it as (lexicon.VAGUE, lexicon.VAGUE_FEW), so a vague figure
compares with an exact one: "hundreds" and 5,000 cannot both hold.
"""

from __future__ import annotations

from claimcheck.recognize.lexicon import SCALES, VAGUE, VAGUE_FEW

__all__ = ["VAGUE_RE", "vague_range"]

#: "scores" is vague before "of", after a verb ("injured scores") or opening a clause
#: ("Scores died"); otherwise it is a result ("test scores").
VAGUE_RE = (
    r"(?i:\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores(?=\s+of\b)"
    r"|(?:(?<=ed\s)|(?<=ing\s))scores|(?-i:Scores)(?=\s+(?:more|have|had|died)\b)|scores\Z"
    r"|hundreds|thousands|millions|billions"
    r"|(?:a\s+few|several|a\s+handful)(?:\s+(?:dozen|hundred)\b)?"
    r"(?:\s+(?:thousand|million|billion)\b)?"
    r")\b)"
)


def vague_range(key: str) -> tuple[float, float]:
    """'thousands' -> (2000, 9999); 'a few hundred' -> (200, 500)."""
    if key in VAGUE:
        return VAGUE[key]
    for word, (lo, hi) in VAGUE_FEW.items():
        if key.startswith(word):
            mult = 1
            for scale in key[len(word) :].split():  # "several hundred thousand"
                mult *= 12 if scale == "dozen" else SCALES[scale]
            return lo * mult, hi * mult
    raise KeyError(key)  # pragma: no cover - the regex admits only the words above
