"""Physical quantities a figure gives: lengths and distances (how far, how deep, what is
left), areas a fire or flood spread over, speeds, and quakes' magnitudes; each named by
what it measures, so that two outlets' figures for one quantity meet."""

from __future__ import annotations

import re

from claimcheck.extract.reading import Reading
from claimcheck.recognize.lazyre import compile as _re_compile

_REMAINING = _re_compile(r"^\s*(?:of\s+\w+\s+)?(?:still\s+)?(?:left|remain\w*|to\s+go)\b", re.I)
_REMAINING_BEFORE = _re_compile(r"\b(?:remaining|another|last|final)\s+$", re.IGNORECASE)


_MAGNITUDE_BEFORE = _re_compile(
    r"(?:\b(?i:magnitude)(?:\s+(?i:of|at|was|is|to))?[\s-]*|\bM[wL]?\s?)$"  # "M" upper only
)
_MAGNITUDE_AFTER = _re_compile(
    r"[\s-]*(?:magnitude\b|on\s+the\s+(?:Richter|moment[\s-]magnitude)\s+scale)", re.IGNORECASE
)


SHOCK_AFTER = _re_compile(
    r"[\s-]*(?:magnitude\s+)?(?:[a-z]+\s+)?(?P<s>aftershocks?|foreshocks?|tremors?)\b", re.I
)


def is_magnitude(text: str, start: int, end: int) -> bool:
    """ "a magnitude 7.4 quake", "a 6.8-magnitude quake", "M6.2", "7.1 on the Richter scale":
    a quake's size (agencies often disagree on it), never a count of what it did."""
    if _MAGNITUDE_AFTER.match(text, end):
        return True
    return _MAGNITUDE_BEFORE.search(text[max(0, start - 20) : start]) is not None


OIL_AFTER = _re_compile(
    r"\s+of\s+(?:the\s+)?(?:(?:crude|heavy|fuel|diesel|bunker|light|shale)\s+)*(?:oil|fuel|"
    r"diesel|crude|petroleum|bitumen)\b",
    re.IGNORECASE,
)
SPILLED = _re_compile(
    r"\b(?:spill\w*|leak\w*|releas\w*|gush\w*|pour\w*|dump\w*|discharg\w*|escap\w*|slick)\b",
    re.IGNORECASE,
)


def read_physical(text: str, unit: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
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
    if OIL_AFTER.match(after) and SPILLED.search(text, lo, hi):
        # "spilled 3,000 tonnes of crude oil", "11,900 barrels of oil leaked": one spill,
        # whichever oil and unit an outlet names
        return Reading("oil spilled", unit, "level", event_bound=True)
    noun = of["n"] if of else None
    if noun is None and hyph:
        noun = hyph["n"]
    if noun is None:
        return _distance(text, unit, start, end, lo, hi)
    head = noun.lower()
    if head in ("tsunami", "tsunamis", "wave", "waves", "surge") and unit in _HEIGHT_UNITS:
        return Reading("storm surge" if head == "surge" else "tsunami height", unit, "level",
                       event_bound=True)  # "a 3-metre tsunami"  # fmt: skip
    if of is None and head not in _CONTAINERS and hyph is not None:
        dim = unit_dimension(unit) or "length"
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


def unit_dimension(unit: str) -> str | None:
    """What a unit the recognizer names measures (length, area, speed, mass...); None for
    every other unit a figure carries: a currency (durations and percent come first)."""
    from claimcheck.recognize.lexicon import UNIT_DIMENSIONS

    return UNIT_DIMENSIONS.get(unit)


def unit_of_noun(noun: str) -> str | None:
    """A unit written as the counted noun ("12 metres", when the recognizer left it out),
    in the recognizer's names; never a unit whose figure must be scaled ("decades")."""
    from claimcheck.recognize.lexicon import DURATION_FACTORS
    from claimcheck.recognize.units import unit_name

    if len(noun) < 3 or noun.lower() in DURATION_FACTORS:
        return None
    return unit_name(noun)


def read_speed(text: str, unit: str, lo: int, hi: int) -> Reading:
    """A speed: storms give wind speeds, sustained and in gusts (two quantities)."""
    clause = text[lo:hi].lower()
    # A storm's winds are a fact of the storm: they hold when it struck.
    if "gust" in clause:
        return Reading("wind gusts", unit, "level", event_bound=True)
    if "wind" in clause:
        changed = _STORM_CHANGE.search(text[:hi].lower())
        if changed is not None:
            # "weakened to a Category 1 as it moved inland, with winds of 85 mph": the storm
            # at a later stage, not another outlet's reading of its winds at landfall
            stage = "weakening" if changed["w"] else "strengthening"
            return Reading(f"sustained winds after {stage}", unit, "level")
        return Reading("sustained winds", unit, "level", event_bound=True)
    return Reading("speed", unit, "level")


_STORM_CHANGE = _re_compile(
    r"(?<!before\s)(?<!until\s)\b(?:(?P<w>weaken(?:ed|ing|s)?|downgraded|los(?:t|ing)\s+(?:strength|power)|"
    r"dissipat\w*)|strengthen(?:ed|ing|s)?|intensif(?:ied|ying|ies)|upgraded|rapidly\s+"
    r"intensif\w*)\b"
)


def _distance(text: str, unit: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """A length with no thing after it: how far something moved, what is left, how deep."""
    after = text[end : min(hi, end + 40)]
    if re.match(r"\s*(?:still\s+)?(?:remain\w*|left|to\s+go|more)\b", after, re.I):
        return Reading("distance remaining", unit, "level")
    area = unit_dimension(unit) == "area"
    near = (max(lo, start - 35), min(hi, end + 25))
    wave = _WAVE.search(text, *near) if unit in _HEIGHT_UNITS else None
    if wave is not None:
        # "waves of up to 1.2 metres", "a tsunami of at least 1.2 meters", "a storm surge of 12
        # feet": one reading of the water's height, whichever wording an outlet uses
        surge = "surge" in wave.group(0).lower()
        return Reading("storm surge" if surge else "tsunami height", unit, "level",
                       event_bound=True)  # fmt: skip
    moved = None if area else _MOVE_BEFORE.search(text, max(lo, start - 40), start)
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
    if area:
        spread = _SPREAD_BEFORE.search(text, max(lo, start - 40), start)
        if spread is not None:
            verb = _SPREAD_VERBS.get(spread["v"].lower()) or _spread_of(text[lo:hi])
            return Reading(f"area {verb}", unit, "level")
    return None


_HEIGHT_UNITS = frozenset({"meters", "metres", "feet", "ft", "m", "cm", "centimeters", "inches"})
_WAVE = _re_compile(r"\b(?:tsunami|tidal\s+waves?|waves?|storm\s+surges?|surge)\b", re.IGNORECASE)
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
