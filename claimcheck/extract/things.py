"""Counted things ("30 buses", "5,000 houses damaged", "68 of the 126 seats", "42,000
jobs lost", "11,900 barrels of oil spilled"): what was done to them names the quantity,
since two outlets count the same things by what happened to them, not by the noun alone.
Apart from ``figures`` (people and dispatch by unit) because things have their own
verbs, participles and per-noun quantities (seats per party, jobs lost or added, drones
launched or shot down)."""

from __future__ import annotations

import re

from claimcheck.extract.reading import Reading
from claimcheck.model import Amount
from claimcheck.recognize.lazyre import compile as _re_compile

_DONE_TO_THINGS = (
    r"damaged|destroyed|flattened|razed|flooded|administered|delivered|imported|distributed|"
    r"deployed|set\s+up|opened|used|burned|burnt|affected|lost|launched|fired|shot\s+down|"
    r"intercepted|downed|neutrali[sz]ed|closed|shut|cancell?ed|canceled|grounded|suspended"
)
"""What happens to counted things, as a participle after them or a verb before them."""
THING_PARTICIPLE = _re_compile(
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


THING_VERB = _re_compile(
    r"\b(?P<p>" + _DONE_TO_THINGS + r"|destroying|damaging|flattening|razing|flooding)\s+"
    r"(?:(?:more\s+than|"
    r"over|about|around|nearly|almost|some|at\s+least|up\s+to|an\s+estimated|roughly|only)\s+)*$",
    re.IGNORECASE,
)
"""A verb acting on the counted things: "damaged 3,200 houses", "administered 2 million"."""
_DOSE = _re_compile(r"^(?:doses?|shots?|jabs?|vaccinations?|vaccines?)$", re.IGNORECASE)

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


def _oil_spilled(text: str, np_end: int) -> bool:
    """ "11,900 barrels of oil leaked": a spill (see ``physical.read_physical``)."""
    from claimcheck.extract.physical import OIL_AFTER, SPILLED

    return bool(OIL_AFTER.match(text, np_end)) and bool(SPILLED.search(text))


_STATUS = _re_compile(r"\b(?:suspected|probable|(?:laboratory[-\s])?confirmed)\b", re.IGNORECASE)
_EITHER_BEFORE = _re_compile(r"\b(?:damaged|destroyed)\s+(?:or|and/or|and)\s+$", re.IGNORECASE)
_EITHER_AFTER = _re_compile(r"\s+(?:or|and/or)\s+(?:damaged|destroyed)\b", re.IGNORECASE)
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
OF_THINGS_AFTER = _re_compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+)?[\d,]+\s+(?P<n>[a-z]+s)\b")
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


OF_SEATS_AFTER = _re_compile(
    r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+)?[\d,]+(?:-\w+)?\s+(?:[a-z]+\s+)?seats\b"
)
_NOT_PARTY = frozenset({"The", "A", "An", "Its", "Their", "Opposition", "Ruling"})


def read_seats(text: str, start: int, plan: bool) -> Reading:
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


def read_thing(
    text: str, amount: Amount, start: int, noun: str, np_end: int, plan: bool
) -> Reading | None:
    """Counted things: "30 buses", "5,000 houses damaged", "2 million jabs a week"."""
    low = noun.lower()
    part = THING_PARTICIPLE.match(text, np_end) or THING_VERB.search(text, max(0, start - 30),
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
        return read_seats(text, start, plan)
    if low in ("cases", "infections") and _NEW_BEFORE_NOUN.search(text, start, np_end):
        # "1,200 new cases in the past week": a period's increase, not the running total
        window = text[np_end : np_end + 50]
        period = "daily " if _DAILY.match(window) else "weekly " if _WEEKLY.match(window) else ""
        return Reading(f"{period}new cases", "cases", "count", thing="cases")
    if low in ("cases", "case"):
        noun_start = min(start, np_end - len(low))  # the noun may come first: "Confirmed cases ..."
        status = _STATUS.search(text, max(0, noun_start - 30), min(len(text), np_end + 30))
        if status is not None:
            # "16,000 suspected cases" and "2,600 confirmed": two tallies of one outbreak
            word = status.group(0).lower()
            head = "suspected cases" if word in ("suspected", "probable") else "confirmed cases"
            return Reading(head, "cases", "count", cumulative=True, thing="cases")
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
        if _EITHER_BEFORE.search(text, max(0, part.start() - 25), part.start()) or (
            _EITHER_AFTER.match(text, part.end())
        ):
            head = f"{low} damaged or destroyed"  # "damaged or destroyed 1.7 million homes"
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
