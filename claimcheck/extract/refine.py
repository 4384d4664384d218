"""What a figure's clause says of the quantity its reader named: whose part of a whole,
which scope, which state ("342 passengers and 10 crew", "the war has killed 20,000",
"freed 24 hostages", homes "without power"). Applied after the reader, before place and
time, so every reader's heads are refined alike."""

from __future__ import annotations

import dataclasses
import re

from claimcheck.extract.reading import Reading
from claimcheck.model import PART_OF_LARGER
from claimcheck.recognize.lazyre import compile as _re_compile

_CREW_OR_PASSENGERS = _re_compile(
    r"\s+(?:[a-z]+\s+)?(?P<w>passengers|crew(?:\s+members)?|crewmen|sailors)\b", re.IGNORECASE
)
_BOTH_ABOARD = _re_compile(r"\bpassengers\b.*\bcrew|\bcrew\b.*\bpassengers\b", re.I)
"""Passengers are everyone aboard unless the crew is counted beside them."""
_WAR = r"(?:civil\s+)?(?:war|conflict|fighting|insurgency|hostilities)"
_WAR_SCOPE = _re_compile(
    rf"\b(?:the|this|a|its)\s+(?:\w+\s+)?{_WAR}\s+(?:has|had|have)\s+(?:so\s+far\s+|now\s+|already\s+)?"
    rf"(?:killed|left|claimed|wounded|injured)\b"
    rf"|\b(?:in|during|throughout)\s+the\s+(?:\w+\s+)?{_WAR}\b(?!\s+(?:zone|area|region))"
    rf"|\bsince\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+the\s+(?:\w+\s+)?{_WAR}\b"
    rf"|\bsince\s+the\s+(?:\w+\s+)?{_WAR}\s+(?:began|erupted|broke\s+out|started)\b"
    rf"|\b{_WAR}['’]s\s+(?:death\s+)?toll\b|\btoll\s+(?:of|from|in)\s+the\s+(?:\w+\s+)?{_WAR}\b",
    re.IGNORECASE,
)
"""A toll of the whole war ("The war has killed more than 20,000", "died in the conflict",
"since the fighting began"): another quantity than one attack's toll, which the same page
gives beside it."""
_BRINGING_TOTAL = _re_compile(
    r"\b(?:bringing|taking|raising|pushing|lifting)\s+(?:the|its)\s+(?:overall\s+|total\s+|"
    r"death\s+|war['’]s\s+)*(?:toll|total|tally|number)\b",
    re.IGNORECASE,
)
"""'killed 40 on Tuesday, bringing the toll in the war to 41,000': the 40 is the day's."""


def _brings_a_total(text: str, end: int) -> bool:
    """The figure is followed, before any other figure, by "bringing the toll to"."""
    total = _BRINGING_TOTAL.search(text, end, min(len(text), end + 90))
    if total is None or re.search(r"\d", text[end : total.start()]):
        return False
    # "..., bringing the toll of the war to 9,100": that total is the war's, apart
    return not _WAR_SCOPE.search(text, total.start(), min(len(text), total.end() + 40))


_TALLIES = frozenset({"deaths", "injured", "people displaced", "people evacuated", "cases",
                      "people detained", "people rescued"})  # fmt: skip
_HELD = _re_compile(r"(?P<who>hostages|prisoners|detainees|captives|inmates)(?:\s+rescued)?$")
_FREED_AFTER = _re_compile(
    r"\s+(?:[\w'’-]+\s+){0,4}?(?:(?:have|has|had|were|was|are|is|being|been)\s+){0,2}"
    r"(?:freed|released|set\s+free|let\s+go|handed\s+over)\b",
    re.IGNORECASE,
)
"""The captives' own predicate: "25 hostages held in Gaza have been released"."""
_FREED = _re_compile(
    r"\b(?:freed|released|set\s+free|let\s+go|handed\s+over|swapped|in\s+exchange\s+for|"
    r"for\s+the\s+release\s+of)\b",
    re.IGNORECASE,
)


