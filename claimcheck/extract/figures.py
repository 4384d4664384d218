"""One figure in one sentence -> what it counts (subject head, unit, kind), for news of any event.

The reader looks at three places, nearest first, the way an editor reads a figure:

* the noun phrase after it ("12 miners", "8-10 metres of mud", "three dozen buses");
* a cue word attached to it: a participle after ("were killed", "are feared trapped"),
  a verb or noun before ("killing at least 14", "the death toll rose to 121");
* failing both, the nearest cue in its clause.

A figure that counts nothing it can name is no claim: a bare "60" with no noun and no
cue is left out, never filed under a vague "people".

This module reads counts of people and things and dispatches the rest by unit: shares
(extract/shares.py), physical quantities (extract/physical.py), durations
(extract/durations.py), money (extract/rates.py); the cue a figure takes is chosen by
extract/cue_choice.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.extract.cue_choice import best_cue, list_head, permitted, referred_back
from claimcheck.extract.durations import read_duration
from claimcheck.extract.measures import (
    Measure,
    cues,
    is_timeless,
    people_noun,
    specific_group,
)
from claimcheck.extract.physical import (
    SHOCK_AFTER,
    is_magnitude,
    read_physical,
    read_speed,
    unit_dimension,
    unit_of_noun,
)
from claimcheck.extract.rates import read_money_figure
from claimcheck.extract.reading import PLAN, Reading
from claimcheck.extract.shares import read_share
from claimcheck.model import PART_OF_LARGER, Amount
from claimcheck.recognize.lazyre import compile as _re_compile

_PER_HOUR = _re_compile(r"\s*(?:per|an|a)\s+hour\b|/h\b", re.IGNORECASE)
DURATION_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "decades", "minutes"})


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
_WORD = _re_compile(r"[A-Za-z][A-Za-z'’-]*")
_VAGUE_OF = _re_compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_DONE_TO_THINGS = (
    r"damaged|destroyed|flattened|razed|flooded|administered|delivered|imported|distributed|"
    r"deployed|set\s+up|opened|used|burned|burnt|affected|lost|launched|fired|shot\s+down|"
    r"intercepted|downed|neutrali[sz]ed|closed|shut"
)
"""What happens to counted things, as a participle after them or a verb before them."""
_THING_PARTICIPLE = _re_compile(
    r"\s+(?:(?:that|which)\s+)?(?:(?:were|was|have|had|has|been|being|are|is|reportedly|also|"
    r"now|still|completely|totally|partially|fully|partly|left)\s+){0,4}"
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
    if words[0].endswith("ing"):  # "after destroying 361 structures": what was done to them
        words[0] = {"destroying": "destroyed", "damaging": "damaged", "flattening": "flattened",
                    "razing": "razed", "flooding": "flooded"}.get(words[0], words[0])  # fmt: skip
    return " ".join(words)


_THING_VERB = _re_compile(
    r"\b(?P<p>" + _DONE_TO_THINGS + r"|destroying|damaging|flattening|razing|flooding)\s+"
    r"(?:(?:more\s+than|"
    r"over|about|around|nearly|almost|some|at\s+least|up\s+to|an\s+estimated|roughly|only)\s+)*$",
    re.IGNORECASE,
)
"""A verb acting on the counted things: "damaged 3,200 houses", "administered 2 million"."""
_DOSE = _re_compile(r"^(?:doses?|shots?|jabs?|vaccinations?|vaccines?)$", re.IGNORECASE)


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
    if unit is None and is_magnitude(text, start, end):
        shock = SHOCK_AFTER.match(text, end)  # an aftershock's size is another quantity
        head = f"{shock['s'].lower().rstrip('s')} magnitude" if shock else "earthquake magnitude"
        return Reading(head, "magnitude", "level", event_bound=True)
    if unit == "percent":
        return read_share(text, start, end, lo, hi)
    if unit in DURATION_UNITS:
        return read_duration(text, amount, start, end, lo, hi)
    dimension = unit_dimension(unit) if unit else None
    if unit and (dimension == "speed" or _PER_HOUR.match(text, end)):
        return read_speed(text, unit if dimension == "speed" else f"{unit}/h", lo, hi)
    if dimension == "temperature":
        if re.search(r"(?:\bminus\s+|[-−–])$", text[max(0, start - 6) : start], re.I):
            return None  # below zero: the recognizer reads the digits, not the sign
        return Reading("temperature", str(unit), "level")
    if unit and dimension is not None:
        return read_physical(text, unit, start, end, lo, hi)
    if unit:
        return read_money_figure(text, unit, start, end, lo, hi)
    if amount.high <= 1:
        return None  # "at least one dose", "a third": no count to check
    if is_age(text, start, end) or _ATTRIBUTE_AFTER.match(text, end):
        return None
    if _PHONE_LINE.match(text, end) and amount.text in _EMERGENCY_NUMBERS:
        return None  # "the first 911 call": a phone number, nothing counted
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
    if noun is None and _OF_SEATS_AFTER.match(text, end):  # "68 of the 126 seats"
        return _seats(text, start, PLAN.search(text, lo, start) is not None)
    of_things = _OF_THINGS_AFTER.match(text, end) if noun is None else None
    if of_things is not None and _THING_VERB.search(text, max(0, start - 30), start):
        # "intercepted 30 of the 40 missiles": the things the verb was done to
        return _thing(
            text, amount, start, of_things["n"], end, PLAN.search(text, lo, start) is not None
        )
    if noun is not None and noun.lower() in ("degrees", "degree"):
        return _bare_degrees(text, amount, start, np_end, lo, hi)
    unit_word = unit_of_noun(noun) if noun is not None else None
    if unit_word is not None:
        if unit_word in DURATION_UNITS:
            return read_duration(text, amount, start, np_end, lo, hi, unit_word)
        return read_physical(text, unit_word, start, np_end, lo, hi)
    if noun is not None and is_timeless(noun):
        return None
    plan = PLAN.search(text, lo, start) is not None
    named = _noun_measure(noun) if noun is not None else None
    if named is not None and noun is not None and noun.lower() in ("victims", "casualties"):
        from claimcheck.extract.cue_choice import state_after

        state = state_after(cues(text, lo, hi), text, np_end)
        if state is not None:
            named = state.measure  # "Three victims remain in critical condition"
    if named is not None and named.name == "deaths" and _OR_MISSING.match(text, np_end):
        named = _noun_measure("dead or missing")  # "63 dead or missing": one joint figure
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
    cue = best_cue(text, start, end, np_end, lo, hi)
    if cue is None and noun is None:
        before = _NAMED_BEFORE.search(text, max(lo, start - 90), start)
        if before is None:
            before = _TALLY_SET_BEFORE.search(text, max(lo, start - 60), start)
            if before is not None and not before["v"] and not _HEDGE_VERB.match(amount.text):
                before = None
        if before is not None:
            return _thing(text, amount, start, before["n"], before.end("n"), plan)
        if elided is not None and _THING_PARTICIPLE.match(text, end):
            return _thing(text, amount, start, elided, end, plan)
        cue = list_head(text, start) or referred_back(text, start, lead_in)
    if cue is None:
        return None
    m = permitted(text, cue, start, end, lo, hi)
    group = specific_group(noun) if noun else None
    head = m.name if group is None else m.of_group(group)
    head = _parted(head, text, start, end)
    kind = "target" if plan else "count"
    unit = group if group in ("families", "households") else "people"
    return Reading(head, unit, kind, m, m.cumulative, m.timing == "event")


_HEAT_CONTEXT = _re_compile(
    r"\b(?:temperatures?|thermometers?|mercury|heat\w*|hot(?:test)?|warm\w*|cold\w*|"
    r"chill\w*|freez\w*|highs?|lows?|record|peaked|weather)\b",
    re.IGNORECASE,
)
_FAHRENHEIT = _re_compile(r"\bFahrenheit\b|°\s?F\b|\d\s?F\b")


_RESTATED_IN = _re_compile(
    r"\s*(?:\(|,?\s+or\s+)\s*(?:minus\s+)?\d[\d.,]*\s*(?:°\s?|degrees\s+)?(?P<s>F|C)"
)


def _bare_degrees(
    text: str, amount: Amount, start: int, np_end: int, lo: int, hi: int
) -> Reading | None:
    """ "Temperatures peaked at 41.5 degrees": a temperature whose scale the sentence may
    leave out. Restated in the other scale ("45 degrees (113F)"), it is the one not named;
    else a Fahrenheit reading in the clause, or a value no weather reaches in Celsius (above
    57), makes it Fahrenheit. "Turned 180 degrees" is an angle: nothing to check."""
    if not _HEAT_CONTEXT.search(text, lo, hi):
        return None
    if re.search(r"(?:\bminus\s+|[-−–])$", text[max(0, start - 6) : start], re.I):
        return None
    restated = _RESTATED_IN.match(text, np_end)
    if restated is not None:
        scale = "°C" if restated["s"] == "F" else "°F"
    elif _FAHRENHEIT.search(text, lo, hi) or amount.high > 57:
        scale = "°F"
    else:
        scale = "°C"
    return Reading("temperature", scale, "level")


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


_AGE_HEDGE = _re_compile(r"(?:under|over|below|above)\s", re.IGNORECASE)
_AGE_GROUP_BEFORE = _re_compile(
    r"\b(?:those|people|anyone|adults|aged?|residents|citizens)\s+$", re.IGNORECASE
)
_AGE_BEFORE = _re_compile(
    r"\baged?\s+(?:between\s+)?$|\bages\s+(?:of\s+)?$"
    r"|\b(?:those|people|anyone|adults)\s+(?:under|over|below|above)\s+$",
    re.IGNORECASE,
)


def is_age(text: str, start: int, end: int) -> bool:
    """ "aged 65 or over", "those under 64", "a 7-year-old": an age, not a count."""
    if _AGE_AFTER.match(text, end):
        return True
    before = text[max(0, start - 25) : start]
    if _AGE_HEDGE.match(text[start:end]) and _AGE_GROUP_BEFORE.search(before):
        return True  # the hedge is part of the figure: "those [under 64]"
    return _AGE_BEFORE.search(before) is not None


_NAMED_BEFORE = _re_compile(
    r"\b(?:number|total|tally|count|figure)\s+of\s+(?:[\w-]+\s+){0,3}?(?P<n>[a-z]+s)\b"
    r"(?:\s+[a-z]+ed)?[^.;]{0,40}?\b(?:reached|stood\s+at|was|is|hit|rose\s+to|climbed\s+to|"
    r"came\s+to|totall?ed|numbered|at)\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
"""The thing counted, named before the figure: "the total of doses given reached N"."""

_TALLY_SET_BEFORE = _re_compile(
    r"(?:^|[.;:,]\s+|\b(?:and|as|while|after|when|but)\s+)(?:[A-Za-z][\w-]*\s+){0,2}?"
    r"(?P<n>cases|infections|injuries|arrests|hospitali[sz]ations|admissions|evacuations|"
    r"arrivals)\s+(?:(?:to|in|into)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?"
    r"(?:(?:this|last)\s+(?:year|month|week)\s+|so\s+far(?:\s+this\s+year)?\s+)?"
    r"(?:(?:has|have|had)\s+(?:now\s+)?)?(?P<v>(?:rose|risen|climbed|jumped|soared|surged|"
    r"increased|reached|hit|topped|passed|exceeded|surpassed|stood\s+at|totall?ed|numbered)"
    r"\s+(?:to\s+)?)?$",
    re.IGNORECASE,
)
"""A running tally named bare before the verb that sets it: "Cholera cases rose to N",
"Infections have passed N" (or before a hedge verb: "Cases crossed N")."""
_HEDGE_VERB = _re_compile(
    r"(?:tops|topped|passes|crosse[sd]|exceed(?:s|ed)|surpass(?:es|ed))\s", re.IGNORECASE
)


_MEASURE_NOUNS = {
    "deaths": "deaths", "fatalities": "deaths", "dead": "deaths", "bodies": "deaths",
    "casualties": "deaths", "victims": "deaths", "injuries": "injured", "injured": "injured",
    "wounded": "injured", "evacuees": "people evacuated", "refugees": "people displaced",
    "arrests": "people detained", "detainees": "people detained",
    "admissions": "people hospitalised", "hospitalisations": "people hospitalised",
    "hospitalizations": "people hospitalised", "dead or missing": "people dead or missing",
}  # fmt: skip


_OR_MISSING = _re_compile(r"\s+(?:or|and/or)\s+(?:still\s+)?(?:missing|unaccounted)\b", re.I)


def _noun_measure(noun: str) -> Measure | None:
    from claimcheck.extract.measures import MEASURES

    name = _MEASURE_NOUNS.get(noun.lower())
    return MEASURES[name] if name else None


def _parted(head: str, text: str, start: int, end: int) -> str:
    from claimcheck.extract.cue_choice import STATE_MEASURES

    if head in STATE_MEASURES:
        return head  # "five of the wounded were in critical condition": all who are
    # "Five of them died", "another 28", "six died overnight": a part of a larger toll,
    # whichever way it is put, and one quantity across outlets.
    part = part_of_whole(text, start, end)
    if part == "part" and head == "deaths" and _CASES_BEFORE.search(text, max(0, start - 60),
                                                                       start):  # fmt: skip
        part = None  # "41 cases, 12 of them fatal": every death is among the cases
    if part == "more" and _INCREMENT.search(text, max(0, start - 25), start):
        # "43 dead and another 125 missing": another kind of count, not more of the same
        before = {c.measure.name for c in cues(text, 0, start)}
        if (before and head not in before) or (not before and head in _STATES_AFTER_A_TOLL):
            part = None  # "... killed 23. Another 11 are missing": the missing, all of them
    return f"{head} {PART_OF_LARGER}" if part else head


_STATES_AFTER_A_TOLL = frozenset({"people missing", "people trapped", "people still in hospital"})
_CASES_BEFORE = _re_compile(
    r"\b(?:cases|infections|infected|patients|sick)\b[^.;\d]{0,40}$", re.IGNORECASE
)
"""Deaths given as a part of the cases just counted ("41 cases, 12 of them fatal", "41
cases, of whom 12 died") are the whole toll: every death of an outbreak is a case."""
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
_OF_WHOM_BEFORE = _re_compile(
    r"\b(?:of\s+whom|among\s+(?:them|whom|those)|of\s+(?:them|these|those)),?\s+"
    r"(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
"""'arrested 14, of whom [9] were released': a part of the figure just given."""
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
    if (
        _PART_OF.match(text, end)
        or _OF_THE_WHOLE_BEFORE.search(text, max(0, start - 80), start)
        or _OF_WHOM_BEFORE.search(text, max(0, start - 30), start)
    ):
        return "part"
    if _DIED_LATER.match(text, end):
        return "more"
    if _INCREMENT.search(text, max(0, start - 25), start) or _MORE_AFTER.match(text, end):
        return "more"
    return None


_OUTAGE = _re_compile(
    r"\bwithout\s+(?:power|electricity)\b|\b(?:knock\w*|cut\w*|took|taken)\s+out\s+power\b|"
    r"\b(?:power|electricity)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
    r"(?:cut|knocked\s+out|lost)\b|\b(?:cut\w*|knock\w*\s+out)\s+(?:power|"
    r"electricity)\s+(?:to|for)\b|\blost\s+(?:power|electricity)\b|\bpower\s+outages?\b",
    re.IGNORECASE,
)
_POWER_CUSTOMERS = frozenset(
    {"customers", "homes", "households", "businesses", "houses", "users", "accounts",
     "properties", "premises", "consumers"}
)  # fmt: skip
"""Who a power cut counts, however an outlet names them: one quantity across outlets."""


_SEAT_WINNER_BEFORE = _re_compile(
    r"(?P<name>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*),?\s+(?:(?:has|had|have|also|only|"
    r"narrowly|comfortably)\s+)?(?:won|wins|took|takes|secured|secures|got|gets|received|"
    r"gained|claimed|captured|kept|retained|held|holds|lost|loses)\s+(?:[a-z]+\s+){0,2}$"
)
_OF_THE_SEATS_BEFORE = _re_compile(r"\b(?:of|out\s+of)\s+(?:the\s+|all\s+)?$", re.IGNORECASE)
_EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000", "111", "100", "101", "108", "119"})
_PHONE_LINE = _re_compile(
    r"\s+(?:emergency\s+)?(?:call|caller|operator|dispatcher|line|number|hotline)\b",
    re.IGNORECASE,
)


def _oil_spilled(text: str, np_end: int) -> bool:
    """ "11,900 barrels of oil leaked": a spill (see ``physical.read_physical``)."""
    from claimcheck.extract.physical import OIL_AFTER, SPILLED

    return bool(OIL_AFTER.match(text, np_end)) and bool(SPILLED.search(text))


_NEW_BEFORE_NOUN = _re_compile(r"\bnew\b", re.IGNORECASE)
_DAILY = _re_compile(
    r"[^.;]{0,25}?\b(?:a\s+day|per\s+day|daily|in\s+(?:the\s+)?(?:past|last)\s+24\s+hours|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|today|"
    r"overnight)\b",
    re.IGNORECASE,
)
_WEEKLY = _re_compile(
    r"[^.;]{0,25}?\b(?:a\s+week|per\s+week|weekly|in\s+(?:the\s+)?(?:past|last|previous)\s+"
    r"(?:week|seven\s+days)|last\s+week|this\s+week)\b",
    re.IGNORECASE,
)
_OF_THINGS_AFTER = _re_compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+)?[\d,]+\s+(?P<n>[a-z]+s)\b")
_PROJECTILES = frozenset({"drones", "missiles", "rockets", "projectiles", "uavs", "shahed"})
_JOB_NOUNS = frozenset({"jobs", "positions", "posts", "roles", "payrolls"})
_JOBS_LOST = _re_compile(
    r"\b(?:lost|lose|loses|losing|shed|sheds|shedding|cut|cuts|cutting|slashed|slashes|"
    r"eliminated|eliminates|axed|axes|destroyed|(?:a\s+)?(?:net\s+)?(?:loss|drop|decline|fall|"
    r"decrease)\s+of)\s+(?:(?:more\s+than|over|about|around|nearly|almost|some|roughly|"
    r"a\s+net|an\s+estimated|another|a\s+further|only)\s+)*$",
    re.IGNORECASE,
)
_JOBS_ADDED = _re_compile(
    r"\b(?:added|adds|adding|add|created|creates|creating|create|gained|gains|generated|"
    r"(?:a\s+)?(?:net\s+)?(?:gain|increase|rise|addition)\s+of)\s+(?:(?:more\s+than|over|about|"
    r"around|nearly|almost|some|roughly|a\s+net|an\s+estimated|another|a\s+further|only)\s+)*$",
    re.IGNORECASE,
)
_EXPECTED_BEFORE = _re_compile(
    r"\b(?:expect(?:ed|ing|s)?|forecast(?:s|ed|ing)?|predict(?:ed|ing|s)?|anticipat(?:ed|ing)|"
    r"consensus|projected|estimates?\s+(?:had\s+)?(?:called|pointed)\s+for)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


def _jobs(text: str, start: int, np_end: int, plan: bool) -> Reading | None:
    """Jobs a month's figures, a firm or a plan add or lose: "shed 42,000 jobs", "a loss of
    42,000 positions" and "lost 42,000 jobs" are one quantity; what economists expected is
    another (a forecast is never the figure it forecast)."""
    before = max(0, start - 40)
    if _JOBS_LOST.search(text, before, start):
        head = "jobs lost"
    elif _JOBS_ADDED.search(text, before, start):
        head = "jobs added"
    else:
        return None
    if _EXPECTED_BEFORE.search(text, max(0, start - 80), start):
        head += " (forecast)"
    return Reading(head, "jobs", "target" if plan else "count", thing="jobs")


_OF_SEATS_AFTER = _re_compile(
    r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+)?[\d,]+(?:-\w+)?\s+(?:[a-z]+\s+)?seats\b"
)
_NOT_PARTY = frozenset({"The", "A", "An", "Its", "Their", "Opposition", "Ruling"})


def _seats(text: str, start: int, plan: bool) -> Reading:
    """Seats are counted per party: "the Labour Party won 411 seats" and "the Liberal Democrats
    took 72" are two quantities, and "68 of the 126 seats" names the chamber's size. A
    party named in several words is keyed by its initials, as the press abbreviates it
    ("Mongolian People's Party", "MPP")."""
    kind = "target" if plan else "count"
    if _OF_THE_SEATS_BEFORE.search(text, max(0, start - 12), start):
        return Reading("seats in the chamber", "seats", kind, thing="seats")
    winner = _SEAT_WINNER_BEFORE.search(text, max(0, start - 90), start)
    if winner is None:
        return Reading("seats", "seats", kind, thing="seats")
    words = [w for w in winner["name"].split() if w not in _NOT_PARTY]
    if not words:
        return Reading("seats", "seats", kind, thing="seats")
    key = "".join(w[0] for w in words).upper() if len(words) > 1 else words[0]
    return Reading(f"seats won by {key}", "seats", kind, thing="seats")


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
    if low in ("seats", "seat"):
        return _seats(text, start, plan)
    if low in ("cases", "infections") and _NEW_BEFORE_NOUN.search(text, start, np_end):
        # "1,200 new cases in the past week": a period's increase, not the running total
        window = text[np_end : np_end + 50]
        period = "daily " if _DAILY.match(window) else "weekly " if _WEEKLY.match(window) else ""
        return Reading(f"{period}new cases", "cases", "count", thing="cases")
    if low in ("barrels", "gallons", "litres", "liters") and _oil_spilled(text, np_end):
        return Reading("oil spilled", low, "level", event_bound=True)
    if low in ("points", "point"):
        from claimcheck.extract.shares import named_rate

        rate = named_rate(text, start, 0)
        if rate is None:
            return None  # points of a score or an index: nothing our readers compare
        unit = "basis points" if "basis" in text[start:np_end].lower() else "percentage points"
        return Reading(rate, unit, "change")  # "cut its key rate by 25 basis points"
    if low in _JOB_NOUNS:
        jobs = _jobs(text, start, np_end, plan)
        if jobs is not None:
            return jobs
    if _OUTAGE.search(text, max(0, start - 40), min(len(text), np_end + 60)) and (
        low in _POWER_CUSTOMERS
    ):
        # "3 million homes and businesses", "3.2 million customers": one outage count
        return Reading("customers without power", "customers", "count", thing=low)
    if part:
        head = f"{low} {_state(part['p'])}"
        if low in _PROJECTILES:  # "destroyed 27 drones", "35 were intercepted": one tally
            state = _state(part["p"])
            if state in ("destroyed", "intercepted", "downed", "neutralised", "neutralized"):
                head = f"{low} shot down"
            elif state == "fired":
                head = f"{low} launched"
    elif _DOSE.match(low):
        head = "vaccine doses"
        if re.match(r"\s+(?:a|per)\s+day\b", text[np_end : np_end + 10], re.IGNORECASE):
            head = "vaccine doses per day"
    kind = "target" if plan else "count"
    return Reading(head, low if not head.startswith("vaccine") else "doses", kind,
                   cumulative=part is not None or head == "vaccine doses", thing=low)  # fmt: skip
