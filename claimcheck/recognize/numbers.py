"""Hand-written amount recognizer: one compiled regex pass plus cheap post-processing.

Shared by extraction (running text) and the claims-file loader (a value string), so the
same hedges and units mean the same thing everywhere. Rules are documented in
docs/recognizers.md; every rule is general (nothing here knows a particular article).
"""

from __future__ import annotations

import functools
import re

from claimcheck.dataclassgen import dataclass
from claimcheck.model import Amount, Qualifier
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.hedges import AFTER_HEDGE as _AFTER_HEDGE
from claimcheck.recognize.hedges import OR_EQUAL as _OR_EQUAL
from claimcheck.recognize.hedges import hedge_before as _hedge_before
from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lexicon import (
    CURRENCY_SYMBOLS,
    FRACTION_WORDS,
    MONTHS,
    SCALE_SUFFIXES,
    SCALES,
    VAGUE,
    VULGAR_FRACTIONS,
    trie_alternation,
)
from claimcheck.recognize.number_words import (
    A_ONE,
    DIGIT_FRAC,
    DIGITS,
    NUMBER_WORDS,
    TOKEN,
    VULGAR_RE,
    WORD_RE,
    parse_core,
)
from claimcheck.recognize.units import (
    CURRENCY,
    CURRENCY_SKIP_GUARD,
    GLUED_UNIT,
    LEAD_CURRENCY,
    follow_unit,
    fraction_unit,
    glued_m_unit,
    restates,
    temperature_context,
    unit_name,
)
from claimcheck.recognize.vague import VAGUE_RE, vague_range

__all__ = ["AmountMention", "find_amounts", "parse_amount"]


@dataclass(frozen=True)
class AmountMention:
    """An amount found in running text; ``text[start:end] == amount.text``."""

    amount: Amount
    start: int
    end: int
    #: The amount before it restated in brackets in another unit ("5 km (3 miles)"):
    #: the same figure, left out of ``find_amounts`` unless asked for.
    restatement: bool = False


_Lazy = Lazy  # the name tests and older callers use
_lazy = Lazy


_MONTH_CAP = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_GLUED = r"(?:bln|mln|tln|trn|bn|mn|tn|mil|MM|[kKmMbB])"

_SKIP = "|".join(
    [
        r"https?://\S+|www\.\S+",
        r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?i:[ap]\.?m\b\.?))?",
        r"\b\d{1,2}\s?(?i:[ap]\.m\.|[ap]m\b)",
        r"\b\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b",
        r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b",
        rf"\b(?!{DIGIT_FRAC})\d+/\d+\b",
        # "between March 10 and 17": the bare 17 is the range's last day, not a count
        rf"\b(?:[Bb]etween)\s+{_MONTH_CAP}\.?\s?\d{{1,2}}(?:st|nd|rd|th)?\s+and\s+"
        r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![.,]\d|\s*%)(?:,?\s+\d{4}\b)?",
        rf"\b{_MONTH_CAP}\.?\s?\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_CAP}\b\.?(?:,?\s+\d{{4}}\b)?",
        r"\b\d+(?:st|nd|rd|th)\b",
        rf"\b{CURRENCY_SKIP_GUARD}[A-Za-z]+-?\d[\w-]*",
        r"\+\d[\d\s().-]{6,}\d|\(\d{3}\)\s?\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b",
        r"\b0\d{2,}(?:[ \u00a0-]\d{2,})+",  # "0800 123 456": a phone number, not a count
        # "(1)" numbers a list item; after a name it is that name's count in a breakdown
        # ("Aceh (45), Riau (30)"), except page counters ("Comments (0)", "Share (12)")
        r"(?:(?<![A-Za-z] )|(?<=(?:ents|hare|ares|ikes|lies|iews|otos|deos) ))\(\d+\)",
        r"\b(?:1[89]|20)\d\d\s?[-–/]\s?(?:(?:1[89]|20)\d\d|\d\d)\b(?![,.]\d)",
    ]
)

