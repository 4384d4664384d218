"""Changes, targets, levels and deadlines: the reader that knows movements of a quantity.

"cut its forces from 5,100 to 2,500 by next year" is a target and a starting level;
"withdrew 700 troops" a change; "the combat mission ends by the end of 2021" a deadline.
Troop levels, jobs and budgets move this way; counts of an event's victims do not (those
are read by extract/figures.py).

* Kind comes from the words around the number in its clause: "from X to Y" a change (or,
  after a plan word, a target plus the current level X); "to Y" after a change verb a
  level (target after a plan word); "by N" or a withdrawal verb a change; else a level.
* Time is the nearest time expression in the clause, else in the sentence; a level
  stated in the present tense without one is "current".
"""

from __future__ import annotations

import re

from claimcheck.extract.context import (
    CHANGE_NOUN_AFTER,
    CHANGE_VERB,
    CLAUSE_BREAK,
    Draft,
    SentenceContext,
    clause_bounds,
    nearest_time,
    subject_text,
    time_for,
)
from claimcheck.extract.rates import read_money, read_percent
from claimcheck.extract.sentences import Sentence
from claimcheck.extract.subjects import (
    Counted,
    actor_inside,
    actor_near,
    counted_after,
    counted_before,
    counted_elided,
    place_near,
)
from claimcheck.model import Amount
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import compile as _re_compile

DURATION_UNITS = frozenset({"days", "weeks", "months", "years", "decades"})