_PERPETRATOR = (
    r"(?:suspected\s+)?(?:gunm[ae]n|shooters?|attackers?|assailants?|bombers?|perpetrators?|"
    r"suspects?|killers?|hijackers?)"
)
_WITH_PERPETRATOR_AFTER = _re_compile(
    r"\s+(?:people\s+)?(?:dead|killed|deaths|died)?\s*,?\s*(?:including|counting)\s+(?:the\s+|"
    r"two\s+|three\s+)?" + _PERPETRATOR + r"\b",
    re.IGNORECASE,
)
_PERPETRATOR_DIED = _re_compile(
    r"\b(?:kill(?:ed|ing)|shot|shooting|turn(?:ed|ing)\s+the\s+gun\s+on)\s+(?:himself|herself|"
    r"themselves)\b|\b" + _PERPETRATOR + r"\s+(?:was|were)\s+(?:also\s+)?(?:killed|shot\s+dead)\b",
    re.IGNORECASE,
)
_TOLL_TO_BEFORE = _re_compile(
    r"\b(?:bringing|taking|raising|putting)\s+the\s+(?:overall\s+|total\s+|death\s+)*"
    r"(?:toll|total|number\s+of\s+dead)\s+to\s+$",
    re.IGNORECASE,
)


_HOSTED_BY = _re_compile(
    r"(?:^|[.;:]\s*|\b(?i:the|in|at)\s+)(?P<name>(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    r"(?:\s+(?:camp|settlement|site))?(?:\s*,[^,.;]{1,60},)?\s*,?\s*(?:which\s+|that\s+)?(?:now\s+)?"
    r"(?:shelters|hosts|houses|accommodates|holds|is\s+home\s+to)\s+"
    r"(?:(?:more\s+than|over|about|around|nearly|almost|some|at\s+least|up\s+to|an\s+estimated|"
    r"roughly)\s+)*$"
)
_CAMP_WHERE = _re_compile(
    r"\bcamps?\b[^.;]{0,80}\bwhere\s+(?:(?:more\s+than|over|about|around|nearly|almost|some|"
    r"at\s+least|up\s+to|an\s+estimated|roughly)\s+)*$",
    re.IGNORECASE,
)
_ABROAD = _re_compile(
    r"\b(?:fled|flee(?:ing)?|crossed|escaped|gone|went|sought\s+refuge|sought\s+safety)\s+"
    r"(?:(?:in)?to|across|over\s+to)\s+(?:the\s+)?(?:neighbou?ring|nearby|other)\s+(?:countries|"
    r"states|nations)|\b(?:fled|gone|escaped)\s+abroad\b",
    re.IGNORECASE,
)
_DISPLACEMENT_HEADS = ("people displaced", "people evacuated")


def _sheltered(reading: Reading, text: str, start: int) -> Reading | None:
    """ "Zamzam camp, which hosts up to 500,000 displaced people", "a camp where some
    400,000 people live": the people one site shelters, not the country's displaced."""
    if reading.head not in _DISPLACEMENT_HEADS:
        return None
    hosted = _HOSTED_BY.search(text, max(0, start - 140), start)
    if hosted is not None:
        from claimcheck.recognize.places import find_places

        name = hosted["name"].removeprefix("The ")
        country = any(p.kind == "country" for p in find_places(name))
        if name.split()[0] not in ("A", "An", "It", "This", "The") and not country:
            return dataclasses.replace(reading, head=f"people in {name}")
    if _CAMP_WHERE.search(text, max(0, start - 120), start):
        return dataclasses.replace(reading, head="people in the camp")
    return None