#: Every alternative starts after a non-word character except URLs, "+44..." and "(0)": the
#: guard rejects the other positions in two steps instead of trying each alternative there.
_MASTER = _lazy(
    r"(?:(?<!\w)|(?=[hw+(]))"
    rf"(?:(?P<skip>{_SKIP})"
    rf"|(?P<vague>{VAGUE_RE})"
    r"|(?<![\w.,$£€])"
    rf"(?P<num>(?P<cur>{CURRENCY})?"
    rf"(?P<core>{DIGIT_FRAC}|(?:{DIGITS})(?:(?P<gunit>{GLUED_UNIT})|(?P<glued>{_GLUED})"
    rf"|{VULGAR_RE})?(?![\w])(?![.,]\d)"
    rf"|{VULGAR_RE}|(?i:{WORD_RE})\b|{A_ONE})"
    rf"(?P<more>(?:(?:\s+and\s+|-and-|\s*-\s*(?=[A-Za-z])|\s+){TOKEN})*)))"
)

_AGE = _lazy(r"\s+old\b", re.IGNORECASE)  # "over thirty years old" is an age bound
_BOUND_JOIN = _lazy(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
_LOWER_BOUND = ("more_than", "at_least")
_UPPER_BOUND = ("less_than", "at_most")
#: Scales written apart from the number: "10 bln", "2.33 k"; the one-letter capitals only
#: after a decimal or grouped number ("1,674.5 G"), where they cannot be a label ("Plan 5 B").
_SPACED_SCALE = _lazy(
    r" (?:(?P<w>bn|bln|mln|mn|tn|tln|trn|[kK])|(?P<cap>[MBGT])|(?P<m>m))(?![\w$£€%])(?![.,]\w)"
)
_CAP_SCALES = {"M": 10**6, "B": 10**9, "G": 10**9, "T": 10**12}
_CONNECT = _lazy(r"\s*(?:-|–|—|~|\bto\b|\bthrough\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_CHANGE_WORDS = _lazy(
    r"\b(?:ris|rose|increas|grow|grew|climb|jump|soar|surg|fell|fall|drop|declin|decreas|cut"
    r"|reduc|rais|boost|slash|lower|shrank|shrink|went|gone|go|up|down|plung|doubl|halv"
    r"|swell|expand|trim|slip|edg|mov|chang|revis|adjust)\w*\b",
    re.IGNORECASE,
)
_PRONOUN_BEFORE = _lazy(
    r"\b(?:no|the|this|that|which|any|every|each|another|some|anyone|someone|last|next"
    r"|little|young|loved|only|favourite|favorite|right|wrong|big|new|old|such)\s+$",
    re.IGNORECASE,
)
_PRONOUN_AFTER = _lazy(
    r"\s*(?:[^\w\s-]|$)|\s+(?:of|another|who|which|that|is|was|does|did|do|has|had|you|can"
    r"|could|would|will|should|might|must|may|i|we|he|she|they|it|at|on|in|for|with|to|by"
    r"|and|or|but|else|day|time|way)\b",
    re.IGNORECASE,
)
_YEAR_CONTEXT = Folded(
    r"\b(?:in|since|by|of|from|until|till|to|before|after|during|early|late|mid|end|start"
    r"|the|year|years|fiscal|through|between|and|summer|winter|spring|autumn|fall|circa"
    r"|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\W*$",
    re.IGNORECASE,
)
_COUNT_AFTER = _lazy(r"\s+(?:[a-z]+s|people|police|staff|personnel|children|men|women)\b")


@dataclass
class _Atom:
    """A number before hedges and ranges are attached."""

    start: int
    end: int
    value: float
    unit: str | None
    scaled: bool
    vague: tuple[float, float] | None = None


def _is_year(text: str, atom: _Atom, raw: str, whole: bool) -> bool:
    if whole or atom.unit or atom.scaled or len(raw) != 4 or not raw.isdigit():
        return False
    if not 1800 <= atom.value <= 2099:
        return False
    before = text[max(0, atom.start - 30) : atom.start]
    if _YEAR_CONTEXT.search(before):
        return True
    return not _COUNT_AFTER.match(text, atom.end)


def _is_pronoun_one(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start]
    return bool(_PRONOUN_BEFORE.search(before) or _PRONOUN_AFTER.match(text, end))


#: "the first half", "the other half", "on 3/4", "since 1/2": a part of a period or a date.
_HALF_BEFORE = _lazy(
    r"\b(?:the|first|second|other|latter|former|back|front|top|bottom|upper|lower|opening"
    r"|closing|final|last|1st|2nd)\s+$",
    re.IGNORECASE,
)
_DATE_BEFORE = _lazy(
    r"\b(?:on|since|until|till|before|after|dated|through|(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day)\s+$",
    re.IGNORECASE,
)


def _not_a_fraction(text: str, start: int, raw: str) -> bool:
    if len(raw) == 3 and raw[1] == "/":
        return bool(_DATE_BEFORE.search(text, max(0, start - 12), start))
    if raw.lower() == "half":
        return bool(_HALF_BEFORE.search(text, max(0, start - 10), start))
    return False


def _own_line(text: str, start: int, end: int) -> bool:
    """Share counters and comment counts stand alone on a line of a multi-line page."""
    if "\n" not in text:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t.")


_TRIGGER_WORDS = [
    *NUMBER_WORDS, *SCALES, "dozen", "tens", *FRACTION_WORDS,
    *(w for w in VAGUE if " " not in w), "several", "few", "handful",
]  # fmt: skip
#: Where an amount can be, searched in " " + text.lower(): a digit run, or a number or
#: vague word after a non-letter. Leading with a character class lets the regex engine skip
#: letters in a tight loop instead of trying the pattern at every position.
_TRIGGER_BODY = (
    r"[^a-z](?:(?<=[\d"
    + "".join(VULGAR_FRACTIONS)
    + r"])\d*|("
    + trie_alternation(_TRIGGER_WORDS)
    + r")(?![a-z]))"
)  # a digit or a fraction sign starts a trigger whatever follows it ("½a dozen")
_TRIGGER = _lazy(_TRIGGER_BODY)
_TRIGGER_ANY_CASE = _lazy(_TRIGGER_BODY, re.IGNORECASE)  # when lower() changes lengths
_GAP = 40  # triggers closer than this are scanned as one segment
_AHEAD = 16  # a match starting before a segment's last trigger is decided this soon after it
#: A match starts in its first trigger's whitespace-delimited word ("COVID-19", a URL,
#: "US$5") or, across whitespace, only at one of these words just before it.
_LEAD_WORDS = frozenset(
    [*(m for m in MONTHS if len(m) > 3), *(m.capitalize() for m in MONTHS),
     *LEAD_CURRENCY, "a", "A", "an", "An"]
)  # fmt: skip
_LEAD_PUNCT = ".,"


def _segment_start(text: str, pos: int) -> int:
    """Where a full scan could start a match that reaches the trigger at ``pos``."""
    ws = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos), text.rfind("\t", 0, pos)) + 1
    if ws <= 1:
        return 0
    prev_end = len(text[:ws].rstrip())
    pw = max(text.rfind(" ", 0, prev_end), text.rfind("\n", 0, prev_end),
             text.rfind("\t", 0, prev_end)) + 1  # fmt: skip
    word = text[pw:prev_end].rstrip(_LEAD_PUNCT)
    if word in _LEAD_WORDS or word[-3:] in _LEAD_WORDS:
        return pw
    return ws