_CASUALTY_WORDS = (
    r"kill\w*|dead|died|die|deaths?|injur\w*|wound\w*|hurt|arrest\w*|detain\w*|missing|"
    r"displac\w*|evacuat\w*|rescued|hospitali[sz]ed|infected|abducted|kidnapped|executed|"
    r"casualt\w*|lost\s+their\s+lives|fatalit\w*|drown\w*|perish\w*|slain|murdered|fled|flee\w*|"
    r"relocated|toll"
)
_CASUALTY = Folded(r"\b(?:" + _CASUALTY_WORDS + r")\b", re.IGNORECASE)
_AUX_CASUALTY = _re_compile(
    r"\s+(?:(?:were|was|have|has|had|been|are|is|remain|remained|reportedly|later|also|"
    r"confirmed|feared|believed|thought|to\s+have|to\s+be)\s+){0,3}(?P<w>"
    + _CASUALTY_WORDS
    + r")\b",
    re.IGNORECASE,
)
_PLAN = Folded(
    r"\b(?:plans?|planned|planning|aims?|aimed|aiming|goal|target(?:s|ed)?|intends?|intended|"
    r"expects?\s+to|expected\s+to|will|would|set\s+to|seeks?|wants?\s+to|propos\w+|pledg\w+|"
    r"promis\w+|vow\w*|calls?\s+for|to\s+reach)\b",
    re.IGNORECASE,
)
_MOVE_VERB = Folded(
    r"\b(?:withdr[ae]w\w*|pull\w*\s+(?:out|back)|pulled|sen[dt]s?|deploy\w*|add\w*|remov\w*|"
    r"brought\s+home|bring\w*\s+home|dispatch\w*|redeploy\w*|relocat\w*|repatriat\w*)\b",
    re.IGNORECASE,
)
DIRECT_CHANGE = Folded(
    r"\b(?:cut|cuts|cutting|slash\w*|shed\w*|lay(?:s|ing)?\s+off|laid\s+off|hir(?:e|es|ed|ing)|"
    r"add(?:s|ed|ing)?|creat(?:e|es|ed|ing)|eliminat\w+|axe[sd]?|axing|send(?:s|ing)?|sent|"
    r"deploy\w*|withdr[ae]w\w*|dispatch\w*|redeploy\w*|pull\w*\s+out)\s+"
    r"(?:(?:an?|another|some)\s+)?(?:(?:additional|extra|further|more|new)\s+)?$",
    re.IGNORECASE,
)
"""A verb acting on the number right after it: "cut 10,000 jobs", "sent 800 troops"."""
_PASSIVE_MOVE = _re_compile(
    r"^[^,;.]{0,40}?\b(?:have|has|had|were|was|are|is|being|be)\s+(?:been\s+)?(?:already\s+)?"
    r"(?:withdrawn|pulled\s+out|sent|deployed|added|removed|brought\s+home|dispatched|"
    r"redeployed|relocated|repatriated|evacuated|airlifted)\b",
    re.IGNORECASE,
)
_PRESENT = _re_compile(
    r"\b(?:is|are|has|have|remains?|stands?|there\s+are|there\s+is|now|currently|still)\b",
    re.IGNORECASE,
)
_PAST_VERB = _re_compile(
    r"(?:\b\w{3,}ed|\b(?:held|struck|hit|shot|built|won|lost|fought|took|made|sent|brought|"
    r"seized|destroyed|downed|fired|launched|conducted|carried\s+out|stormed|torched|burned|"
    r"raided|captured|shelled|bombed))\s+$",
    re.IGNORECASE,
)
SAME_REF = _re_compile(
    r"\b(?:to|at|by)\s+the\s+same\s+(?:number|level|figure|amount|size|total)\b", re.IGNORECASE
)
_DURATION_OK_BEFORE = _re_compile(
    r"\b(?:over|within|for|of|spanning|lasting|lasted|lasts|during|sentenced\s+to|took|take|"
    r"takes|last)"
    r"\s+(?:a\s+|an\s+|the\s+)?$",
    re.IGNORECASE,
)
_DURATION_OK_AFTER = _re_compile(
    r"^[\s-]*(?:long\s+)?(?:[a-z]+\s+)?(?:period|term|plan|timetable|timeline|sentence|ban|"
    r"ceasefire|truce|mission|deal|withdrawal|pullout|programme|program|process|transition|"
    r"deadline|extension|moratorium)\b",
    re.IGNORECASE,
)
_DURATION_BAD_BEFORE = _re_compile(r"\b(?:past|last|next|first|coming|previous|recent)\s+$", re.I)
_DURATION_BAD_AFTER = _re_compile(r"^\s*(?:ago|later|earlier|before|after|old|since)\b", re.I)
_EVENT_WORDS: tuple[tuple[str, str], ...] = (
    (r"withdr[ae]w\w*|pull\w*[\s-]*out|pullout|drawdown|draw\w*\s+down", "withdrawal"),
    (r"ceasefire|truce", "ceasefire"),
    (r"occupation", "occupation"),
    (r"deployment|deploy\w*", "deployment"),
    (r"mission", "mission"),
    (r"sentenc\w+|prison|jail\w*", "prison sentence"),
    (r"ban\b|banned", "ban"),
    (r"war\b", "war"),
    (r"transition", "transition"),
    (r"curfew", "curfew"),
    (r"siege|blockade", "siege"),
    (r"lockdown", "lockdown"),
    (r"state\s+of\s+emergency", "state of emergency"),
    (r"strike\b|walkout", "strike"),
    (r"plan\b|programme|program\b|strategy", "plan"),
    (r"contract|agreement|deal\b|lease", "contract"),
)
_EVENT_ANY = Folded(
    r"\b(?:" + "|".join(f"(?P<e{i}>{p})" for i, (p, _) in enumerate(_EVENT_WORDS)) + ")",
    re.IGNORECASE,
)
"""All event words in one scan; the earliest-listed kind found wins, at its first place."""


def _first_event(text: str) -> tuple[re.Match[str], int] | None:
    """(match, index in _EVENT_WORDS) of the highest-priority event word in ``text``."""
    best: tuple[re.Match[str], int] | None = None
    for m in _EVENT_ANY.finditer(text):
        i = int(str(m.lastgroup)[1:])
        if best is None or i < best[1]:
            best = (m, i)
            if i == 0:
                break
    return best


