"""One figure in one sentence -> what it counts (subject head, unit, kind), for news of any event.

The reader looks at three places, nearest first, the way an editor reads a figure:

* the noun phrase after it ("12 miners", "8-10 metres of mud", "three dozen buses");
* a cue word attached to it: a participle after ("were killed", "are feared trapped"),
  a verb or noun before ("killing at least 14", "the death toll rose to 121");
* failing both, the nearest cue in its clause.

A figure that counts nothing it can name is no claim: a bare "60" with no noun and no
cue is left out, never filed under a vague "people".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck.extract.measures import (
    Cue,
    Measure,
    cues,
    is_timeless,
    people_noun,
    specific_group,
)
from claimcheck.model import Amount
from claimcheck.recognize.lazyre import compile as _re_compile

_PER_HOUR = _re_compile(r"\s*(?:per|an|a)\s+hour\b|/h\b", re.IGNORECASE)
DURATION_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "minutes"})


@dataclass(frozen=True)
class Reading:
    """What a figure counts, before place and time are added."""

    head: str  # "deaths", "people trapped", "houses damaged", "debris remaining"
    unit: str  # "people", "houses", "meters", "percent", "USD", "days"
    kind: str  # count | level | target | duration
    measure: Measure | None = None
    cumulative: bool = False
    event_bound: bool = False  # holds at the event's date, not the report's
    thing: str | None = None  # the counted thing, for a later figure that leaves it out


_STOP = frozenset(
    [
        "were",
        "was",
        "had",
        "have",
        "has",
        "are",
        "is",
        "be",
        "been",
        "being",
        "in",
        "at",
        "on",
        "from",
        "to",
        "of",
        "and",
        "or",
        "who",
        "that",
        "which",
        "by",
        "for",
        "with",
        "as",
        "after",
        "before",
        "since",
        "than",
        "but",
        "while",
        "when",
        "where",
        "said",
        "say",
        "says",
        "told",
        "according",
        "reported",
        "inside",
        "into",
        "across",
        "near",
        "during",
        "under",
        "over",
        "per",
        "each",
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "their",
        "its",
        "his",
        "her",
        "our",
        "remain",
        "remained",
        "remains",
        "still",
        "also",
    ]
)
_GAP = _re_compile(r"[\s-]*")
_THE_BEFORE = _re_compile(r"\b(?:the|these|those|both)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)
_AND_OR_COMMA = _re_compile(r"\band\b|,")
_AND_ONLY = _re_compile(r"\s+and\s+")
_OWN_FIGURE = _re_compile(
    r"\s+(?:of|at)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|over|"
    r"more\s+than|at\s+least|up\s+to|an\s+estimated)\s+)?[$€£]?\d"
)
"""A cue followed by its own figure ("a population of 120,000", "a toll at 40") names
that figure, not an earlier one the clause also holds."""
_WORD = _re_compile(r"[A-Za-z][A-Za-z'’-]*")
_PLAN = _re_compile(
    r"\b(?:aims?|aimed|aiming|goal|targets?|targeted|targeting|plans?|planned|planning|"
    r"pledged?|promised?|vowed?|wants?|hopes?|expects?|seeks?|intends?|set\s+to|will|"
    r"appeal(?:ed|ing|s)?\s+for|seeking)\b",
    re.IGNORECASE,
)
_REMAINING = _re_compile(r"^\s*(?:of\s+\w+\s+)?(?:still\s+)?(?:left|remain\w*|to\s+go)\b", re.I)
_REMAINING_BEFORE = _re_compile(r"\b(?:remaining|another|last|final)\s+$", re.IGNORECASE)
_VAGUE_OF = _re_compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_DONE_TO_THINGS = (
    r"damaged|destroyed|flattened|razed|flooded|administered|delivered|imported|distributed|"
    r"deployed|set\s+up|opened|used|burned|burnt|affected|lost"
)
"""What happens to counted things, as a participle after them or a verb before them."""
_THING_PARTICIPLE = _re_compile(
    r"\s+(?:(?:that|which)\s+)?(?:(?:were|was|have|had|has|been|being|are|is|reportedly|also|"
    r"now|still|completely|totally|partially|fully|partly)\s+){0,4}"
    r"(?P<p>" + _DONE_TO_THINGS + r"|collapsed|given|shipped|"
    r"submerged|washed\s+away|suffered\s+(?:\w+\s+)?damage|"
    r"(?:without|no)\s+(?:[a-z]+\s+){0,2}(?:power|electricity|service|water|signal|"
    r"communications?))\b",
    re.IGNORECASE,
)


def _state(phrase: str) -> str:
    """What happened to counted things, in one wording: "suffered damage" -> "damaged",
    "have no electricity" -> "without electricity"."""
    words = phrase.lower().split()
    if words[0] == "suffered":
        return "damaged"
    if words[0] == "lost":
        return "destroyed"  # "we have lost 212 structures" is the count others call destroyed
    if words[0] == "no":
        words[0] = "without"
    return " ".join(words)


_THING_VERB = _re_compile(
    r"\b(?P<p>" + _DONE_TO_THINGS + r")\s+(?:(?:more\s+than|"
    r"over|about|around|nearly|almost|some|at\s+least|up\s+to|an\s+estimated|roughly|only)\s+)*$",
    re.IGNORECASE,
)
"""A verb acting on the counted things: "damaged 3,200 houses", "administered 2 million"."""
_DOSE = _re_compile(r"^(?:doses?|shots?|jabs?|vaccinations?|vaccines?)$", re.IGNORECASE)
_FULLY = _re_compile(
    r"\b(?:fully|completely|both\s+(?:doses|shots|jabs)|two\s+(?:doses|shots|jabs)|"
    r"second\s+(?:dose|shot|jab)|double)\b",
    re.IGNORECASE,
)
_FIRST_DOSE = _re_compile(
    r"\b(?:at\s+least\s+one|first\s+dose|one\s+dose|single\s+dose|partially|first\s+shot)\b", re.I
)


def _words_after(text: str, pos: int, limit: int = 4) -> list[re.Match[str]]:
    """Words right after ``pos`` up to punctuation or a function word."""
    out: list[re.Match[str]] = []
    i = pos
    while len(out) < limit:
        gap = _GAP.match(text, i)
        j = gap.end() if gap else i
        if j >= len(text) or not text[j].isalpha():
            break
        m = _WORD.match(text, j)
        if m is None:
            break
        if m.group(0).lower() in _STOP:
            break
        out.append(m)
        i = m.end()
    return out


def noun_after(text: str, end: int, amount: Amount) -> tuple[str, int] | None:
    """The head noun counted by the figure ending at ``end`` and where its phrase ends."""
    pos = end
    modifier = _MODIFIER_RUN.match(text, pos)
    if modifier is not None:
        pos = modifier.end()
    vague_of = _VAGUE_OF.match(text, pos)
    if vague_of and (amount.qualifier == "between" or amount.text.lower().endswith(("s", "dozen"))):
        pos = vague_of.end()
    words = _words_after(text, pos)
    if not words:
        return None
    # Head: the last word of the run that looks like a plural or a known noun.
    head = None
    for w in words:
        word = w.group(0)
        low = word.lower()
        if word.endswith(("'s", "’s")):
            break  # "Thousands of Darfur's residents": the owner, not the head
        if low.endswith(("ing",)) and head is not None:
            break
        if word[:1].isupper() and head is not None:
            break
        if word.isupper() and len(word) > 1 and w is not words[-1]:
            continue  # "US troops", "UN staff": an acronym names whose, not what
        if low.endswith("s") or people_noun(low) or specific_group(low) or low in _MASS:
            head = w
        elif head is not None:
            break
    if head is None:
        return None
    return head.group(0), head.end()


_MASS = frozenset(
    [
        "debris",
        "rubble",
        "people",
        "police",
        "personnel",
        "staff",
        "livestock",
        "cattle",
        "equipment",
        "aid",
        "food",
        "water",
        "farmland",
        "cropland",
    ]
)


def _best_cue(
    text: str, start: int, end: int, np_end: int, lo: int, hi: int, skip: tuple[str, ...] = ()
) -> Cue | None:
    """The cue that belongs to this figure: attached beats near, near beats far."""
    found = [c for c in cues(text, lo, hi) if c.measure.name not in skip]
    if not found:
        return None

    def rank(c: Cue) -> tuple[int, int]:
        if start <= c.start and c.end <= np_end:  # inside the noun phrase: "41 trapped workers"
            return (0, 0)
        if c.start >= np_end:
            between = text[np_end : c.start]
            joined = re.fullmatch(
                r"[\s,]*(?:(?:who|that|were|was|have|has|had|been|are|is|being|be|feared|"
                r"believed|reported|reportedly|thought|said|to|still|also|later|now|already|"
                r"confirmed|officially|either|all|remain|remained|of\s+them|in\s+all|"
                r"in\s+total|so\s+far)[\s,]+)*",
                between,
                re.IGNORECASE,
            )
            if joined:
                return (1, c.start - np_end)
            if _blocks(between) or _OWN_FIGURE.match(text, c.end):
                return (5, c.start - np_end)  # the cue belongs to the figure in between
            if _AND_OR_COMMA.search(between):
                return (4, c.start - np_end)
            return (3, c.start - np_end)
        before = text[c.end : start]
        if re.fullmatch(
            r"[\s,]*(?:(?:rose|rising|risen|climbed|reached|stood|stands|was|is|at|to|of|hit|"
            r"jumped|increased|grew|more|than|over|by|nearly|almost|about|around|some|least|"
            r"at\s+least|up|the|a|an|another|further|additional|had|has|have|been|now|"
            r"further|leaving|left|with|totall?ing|numbering)[\s,]+)*",
            before,
            re.IGNORECASE,
        ):
            return (1, start - c.end)
        if _AND_OR_COMMA.search(before):
            return (4, start - c.end)
        return (2, start - c.end)

    best = min(found, key=rank)
    if rank(best)[0] == 5:
        return None
    after_and = [c for c in found if c.start > best.end
                 and _AND_ONLY.fullmatch(text, best.end, c.start)]  # fmt: skip
    if (
        best.measure.name == "injured"
        and after_and
        and after_and[0].measure.name == ("people hospitalised")
    ):
        return after_and[0]  # "were hurt and hospitalised": the narrower count
    if rank(best)[0] >= 4 and rank(best)[1] > 90:
        return None
    return best


def read_figure(
    text: str,
    amount: Amount,
    start: int,
    end: int,
    lo: int,
    hi: int,
    elided: str | None = None,
    lead_in: Callable[[], str] = str,
) -> Reading | None:
    """What the figure ``text[start:end]`` counts, reading inside its clause ``text[lo:hi]``;
    ``elided``: the thing an earlier figure of the sentence counted ("2,100 homes have no
    power, while 640 are without water"); ``lead_in``: the article before the sentence, for a figure
    that points back at it ("the exact figure as N")."""
    unit = amount.unit
    if unit is None and _is_magnitude(text, start, end):
        shock = _SHOCK_AFTER.match(text, end)  # an aftershock's size is another quantity
        head = f"{shock['s'].lower().rstrip('s')} magnitude" if shock else "earthquake magnitude"
        return Reading(head, "magnitude", "level", event_bound=True)
    if unit == "percent":
        return _share(text, start, end, lo, hi)
    if unit in DURATION_UNITS:
        return _duration(text, amount, start, end, lo, hi)
    dimension = _dimension(unit) if unit else None
    if unit and (dimension == "speed" or _PER_HOUR.match(text, end)):
        return _speed(text, unit if dimension == "speed" else f"{unit}/h", lo, hi)
    if dimension == "temperature":
        if re.search(r"(?:\bminus\s+|[-−–])$", text[max(0, start - 6) : start], re.I):
            return None  # below zero: the recognizer reads the digits, not the sign
        return Reading("temperature", str(unit), "level")
    if unit and dimension is not None:
        return _physical(text, unit, start, end, lo, hi)
    if unit:
        return _money(text, unit, start, end, lo, hi)
    if amount.high <= 1:
        return None  # "at least one dose", "a third": no count to check
    if is_age(text, start, end) or _ATTRIBUTE_AFTER.match(text, end):
        return None
    found = noun_after(text, end, amount)
    if (
        found is None
        and amount.text.isdigit()
        and (
            (
                _NAME_BEFORE.search(text, max(0, start - 30), start)
                and not _title_case_before(text, start)
            )
            or _NUMBERED_BEFORE.search(text, max(0, start - 12), start)
        )
    ):
        return None  # "the Boeing 737 had 62 people aboard", "flight 101": part of a name
    noun, np_end = found if found else (None, end)
    unit_word = _unit_word(noun) if noun is not None else None
    if unit_word is not None:
        if unit_word in DURATION_UNITS:
            return _duration(text, amount, start, np_end, lo, hi, unit_word)
        return _physical(text, unit_word, start, np_end, lo, hi)
    if noun is not None and is_timeless(noun):
        return None
    plan = _PLAN.search(text, lo, start) is not None
    named = _noun_measure(noun) if noun is not None else None
    if named is not None:
        # "122 deaths", "300 injuries", "5,000 evacuees": the noun is the measure itself.
        kind = "target" if plan else "count"
        return Reading(_parted(named.name, text, start, end), "people", kind, named,
                       named.cumulative, named.timing == "event")  # fmt: skip
    if noun is not None and not people_noun(noun) and not specific_group(noun):
        return _thing(text, amount, start, noun, np_end, plan)
    if (
        noun is None
        and amount.high <= 3
        and amount.text.isalpha()
        and _THE_BEFORE.search(text, max(0, start - 20), start)
    ):
        return None  # "the prescribed two": a reference back, nothing counted
    cue = _best_cue(text, start, end, np_end, lo, hi)
    if cue is None and noun is None:
        before = _NAMED_BEFORE.search(text, max(lo, start - 90), start)
        if before is not None:
            return _thing(text, amount, start, before["n"], before.end("n"), plan)
        if elided is not None and _THING_PARTICIPLE.match(text, end):
            return _thing(text, amount, start, elided, end, plan)
        cue = list_head(text, start) or referred_back(text, start, lead_in)
    if cue is None:
        return None
    m = _permitted(text, cue, start, end, lo, hi)
    group = specific_group(noun) if noun else None
    head = m.name if group is None else m.of_group(group)
    head = _parted(head, text, start, end)
    kind = "target" if plan else "count"
    unit = group if group in ("families", "households") else "people"
    return Reading(head, unit, kind, m, m.cumulative, m.timing == "event")


_ATTRIBUTE_AFTER = _re_compile(
    r"-(?!strong\b|odd\b|plus\b|some\b)[a-z]+(?:-[a-z]+)*(?=\s+[a-z])", re.IGNORECASE
)
"""A figure hyphened to a word before a noun is what the noun is like, not how many there
are: "a 5-storey hotel", "two 12-tonne trucks" ("a 5,000-strong crowd" does count)."""
_MODIFIER_RUN = _re_compile(
    r"\s+\d[\d.,]*-(?!strong\b|odd\b|plus\b|some\b)[a-z]+(?:-[a-z]+)*(?=\s+[a-z])",
    re.IGNORECASE,
)
"""Such a modifier between a count and its noun: "40 [12-tonne] trucks"."""

_AGE_AFTER = _re_compile(
    r"\s*(?:-|\s)?(?:(?:or|and)\s+(?:over|older|above|up(?:wards)?|under|younger|below)|"
    r"years?[\s-]+old|-year-old|-year-olds|\+?\s*age)\b",
    re.IGNORECASE,
)


_MAGNITUDE_BEFORE = _re_compile(
    r"(?:\b(?i:magnitude)(?:\s+(?i:of|at|was|is|to))?[\s-]*|\bM[wL]?\s?)$"  # "M" upper only
)
_MAGNITUDE_AFTER = _re_compile(
    r"[\s-]*(?:magnitude\b|on\s+the\s+(?:Richter|moment[\s-]magnitude)\s+scale)", re.IGNORECASE
)


_SHOCK_AFTER = _re_compile(
    r"[\s-]*(?:magnitude\s+)?(?:[a-z]+\s+)?(?P<s>aftershocks?|foreshocks?|tremors?)\b", re.I
)


_NAME_BEFORE = _re_compile(r"(?<![^\s(\"“])(?!(?:" + "|".join(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
     "Sept", "Oct", "Nov", "Dec", "About", "Some", "Nearly", "Almost", "Around", "Over", "Only",
     "In", "At", "On", "By", "Of", "For", "And", "But", "The", "All", "Another", "Just")
) + r")\b)[A-Z][A-Za-z]+ $")  # fmt: skip
"""A capitalised word inside a sentence right before a bare number: a model or a route."""
_NUMBERED_BEFORE = _re_compile(
    r"\b(?:flight|route|highway|motorway|bus|train|platform|gate|line|number|no\.|room|ward|"
    r"block|sector|zone|camp|terminal|pier|berth|shaft)\s+$",
    re.IGNORECASE,
)


def _title_case_before(text: str, start: int) -> bool:
    """A headline in title case ("Death Toll Climbs To 116") capitalises every word."""
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 60) : start])
    return len(words) >= 3 and all(w[0].isupper() for w in words[-3:])


def _is_magnitude(text: str, start: int, end: int) -> bool:
    """ "a magnitude 7.4 quake", "a 6.8-magnitude quake", "M6.2", "7.1 on the Richter scale":
    a quake's size (agencies often disagree on it), never a count of what it did."""
    if _MAGNITUDE_AFTER.match(text, end):
        return True
    return _MAGNITUDE_BEFORE.search(text[max(0, start - 20) : start]) is not None


def is_age(text: str, start: int, end: int) -> bool:
    """ "aged 65 or over", "those under 64", "a 7-year-old": an age, not a count."""
    if _AGE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 25) : start]
    if re.match(r"(?:under|over|below|above)\s", text[start:end], re.I) and re.search(
        r"\b(?:those|people|anyone|adults|aged?|residents|citizens)\s+$", before, re.I
    ):
        return True  # the hedge is part of the figure: "those [under 64]"
    return bool(re.search(r"\baged?\s+(?:between\s+)?$|\bages\s+(?:of\s+)?$", before, re.I)) or (
        bool(re.search(r"\b(?:those|people|anyone|adults)\s+(?:under|over|below|above)\s+$",
                       before, re.I))
    )  # fmt: skip


