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

from claimcheck.extract.cue_choice import best_cue, labelled, list_head, permitted, referred_back
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
from claimcheck.extract.things import (
    OF_SEATS_AFTER,
    OF_THINGS_AFTER,
    THING_PARTICIPLE,
    THING_VERB,
    read_seats,
    read_thing,
)
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
    if unit is None:
        from claimcheck.extract.rates import read_exchange_rate

        rate = read_exchange_rate(text, start, end, lo, hi)
        if rate is not None:
            return rate
    if is_age(text, start, end) or ATTRIBUTE_AFTER.match(text, end):
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
            or (
                _NUMBERED_BEFORE.search(text, max(0, start - 12), start)
                and not _TALLY_SET_BEFORE.search(text, max(lo, start - 60), start)
            )  # "flight number 101", not "Cases in Congo number 2,600"
        )
    ):
        return None  # "the Boeing 737 had 62 people aboard", "flight 101": part of a name
    noun, np_end = found if found else (None, end)
    if noun is None and OF_SEATS_AFTER.match(text, end):  # "68 of the 126 seats"
        return read_seats(text, start, PLAN.search(text, lo, start) is not None)
    of_things = OF_THINGS_AFTER.match(text, end) if noun is None else None
    if of_things is not None and THING_VERB.search(text, max(0, start - 30), start):
        # "intercepted 30 of the 40 missiles": the things the verb was done to
        return read_thing(
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
        return read_thing(text, amount, start, noun, np_end, plan)
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
            return read_thing(text, amount, start, before["n"], before.end("n"), plan)
        if elided is not None and THING_PARTICIPLE.match(text, end):
            return read_thing(text, amount, start, elided, end, plan)
        label = _THING_LABEL.search(text, max(0, start - 60), start)
        if label is not None:  # a fact box's "Homes damaged: 8,400"
            n, p = label["n"].lower(), label["p"].lower()
            return Reading(f"{n} {p}", n, "count", cumulative=True, thing=n)
        cue = list_head(text, start) or referred_back(text, start, lead_in)
    if cue is None and noun is not None:
        cue = labelled(text, start)  # "Evacuated: 230,000 people", "Homes damaged: 8,400"
    if cue is None and noun is not None and noun.lower() in _CROWD_NOUNS:
        from claimcheck.extract.measures import MEASURES

        # "fired tear gas at about 3,000 protesters": the protesters are the crowd
        return Reading("crowd", "people", "count", MEASURES["crowd"], False, True)
    if cue is None:
        return None
    m = permitted(text, cue, start, end, lo, hi)
    group = specific_group(noun) if noun else None
    head = m.name if group is None else m.of_group(group)
    head = _parted(head, text, start, end)
    kind = "target" if plan else "count"
    unit = group if group in ("families", "households") else "people"
    if m.name == "cases":
        head, unit = "cases", "cases"  # counted as the recorded cases are ("10,400 cases")
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


ATTRIBUTE_AFTER = _re_compile(
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
    r"arrivals)\s+(?:(?:to|in|into)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+)?"
    r"(?:(?:this|last)\s+(?:year|month|week)\s+|so\s+far(?:\s+this\s+year)?\s+)?"
    r"(?:(?:has|have|had)\s+(?:now\s+)?)?(?P<v>(?:rose|risen|climbed|jumped|soared|surged|"
    r"increased|reached|hit|topped|passed|exceeded|surpassed|stood\s+at|stand\s+at|totall?ed|total|"
    r"numbered|number)"
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


_THING_LABEL = _re_compile(
    r"(?:^|\n)[^\S\n]*(?:[-•*][^\S\n]*)?(?P<n>homes|houses|buildings|schools|shops|roads|bridges|"
    r"vehicles|cars|flights)[^\S\n]+(?P<p>damaged|destroyed|flooded|burned|burnt|closed|"
    r"cancelled|canceled)[^\S\n]*[:–—-][^\S\n]*$",
    re.IGNORECASE,
)
"""A fact box's label naming things and what befell them, its figure after the colon."""
_CROWD_NOUNS = frozenset({"protesters", "protestors", "demonstrators", "marchers"})
"""People counted as a crowd by what they are, when no verb says what befell them."""
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


_EMERGENCY_NUMBERS = frozenset({"911", "999", "112", "000", "111", "100", "101", "108", "119"})
_PHONE_LINE = _re_compile(
    r"\s+(?:emergency\s+)?(?:call|caller|operator|dispatcher|line|number|hotline)\b",
    re.IGNORECASE,
)