_DEADLINE_EVENT = _re_compile(
    r"\b(?:end(?:s|ed|ing)?|withdr[ae]w\w*|pull\w*\s+out|leave|leaving|complet\w+|deadline|"
    r"election\w*|finish\w*|hand\w*\s+over|exit)\b",
    re.IGNORECASE,
)
PARTITIVE = Folded(
    r"\b(?:one|two|three|each|any|none|either|neither|among|eldest|youngest|half|thirds?|"
    r"quarters?|most|some|many|several|majority|minority|part|few|rest)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VAGUE = _re_compile(r"^(?:dozens|scores|hundreds|thousands|tens|millions|billions)\b", re.I)


def article_amounts(text: str) -> list[tuple[Amount, int, int]]:
    from claimcheck.recognize import numbers

    found: list[tuple[Amount, int, int]] = []
    for m in numbers.find_amounts(text):
        found.extend(_split_move(text, m.amount, m.start, m.end))
    return _bounded_ranges(text, sorted(found, key=lambda a: (a[1], a[2])))


_BOUND_JOIN = _re_compile(
    r",?\s+(?:and|but|or|to)\s+(?:(?:possibly|perhaps|maybe|potentially|likely|probably)\s+)?"
    r"|\s*[-–—]\s*(?:(?:possibly|perhaps|maybe|potentially)\s+)?",
    re.IGNORECASE,
)


def _bounded_ranges(
    text: str, found: list[tuple[Amount, int, int]]
) -> list[tuple[Amount, int, int]]:
    """ "At least 1,000 and possibly as many as 2,000": one figure between its two bounds,
    not two (the upper alone read as the toll, the lower as a second one)."""
    out: list[tuple[Amount, int, int]] = []
    i = 0
    while i < len(found):
        a, s, e = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and a.qualifier in ("at_least", "more_than")
            and nxt[0].qualifier == "at_most"
            and a.unit == nxt[0].unit
            and a.high < nxt[0].low
            and _BOUND_JOIN.fullmatch(text, e, nxt[1])
        ):
            b, _, be = nxt
            out.append((Amount(text[s:be], a.low, b.high, "between", a.unit), s, be))
            i += 2
            continue
        out.append((a, s, e))
        i += 1
    return out


_MOVE_RANGE = _re_compile(r"(?:from\s+)?(?P<x>.+?)\s+to\s+(?P<y>.+)", re.IGNORECASE)
_FROM_RANGE_BEFORE = _re_compile(r"\bfrom\s+$", re.IGNORECASE)
_TRUE_RANGE_BEFORE = _re_compile(r"\b(?:rang\w*|vary\w*|varied|anywhere)\s+(?:from\s+)?$", re.I)


def _split_move(text: str, amount: Amount, start: int, end: int) -> list[tuple[Amount, int, int]]:
    """ "from 450 to 600" read as one range is a move from one figure to another: two amounts.

    A recognizer may take "from X to Y" for a range when no change verb is near; for
    extraction it is the "from X to Y" pair (kept as a range after "ranging/varying")."""
    m = _MOVE_RANGE.fullmatch(amount.text)
    if amount.qualifier != "between" or m is None:
        return [(amount, start, end)]
    own_from = amount.text[:5].lower() == "from "
    if not own_from and not _FROM_RANGE_BEFORE.search(text, max(0, start - 8), start):
        return [(amount, start, end)]
    if _TRUE_RANGE_BEFORE.search(text, max(0, start - 30), start):
        return [(amount, start, end)]
    xs, xe = start + m.start("x"), start + m.end("x")
    ys, ye = start + m.start("y"), start + m.end("y")
    x = Amount(text[xs:xe], amount.low, amount.low, "exact", amount.unit)
    y = Amount(text[ys:ye], amount.high, amount.high, "exact", amount.unit)
    return [(x, xs, xe), (y, ys, ye)]


_PARTICIPLES = (
    ("injur", "injured"), ("wound", "injured"), ("hurt", "injured"), ("kill", "killed"),
    ("dead", "killed"), ("death", "killed"), ("die", "killed"), ("fatalit", "killed"),
    ("casualt", "killed"), ("lost", "killed"), ("arrest", "arrested"), ("detain", "detained"),
    ("displac", "displaced"), ("evacuat", "evacuated"), ("rescue", "rescued"),
    ("hospitali", "hospitalised"), ("abduct", "abducted"), ("kidnap", "abducted"),
    ("execut", "executed"), ("missing", "missing"), ("infect", "infected"),
    ("drown", "killed"), ("perish", "killed"), ("slain", "killed"), ("murder", "killed"),
    ("toll", "killed"), ("fled", "displaced"), ("flee", "displaced"), ("relocat", "evacuated"),
)  # fmt: skip


def _casualty_word(text: str, lo: int, start: int, end: int, np_end: int) -> str | None:
    """The casualty word of a number: in its noun phrase ("100 injured"), right after it
    ("people were killed"), else the nearest before it in the clause ("... and injured
    9,000 others"), else a later one in the clause."""
    inside = _CASUALTY.search(text, end, np_end)
    if inside:
        return inside.group(0)
    right_after = _AUX_CASUALTY.match(text, np_end)
    if right_after:
        return right_after["w"]
    last = None
    for last in _CASUALTY.finditer(text, lo, start):  # noqa: B007 - the last one is wanted
        pass
    if last:
        return last.group(0)
    later = _CASUALTY.search(text, np_end, np_end + 40)
    if later and not CLAUSE_BREAK.search(text, np_end, later.start()):
        return later.group(0)
    return None