_NAMED_BEFORE = _re_compile(
    r"\b(?:number|total|tally|count|figure)\s+of\s+(?:[\w-]+\s+){0,3}?(?P<n>[a-z]+s)\b"
    r"(?:\s+[a-z]+ed)?[^.;]{0,40}?\b(?:reached|stood\s+at|was|is|hit|rose\s+to|climbed\s+to|"
    r"came\s+to|totall?ed|numbered|at)\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
"""The thing counted, named before the figure: "the total of doses given reached N"."""


_MEASURE_NOUNS = {
    "deaths": "deaths", "fatalities": "deaths", "dead": "deaths", "bodies": "deaths",
    "casualties": "deaths", "victims": "deaths", "injuries": "injured", "injured": "injured",
    "wounded": "injured", "evacuees": "people evacuated", "refugees": "people displaced",
    "arrests": "people detained", "detainees": "people detained",
    "admissions": "people hospitalised", "hospitalisations": "people hospitalised",
    "hospitalizations": "people hospitalised",
}  # fmt: skip


def _noun_measure(noun: str) -> Measure | None:
    from claimcheck.extract.measures import MEASURES

    name = _MEASURE_NOUNS.get(noun.lower())
    return MEASURES[name] if name else None


def _parted(head: str, text: str, start: int, end: int) -> str:
    # "Five of them died", "another 28", "six died overnight": a part of a larger toll,
    # whichever way it is put, and one quantity across outlets.
    part = part_of_whole(text, start, end)
    if part == "more" and _INCREMENT.search(text, max(0, start - 25), start):
        # "43 dead and another 125 missing": another kind of count, not more of the same
        before = {c.measure.name for c in cues(text, 0, start)}
        if before and head not in before:
            part = None
    return f"{head} (part of a larger figure)" if part else head


_ANOTHER_FIGURE = _re_compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds|"
    r"thousands|millions)\b",
    re.IGNORECASE,
)


