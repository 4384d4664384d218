"""Percentages a figure gives: the share of a group something is true of, turnout, and
candidates' shares of the vote (one quantity per named candidate)."""

from __future__ import annotations

import re

from claimcheck.extract.cue_choice import best_cue, list_head
from claimcheck.extract.measures import Cue
from claimcheck.extract.reading import Reading
from claimcheck.recognize.lazyre import compile as _re_compile

_FULLY = _re_compile(
    r"\b(?:fully|completely|both\s+(?:doses|shots|jabs)|two\s+(?:doses|shots|jabs)|"
    r"second\s+(?:dose|shot|jab)|double|prescribed\s+two|two\s+jabs?)\b",
    re.IGNORECASE,
)
_FIRST_DOSE = _re_compile(
    r"\b(?:at\s+least\s+one|first\s+(?:dose|shot|jab)|(?:one|a\s+single|single)\s+"
    r"(?:dose|shot|jab)|partially)\b",
    re.IGNORECASE,
)
_SENIORS = _re_compile(
    r"\s*of\s+(?:all\s+)?(?:the\s+)?(?:people|persons|those|residents|adults|citizens)\s+"
    r"(?:aged\s+)?(?:6[05]|70)\s*(?:\+|(?:years\s+)?(?:and|or)\s+(?:older|over|above))",
    re.IGNORECASE,
)
""""of people aged 65 and over": the seniors' share, as "of the elderly" is."""


_OF_GROUP = _re_compile(
    r"\s*(?:of\s+)(?:the\s+|all\s+|its\s+|their\s+)?(?:[\d,.]+\s+)?"
    r"(?P<g>(?:[A-Za-z][\w'’-]*\s+){0,2}?"
    r"(?:population|people|residents|adults|elderly|citizens|voters|children|households|"
    r"seniors|those|people\s+aged|homes|respondents|doses|vaccines|"
    r"(?!(?:its|his|this|thus|was|has|is|us)\b)[a-z]+s))\b",
    re.IGNORECASE,
)


_RATE_NAMES = (
    ("policy rate", r"(?:policy|benchmark|key|main|repo|base|interest|lending|refinancing)"
                    r"\s+(?:interest\s+)?rates?"),
    ("unemployment", r"(?:unemployment|jobless(?:ness)?)(?:\s+rates?)?"),
    ("inflation", r"(?:consumer[-\s]price\s+|price\s+|CPI\s+|headline\s+|core\s+)?inflation"
                  r"(?:\s+rates?)?|consumer\s+prices|CPI"),
    ("GDP growth", r"(?:GDP|gross\s+domestic\s+product|economic\s+growth|"
                   r"(?:(?:the|its|[A-Z]\w*(?:['’]s?)?)\s+)(?:[A-Z]\w+\s+)?economy|"
                   r"economic\s+output)(?:\s+growth)?"),
    ("poverty rate", r"poverty(?:\s+rates?)?"),
    ("case fatality rate", r"case[-\s]fatality(?:\s+(?:rates?|ratios?))?|CFR"),
    ("approval rating", r"approval(?:\s+ratings?)?"),
    ("containment", r"containment"),
)  # fmt: skip
BENCHMARK_AFTER = _re_compile(
    r"\s+(?:threshold|benchmark|ceiling|limit|cap|mark|target|goal)\b", re.IGNORECASE
)
"""A percentage naming a yardstick ("above the 1% threshold", "the bank's 2% target"): no
figure of the story."""
_POINTS_AFTER = _re_compile(r"\s*points?\b", re.IGNORECASE)
_CONTAINED_AFTER = _re_compile(r"\s+(?:contained|containment)\b", re.IGNORECASE)
_RATE_BEFORE = _re_compile(
    r"(?:(?P<period>annual|yearly|year[-\s]on[-\s]year|monthly|month[-\s]on[-\s]month|"
    r"quarterly)\s+)?(?:"
    + "|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(_RATE_NAMES))
    + r")\b(?P<gap>(?:[^.;:%\d]|(?<!\d)\d+(?:\.\d+)?\s+(?:percentage\s+|basis\s+)?points?\b)"
    r"{0,50}?)$",
    re.IGNORECASE,
)
_RATE_SET = _re_compile(
    r"\b(?:to|at|of|was|is|were|are|stood|stands|hit|reached|eased|slowed|cooled|rose|fell|"
    r"grew|expanded|shrank|contracted|jumped|climbed|dropped|accelerated|came\s+in|put)\b",
    re.IGNORECASE,
)
_SHRANK = _re_compile(
    r"\b(?:shr[au]nk|shrinks?|contract(?:ed|s)?|declined?|declines|fell|falls|dropped|"
    r"slumped|slipped)\b",
    re.IGNORECASE,
)
_PERIOD_BEFORE = _re_compile(
    r"\b(?P<period>monthly|month[-\s]on[-\s]month|on\s+the\s+month|annual|yearly|"
    r"year[-\s]on[-\s]year|on\s+the\s+year|quarterly)\b",
    re.IGNORECASE,
)