def _matches(text: str, low: str) -> list[re.Match[str]]:
    """The matches a full ``_MASTER.finditer(text)`` gives, scanning only near triggers.

    The master regex costs about a microsecond a character; scanning only short segments
    around digits and number words keeps the same leftmost-first result at a fraction.
    """
    out: list[re.Match[str]] = []
    resume = 0
    first = last = -1
    triggers = (
        _TRIGGER.finditer(" " + low)
        if len(low) == len(text)
        else _TRIGGER_ANY_CASE.finditer(" " + text)
    )
    for t in triggers:  # positions in the padded text are one more than in ``text``
        p = t.start() - 1 if t.start(1) < 0 else t.start(1) - 1
        if last >= 0 and p - last <= _GAP:
            last = t.end() - 1
            continue
        if last >= 0:
            resume = _scan_segment(text, first, last, resume, out)
        first, last = p, t.end() - 1
    if last >= 0:
        _scan_segment(text, first, last, resume, out)
    return out


def _scan_segment(text: str, first: int, last: int, resume: int, out: list[re.Match[str]]) -> int:
    pos = max(resume, _segment_start(text, first))
    limit = min(len(text), last + _AHEAD)
    while pos < last:
        m = _MASTER.search(text, pos, limit)
        if m is None or m.start() >= last:
            break
        full = _MASTER.match(text, m.start())
        if full is None:  # the cut at ``limit`` let a match succeed that the full text refuses
            pos = m.start() + 1
            continue
        out.append(full)
        pos = full.end()
    return max(pos, resume)