def _outage(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """People, homes or customers left without power: one outage count, in customers."""
    measure = r.measure
    return (
        "customers without power" if measure and measure.name == "customers without power" else None
    )


def _freed(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "freed 24 hostages", "released 39 prisoners": freed captives, not people rescued."""
    held = _HELD.match(r.head)
    if held is not None and (
        _FREED.search(text, max(lo, start - 40), start)
        or _FREED_AFTER.match(text, end, min(hi, end + 80))
    ):
        return f"{held['who']} released"
    return None


def _one_site(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    sheltered = _sheltered(r, text, start)
    return sheltered.head if sheltered is not None else None


def _abroad(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "2 million have fled to neighbouring countries": refugees abroad, a part of all the
    displaced that outlets give beside the whole."""
    if r.head != "people displaced":
        return None
    abroad = _ABROAD.search(text, end, min(len(text), end + 90))
    if abroad is None or re.search(r"\d", text[end : abroad.start()]):
        return None
    return "people displaced abroad"


def _aboard(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "342 passengers and 10 crew", "17 staff and two crew": parts of who was aboard."""
    if r.head != "people on board":
        return None
    aboard = _CREW_OR_PASSENGERS.match(text, end)
    crew = aboard is not None and aboard["w"].lower().startswith(("crew", "sailors"))
    if aboard is None or not (crew or _BOTH_ABOARD.search(text, lo, hi)):
        return None
    return "crew on board" if crew else "passengers on board"


def _attacker_counted(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "nine dead including the gunman", "... before killing himself, bringing the toll to
    nine": the attacker counted in, where other outlets count the victims alone."""
    if r.head != "deaths":
        return None
    if _WITH_PERPETRATOR_AFTER.match(text, end) or (
        _TOLL_TO_BEFORE.search(text, max(0, start - 50), start)
        and _PERPETRATOR_DIED.search(text, 0, start)
    ):
        return "deaths including the attacker"
    return None


_ONE_GROUP = _re_compile(
    r"\b(?:a|one|another|the\s+first|a\s+first|a\s+second|the\s+latest|a\s+new|a\s+further)\s+"
    r"(?:small\s+|large\s+|big\s+)?(?:group|batch|convoy|busload|boatload|wave|party)\s+of\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|roughly\s+|more\s+than\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)


def _one_group(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "A group of about 30 refugees reached the border": one group of the many that a
    running total (tens of thousands arrived) counts, not the total."""
    if r.head in _TALLIES and _ONE_GROUP.search(text, max(lo, start - 40), start):
        return f"{r.head} {PART_OF_LARGER}"
    return None


def _days_part(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "killed 30 on Sunday, bringing the toll to 45": the day's part of the toll."""
    if r.head in _TALLIES and r.kind == "count" and _brings_a_total(text, end):
        return f"{r.head} {PART_OF_LARGER}"
    return None


def _wars_toll(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "The war has killed 20,000": the whole war's toll, not the day's attack."""
    if (
        r.head in ("deaths", "injured")
        and _WAR_SCOPE.search(text, lo, hi)
        and not _BRINGING_TOTAL.search(text, end, hi)
    ):
        return f"war {r.head}"
    return None


_IDENTIFIED = _re_compile(
    r"(?:\s+of\s+(?:the|them|those|these)\b[^.;]{0,60}?|(?:\s+(?:bodies|victims|dead|of\s+them))?)"
    r"\s+(?:have|has|had|were|was)\s+(?:(?:so\s+far|now|yet|since|already|officially)\s+)?"
    r"(?:been\s+)?identified\b",
    re.IGNORECASE,
)


def _identified(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "Only 21 of the bodies have been identified": the identified, a part of the dead
    that rises as the toll's own figure does not."""
    if r.head == "deaths" and _IDENTIFIED.match(text, end, hi):
        return "bodies identified"
    return None


_BODIES = _re_compile(r"\s+(?:more\s+|other\s+)?bodies\b", re.IGNORECASE)
_RECOVERED = _re_compile(
    r"\b(?:recovered|retrieved|pulled|found|exhumed|washed\s+(?:up|ashore)|brought\s+out|"
    r"dug\s+out)\b",
    re.IGNORECASE,
)


def _recovered(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "Six bodies have been recovered": the bodies found so far, which a toll estimated
    at hundreds (a landslide, a shipwreck) far exceeds; not the toll itself."""
    if r.head == "deaths" and _BODIES.match(text, end) and _RECOVERED.search(text, lo, hi):
        return "bodies recovered"
    return None


_COULD_REACH = _re_compile(
    r"\b(?:could|may|might|would|will|(?:is|are|was|were)\s+(?:expected|likely|feared|set)\s+to)"
    r"\s+(?:\w+\s+)?(?:rise|climb|reach|top|exceed|surpass|pass|increase|grow|hit|double)"
    r"\s+(?:to\s+)?(?:as\s+(?:high|many)\s+as\s+|more\s+than\s+|over\s+|about\s+)?$",
    re.IGNORECASE,
)


def _could_reach(r: Reading, text: str, start: int, end: int, lo: int, hi: int) -> str | None:
    """ "The toll could reach 20,000": what someone fears or expects, never a count the
    reports of the day give (like economists' forecasts of a jobs figure)."""
    if r.kind == "count" and r.cumulative and _COULD_REACH.search(text, max(lo, start - 60), start):
        return f"{r.head} (forecast)"
    return None


_REFINERS = (_could_reach, _outage, _freed, _one_site, _abroad, _aboard, _attacker_counted,
             _one_group, _days_part, _wars_toll, _identified, _recovered)  # fmt: skip
"""Tried in order; the first that names a more specific head wins."""


def refined(reading: Reading, text: str, start: int, end: int, lo: int, hi: int) -> Reading:
    """``reading`` of the figure ``text[start:end]`` in its clause ``text[lo:hi]``, its head
    made as specific as the clause says."""
    for refine in _REFINERS:
        head = refine(reading, text, start, end, lo, hi)
        if head is not None:
            unit = "customers" if refine is _outage else reading.unit
            return dataclasses.replace(reading, head=head, unit=unit)
    return reading