_AGE_SPAN = _re_compile(
    r"\b(?:aged?\s+)?\d+\s*(?:and|or)\s+(?:over|older|above|under|younger)\b|\([^)]*\)",
    re.IGNORECASE,
)


def _blocks(between: str) -> bool:
    """Another figure with its own clause between a figure and a cue ("14 killed and 60
    injured"): the cue is that figure's. Ages and bracketed asides do not count."""
    rest = _AGE_SPAN.sub(" ", between)
    return bool(_ANOTHER_FIGURE.search(rest) and re.search(r"\band\b|,|\bwhile\b", rest))


_REFERS_BACK = _re_compile(
    r"\b(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:figure|number|total|tally|count)"
    r"\s+(?:as|at|to|of|was|is|stood\s+at|rose\s+to|reached|now\s+at)?\s*$",
    re.IGNORECASE,
)


def referred_back(text: str, start: int, lead_in: Callable[[], str] = str) -> Cue | None:
    """ "... gave the exact figure as N", "the number is now N": the figure names no
    measure of its own but points back at the one the story was just counting, in its
    own sentence or the article's text before it (``lead_in``)."""
    if _REFERS_BACK.search(text, max(0, start - 60), start) is None:
        return None
    found = cues(text, max(0, start - 400), start)
    if not found:
        before = lead_in()
        found = cues(before, 0, len(before))
    return found[-1] if found else None