def _event_participle(word: str) -> str:
    """'killing', 'deaths', 'dead' -> 'killed': one subject word per kind of casualty."""
    return next((p for stem, p in _PARTICIPLES if word.startswith(stem)), word)


def _duration_value(amount: Amount) -> str:
    """The number of a period without its unit word ("6 months" -> "6"), unless the word
    is another unit than the claim's ("three decades" is 30 years, not 3)."""
    stripped = re.sub(r"[\s-]*[A-Za-z]+$", "", amount.text) or amount.text
    word = amount.text[len(stripped) :].strip(" -").lower().rstrip("s")
    if word and amount.unit and not amount.unit.lower().startswith(word):
        return amount.text
    return stripped


def _event_subject(ctx: SentenceContext, start: int) -> str | None:
    """'US withdrawal from Iraq' for a period: event word, its actor and place."""
    for is_prev in (False, True):
        prev = ctx.prev if is_prev else None
        text = ctx.text if not is_prev else (prev.text if prev else "")
        found = _first_event(text)
        if found is not None:
            m, index = found
            noun = _EVENT_WORDS[index][1]
            actor = actor_near(text, m.start(), m.start(), either_side=True)
            place = (
                place_near(text, m.start(), m.end(), actor=actor, prefer_from=noun == "withdrawal")
                or ctx.topic_place
            )
            subject = " ".join(p for p in (actor, noun) if p)
            if place and place != actor:
                subject += f" from {place}" if noun == "withdrawal" else f" in {place}"
            return subject
        del is_prev
    return None