#: "within an hour", "more than a week", "a month-long strike": "a" is one of a unit of time
#: only after a hedge or before "-long" ("twice a day", "1 million a day" are rates).
#: "a day", "an hour" ... as literals: finding them with ``str.find`` costs next to nothing
#: next to a regex scan of the whole text.
_A_UNIT_WORDS = ("a day", "a week", "a fortnight", "a month", "a year", "a decade", "an hour")
_A_UNIT = _lazy(r"[Aa]n?\s(?P<u>hour|day|week|fortnight|month|year|decade)(?P<long>-long)?\b")


def _a_unit_matches(text: str, low: str) -> list[re.Match[str]]:
    if len(low) != len(text):
        return [m for m in _A_UNIT.finditer(text) if not text[m.start() - 1 : m.start()].isalnum()]
    found: list[re.Match[str]] = []
    for word in _A_UNIT_WORDS:
        i = low.find(word)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                m = _A_UNIT.match(text, i)
                if m is not None:
                    found.append(m)
            i = low.find(word, i + 1)
    return sorted(found, key=lambda m: m.start())


def _a_unit_atoms(text: str, low: str, taken: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    for m in _a_unit_matches(text, low):
        if any(a.start < m.end() and m.start() < a.end for a in taken):
            continue
        q = None if m.group("long") else _hedge_before(text, m.start())[0]
        if m.group("long") or q not in (None, "between"):
            unit, _, factor = follow_unit(text, m.start("u") - 1)
            out.append(_Atom(m.start(), m.end(), factor, unit, False))
    return out


#: "one in five adults", "nearly 1 in 4": a share, read as a percentage of the usual bases.
_RATIO_IN = _lazy(
    r"\s+in\s+(?=(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\b)",
    re.IGNORECASE,
)
_RATIO_BASES = frozenset([2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 100, 1000])


def _join_ratios(text: str, atoms: list[_Atom]) -> list[_Atom]:
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            b is not None
            and a.unit is None
            and b.unit is None
            and a.vague is None
            and b.vague is None
            and b.value in _RATIO_BASES
            and a.value.is_integer()
            and 0 < a.value < b.value
            and text[a.end : b.start].split() == ["in"]
        ):
            out.append(_Atom(a.start, b.end, a.value / b.value * 100, "percent", False))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _atoms(text: str, whole: bool) -> list[_Atom]:
    atoms: list[_Atom] = []
    low = text.lower()  # one lowering for both scans
    for m in _matches(text, low):
        if m.group("skip") is not None:
            continue
        if m.group("vague") is not None:
            lo, hi = vague_range(" ".join(m.group("vague").lower().split()))
            unit, end, factor = follow_unit(text, m.end())
            rng = (lo * factor, hi * factor)
            atoms.append(_Atom(m.start(), end, rng[0], unit, True, rng))
            continue
        atoms.extend(_atoms_from_num(text, m, whole))
    extra = _a_unit_atoms(text, low, atoms)
    if extra:
        atoms = sorted(atoms + extra, key=lambda a: a.start)
    return _join_ratios(text, atoms) if " in " in text else atoms


_NAME_AFTER = _lazy(r" [A-Z][a-z]")