def named_rate(text: str, start: int, lo: int) -> str | None:
    """A rate named before its percentage ("annual inflation eased to 61.8%", "the central
    bank held its key rate at 50%", "unemployment stood at 4.1%"): the rate, with its period
    when one is named (an annual and a monthly inflation figure are two quantities)."""
    m = _RATE_BEFORE.search(text, max(lo, start - 90), start)
    if m is None or not _RATE_SET.search(m["gap"] or ""):
        return None
    name = next(n for i, (n, _) in enumerate(_RATE_NAMES) if m[f"r{i}"] is not None)
    named = m[f"r{[n for n, _ in _RATE_NAMES].index(name)}"].lower()
    if name == "GDP growth" and "growth" not in named and _SHRANK.search(m["gap"] or ""):
        name = "GDP contraction"  # "shrank 0.5%": a fall of 0.5 %, not growth of it
    if name in ("inflation", "GDP growth", "GDP contraction"):
        period = m["period"] or ""
        if not period:
            found = _PERIOD_BEFORE.search(text, max(lo, start - 120), start)
            period = found["period"] if found else ""
        period = period.lower()
        if period.startswith(("month", "on the month")):
            return f"monthly {name}"
        if period.startswith("quarter"):
            return f"quarterly {name}"
        return f"annual {name}" if name == "inflation" else name
    return name


def read_share(text: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """A percentage: the share of a group that something is true of, or a rate named
    before it (inflation, unemployment, a central bank's rate)."""
    rate = "containment" if _CONTAINED_AFTER.match(text, end) else named_rate(text, start, lo)
    if rate is not None:
        if _POINTS_AFTER.match(text, end):  # "rose 0.3 percentage points": the move, not a level
            return Reading(rate, "percentage points", "change")
        return Reading(rate, "percent", "level")
    vote = _vote_share(text, start, end, lo, hi)
    if vote is not None:
        return vote if vote is not _UNNAMED_VOTE else None
    m = _OF_GROUP.match(text, end)
    group = m["g"].lower().split()[-1] if m else None
    if _SENIORS.match(text, end) or group == "elderly":
        group = "seniors"
    # "N% of the population": the population is the whole, not what is true of it.
    # Turnout is read by the movement reader ("Turnout was 67 percent").
    # Nor is a deployment a share: "troops deployed ... over a third of the country".
    skip = ("population", "crowd", "permitted crowd", "people deployed")
    cue = best_cue(text, start, end, m.end() if m else end, lo, hi, skip=skip)
    if cue is None and group is None:
        return None
    what = _share_what(cue, text[lo:hi], start - lo) if cue else ""
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
_ELECTORATE = _re_compile(
    r"(?:(?:million|thousand|billion|lakh|crore)\s+)?(?:(?:registered|eligible)\s+)?"
    r"(?:voters|electorate)",
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
    r"(?:won|took|got|gets|received|secured|garnered|polled|claimed|captured|drew|had|has|with)\s+"
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
    group = _OF_GROUP.match(text, end) if turnout is not None else None
    if group is not None and _ELECTORATE.fullmatch(group["g"]):
        group = None  # "69.3 percent of the 2.09 million registered voters": turnout itself
    if turnout is not None and group is None:
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


def _share_what(cue: Cue, clause: str, at: int | None = None) -> str:
    """What the share is of: "fully vaccinated" and "with a first dose" are two shares;
    when the clause names both, the one nearer the figure (``at``) says which."""
    if cue.measure.name == "people vaccinated":
        found = [(m, "fully vaccinated") for m in _FULLY.finditer(clause)]
        found += [(m, "with a first dose") for m in _FIRST_DOSE.finditer(clause)]
        if found:
            if at is None:
                return found[0][1]
            return min(found, key=lambda f: (abs(f[0].start() - at), f[0].start()))[1]
    return cue.measure.name.replace("people ", "")


def share_from_before(previous: str) -> Reading | None:
    """A bare rate that continues the sentence before ("The share fully vaccinated rose
    again. The capital stands at 61.5 percent."): the measure that sentence ended on."""
    cue = list_head(previous, len(previous), reach=len(previous))
    if cue is None or cue.measure.name == "population":
        return None
    return Reading(f"share {_share_what(cue, previous)}", "percent", "level", cue.measure)


_ONE_MONTH = _re_compile(
    r"(?:in\s+|during\s+)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)(?:\s+(?:1[89]|20)\d\d)?(?:\s+alone)?",
    re.IGNORECASE,
)


def per_month(head: str, when: str | None) -> str:
    """GDP growth dated to one month ("grew 0.2% in September alone") is the month's
    growth, a quantity of its own beside the quarter's that holds the month."""
    if head in ("GDP growth", "GDP contraction") and when and _ONE_MONTH.fullmatch(when.strip()):
        return f"monthly {head}"
    return head