def classify(
    ctx: SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    pair_to: tuple[Amount, int, int] | None,
) -> list[Draft]:
    """Claims one number makes (none, one, or a target plus its starting level)."""
    text = ctx.text
    lo, hi = clause_bounds(text, start, end)
    pre = text[lo:start]
    qualifier_vague = bool(_VAGUE.match(amount.text))

    if amount.unit in DURATION_UNITS:
        before, after = text[max(0, start - 30) : start], text[end : end + 40]
        if _DURATION_BAD_BEFORE.search(before) or _DURATION_BAD_AFTER.match(after):
            return []
        if not (_DURATION_OK_BEFORE.search(before) or _DURATION_OK_AFTER.match(after)):
            return []
        subject = _event_subject(ctx, start)
        if subject is None:
            return []
        # The time of a period is when it starts; the reporting time is not that.
        starts = [t for t in ctx.times if t.mod == "since"
                  or re.match(r"(?i)(?:from|starting|beginning|since)\b", t.text)]  # fmt: skip
        t = nearest_time(starts, text, start, end)
        return [Draft("duration", _duration_value(amount), amount.unit, subject,
                       time=t.text if t else None)]  # fmt: skip
    if amount.unit and amount.unit not in ("percent",) and amount.unit.isupper():
        return read_money(ctx, amount, start, end, lo, hi, pair_to)
    if amount.unit == "percent":
        return read_percent(ctx, amount, start, end, lo)
    if amount.unit:
        return []
    if PARTITIVE.search(text, max(lo, start - 30), start) or 0 < amount.high < 1:
        # "one of 12 children" is a member of a group; "a third of the country" a share
        return []

    counted: Counted | None = None
    end_np = pair_to[2] if pair_to else end
    counted = counted_after(text, end_np) or (counted_after(text, end) if pair_to else None)
    left_noun = False
    if counted is None:
        counted = counted_before(text, start)
        left_noun = counted is not None
    if counted is None:
        near = _CASUALTY.search(text, max(lo, start - 25), start) is not None
        counted = counted_elided(text, end_np, casualty_before=near)
    if counted is None:
        return []
    if not counted.listed:
        # A plain plural: only as the object of a past action ("struck five sites").
        if left_noun or qualifier_vague or not _PAST_VERB.search(text[max(0, start - 25) : start]):
            return []
        actor = actor_near(text, start, start)
        place = ctx.place(start, counted.end, actor)
        t = nearest_time(ctx.times, text, start, end)
        subj = subject_text(counted.group, actor, place)
        return [Draft("count", amount.text, counted.unit, subj, time=t.text if t else None)]

    if counted.group != "troops":
        # "Syrian refugees": a name inside the phrase; an earlier name ("The UN said ...")
        # is who speaks or acts, not whose people these are.
        actor = actor_inside(text, min(start, counted.start), max(end, counted.end))
    elif left_noun:
        actor = actor_near(text, counted.start, counted.end)
    else:
        actor = actor_near(text, start, counted.end)
    place = ctx.place(min(start, counted.start), max(end_np, counted.end), actor)
    noun = "crowd" if counted.noun == "crowd" else counted.group  # a crowd size, not a census
    casualty = _casualty_word(text, lo, start, end, max(end_np, counted.end))
    if casualty:
        event = _event_participle(casualty.lower())
        plan = bool(_PLAN.search(pre))
        # "the toll rose from 44 to 57": the count is the latest figure, the rest is history.
        latest, l_end = (pair_to[0], pair_to[2]) if pair_to else (amount, end)
        t = time_for(ctx, min(start, l_end), max(end, l_end), plan=plan, lo=lo, hi=hi)
        subj = subject_text(noun, actor, place, event)
        kind = "target" if plan else "count"
        return [Draft(kind, latest.text, counted.unit, subj, time=t.text if t else None)]
    if qualifier_vague and noun == "troops":
        return []
    subject = subject_text(noun, actor, place)
    plan = bool(_PLAN.search(pre))

    if pair_to is not None:
        to_amount = pair_to[0]
        t = time_for(ctx, pair_to[1], pair_to[2], plan=plan, lo=lo, hi=hi)  # time of the "to"
        if plan:
            drafts = [Draft("target", to_amount.text, counted.unit, subject,
                             time=t.text if t else None, from_value=amount.text)]  # fmt: skip
            if re.search(r"\b(?:current|present|existing)\s+$", pre):
                drafts.append(Draft("level", amount.text, counted.unit, subject, time="current"))
            return drafts
        return [Draft("change", None, counted.unit, subject, time=t.text if t else None,
                       from_value=amount.text, to_value=to_amount.text)]  # fmt: skip

    t = time_for(ctx, start, end, plan=plan, lo=lo, hi=hi)
    when = t.text if t else None
    before_num = text[max(lo, start - 12) : start]
    if re.search(r"\bby\s+$", before_num) and CHANGE_VERB.search(pre):
        return [Draft("change", amount.text, counted.unit, subject, time=when)]
    if CHANGE_NOUN_AFTER.match(text[counted.end : counted.end + 30] if not left_noun else ""):
        return [Draft("change", amount.text, counted.unit, subject, time=when)]
    if not left_noun and DIRECT_CHANGE.search(text, max(lo, start - 40), start):
        return [Draft("change", amount.text, counted.unit, subject, time=when)]
    if plan and (re.search(r"\b(?:to|reach)\s+$", before_num) or (t and t.mod == "by")):
        return [Draft("target", amount.text, counted.unit, subject, time=when)]
    moved = (
        _MOVE_VERB.search(pre[-40:]) and not left_noun and counted.group == "troops"
    ) or _PASSIVE_MOVE.match(text[counted.end : hi])
    if moved and not plan:
        return [Draft("change", amount.text, counted.unit, subject, time=when)]
    note = None
    t_clause = nearest_time(
        [x for x in ctx.times if x.start >= lo and x.end <= hi], text, start, end
    )
    if t_clause is None and _PRESENT.search(pre[-40:]):
        when, note = "current", "time inferred from the present tense"
    return [Draft("level", amount.text, counted.unit, subject, time=when, note=note)]