def _atoms_from_num(text: str, m: re.Match[str], whole: bool) -> list[_Atom]:
    cur = m.group("cur")
    glued = m.group("glued")
    glued_unit = None
    if m.group("gunit"):
        if _NAME_AFTER.match(text, m.end("core")):
            return []  # "the 29km Road": part of a name
        if m.group("gunit") in "CF" and not (whole or temperature_context(text, m.start())):
            return []  # "Class 5C", "1F lobby": a label unless the text is about heat
        glued_unit = unit_name(m.group("gunit"))
    elif glued == "m" and not cur:
        # a value on its own ("100m") is the million a claims file means by it
        meaning = "million" if whole else glued_m_unit(text, m.end("core"))
        if meaning is None:
            return []
        if meaning == "meters":
            glued, glued_unit = None, "meters"
    parts = parse_core(text, m.start("core"), m.end("more"))
    if glued_unit and parts:
        s, e, v, sc = parts[0]
        parts = [(s, m.end("core"), v, sc)]
    elif glued and parts:
        s, e, v, _ = parts[0]
        parts[0] = (s, e + len(glued), v * SCALE_SUFFIXES[glued], True)
    if parts and not parts[-1][3]:
        s, e, v, _ = parts[-1]
        sp = _SPACED_SCALE.match(text, e)
        if sp and sp.group("m"):  # "$5 m" is millions; "6 m" without money is metres (below)
            if cur and len(parts) == 1:
                parts[-1] = (s, sp.end(), v * 10**6, True)
        elif sp and (sp.group("w") or any(c in text[s:e] for c in ".,")):
            mult = SCALE_SUFFIXES[sp.group("w")] if sp.group("w") else _CAP_SCALES[sp["cap"]]
            parts[-1] = (s, sp.end(), v * mult, True)
    out: list[_Atom] = []
    for i, (s, e, v, scaled) in enumerate(parts):
        start = m.start() if i == 0 and cur else s
        unit = CURRENCY_SYMBOLS.get(cur.strip()) if i == 0 and cur else glued_unit
        end = e
        raw = text[s:e]
        if glued_unit is None:
            follow, fend, factor = follow_unit(text, e)
            if follow and i == len(parts) - 1 and not unit:
                unit, end, v = follow, fend, v * factor
            elif not unit and not scaled and 0 < v < 1 and raw[-1:].isalpha():
                v, unit, end = fraction_unit(text, e, v)
        atom = _Atom(start, end, v, unit, scaled)
        if _is_year(text, atom, raw, whole):
            continue
        if (
            not whole
            and raw.lower() == "one"
            and not unit
            and _is_pronoun_one(text, s, e)
            and not _RATIO_IN.match(text, e)
        ):
            continue
        if not whole and _not_a_fraction(text, s, raw):
            continue
        if not whole and not unit and _own_line(text, start, end):
            continue
        out.append(atom)
    return out


def _compatible(a: _Atom, b: _Atom) -> bool:
    return a.unit is None or b.unit is None or a.unit == b.unit


def _share(a: _Atom, b: _Atom) -> float:
    """'2.5-3 million', '$1-2bn': the first number borrows the second's scale."""
    if a.scaled or not b.scaled or a.value == 0:
        return a.value
    for mult in (1e12, 1e9, 1e6, 1e3, 100):
        if b.value >= mult and a.value * mult <= b.value and a.value < 1000:
            return a.value * mult
    return a.value


#: "in the next 48 to 72 hours", "for 3 to 4 weeks": a span, whatever verb comes before.
_SPAN_BEFORE = _lazy(r"\b(?:next|past|last|coming|first|within|for)\s+$", re.IGNORECASE)


def _change_context(text: str, pos: int) -> bool:
    if _SPAN_BEFORE.search(text, max(0, pos - 12), pos):
        return False
    return bool(_CHANGE_WORDS.search(text, max(0, pos - 40), pos))


def _make(text: str, start: int, end: int, low: float, high: float, q: Qualifier,
          unit: str | None) -> AmountMention:  # fmt: skip
    return AmountMention(Amount(text[start:end], low, high, q, unit), start, end)


