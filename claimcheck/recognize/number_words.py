"""Numbers written in words and digits: the token grammar behind the amount recognizer.

"three hundred and two", "two thirds of a million", "3 million and a half", "a dozen":
a run of number tokens is split into numbers with their values; hedges, units and ranges
are the caller's business (claimcheck/recognize/numbers.py).
"""

from __future__ import annotations

from math import gcd

from claimcheck.recognize.lazyre import Lazy as _lazy
from claimcheck.recognize.lexicon import (
    FRACTION_WORDS,
    SCALES,
    TENS,
    UNITS,
    VULGAR_FRACTIONS,
    trie_alternation,
)

NUMBER_WORDS = {**UNITS, **TENS}
WORD_RE = trie_alternation([*NUMBER_WORDS, *SCALES, "dozen", "dozens", *FRACTION_WORDS])
#: "1/2", "3/4", "5/8": a proper fraction with a denominator people use in prose (read only
#: when the numerator is smaller; "24/7", "9/11", "5/17" stay skipped as codes and dates).
DIGIT_FRAC = r"\d/[2348](?![\w/]|[.,]\d)"
VULGAR_RE = "[" + "".join(VULGAR_FRACTIONS) + "]"
_SCALE_AHEAD = r"(?=\s+(?i:dozens?|hundred|thousand|million|billion|trillion|lakhs?|crores?)\b)"
#: "a" or "an" standing for one: before a scale ("a dozen", "a million") or a fraction word.
A_ONE = (
    r"(?i:an?)(?=(?:\s+|-)(?i:dozens?|hundred|thousand|million|billion|trillion|lakh|crore|halfs?"
    r"|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b)"
)
#: Digits as news writes them: "5,200"; Indian grouping "1,20,000"; groups of three apart
#: ("14 500", "1 250 000", also with no-break spaces), never two numbers side by side: a
#: group of other than three digits after it ("in 2023 1 200", "5 5 4") ends the number.
_SPACE = "[ \u00a0\u202f]"
DIGITS = (
    rf"(?:\d{{1,3}}(?:(?:,\d{{3}})+|(?:{_SPACE}\d{{3}})+(?!\d|{_SPACE}\d))"
    r"|\d{1,2},(?:\d\d,)+\d{3}(?![\d,])|\d+)(?:\.\d+)?|\.\d+"
)  # the common forms first: the scan tries them at every digit
_GROUPING = str.maketrans("", "", ", \u00a0\u202f")
TOKEN = (
    rf"(?:{DIGIT_FRAC}|(?:{DIGITS}){VULGAR_RE}?|{VULGAR_RE}|(?i:{WORD_RE})\b|{A_ONE}"
    rf"|(?i:of\s+an?){_SCALE_AHEAD})"
)

#: Word -> (kind, value), one dict look-up per token.
_KIND: dict[str, tuple[str, float]] = {
    **{w: ("unit", float(v)) for w, v in UNITS.items()},
    **{w: ("tens", float(v)) for w, v in TENS.items()},
    "hundred": ("hundred", 100.0),
    **{w: ("big", float(v)) for w, v in SCALES.items() if v >= 1000},
    "dozen": ("dozen", 12.0), "dozens": ("dozen", 12.0),
    "and": ("and", 0.0), "a": ("a", 1.0), "an": ("a", 1.0), "of": ("of", 0.0),
    **{w: ("fracs" if plural else "frac", float(d)) for w, (d, plural) in FRACTION_WORDS.items()},
}  # fmt: skip
_NUMERAL = frozenset(["unit", "tens", "digit", "a"])
_MULTIPLICAND = frozenset(["unit", "tens", "digit", "a", "frac"])
_SCALE_KINDS = frozenset(["hundred", "big", "dozen"])
_TOKEN_RE = _lazy(rf"({DIGIT_FRAC})|({DIGITS})|([A-Za-z]+)|({VULGAR_RE})")
#: After a singular "third"/"fourth"/"quarter", a word other than these makes it an ordinal
#: or a noun ("a fourth round", "the third quarter", "a quarter century").
_ORDINAL_AFTER = _lazy(
    r"\s*-?\s*(?!(?:of|and|or|an?|dozens?|hundred|thousand|million|billion|trillion)\b)[A-Za-z]"
)
_Tok = tuple[int, int, str, float]
Part = tuple[int, int, float, bool]


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        frac, digits, word, vulgar = m.groups()
        if word is not None:
            kind, value = _KIND.get(word.lower(), ("x", 0.0))
        elif digits is not None:
            kind, value = "digit", float(digits.translate(_GROUPING))
        elif vulgar is not None:
            kind, value = "vfrac", VULGAR_FRACTIONS[vulgar]
        else:
            num, den = int(frac[0]), int(frac[2])
            kind, value = ("vfrac", num / den) if 0 < num < den else ("x", 0.0)
        out.append((m.start(), m.end(), kind, value))
    return out