_FROM_BEFORE = _re_compile(
    r"\bfrom\s+(?:the\s+|a\s+|its\s+)?(?:current\s+|present\s+|existing\s+)?"
    r"(?:level\s+of\s+)?$",
    re.IGNORECASE,
)
_FROM_TO_GAP = _re_compile(r"\s*(?:[A-Za-z]+\s+){0,2}?to\s+")
_TO_BEFORE = _re_compile(r"\b(?:to|at)\s+(?:a\s+(?:new\s+)?(?:high|record|total)\s+of\s+)?$", re.I)
_EARLIER_ADJ = r"(?:previous|earlier|initial|revised|first|preliminary|provisional|original|prior)"
_FIGURE_NOUN = r"(?:figure|estimate|total|toll|level|count|tally|number|reading|report)"
_UP_DOWN_FROM_GAP = _re_compile(
    r"(?:,?\s+[\w'’]+){0,14}?,?(?:"
    r"(?:\s+(?:revised|adjusted|corrected))?\s+(?:up|down)\s+from\s+"
    rf"(?:an?\s+|the\s+)?(?:{_EARLIER_ADJ}\s+){{0,2}}(?:{_FIGURE_NOUN}\s+of\s+)?"
    rf"|\s+(?:correcting|revising|replacing|superseding|updating)\s+(?:an?\s+|the\s+|its\s+)?"
    rf"(?:{_EARLIER_ADJ}\s+){{1,2}}{_FIGURE_NOUN}\s+of\s+)",
    re.IGNORECASE,
)
""""5 people died, down from an earlier estimate of 8", "..., the ministry said, up from a
preliminary count of 8", "correcting an earlier reading of 8": the 8 is where the figure
came from, not a second figure for the same time."""
_TO_FROM_GAP = _re_compile(
    r"(?:\s+(?:in|on|by|this|last)\s+[\w ]{1,20}?)?,?\s+(?:(?:up|down)\s+)?from\s+"
    r"(?:an?\s+|the\s+)?(?:(?:previous|earlier|initial|revised)\s+)?(?:(?:figure|estimate|"
    r"total|toll|level)\s+of\s+)?",
    re.IGNORECASE,
)


def from_to_pairs(amounts: list[tuple[Amount, int, int]], text: str) -> dict[int, int]:
    """Index of X -> index of Y for each "from X to Y", and "to Y (, up) from X", in a sentence."""
    out: dict[int, int] = {}
    for i in range(len(amounts) - 1):
        _, xs, xe = amounts[i]
        _, ys, _ye = amounts[i + 1]
        if _FROM_BEFORE.search(text, max(0, xs - 30), xs) and _FROM_TO_GAP.fullmatch(text, xe, ys):
            out[i] = i + 1
        elif (
            _TO_BEFORE.search(text, max(0, xs - 30), xs) and _TO_FROM_GAP.fullmatch(text, xe, ys)
        ) or _UP_DOWN_FROM_GAP.fullmatch(text, xe, ys):
            out[i + 1] = i  # reversed: the second number is where it came from
    return out


def same_number(ctx: SentenceContext, drafts_before: list[tuple[Draft, Sentence]]) -> list[Draft]:
    """'reduced troops in Afghanistan to the same number': the value of the antecedent."""
    m = SAME_REF.search(ctx.text)
    if not m or not drafts_before:
        return []
    antecedent = next(
        (d for d, _ in reversed(drafts_before) if d.kind in ("level", "target") and d.value), None
    )
    if antecedent is None:
        return []
    counted = counted_before(ctx.text, m.end())
    if counted is None:
        return []
    actor = actor_near(ctx.text, counted.start, counted.end)
    if actor is None:
        actor = antecedent.subject.split()[0] if antecedent.subject else None
    place = ctx.place(counted.start, m.end(), actor)
    t = nearest_time(ctx.times, ctx.text, m.start(), m.end())
    when = t.text if t else antecedent.time
    return [
        Draft(
            "level",
            antecedent.value,
            antecedent.unit,
            subject_text(counted.group, actor, place),
            time=when,
            note=f'value "{antecedent.value}" from the earlier figure the sentence refers to '
            f'("{m.group(0)}")',
            low=antecedent.low,
            high=antecedent.high,
        )
    ]


def deadline_claims(ctx: SentenceContext) -> list[Draft]:
    """An event with a deadline and no number: 'end the combat presence by the end of 2021'."""
    out = []
    for t in ctx.times:
        if t.mod != "by" or not re.match(r"(?i)by\s+the\s+end\b|by\s+\w+", t.text):
            continue
        before = ctx.text[max(0, t.start - 120) : t.start]
        events = list(_DEADLINE_EVENT.finditer(before))
        if not events:
            continue
        word = events[-1].group(0).lower()
        noun = "election" if word.startswith("election") else "withdrawal"
        if word.startswith("end") or word.startswith("complet") or word.startswith("finish"):
            noun = "withdrawal" if re.search(r"presence|mission|withdraw|pullout", before, re.I) \
                else "end"  # fmt: skip
        actor = actor_near(ctx.text, t.start, t.start)
        place = ctx.place(t.start, t.end, actor)
        subject = " ".join(p for p in (actor, noun) if p)
        if place and place != actor:
            subject += f" from {place}" if noun == "withdrawal" else f" in {place}"
        out.append(Draft("date", None, "event", subject, time=t.text))
    return out