def list_head(text: str, start: int, reach: int = 300) -> Cue | None:
    """The measure a list of bare figures shares, named once before them: "Deaths (by
    region): 12 in Aceh, 9 in Riau", "deaths rose to 140"."""
    before = cues(text, max(0, start - reach), start)
    if not before:
        return None
    last = before[-1]
    if re.search(r"[.!?]\s", text[last.end : start]):
        return None
    return last


def _permitted(text: str, cue: Cue, start: int, end: int, lo: int, hi: int) -> Measure:
    """A crowd that was allowed, approved or planned for is the permitted size, not the
    turnout: the permit word decides wherever it sits in the clause."""
    if cue.measure.name != "crowd":
        return cue.measure
    here = cue.start
    for other in cues(text, lo, hi):
        if other.measure.name == "permitted crowd" and _nearer(other.start, here, start, end):
            return other.measure
    return cue.measure


def _nearer(a: int, b: int, start: int, end: int) -> bool:
    """Is position ``a`` nearer the figure ``[start, end)`` than ``b``?"""

    def gap(p: int) -> int:
        return p - end if p >= end else start - p

    return gap(a) < gap(b)


_PART_OF = _re_compile(
    r"\s+(?:of\s+(?:them|those|whom|the\s+(?:[\d,.]+\s+)?(?:dead|victims|injured|wounded|"
    r"deaths|cases|casualties|fatalities|infections|total|toll)))\b",
    re.IGNORECASE,
)
_OF_THE_WHOLE_BEFORE = _re_compile(
    r"(?:^|[.;:]\s*)\W*(?:of|among)\s+(?:the|these|those|this)\s+(?:[\w,.-]+\s+){0,3}?"
    r"[\w-]+,\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
"""'Of the 412 deaths, [210] were children': a part of the whole the sentence opened with."""
_DIED_LATER = _re_compile(
    r"\s+(?:(?:more|other|of\s+the\s+\w+)\s+)?(?:\w+\s+)?(?:died|succumbed)\s+(?:\w+\s+)?"
    r"(?:overnight|later|since|subsequently|on\s+the\s+way|after\s+being|in\s+hospital)\b",
    re.IGNORECASE,
)
""""four more died overnight in hospital": added to an earlier toll, not a toll."""
_MORE_AFTER = _re_compile(
    r"\s+(?:(?:more|fewer|less)\s+than\b|"  # "300 more than last week": a difference
    r"(?:more|new|additional|further|fresh)\s+(?:[a-z]+\s+)?"
    r"(?:deaths?|bodies|victims|dead|cases|casualties|fatalities|people|persons|survivors|"
    r"injur\w*|arrests|evacuees|[a-z]+s)\b)",
    re.IGNORECASE,
)
""""seven more bodies", "12 new deaths": added to a figure given before, not the figure."""
_INCREMENT = _re_compile(r"\b(?:another|a\s+further|an\s+additional|additional|further)\s+$",
                        re.IGNORECASE)  # fmt: skip


def part_of_whole(text: str, start: int, end: int) -> str | None:
    """ "Five of them died", "another 28": a part of, or an addition to, a figure already
    given. Kept, but as its own quantity, never against the whole."""
    if _PART_OF.match(text, end) or _OF_THE_WHOLE_BEFORE.search(text, max(0, start - 80), start):
        return "part"
    if _DIED_LATER.match(text, end):
        return "more"
    if _INCREMENT.search(text, max(0, start - 25), start) or _MORE_AFTER.match(text, end):
        return "more"
    return None


def _thing(
    text: str, amount: Amount, start: int, noun: str, np_end: int, plan: bool
) -> Reading | None:
    """Counted things: "30 buses", "5,000 houses damaged", "2 million jabs a week"."""
    low = noun.lower()
    part = _THING_PARTICIPLE.match(text, np_end) or _THING_VERB.search(text, max(0, start - 30),
                                                                        start)  # fmt: skip
    if part is None and amount.high < 5 and amount.text[:1].isalpha():
        return None  # "the two sides", "three rounds of talks": not a figure to check
    if (
        part is None
        and amount.qualifier == "between"
        and amount.low != amount.high
        and (amount.text[:1].isalpha())
    ):
        return None  # "several media reports", "hundreds of cars": scenery, not a count
    head = low
    if part:
        head = f"{low} {_state(part['p'])}"
    elif _DOSE.match(low):
        head = "vaccine doses"
        if re.match(r"\s+(?:a|per)\s+day\b", text[np_end : np_end + 10], re.IGNORECASE):
            head = "vaccine doses per day"
    kind = "target" if plan else "count"
    return Reading(head, low if not head.startswith("vaccine") else "doses", kind,
                   cumulative=part is not None or head == "vaccine doses", thing=low)  # fmt: skip


_OF_GROUP = _re_compile(
    r"\s*(?:of\s+)(?:the\s+|all\s+|its\s+|their\s+)?(?:[\d,.]+\s+)?"
    r"(?P<g>(?:[A-Za-z][\w'’-]*\s+){0,2}?"
    r"(?:population|people|residents|adults|elderly|citizens|voters|children|households|"
    r"seniors|those|people\s+aged|homes|respondents|doses|vaccines|[a-z]+s))\b",
    re.IGNORECASE,
)


def _share(text: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """A percentage: the share of a group that something is true of."""
    vote = _vote_share(text, start, end, lo, hi)
    if vote is not None:
        return vote if vote is not _UNNAMED_VOTE else None
    m = _OF_GROUP.match(text, end)
    group = m["g"].lower().split()[-1] if m else None
    # "N% of the population": the population is the whole, not what is true of it.
    # Turnout is read by the movement reader ("Turnout was 67 percent").
    # Nor is a deployment a share: "troops deployed ... over a third of the country".
    skip = ("population", "crowd", "permitted crowd", "people deployed")
    cue = _best_cue(text, start, end, m.end() if m else end, lo, hi, skip=skip)
    if cue is None and group is None:
        return None
    what = _share_what(cue, text[lo:hi]) if cue else ""
    parts = ["share"]
    if group and group not in ("people", "population", "those"):
        parts.append(f"of {group}")
    if what:
        parts.append(what)
    if len(parts) == 1:
        return None
    return Reading(" ".join(parts), "percent", "level", cue.measure if cue else None)


_TURNOUT_BEFORE = _re_compile(r"\bturnout\b[^.;:%]{0,60}$", re.IGNORECASE)
_TURNOUT_PART = _re_compile(
    r"turnout\s+(?P<p>among|of|for)\s+(?P<g>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+"
    r"(?:was|were|is|are|stood|reached|hit|at|rose|fell|came|climbed|dropped)\b",
    re.IGNORECASE,
)
_OF_THE_VOTE = _re_compile(
    r"\s+of\s+(?:the\s+|all\s+)?(?:valid\s+|popular\s+|total\s+|first[-\s]round\s+)?"
    r"(?:votes?|ballots)(?:\s+cast)?\b",
    re.IGNORECASE,
)
_NAME = r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
_WINNER_BEFORE = _re_compile(
    _NAME + r",?\s+(?:(?:has|had|have|was|is|also|only|narrowly)\s+)?"
    r"(?:won|took|got|gets|received|secured|garnered|polled|claimed|captured|had|has|with)\s+"
    r"(?:[a-z]+\s+){0,3}$"
)
_FOR_NAME_AFTER = _re_compile(r"\s+(?:for|to)\s+(?:the\s+)?(?:[a-z’']+\s+|[A-Z]\w*['’]s\s+){0,4}?"
                              + _NAME)  # fmt: skip
_VOTING = _re_compile(r"\b(?:votes?|voted|voting|ballots?|elections?|polls?|electoral)\b", re.I)


def _vote_share(text: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """Turnout, and a candidate's share of the vote ("Faye won 54% of the vote", "against
    35.8% for Ba"): one quantity per candidate, named by surname as outlets vary first
    names. A share of the vote whose candidate is not named is ``_UNNAMED_VOTE``, left
    out: two unnamed shares of one election are different quantities and must never
    meet. None: not a vote share."""
    turnout = _TURNOUT_BEFORE.search(text, max(lo, start - 70), start)
    if turnout is not None and not _OF_GROUP.match(text, end):
        part = _TURNOUT_PART.match(turnout.group(0))
        if part is not None:  # "turnout among young voters": a part, its own quantity
            return Reading(f"turnout {part['p'].lower()} {part['g'].lower()}", "percent", "level",
                           event_bound=True)  # fmt: skip
        if re.match(r"turnout\s+(?:among|of|for)\s", turnout.group(0), re.I):
            return _UNNAMED_VOTE
        return Reading("turnout", "percent", "level", event_bound=True)
    of_vote = _OF_THE_VOTE.match(text, end)
    if of_vote is None and not _VOTING.search(text, lo, hi):
        return None
    winner = _WINNER_BEFORE.search(text, max(lo, start - 80), start)
    after = _FOR_NAME_AFTER.match(text, of_vote.end() if of_vote else end)
    named = after if after is not None and not (winner and of_vote) else winner
    if named is not None:
        from claimcheck.recognize.places import country_of

        if country_of(named["name"]) is not None:
            named = None  # "the ruling bloc in Chile won 41%": a place, not a candidate
    if named is None:
        return _UNNAMED_VOTE if of_vote is not None else None
    return Reading(f"vote share of {named['name'].split()[-1]}", "percent", "level",
                   event_bound=True)  # fmt: skip


_UNNAMED_VOTE = Reading("vote share", "percent", "level")


def _share_what(cue: Cue, clause: str) -> str:
    """What the share is of: "fully vaccinated" and "with a first dose" are two shares."""
    if cue.measure.name == "people vaccinated":
        if _FULLY.search(clause):
            return "fully vaccinated"
        if _FIRST_DOSE.search(clause):
            return "with a first dose"
    return cue.measure.name.replace("people ", "")


def share_from_before(previous: str) -> Reading | None:
    """A bare rate that continues the sentence before ("The share fully vaccinated rose
    again. The capital stands at 61.5 percent."): the measure that sentence ended on."""
    cue = list_head(previous, len(previous), reach=len(previous))
    if cue is None or cue.measure.name == "population":
        return None
    return Reading(f"share {_share_what(cue, previous)}", "percent", "level", cue.measure)


def _duration(
    text: str, amount: Amount, start: int, end: int, lo: int, hi: int, unit: str | None = None
) -> Reading | None:
    """A length of time: "a 10-month blockade", "trapped for 13 days", "after 17 days"."""
    before = text[max(lo, start - 30) : start]
    after = text[end : min(hi, end + 60)]
    if re.match(r"^\s*(?:ago|later|earlier|old|from\s+now)\b", after, re.I):
        return None
    if re.search(r"\b(?:next|coming|past|last|first|previous|recent)\s+$", before, re.I):
        return None
    noun = re.match(
        r"^[\s-]*(?:long\s+|old\s+)?(?:(?:military|full|total|partial|nationwide|naval|"
        r"economic|armed|brutal|bloody|deadly|ongoing|near|complete)\s+)?(?P<n>[a-z]{4,})\b",
        after,
    )
    if noun and "-" in text[start : end + 2] and noun["n"] not in _NOT_EVENTS:
        return Reading(f"{noun['n'].lower()} duration", unit or amount.unit or "days", "duration")
    cue = _best_cue(text, start, end, end, lo, hi)
    near = cue is not None and (abs(cue.start - end) < 25 or abs(start - cue.end) < 25)
    if cue is not None and near and cue.measure.name in ("people trapped", "people missing"):
        return Reading(
            f"time {cue.measure.name.split()[-1]}", unit or amount.unit or "days", "duration"
        )
    return None


_NOT_EVENTS = frozenset({"period", "time", "ago", "later", "after", "before", "more", "from",
                         "with", "that", "this", "which", "when"})  # fmt: skip


def _physical(text: str, unit: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """A distance, speed, area or weight, named by the noun it measures."""
    bracket = _BRACKETED.match(text, end, hi)  # "80 km (50 miles) south of": read past it
    attributive = "-" in text[start:end] or _DETERMINER_BEFORE.search(
        text, max(0, start - 7), start
    )
    if "-" in text[start:end] and _COUNT_BEFORE.search(text, max(0, start - 12), start):
        return None  # "25 8-tonne diggers": what each is like, counted by the 25
    end = bracket.end() if bracket is not None else end
    after = text[end : min(hi, end + 60)]
    of = re.match(r"^\s+of\s+(?:the\s+)?(?P<n>[a-z]{3,})\b", after, re.I)
    # Attributive: "the 30-metre section", "the 3.2 km Nadi bridge", "a 15 or 20 metre
    # stretch of rubble": the noun the length describes follows, past any names.
    hyph = re.match(r"^[\s-]*(?:long\s+|deep\s+|wide\s+|high\s+)?(?:[A-Z][\w-]*\s+){0,2}"
                    r"(?P<n>[a-z]{3,})\b", after) if attributive else None  # fmt: skip
    noun = of["n"] if of else None
    if noun is None and hyph:
        noun = hyph["n"]
    if noun is None:
        return _distance(text, unit, start, end, lo, hi)
    head = noun.lower()
    if of is None and head not in _CONTAINERS and hyph is not None:
        dim = _dimension(unit) or "length"
        head = f"{head} {dim}"
    found = of or hyph
    phrase_end = end + found.end() if found is not None else end
    if head in _CONTAINERS:
        inner = re.match(r"\s+of\s+(?:the\s+)?(?P<n>[a-z]{3,})\b", text[phrase_end:], re.I)
        if inner:
            head = inner["n"].lower()
    rest = text[phrase_end : phrase_end + 40]
    if _REMAINING.match(rest) or _REMAINING_BEFORE.search(text[max(lo, start - 20) : start]) or (
        re.search(r"\b(?:remain\w*|left|still)\b", text[max(lo, start - 40) : min(hi, end + 50)],
                  re.I)
    ):  # fmt: skip
        head += " remaining"
    return Reading(head, unit, "level")


_DIMENSION = _re_compile(r"\s*(?P<d>deep|long|high|wide|tall|thick|away|down|up|back|forward)\b",
                        re.IGNORECASE)  # fmt: skip
_MOVE_BEFORE = _re_compile(
    r"\b(?P<v>pulled|pulling|pushed|pushing|hauled|hauling|moved|moving|advanced|advancing|"
    r"drilled|drilling|bored|boring|dug|digging|travel(?:l)?ed|walked|flowed|rose|fell|"
    r"penetrated|reached|covered|cleared)\b[^.;,]{0,30}$",
    re.IGNORECASE,
)
_DIMENSION_NOUN = {"deep": "depth", "long": "length", "high": "height", "tall": "height",
                   "wide": "width", "thick": "thickness"}  # fmt: skip


def _dimension(unit: str) -> str | None:
    """What a unit the recognizer names measures (length, area, speed, mass...); None for
    every other unit a figure carries: a currency (durations and percent come first)."""
    from claimcheck.recognize.lexicon import UNIT_DIMENSIONS

    return UNIT_DIMENSIONS.get(unit)


def _unit_word(noun: str) -> str | None:
    """A unit written as the counted noun ("12 metres", when the recognizer left it out),
    in the recognizer's names; never a unit whose figure must be scaled ("decades")."""
    from claimcheck.recognize.lexicon import DURATION_FACTORS
    from claimcheck.recognize.units import unit_name

    if len(noun) < 3 or noun.lower() in DURATION_FACTORS:
        return None
    return unit_name(noun)


def _speed(text: str, unit: str, lo: int, hi: int) -> Reading:
    """A speed: storms give wind speeds, sustained and in gusts (two quantities)."""
    clause = text[lo:hi].lower()
    # A storm's winds are a fact of the storm: they hold when it struck.
    if "gust" in clause:
        return Reading("wind gusts", unit, "level", event_bound=True)
    if "wind" in clause:
        return Reading("sustained winds", unit, "level", event_bound=True)
    return Reading("speed", unit, "level")


def _distance(text: str, unit: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """A length with no thing after it: how far something moved, what is left, how deep."""
    after = text[end : min(hi, end + 40)]
    if re.match(r"\s*(?:still\s+)?(?:remain\w*|left|to\s+go|more)\b", after, re.I):
        return Reading("distance remaining", unit, "level")
    moved = _MOVE_BEFORE.search(text, max(lo, start - 40), start)
    if moved is not None:
        return Reading(f"distance {moved['v'].lower()}", unit, "level")
    dim = _DIMENSION.match(after)
    if dim is not None and dim["d"].lower() in _DIMENSION_NOUN:
        return Reading(_DIMENSION_NOUN[dim["d"].lower()], unit, "level")
    if re.match(r"\s*(?:from|away|to\s+the)\b", after, re.I) or _COMPASS_OF.match(after):
        # Distances from different places are different quantities: name the place.
        origin = _DISTANCE_FROM.match(after)
        head = f"distance from {origin['p']}" if origin else "distance"
        return Reading(head, unit, "level")
    if _dimension(unit) == "area":
        spread = _SPREAD_BEFORE.search(text, max(lo, start - 40), start)
        if spread is not None:
            verb = _SPREAD_VERBS.get(spread["v"].lower()) or _spread_of(text[lo:hi])
            return Reading(f"area {verb}", unit, "level")
    return None


_DISTANCE_FROM = _re_compile(
    r"\s*(?:away\s+)?(?:to\s+the\s+)?(?:(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)"
    r"(?:ward|erly|ern)?\s+)?(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|port|province|region|district)\s+of\s+)?"
    r"(?P<p>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|de|la))*(?:\s+(?:border|frontier|coast))?|"
    r"capital|city|coast|border|epicent(?:re|er))"
)
"""Where a distance is measured from: "80 km south of the capital", "12 km from Goma"."""
_COMPASS_OF = _re_compile(
    r"\s*(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ward|erly|ern)?\s+of\b",
    re.IGNORECASE,
)
_SPREAD_BEFORE = _re_compile(
    r"\b(?P<v>burn(?:ed|t|ing|s)?|scorch(?:ed|ing|es)?|char(?:red|ring)|blacken(?:ed|ing)|"
    r"consum(?:ed|ing)|flood(?:ed|ing|s)?|submerg(?:ed|ing)|inundat(?:ed|ing)|ravag(?:ed|ing)|"
    r"destroy(?:ed|ing)|spread(?:\s+(?:over|across|to))?|cover(?:ed|ing|s)?|grow(?:n|s)?|grew|"
    r"expand(?:ed|s)?|engulf(?:ed|ing)?)\b[^.;,]{0,25}$",
    re.IGNORECASE,
)
"""What a fire or flood did to land: "the blaze has scorched 12,000 hectares"."""
_SPREAD_VERBS = {
    **dict.fromkeys(("burn", "burned", "burnt", "burning", "burns", "scorch", "scorched",
                     "scorching", "scorches", "charred", "charring", "blackened", "blackening",
                     "consumed", "consuming", "ravaged", "ravaging"), "burned"),
    **dict.fromkeys(("flood", "flooded", "flooding", "floods", "submerged", "submerging",
                     "inundated", "inundating"), "flooded"),
    **dict.fromkeys(("destroyed", "destroying"), "destroyed"),
}  # fmt: skip


_FIRE = _re_compile(r"\b(?:fires?|wildfires?|bushfires?|blazes?|flames|burn\w*)\b", re.IGNORECASE)
_FLOOD = _re_compile(r"\b(?:floods?\w*|waters?|inundat\w*|submerg\w*)\b", re.IGNORECASE)


def _spread_of(clause: str) -> str:
    """A fire's or a flood's area, however it is said to grow ("has grown to 145,000
    hectares"): one quantity whichever verb an outlet picks."""
    if _FIRE.search(clause):
        return "burned"
    if _FLOOD.search(clause):
        return "flooded"
    return "covered"


_COUNT_BEFORE = _re_compile(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds))\s+$",
    re.IGNORECASE,
)
_BRACKETED = _re_compile(r"\s*\([^()]{1,40}\)")
_DETERMINER_BEFORE = _re_compile(r"\b(?:the|a|an|this|that|its|their)\s+$", re.IGNORECASE)
_CONTAINERS = frozenset({"stretch", "section", "length", "distance", "portion", "part", "depth",
                         "patch", "layer", "area"})  # fmt: skip
_MONEY_NOUNS = _re_compile(
    r"\b(?:damages?|losses|appeal|aid|funding|funds?|assistance|cost|costs|budget|"
    r"compensation|donations?|relief|grant|loan|package|estimate|"
    r"pledge[sd]?|pledging|appeal(?:ing|ed)|donated|raised|sought|seeking)\b",
    re.IGNORECASE,
)
_MONEY_VERBS = {
    **dict.fromkeys(("pledge", "pledged", "pledging"), "pledge"),
    **dict.fromkeys(("appealing", "appealed", "sought", "seeking"), "appeal"),
    "donated": "donation", "raised": "funds raised",
}  # fmt: skip
"""A verb naming what the money is: "donors pledged $5 million" is a pledge."""


def _money(text: str, unit: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """Money: named by what it pays for or estimates ("damage", "appeal", "aid")."""
    found = [m for m in _MONEY_NOUNS.finditer(text, lo, hi)]
    if not found:
        return None
    best = min(found, key=lambda m: m.start() - end if m.start() >= end else start - m.end())
    noun = best.group(0).lower().rstrip("s") if best.group(0).lower() != "losses" else "losses"
    if noun in ("damage", "damages"):
        noun = "damage"
    noun = _MONEY_VERBS.get(noun, noun)
    plan = noun == "appeal" or _PLAN.search(text, lo, start) is not None
    return Reading(noun, unit, "target" if plan else "level")