def _fraction_words(text: str, toks: list[_Tok], j: int) -> float | None:
    """'a half', 'one third', 'two thirds', 'three quarters': a proper fraction in lowest
    terms whose numerator agrees in number with the denominator word."""
    if j + 1 >= len(toks):
        return None
    _, _, nk, nv = toks[j]
    _, e, dk, den = toks[j + 1]
    if dk == "frac":
        if nv != 1 or nk not in ("unit", "a"):
            return None
        return None if den != 2 and _ORDINAL_AFTER.match(text, e) else 1 / den
    if dk == "fracs" and nk in ("unit", "digit") and nv.is_integer() and 1 < nv < den:
        return nv / den if gcd(int(nv), int(den)) == 1 else None
    return None


def _fraction_phrase(text: str, toks: list[_Tok], j: int) -> tuple[float, int, int, bool] | None:
    """A fraction starting at toks[j]: (value, index after it, end offset, a scale follows).

    Fillers before a scale are skipped ("half a dozen", "two thirds of a million"); a bare
    "half" is a half, a bare "quarter" only before a scale ("quarter million").
    """
    n = len(toks)
    if j >= n:
        return None
    kind = toks[j][2]
    if kind == "vfrac":
        value, nxt = toks[j][3], j + 1
    elif kind in ("unit", "digit", "a"):
        got = _fraction_words(text, toks, j)
        if got is None:
            return None
        value, nxt = got, j + 2
    elif kind == "frac" and toks[j][3] in (2.0, 4.0):
        value, nxt = 1 / toks[j][3], j + 1
        if value == 0.25 and _scale_after(toks, nxt) is None:
            return None
    else:
        return None
    end = toks[nxt - 1][1]
    scale = _scale_after(toks, nxt)
    return value, (nxt if scale is None else scale), end, scale is not None


def _scale_after(toks: list[_Tok], j: int) -> int | None:
    """Index of a scale at toks[j], or after a filler 'a' / 'of a' there."""
    n = len(toks)
    if j < n and toks[j][2] == "of":
        j += 1
        if j >= n or toks[j][2] != "a":
            return None
    if j < n and toks[j][2] == "a":
        j += 1
    return j if j < n and toks[j][2] in _SCALE_KINDS else None


def _one_number(text: str, toks: list[_Tok], i: int) -> tuple[int, Part] | None:
    """The number starting at toks[i] and the index after it.

    Grammar: groups below a thousand ("three hundred and two"), joined by falling big scales;
    "dozen" multiplies only the last group; a fraction after "and" adds to the number, or
    to its last big scale when nothing follows ("3 million and a half").
    """
    n = len(toks)
    start = toks[i][0]
    total = cur = grp = last_big = 0.0
    has_hundred = scaled = False
    last = before_and = ""
    end = start
    saved: tuple[int, Part] | None = None  # the number before an 'and' or a new group
    j = i
    while j < n:
        _, e, k, v = toks[j]
        if last in ("", "and") or (k == "vfrac" and last == "digit"):
            fr = _fraction_phrase(text, toks, j)
            if fr is not None:
                f, nxt, fend, scale_next = fr
                if before_and == "big" and last == "and" and not scale_next:
                    total += f * last_big
                else:
                    cur += f
                    grp = f
                last, end, j = "frac", fend, nxt  # a scale next applies to the fraction
                continue
        if k in _NUMERAL:
            if last == "":
                cur = grp = v
            elif k == "a" or (k == "digit" and last not in ("and", "big")):
                break
            elif last == "tens" and k == "unit" and v < 10:
                cur += v
                grp += v
            elif last in ("hundred", "big", "dozen") or (last == "and" and v != 0):
                if last != "and":
                    saved = (j, (start, end, total + cur, scaled))
                cur += v
                grp = v
            else:
                break
        elif k == "hundred" or k == "big" or k == "dozen":
            if last not in _MULTIPLICAND and not (k == "big" and last in ("hundred", "dozen")):
                break
            if (k == "hundred" and has_hundred) or (k == "big" and last_big and v >= last_big):
                return saved  # "3 hundred and 2 hundred": two numbers
            if k == "hundred":
                cur *= 100
                has_hundred = True
            elif k == "dozen":
                cur += grp * 11
                grp *= 12
            else:
                total += cur * v
                cur = grp = 0.0
                has_hundred = False
                last_big = v
            scaled = True
        elif k == "and" and (last in _SCALE_KINDS or _fraction_phrase(text, toks, j + 1)):
            saved = (j + 1, (start, end, total + cur, scaled))
            before_and, last = last, "and"
            j += 1
            continue
        else:
            break
        last, end = k, e
        j += 1
    if end == start or (last == "a" and end == toks[i][1]):
        return None
    return j, (start, end, total + cur, scaled)


def parse_core(text: str, start: int, end: int) -> list[Part]:
    """Split a run of number tokens into numbers: (start, end, value, has_scale)."""
    toks = _tokens(text, start, end)
    out: list[Part] = []
    i = 0
    while i < len(toks):
        got = _one_number(text, toks, i)
        if got is None:
            i += 1
            continue
        i, part = got
        out.append(part)
    return out
