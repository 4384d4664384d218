"""What a figure measures: deaths, injured, trapped, evacuated, a crowd, doses, houses damaged.

News states one number per quantity an editor tracks, and the same quantity is
worded many ways across outlets: "killed at least 60", "the death toll rose to
60", "60 bodies", "60 dead". A measure is the quantity with the wording folded
away, so "36 labourers trapped" and "41 workers stuck" are one subject while
"60 people killed" and "60 people evacuated" never are.

Each measure also says when its figure holds when the sentence gives no time:
a running tally (deaths, injured, evacuated, doses) holds at the report; a
one-off fact of the event (the crowd, the permitted size, the people trapped
by a collapse) holds at the event's date.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.lazyre import Lazy
from claimcheck.recognize.lexicon import folds_plainly

Timing = Literal["report", "event"]


@dataclass(frozen=True)
class Measure:
    """A quantity editors track, with the words that name it."""

    name: str  # subject head: "deaths", "people trapped"
    timing: Timing
    cumulative: bool  # a running tally that only grows (deaths, doses): later = update

    def of_group(self, group: str) -> str:
        """The subject for a named group: "civilians killed", "migrants rescued"."""
        if self.name in ("crowd", "permitted crowd", "registered voters", "votes cast"):
            return self.name  # protesters or pilgrims, a crowd is a crowd
        if self.name == "people displaced" and group in ("refugees", "migrants"):
            return self.name  # refugees are the displaced people an exodus counts
        # "miners trapped", "families in shelters", "children in critical condition": the
        # measure's words after the noun it counts
        tail = self.name.split(" ", 1)[1] if " " in self.name else self.name
        return f"{group} {_PARTICIPLE.get(self.name, tail)}"


_PARTICIPLE = {"deaths": "killed", "injured": "injured", "people on strike": "on strike",
               "people on board": "on board"}  # fmt: skip


# Cue stems per measure. Order matters only for ties at one position.
_TABLE: tuple[tuple[str, Timing, bool, str], ...] = (
    ("people dead or missing", "report", False,
     r"(?:dead|killed|deaths?)\s+(?:or|and/or)\s+(?:still\s+)?(?:missing|unaccounted(?:\s+for)?)"),
    ("deaths", "report", True,
     r"kill(?:s|ed|ing)?|dead|died|die|dying|deaths?|death\s+toll|toll|fatalit(?:y|ies)|"
     r"lives|perish(?:ed)?|bodies|corpses|mortuar(?:y|ies)|morgues?|drown(?:ed|ing)?|"
     r"crushed\s+to\s+death|trampled\s+to\s+death|lost\s+their\s+lives|casualt(?:y|ies)|"
     r"victims|fatal"),
    ("injured", "report", True,
     r"injur(?:ed|ies|ing|y)|wound(?:ed|ing|s)?|hurt"),
    ("people missing", "report", False,
     r"missing|unaccounted(?:\s+for)?|out\s+of\s+contact|whereabouts\s+(?:are\s+|remain\s+)?unknown|"
     r"(?:is|are|remains?|remained|were|was)\s+(?:still\s+)?"
     r"(?:not\s+(?:yet\s+)?known|unknown)"),
    ("people still in hospital", "report", False,
     r"(?:remain(?:ed|s)?|still)\s+(?:in|at)\s+(?:the\s+)?hospitals?|still\s+(?:being\s+)?treated|"
     r"(?:remain(?:ed|s)?|still)\s+hospitali[sz]ed"),
    ("people in critical condition", "report", False,
     r"in\s+(?:a\s+)?(?:critical|serious|grave)\s+condition|critically\s+(?:ill|injured|wounded)|"
     r"in\s+(?:the\s+)?(?:intensive\s+care(?:\s+units?)?|ICUs?)|on\s+(?:life\s+support|ventilators?)|"
     r"critically(?=\s*(?:[,.;)]|$))"),
    ("people hospitalised", "event", False,
     r"hospitali[sz](?:ed|ation)|admitted|(?:taken|brought|rushed|sent|carried)\s+(?:in)?to\s+"
     r"(?:the\s+|a\s+|local\s+)?hospitals?|in\s+hospitals?|"
     r"treated\s+in|treated\s+at|under\s+treatment"),
    ("people on strike", "event", False,
     r"(?:went|go|going|gone|are|were|is|was|remain(?:ed)?|stayed)\s+on\s+strike|on\s+strike|"
     r"striking|strikers|walked\s+(?:off\s+(?:the|their)\s+jobs?|out)|walkouts?|"
     r"downed\s+tools|join(?:ed)?\s+(?:the\s+|a\s+)?(?:\w+\s+)?strike|"
     r"(?:took|take|taking)\s+part\s+in\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:strikes?|walkouts?)"),
    ("votes cast", "event", False,
     r"voted|cast\s+(?:their\s+|a\s+)?(?:ballots?|votes?)|(?:ballots|votes)\s+(?:were\s+)?cast|"
     r"turned\s+out\s+to\s+vote|went\s+to\s+the\s+polls"),
    ("registered voters", "event", False,
     r"registered\s+(?:to\s+vote|voters)|eligible\s+(?:to\s+vote|voters)|"
     r"on\s+the\s+(?:electoral\s+roll|voters['’]?\s+(?:roll|list))"),
    ("people on board", "event", False,
     r"on\s*board|aboard|carrying|carried|(?:passengers?\s+and\s+)?crew"),
    ("people trapped", "event", False,
     r"trapped|stuck|stranded|entombed|buried\s+alive"),
    ("bodies identified", "report", True,
     r"(?:have|has|had|were|was)\s+(?:(?:so\s+far|now|yet|since|already|officially)\s+)?"
     r"(?:been\s+)?identified"),
    ("cases", "report", True,
     # "killed 412 and infected more than 10,000": the infected are the outbreak's cases
     r"infect(?:ed|ing|s)|sickened|fell\s+ill|contracted\s+(?:the\s+)?(?:disease|virus)"),
    ("people escaped", "event", True,
     r"escaped(?!\s+(?:unhurt|unharmed|injury|with))|broke\s+out\s+of|escapees|on\s+the\s+run|"
     r"(?:mass\s+)?(?:jail|prison)\s*break"),
    ("people released", "report", True,
     # hostages, prisoners, detainees: "39 prisoners were released" (a patient leaving
     # hospital is discharged; "freed" is a rescue unless captives are freed: ``refine``)
     r"(?<!statement\s)(?<!report\s)(?<!figures\s)(?<!data\s)(?<!video\s)(?<!footage\s)"
     r"(?<!document\s)(?<!study\s)(?<!survey\s)(?<!letter\s)(?<!images\s)(?<!results\s)"
     r"released(?!\s+(?:from|by)\s+(?:the\s+|a\s+)?hospitals?)|set\s+free"),
    ("people rescued", "report", True,
     r"rescued|pulled\s+out(?:\s+alive)?|brought\s+out|saved|freed|evacuated\s+safely|"
     r"survivors|brought\s+(?:safely\s+)?ashore|plucked\s+from|"
     r"pulled\s+(?:[\w,]+\s+){0,3}?(?:alive\s+)?(?:from|out\s+of)\s+(?:the\s+)?"
     r"(?:water|rubble|river|sea|debris|wreckage|mud|sea)"),
    ("people in shelters", "report", False,
     r"(?:staying|sheltering|living|sleeping|housed|remain(?:ed|s|ing)?|were|are|still)\s+(?:in|at)\s+"
     r"(?:[\w,]+\s+){0,3}?(?:evacuation\s+|emergency\s+|temporary\s+|relief\s+)?(?:shelters|"
     r"cent(?:er|re)s|camps|schools|gyms|gymnasiums)"),
    ("people evacuated", "report", True,
     r"evacuat(?:ed?|ion|ions|ing)|evacuees|relocated|sheltered|shelters?|evacuation\s+cent(?:er|re)s?|"
     r"(?:relief|evacuation|temporary|displacement|transit)\s+camps?|moved\s+to\s+safety|"
     r"(?<=people\s)to\s+(?:safety|higher\s+ground)|(?<=residents\s)to\s+(?:safety|higher\s+ground)"),
    ("people displaced", "report", True,
     r"displace[ds]?|homeless|fled|flee(?:ing)?|refugees|crossed\s+(?:into|over|from|the\s+(?:border|frontier))|"
     r"arrived|streamed|poured|"
     r"entered\s+the\s+country|"
     r"forced\s+(?:from|out\s+of)\s+their\s+homes|(?:from|out\s+of)\s+their\s+homes"),
    ("customers without power", "report", False,
     r"without\s+(?:power|electricity)|(?:power|electricity)\s+(?:was\s+|were\s+|has\s+been\s+)?"
     r"(?:cut|knocked\s+out)\s+(?:to|for)|lost\s+(?:power|electricity)|in\s+the\s+dark"),
    ("people facing catastrophic hunger", "report", False,
     r"catastroph(?:ic|e)\s+(?:conditions|levels?|hunger|food\s+insecurity)|famine\s+conditions|"
     r"(?:IPC\s+)?phase\s+5"),
    ("people facing hunger", "report", False,
     r"(?:(?:high\s+levels\s+of\s+)?(?:acute|severe|extreme)\s+)?(?:hunger|food\s+insecurity)|"
     r"food[-\s]insecure|(?:IPC\s+)?phase\s+3"),
    ("people malnourished", "report", False,
     r"(?:acutely\s+|severely\s+)?malnourished|(?:acute\s+|severe\s+)?malnutrition|wasting"),
    ("people affected", "report", True, r"affected"),
    ("people targeted for aid", "report", False,
     r"(?:aid|assistance|help|relief|support|food|supplies)\s+(?:to|for)|"
     r"to\s+(?:help|assist|support|feed)|"
     # "aims to reach": a target; rescuers "worked to reach" trapped miners is no aid
     r"(?:aim|seek|plan|hope|want|target|expect|intend|need)(?:s|ed|ing)?\s+to\s+reach|"
     r"(?:aid|assistance|relief|food|supplies|agenc(?:y|ies))\s+(?:has\s+|have\s+|had\s+|is\s+|"
     r"are\s+)?reach(?:es|ed|ing)?\s+(?:an?\s+)?(?:estimated\s+)?"),
    ("people in need", "report", False,
     r"in\s+need(?:\s+of)?|need(?:s|ed)?\s+(?:urgent\s+|food\s+|humanitarian\s+)?"
     r"(?:aid|assistance|help|relief)|depend\s+on\s+(?:food\s+)?aid"),
    ("people detained", "report", True, r"arrest(?:ed|s)?|detain(?:ed|ees)?|held\s+in\s+custody"),
    ("people deployed", "report", False,
     r"deploy(?:ed|ing|ment)|dispatched|mobili[sz]ed|stationed|on\s+duty|(?:sent|drafted)\s+in|"
     r"assigned\s+to|"
     r"(?:battling|fighting|tackling)\s+(?:the\s+)?(?:fires?|blazes?|flames|wildfires?)"),
    ("permitted crowd", "event", False,
     r"permit(?:ted)?|permission|allowed|approved|authori[sz]ed|cleared\s+for|capacity|"
     r"let(?:ting|s)?(?=\s+(?:[\w,]+\s+){1,4}?(?:attend|gather|watch|see)\b)|"
     r"licen[sc]ed|certified|rated|"
     r"accommodate"),
    ("crowd", "event", False,
     r"crowds?|attend(?:ed|ees|ance|ing)|gather(?:ed|ing)|turned\s+out|turnout|thronged|"
     r"(?:joined|join)\s+(?:the\s+|a\s+|\w+['’]s\s+|\w+\s+){0,2}(?:march|protest|rally|"
     r"demonstration|vigil|procession)e?s?|took\s+part|took\s+to\s+the\s+streets|"
     r"protested|demonstrated|"
     r"marched|rall(?:y|ied)|(?:drew|draws|drawing|attracted|attracting)(?:\s+(?:a\s+)?crowds?\s+of)?|(?:came|come|coming)\s+to\s+(?:the|a|an|see|hear|listen|attend|watch|join|pray|worship)\b|flocked|packed\s+(?:into|with)|crammed\s+(?:into|with)"),
    ("people vaccinated", "report", True,
     r"(?:fully\s+|double[\s-]|triple[\s-])?(?:vaccinated|inoculated|jabbed|immuni[sz]ed)|"
     r"vaccination\s+rates?|rates?\s+of\s+vaccination|(?:vaccination|inoculation)\s+of|"
     r"(?:vaccinating|inoculating|to\s+vaccinate|to\s+inoculate)|"
     r"(?:had|got|received|taken|have\s+had|has\s+had|"
     r"finished|completed|had\s+finished|had\s+completed)\s+"
     r"(?:(?:just|only)\s+)?(?:at\s+least\s+)?(?:a|one|their|the|both|two|all)?\s*(?:first|second|third|"
     r"booster|prescribed\s+two|two)?\s*(?:shots?|doses?|jabs?)?"),
    ("population", "report", False, r"population|inhabitants|inhabited\s+by|home\s+to"),
)  # fmt: skip

MEASURES: dict[str, Measure] = {name: Measure(name, t, c) for name, t, c, _ in _TABLE}

_CUES = Lazy(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<m{i}>{pat})" for i, (*_, pat) in enumerate(_TABLE))
    + r")(?![\w-])",
    re.IGNORECASE,
)
# The same cues for lowered text (lexicon.folds_plainly), case-sensitive and without groups:
# the engine then rejects most alternatives on their first letter (case-blind literals and
# named groups defeat that), ~3x faster. The measure is the first one whose own pattern
# matches there, which is the alternative the grouped pattern takes.
_CUES_LOW = Lazy(r"(?<![\w-])(?:" + "|".join(f"(?:{pat})" for *_, pat in _TABLE) + r")(?![\w-])")
_CUE_AT = Lazy(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<m{i}>{pat})" for i, (*_, pat) in enumerate(_TABLE))
    + r")(?![\w-])"
)
"""Which measure a cue ``_CUES_LOW`` found is: matched at its start, the first alternative
that matches there names it (one anchored match in place of a try per measure)."""


@dataclass(frozen=True)
class Cue:
    measure: Measure
    start: int
    end: int
    text: str


def cues(text: str, lo: int = 0, hi: int | None = None) -> list[Cue]:
    """Every measure cue in ``text[lo:hi]`` (a cue cut by the window's edge is left out)."""
    end = len(text) if hi is None else hi
    return [c for c in _all_cues(text) if lo <= c.start and c.end <= end]


@lru_cache(maxsize=512)
def _all_cues(text: str) -> tuple[Cue, ...]:
    """A sentence's cues, found once for all its figures and clauses."""
    out = []
    if not folds_plainly(text):  # "ſ" is "s" to the case-blind pattern: keep it here
        for m in _CUES.finditer(text):
            i = int(str(m.lastgroup)[1:])
            out.append(Cue(MEASURES[_TABLE[i][0]], m.start(), m.end(), m.group(0)))
        return tuple(out)
    low = text.lower()
    for m in _CUES_LOW.finditer(low):
        start = m.start()
        at = _CUE_AT.match(low, start)
        if at is not None:  # always: the same alternatives, grouped
            measure = MEASURES[_TABLE[int(str(at.lastgroup)[1:])][0]]
            out.append(Cue(measure, start, m.end(), text[start : m.end()]))
    return tuple(out)


# Nouns for people in general: folded away, so "36 labourers" and "40 workers" trapped by
# one collapse are one quantity. Named groups (children, police, soldiers, refugees)
# are kept: they are parts, not the whole.
PEOPLE_NOUNS = frozenset(
    [
        "people",
        "persons",
        "person",
        "individuals",
        "individual",
        "men",
        "women",
        "labourers",
        "laborers",
        "workers",
        "worker",
        "residents",
        "villagers",
        "inhabitants",
        "devotees",
        "pilgrims",
        "worshippers",
        "followers",
        "attendees",
        "participants",
        "fans",
        "spectators",
        "supporters",
        "mourners",
        "marchers",
        "passengers",
        "victims",
        "others",
        "souls",
        "lives",
        "bodies",
        "dead",
        "injured",
        "wounded",
        "casualties",
        "citizens",
        "locals",
        "survivors",
        "those",
    ]
)
GROUP_NOUNS = frozenset(
    [
        "children",
        "child",
        "kids",
        "students",
        "pupils",
        "women",
        "girls",
        "boys",
        "babies",
        "infants",
        "elderly",
        "soldiers",
        "troops",
        "police",
        "policemen",
        "officers",
        "firefighters",
        "rescuers",
        "civilians",
        "miners",
        "fishermen",
        "tourists",
        "migrants",
        "refugees",
        "journalists",
        "doctors",
        "nurses",
        "teachers",
        "employees",
        "drivers",
        "pilots",
        "midwives",
        "lecturers",
        "dockworkers",
        "voters",
        "patients",
        "prisoners",
        "inmates",
        "protesters",
        "demonstrators",
        "militants",
        "families",
        "households",
    ]
)

_TIMELESS_PLURALS = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "times"})


def people_noun(word: str) -> bool:
    """General people, and a people named by nationality ("120,000 ethnic Armenians")."""
    return word.lower() in PEOPLE_NOUNS or (
        word[:1].isupper() and word.endswith(("ans", "ese", "ians", "is", "ers", "ins", "os"))
    )


def specific_group(word: str) -> str | None:
    w = word.lower()
    return w if w in GROUP_NOUNS else None


def is_timeless(word: str) -> bool:
    return word.lower() in _TIMELESS_PLURALS