def _assemble(text: str, atoms: list[_Atom]) -> list[AmountMention]:
    out: list[AmountMention] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        q, hstart = _hedge_before(text, a.start)
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        conn = _CONNECT.fullmatch(text, a.end, nxt.start) if nxt else None
        if nxt is not None and conn is not None and a.vague is None and nxt.vague is None:
            word = conn.group(0).strip().lower()
            low = _share(a, nxt)
            ok_pair = (q == "between" and word in ("and", "to", "-", "–", "through")) or (
                q != "between" and word != "and"
            )
            increasing = low < nxt.value and _compatible(a, nxt)
            if word == "or":  # "8 or 9 metres" is a range; "10 bln or 10 tln" two figures
                increasing = increasing and nxt.value <= 3 * low
            moving = word == "to" and _change_context(text, hstart if q else a.start)
            if ok_pair and increasing and not moving:
                # A stated range keeps its two ends whatever hedge leads it: "at least
                # 200-250" is 200 to 250, not "at least 200".
                start = a.start if q in (None, "about") else hstart
                unit = a.unit or nxt.unit
                out.append(_make(text, start, nxt.end, low, nxt.value, "between", unit))
                i += 2
                continue
        if q == "between":
            q, hstart = None, a.start
        if (
            q == "more_than"
            and a.unit in ("years", "months", "weeks", "days", "decades")
            and (text[hstart : a.start].strip().lower() == "over")
            and not _AGE.match(text, a.end)
        ):
            q, hstart = None, a.start
        end = a.end
        after = _AFTER_HEDGE.match(text, a.end)
        or_equal = _OR_EQUAL.match(text, a.end) if q in ("more_than", "less_than") else None
        if q in (None, "about") and after:
            q = (
                "about"  # "100 or so", "100-odd"
                if after.group("so") or after.group("odd")
                else "at_least"
                if (after.group("ge") or after.group("ge2") or after.group("plus"))
                else "at_most"
            )
            end = after.end()
        elif or_equal:  # "more than 5000 or equal to"
            q, end = ("at_least" if q == "more_than" else "at_most"), or_equal.end()
        if a.vague is not None:
            # A vague count is the range it allows ("dozens": 24 to 99); a bound keeps the
            # side it states: "at most a few thousand" is 0 to 5,000, "over hundreds" > 200.
            lo, hi = a.vague
            start = hstart if q else a.start
            if q in _UPPER_BOUND:
                out.append(_make(text, start, end, 0.0, hi, "between", a.unit))
            elif q in _LOWER_BOUND:
                out.append(_make(text, start, end, lo, lo, q, a.unit))
            else:
                out.append(_make(text, start, end, lo, hi, "between", a.unit))
        else:
            out.append(_make(text, hstart if q else a.start, end, a.value, a.value, q or "exact",
                             a.unit))  # fmt: skip
        i += 1
    return _join_bounds(text, out)


def _join_bounds(text: str, found: list[AmountMention]) -> list[AmountMention]:
    """'more than 10 and less than 40', 'at most 100 and at least 20': one two-sided range."""
    out: list[AmountMention] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        units = {a.amount.unit, b.amount.unit} - {None} if b is not None else set()
        if b is not None and len(units) <= 1 and _BOUND_JOIN.fullmatch(text, a.end, b.start):
            qa, qb = a.amount.qualifier, b.amount.qualifier
            bounds = (
                (a.amount.low, b.amount.high)
                if qa in _LOWER_BOUND and qb in _UPPER_BOUND
                else (b.amount.low, a.amount.high)
                if qa in _UPPER_BOUND and qb in _LOWER_BOUND
                else None
            )
            if bounds and bounds[0] < bounds[1]:
                unit = units.pop() if units else None
                out.append(_make(text, a.start, b.end, *bounds, "between", unit))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _mark_restatements(text: str, found: list[AmountMention]) -> list[AmountMention]:
    out: list[AmountMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.amount.unit is not None
            and prev.amount.unit is not None
            and "(" in text[prev.end : m.start]
            and restates(text, (prev.end, prev.amount.unit), (m.start, m.end, m.amount.unit))
        ):
            m = AmountMention(m.amount, m.start, m.end, restatement=True)
        out.append(m)
    return out


def find_amounts(text: str, *, restatements: bool = False) -> list[AmountMention]:
    """Every stated amount in running text, hedges and ranges included in the span.

    A figure restated in brackets in another unit is the same figure: it is left out, or
    with ``restatements=True`` kept and marked (a quote check needs to see it).
    """
    found = _mark_restatements(text, _assemble(text, _atoms(text, whole=False)))
    return found if restatements else [m for m in found if not m.restatement]


@functools.lru_cache(maxsize=32768)  # claims files repeat values and times; results are frozen
def parse_amount(text: str) -> Amount | None:
    """The whole string is one stated value ("about 3,500", "$1.2bn", "2014")."""
    stripped = text.strip().rstrip(".")
    if not stripped:
        return None
    mentions = _assemble(stripped, _atoms(stripped, whole=True))
    if len(mentions) != 1:
        return None
    m = mentions[0]
    if m.start != 0 or stripped[m.end :].strip(" .,;"):
        return None
    return m.amount
