"""Which cue word a figure takes when its own noun names no measure: attached beats near,
near beats far, and a cue past another figure of its own clause is that figure's. Shared
by the readers of counts, shares and durations."""

from __future__ import annotations

import re
from collections.abc import Callable

from claimcheck.extract.measures import Cue, Measure, cues
from claimcheck.recognize.lazyre import compile as _re_compile

_AND_OR_COMMA = _re_compile(r"\band\b|,")
_JOINED_AFTER = _re_compile(
    r"[\s,]*(?:(?:who|that|were|was|have|has|had|been|are|is|being|be|feared|"
    r"believed|reported|reportedly|thought|said|to|still|also|later|now|already|"
    r"confirmed|officially|either|all|remain|remained|of\s+them|in\s+all|"
    r"in\s+total|so\s+far)[\s,]+)*",
    re.IGNORECASE,
)
"""Words joining a figure to a cue after it: "41 [who were] trapped"."""
_JOINED_BEFORE = _re_compile(
    r"[\s,]*(?:(?:rose|rising|risen|climbed|reached|stood|stands|was|is|at|to|of|hit|"
    r"jumped|increased|grew|more|than|over|by|nearly|almost|about|around|some|least|"
    r"at\s+least|up|the|a|an|another|further|additional|had|has|have|been|now|"
    r"further|leaving|left|with|totall?ing|numbering)[\s,]+)*",
    re.IGNORECASE,
)
"""Words joining a cue to a figure after it: "the toll [rose to] 57"."""
_AND_ONLY = _re_compile(r"\s+and\s+")
_OWN_FIGURE = _re_compile(
    r"\s+(?:of|at)\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|over|"
    r"more\s+than|at\s+least|up\s+to|an\s+estimated)\s+)?[$€£]?\d"
)
"""A cue followed by its own figure ("a population of 120,000", "a toll at 40") names
that figure, not an earlier one the clause also holds."""


def best_cue(
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
            joined = _JOINED_AFTER.fullmatch(between)
            if joined:
                return (1, c.start - np_end)
            restated = _RESTATED_GROUP.match(between)
            if restated and _JOINED_AFTER.fullmatch(between, restated.end()):
                return (1, c.start - np_end)  # "8,100 families, or 31,950 people, fled"
            if _blocks(between) or _OWN_FIGURE.match(text, c.end):
                return (5, c.start - np_end)  # the cue belongs to the figure in between
            if _AND_OR_COMMA.search(between):
                return (4, c.start - np_end)
            return (3, c.start - np_end)
        before = text[c.end : start]
        if _JOINED_BEFORE.fullmatch(before):
            return (1, start - c.end)
        if _AND_OR_COMMA.search(before):
            return (4, start - c.end)
        return (2, start - c.end)

    best = min(found, key=rank)
    state = state_after(found, text, np_end)
    if state is not None:
        return state
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


def state_after(found: list[Cue], text: str, np_end: int) -> Cue | None:
    """ "Five of the wounded were in critical condition", "four of them critically", "three
    victims remain in critical condition": the state the figure's own predicate gives is
    what it counts; a partitive or a noun before it only says whom it is drawn from."""
    for c in found:
        if c.start >= np_end and c.measure.name in STATE_MEASURES:
            between = text[np_end : c.start]
            lead = _PARTITIVE.match(between)
            if _STATE_LINK.fullmatch(between, lead.end() if lead else 0):
                return c
    return None


STATE_MEASURES = frozenset({"people in critical condition", "people still in hospital"})
"""Counts of a state the injured are in: never more of the same as the injured themselves."""
_PARTITIVE = _re_compile(r"\s+(?:of|among)\s+(?:them|whom|those|these|the\s+[\w-]+)\b")
_STATE_LINK = _re_compile(
    r"\s*(?:(?:were|was|are|is|remain(?:ed|s)?|still|later|now|had\s+been|have\s+been)\s+)*"
    r"(?:listed\s+|described\s+as\s+)?",
    re.IGNORECASE,
)


_ANOTHER_FIGURE = _re_compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds|"
    r"thousands|millions)\b",
    re.IGNORECASE,
)


_AGE_SPAN = _re_compile(
    r"\b(?:aged?\s+)?\d+\s*(?:and|or)\s+(?:over|older|above|under|younger)\b|\([^)]*\)",
    re.IGNORECASE,
)


_RESTATED_GROUP = _re_compile(
    r"\s*[,(]?\s*(?:or|of|comprising|totall?ing|numbering|with)?\s*(?:about\s+|some\s+|nearly\s+|"
    r"around\s+|roughly\s+|over\s+|more\s+than\s+|at\s+least\s+)?\d[\d,.]*\s+(?:people|persons|"
    r"individuals|residents|members)\s*[,)]?",
    re.IGNORECASE,
)
"""Households or families restated as people ("2,300 families of 9,870 individuals"): the
same group counted two ways; the cue after both is each figure's."""


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


_LABEL_END = _re_compile(r"\s*[:–—-]\s*$")


def labelled(text: str, start: int) -> Cue | None:
    """The measure a label names right before its figure, past a colon or dash: a fact
    box's "Evacuated: 230,000 people" (the label is a clause of its own)."""
    line = text.rfind("\n", 0, start) + 1
    found = cues(text, line, start)
    if not found or _LABEL_END.match(text, found[-1].end, start) is None:
        return None
    return found[-1]


def permitted(text: str, cue: Cue, start: int, end: int, lo: int, hi: int) -> Measure:
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
