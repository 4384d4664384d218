"""Sentences -> claims: which numbers are claims, of what kind, about what, when, said by whom.

Rules (documented with examples in docs/extraction.md):

* A number is a claim only when it counts something: a person/troop noun next
  to it ("2,500 US troops", "the number of its troops ... to 2,500"), its own
  unit (money, percent), a period ("a period of 3 years"), or a plural noun
  that is the object of a past action ("struck five sites") -- an event count.
* Vague plurals ("thousands of troops") are kept only as casualty counts or
  crowd sizes: an editor cannot compare them with a figure otherwise.
* Kind comes from the words around the number in its clause: casualty words
  make a count; "from X to Y" a change (or, after a plan word, a target plus
  the current level X); "to Y" after a change verb a level (target after a
  plan word); "by N" or a withdrawal verb a change; else a level.
* Time is the nearest time expression in the clause, else in the sentence;
  a level stated in the present tense without one is "current".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from typing import NamedTuple

from claimcheck.extract.anchoring import anchor, event_date, is_background
from claimcheck.extract.sentences import Body, Sentence
from claimcheck.extract.where import Where
from claimcheck.extract.subjects import (
    Counted,
    actor_inside,
    actor_near,
    counted_after,
    counted_before,
    counted_elided,
    lexicon,
    place_near,
    said_by,
)
from claimcheck.model import Amount, Claim

DURATION_UNITS = frozenset({"days", "weeks", "months", "years", "decades"})

_CLAUSE_BREAK = re.compile(
    r";|:\s|\s[-–—]\s|,\s+(?:and|but|while|which|who|whereas|although|though|with|when|"
    r"after|before|as|only|in\s+addition)\b"
)
_CASUALTY_WORDS = (
    r"kill\w*|dead|died|die|deaths?|injur\w*|wound\w*|hurt|arrest\w*|detain\w*|missing|"
    r"displac\w*|evacuat\w*|rescued|hospitali[sz]ed|infected|abducted|kidnapped|executed|"
    r"casualt\w*|lost\s+their\s+lives|fatalit\w*|drown\w*|perish\w*|slain|murdered|fled|flee\w*|"
    r"relocated|toll"
)
_CASUALTY = re.compile(r"\b(?:" + _CASUALTY_WORDS + r")\b", re.IGNORECASE)
_AUX_CASUALTY = re.compile(
    r"\s+(?:(?:were|was|have|has|had|been|are|is|remain|remained|reportedly|later|also|"
    r"confirmed|feared|believed|thought|to\s+have|to\s+be)\s+){0,3}(?P<w>"
    + _CASUALTY_WORDS
    + r")\b",
    re.IGNORECASE,
)
_PLAN = re.compile(
    r"\b(?:plans?|planned|planning|aims?|aimed|aiming|goal|target(?:s|ed)?|intends?|intended|"
    r"expects?\s+to|expected\s+to|will|would|set\s+to|seeks?|wants?\s+to|propos\w+|pledg\w+|"
    r"promis\w+|vow\w*|calls?\s+for|to\s+reach)\b",
    re.IGNORECASE,
)
_CHANGE_VERB = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|bring\w*|brought|par\w+\s+down|draw\w*\s+down|shrink\w*|"
    r"slash\w*|trim\w*|increas\w*|rais\w*|boost\w*|expand\w*|grow\w*|grew|ris\w+|rose|fell|"
    r"fall\w*|drop\w*|declin\w*|reach\w*|doubl\w*)\b",
    re.IGNORECASE,
)
_MOVE_VERB = re.compile(
    r"\b(?:withdr[ae]w\w*|pull\w*\s+(?:out|back)|pulled|sen[dt]s?|deploy\w*|add\w*|remov\w*|"
    r"brought\s+home|bring\w*\s+home|dispatch\w*|redeploy\w*|relocat\w*|repatriat\w*)\b",
    re.IGNORECASE,
)
_DIRECT_CHANGE = re.compile(
    r"\b(?:cut|cuts|cutting|slash\w*|shed\w*|lay(?:s|ing)?\s+off|laid\s+off|hir(?:e|es|ed|ing)|"
    r"add(?:s|ed|ing)?|creat(?:e|es|ed|ing)|eliminat\w+|axe[sd]?|axing|send(?:s|ing)?|sent|"
    r"deploy\w*|withdr[ae]w\w*|dispatch\w*|redeploy\w*|pull\w*\s+out)\s+"
    r"(?:(?:an?|another|some)\s+)?(?:(?:additional|extra|further|more|new)\s+)?$",
    re.IGNORECASE,
)
"""A verb acting on the number right after it: "cut 10,000 jobs", "sent 800 troops"."""
_PASSIVE_MOVE = re.compile(
    r"^[^,;.]{0,40}?\b(?:have|has|had|were|was|are|is|being|be)\s+(?:been\s+)?(?:already\s+)?"
    r"(?:withdrawn|pulled\s+out|sent|deployed|added|removed|brought\s+home|dispatched|"
    r"redeployed|relocated|repatriated|evacuated|airlifted)\b",
    re.IGNORECASE,
)
_CHANGE_NOUN_AFTER = re.compile(
    r"^\s*(?:[a-z-]+\s+)?(?:increase|rise|cut|reduction|decrease|drop|fall|hike|boost|jump)\b",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(?:is|are|has|have|remains?|stands?|there\s+are|there\s+is|now|currently|still)\b",
    re.IGNORECASE,
)
_PAST_VERB = re.compile(
    r"(?:\b\w{3,}ed|\b(?:held|struck|hit|shot|built|won|lost|fought|took|made|sent|brought|"
    r"seized|destroyed|downed|fired|launched|conducted|carried\s+out|stormed|torched|burned|"
    r"raided|captured|shelled|bombed))\s+$",
    re.IGNORECASE,
)
_SAME_REF = re.compile(
    r"\b(?:to|at|by)\s+the\s+same\s+(?:number|level|figure|amount|size|total)\b", re.IGNORECASE
)
_DURATION_OK_BEFORE = re.compile(
    r"\b(?:over|within|for|of|spanning|lasting|lasted|lasts|during|sentenced\s+to|took|take|"
    r"takes|last)"
    r"\s+(?:a\s+|an\s+|the\s+)?$",
    re.IGNORECASE,
)
_DURATION_OK_AFTER = re.compile(
    r"^[\s-]*(?:long\s+)?(?:[a-z]+\s+)?(?:period|term|plan|timetable|timeline|sentence|ban|"
    r"ceasefire|truce|mission|deal|withdrawal|pullout|programme|program|process|transition|"
    r"deadline|extension|moratorium)\b",
    re.IGNORECASE,
)
_DURATION_BAD_BEFORE = re.compile(r"\b(?:past|last|next|first|coming|previous|recent)\s+$", re.I)
_DURATION_BAD_AFTER = re.compile(r"^\s*(?:ago|later|earlier|before|after|old|since)\b", re.I)
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
_EVENT_ANY = re.compile(
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


_DEADLINE_EVENT = re.compile(
    r"\b(?:end(?:s|ed|ing)?|withdr[ae]w\w*|pull\w*\s+out|leave|leaving|complet\w+|deadline|"
    r"election\w*|finish\w*|hand\w*\s+over|exit)\b",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"\b(?:one|two|three|each|any|none|either|neither|among|eldest|youngest|half|thirds?|"
    r"quarters?|most|some|many|several|majority|minority|part|few|rest)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VAGUE = re.compile(r"^(?:dozens|scores|hundreds|thousands|tens|millions|billions)\b", re.I)


class _TimeRef(NamedTuple):
    """A time mention (a tuple: thousands are made per article)."""

    text: str
    start: int
    end: int
    mod: str | None
    resolved: bool = False  # the recognizer gave it an interval: its text is understood


def _times(text: str, published: date | None) -> tuple[list[_TimeRef], date | None]:
    """The article's time mentions, and the date of its event (see anchoring)."""
    from claimcheck.extract.anchoring import DatedTime
    from claimcheck.recognize import dates

    mentions = dates.find_times(text, published)
    found = [_TimeRef(t.text, t.start, t.end, t.mod, t.interval is not None) for t in mentions]
    dated = sorted(
        (DatedTime(t.text, t.start, t.end, t.interval, t.mod) for t in mentions),
        key=lambda t: (t.start, t.end),
    )
    return sorted(found, key=lambda t: (t.start, t.end)), event_date(text, dated, published)


def _amounts(text: str) -> list[tuple[Amount, int, int]]:
    from claimcheck.recognize import numbers

    found: list[tuple[Amount, int, int]] = []
    for m in numbers.find_amounts(text):
        found.extend(_split_move(text, m.amount, m.start, m.end))
    return sorted(found, key=lambda a: (a[1], a[2]))


_MOVE_RANGE = re.compile(r"(?:from\s+)?(?P<x>.+?)\s+to\s+(?P<y>.+)", re.IGNORECASE)
_FROM_RANGE_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TRUE_RANGE_BEFORE = re.compile(r"\b(?:rang\w*|vary\w*|varied|anywhere)\s+(?:from\s+)?$", re.I)


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


def _clause_speaker(text: str, start: int, end: int) -> str | None:
    """ "Organisers put the crowd at 250,000, while police said about 40,000 attended": each
    figure has its own speaker when its clause names one."""
    lo, hi = _clause_bounds(text, start, end)
    if lo == 0 and hi == len(text):
        return None  # the clause is the sentence: said_by of the sentence says it
    return said_by(text[lo:hi])


@lru_cache(maxsize=4096)
def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text[start:end]``: between clause breaks around it (asked several
    times per number: by its kind, its time and its speaker, so remembered)."""
    left = 0
    right = len(text)
    for b_start, b_end in _breaks(text):
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


@lru_cache(maxsize=256)
def _breaks(text: str) -> tuple[tuple[int, int], ...]:
    """Clause breaks of a sentence, found once for all its numbers."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(text))


def _nearest_time(
    times: list[_TimeRef], text: str, start: int, end: int, *, prefer_by: bool = False
) -> _TimeRef | None:
    """Nearest time in the clause, else in the sentence; never one overlapping the number."""
    cands = [t for t in times if t.end <= start or t.start >= end]
    if not cands:
        return None
    lo, hi = _clause_bounds(text, start, end)
    in_clause = [t for t in cands if t.start >= lo and t.end <= hi]
    pool = in_clause or cands
    if prefer_by:
        by = [t for t in pool if t.mod == "by"]
        pool = by or pool

    def dist(t: _TimeRef) -> int:
        return t.start - end if t.start >= end else start - t.end

    return min(pool, key=lambda t: (dist(t), t.start))


def _time_for(
    ctx: _SentenceContext, start: int, end: int, *, plan: bool, lo: int, hi: int
) -> _TimeRef | None:
    """A target's time is its deadline (a "by" time or one after the number); else nearest."""
    if not plan:
        return _nearest_time(ctx.times, ctx.text, start, end)
    later = [t for t in ctx.times if t.mod == "by" or t.start >= end]
    t = _nearest_time(later, ctx.text, start, end, prefer_by=True)
    if (
        t is not None
        and t.mod is None
        and re.search(
            r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:on|in|of)\s+$",
            ctx.text[max(lo, t.start - 50) : t.start],
        )
    ):
        # "by the elections on November 3": the deadline is the date, read as "by".
        t = t._replace(text=f"by {t.text}", mod="by")
    return t


def _claim_id(source_id: str, kind: str, quote: str, value: str | None, subject: str) -> str:
    norm = " ".join(quote.split()).lower()
    digest = hashlib.sha1(f"{norm}\x1f{value}\x1f{kind}\x1f{subject.lower()}".encode()).hexdigest()
    return f"{source_id}-{kind}-{digest[:8]}"


def _subject(noun: str, actor: str | None, place: str | None, extra: str = "") -> str:
    parts = [p for p in (actor, noun, extra) if p]
    text = " ".join(parts)
    if place and place != actor:
        text += f" in {place}"
    return text


@dataclass
class _Draft:
    kind: str
    value: str | None
    unit: str
    subject: str
    time: str | None = None
    from_value: str | None = None
    to_value: str | None = None
    note: str | None = None
    low: float | None = None
    high: float | None = None
    speaker: str | None = None  # said_by of the number's own clause, if it names one
    time_source: str | None = None  # stated | publication | event (None: not yet anchored)
    event_bound: bool = False  # with no stated time, holds at the event's date


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
    if later and not _CLAUSE_BREAK.search(text, np_end, later.start()):
        return later.group(0)
    return None


def _event_participle(word: str) -> str:
    """'killing', 'deaths', 'dead' -> 'killed': one subject word per kind of casualty."""
    return next((p for stem, p in _PARTICIPLES if word.startswith(stem)), word)


def _duration_value(amount: Amount) -> str:
    return re.sub(r"[\s-]*[A-Za-z]+$", "", amount.text) or amount.text


class _Topic:
    """The article's most-named place, found only if some sentence needs it."""

    def __init__(self, text: str, dateline_place: str | None = None) -> None:
        self.text = text
        self.dateline_place = dateline_place

    @cached_property
    def where(self) -> Where:
        from claimcheck.extract.where import places_of

        return places_of(self.text, self.dateline_place)

    @cached_property
    def place(self) -> str | None:
        return _topic_place(self.text)


class _SentenceContext:
    """What one sentence offers every number in it (times given relative to the sentence)."""

    def __init__(
        self, sent: Sentence, body: Body, times: list[_TimeRef], topic: _Topic, figures: int = 1
    ) -> None:
        self.figures = figures
        self.sent = sent
        self.text = sent.text
        self.body = body
        self.times = times
        self._topic = topic

    @property
    def topic_place(self) -> str | None:
        return self._topic.place

    def figure_place(self, start: int, end: int) -> str | None:
        """The gazetteer's place for a figure of any event (see extract/where.py)."""
        from claimcheck.extract.where import figure_place

        where = self._topic.where
        others = self.figures - 1
        return figure_place(where, self.text, self.sent.start, start, end, others)

    @property
    def prev(self) -> Sentence | None:
        """The sentence before: only a period's event needs it, so it is found on demand."""
        return self.body.before(self.sent)

    def place(self, start: int, end: int, actor: str | None) -> str | None:
        return place_near(self.text, start, end, actor=actor) or self.topic_place


def _event_subject(ctx: _SentenceContext, start: int) -> str | None:
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


_BARE_PEOPLE = re.compile(r"(?:people|persons|individuals)(?:\s+in\s+.*)?$", re.IGNORECASE)
"""A count of "people" with nothing measured: grouping it would compare a death toll
with an evacuee count, so it is no claim."""


def _fanned_out(d: _Draft, sentence: str) -> list[_Draft]:
    """ "cut its contingents to 400 in Mali, Niger and Chad": one claim per place listed."""
    from dataclasses import replace

    from claimcheck.extract.where import coordinated_places

    head, sep, place = d.subject.rpartition(" in ")
    if not sep or "," not in sentence and " and " not in sentence:
        return []
    return [replace(d, subject=f"{head} in {other}") for other in coordinated_places(sentence, place)]


def sent_is_headline(sent: Sentence, is_title: bool) -> bool:
    """A line with no closing stop: a headline, subhead or caption."""
    return is_title or not sent.terminated


def _read_general(
    ctx: _SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    pair_to: tuple[Amount, int, int] | None,
) -> list[_Draft] | None:
    """Figures of any event, read by what they measure (None: leave it to the older,
    troop- and budget-minded reader, which knows changes, targets and deadlines)."""
    from claimcheck.extract.figures import read_figure

    text = ctx.text
    lo, hi = _clause_bounds(text, start, end)
    if _PARTITIVE.search(text, max(lo, start - 30), start):
        return []  # "half of the 300 soldiers": a share of a group, not a count of it
    if amount.unit is None and _DIRECT_CHANGE.search(text, max(lo, start - 40), start):
        return None  # "cut 10,000 jobs": a change, which the older reader knows
    last_end = pair_to[2] if pair_to else end
    reading = read_figure(text, amount, start, end, lo, hi)
    if reading is None and pair_to is not None:
        reading = read_figure(text, pair_to[0], pair_to[1], pair_to[2], lo, hi)
    if reading is None or reading.head.endswith("troops") or "among troops" in reading.head:
        return None
    place = ctx.figure_place(start, last_end)
    subject = f"{reading.head} in {place}" if place else reading.head
    plan = reading.kind == "target"
    t = _time_for(ctx, start, last_end, plan=plan, lo=lo, hi=hi)
    when = t.text if t else None
    if pair_to is not None:
        change = _Draft("change", None, reading.unit, subject, time=when,
                        from_value=amount.text, to_value=pair_to[0].text)  # fmt: skip
        latest = _Draft(reading.kind, pair_to[0].text, reading.unit, subject, time=when,
                        event_bound=reading.event_bound)  # fmt: skip
        latest.low, latest.high = pair_to[0].low, pair_to[0].high
        return [latest, change]
    return [_Draft(reading.kind, amount.text, reading.unit, subject, time=when,
                   event_bound=reading.event_bound)]  # fmt: skip


def _classify(
    ctx: _SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    pair_to: tuple[Amount, int, int] | None,
) -> list[_Draft]:
    """Claims one number makes (none, one, or a target plus its starting level)."""
    text = ctx.text
    lo, hi = _clause_bounds(text, start, end)
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
        t = _nearest_time(starts, text, start, end)
        return [_Draft("duration", _duration_value(amount), amount.unit, subject,
                       time=t.text if t else None)]  # fmt: skip
    if amount.unit and amount.unit not in ("percent",) and amount.unit.isupper():
        return _money(ctx, amount, start, end, lo, hi, pair_to)
    if amount.unit == "percent":
        return _percent(ctx, amount, start, end, lo)
    if amount.unit:
        return []
    if _PARTITIVE.search(text, max(lo, start - 30), start) or 0 < amount.high < 1:
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
        t = _nearest_time(ctx.times, text, start, end)
        subj = _subject(counted.group, actor, place)
        return [_Draft("count", amount.text, counted.unit, subj, time=t.text if t else None)]

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
        t = _time_for(ctx, min(start, l_end), max(end, l_end), plan=plan, lo=lo, hi=hi)
        subj = _subject(noun, actor, place, event)
        kind = "target" if plan else "count"
        return [_Draft(kind, latest.text, counted.unit, subj, time=t.text if t else None)]
    if qualifier_vague and noun == "troops":
        return []
    subject = _subject(noun, actor, place)
    plan = bool(_PLAN.search(pre))

    if pair_to is not None:
        to_amount = pair_to[0]
        t = _time_for(ctx, pair_to[1], pair_to[2], plan=plan, lo=lo, hi=hi)  # time of the "to"
        if plan:
            drafts = [_Draft("target", to_amount.text, counted.unit, subject,
                             time=t.text if t else None, from_value=amount.text)]  # fmt: skip
            if re.search(r"\b(?:current|present|existing)\s+$", pre):
                drafts.append(_Draft("level", amount.text, counted.unit, subject, time="current"))
            return drafts
        return [_Draft("change", None, counted.unit, subject, time=t.text if t else None,
                       from_value=amount.text, to_value=to_amount.text)]  # fmt: skip

    t = _time_for(ctx, start, end, plan=plan, lo=lo, hi=hi)
    when = t.text if t else None
    before_num = text[max(lo, start - 12) : start]
    if re.search(r"\bby\s+$", before_num) and _CHANGE_VERB.search(pre):
        return [_Draft("change", amount.text, counted.unit, subject, time=when)]
    if _CHANGE_NOUN_AFTER.match(text[counted.end : counted.end + 30] if not left_noun else ""):
        return [_Draft("change", amount.text, counted.unit, subject, time=when)]
    if not left_noun and _DIRECT_CHANGE.search(text, max(lo, start - 40), start):
        return [_Draft("change", amount.text, counted.unit, subject, time=when)]
    if plan and (re.search(r"\b(?:to|reach)\s+$", before_num) or (t and t.mod == "by")):
        return [_Draft("target", amount.text, counted.unit, subject, time=when)]
    moved = (
        _MOVE_VERB.search(pre[-40:]) and not left_noun and counted.group == "troops"
    ) or _PASSIVE_MOVE.match(text[counted.end : hi])
    if moved and not plan:
        return [_Draft("change", amount.text, counted.unit, subject, time=when)]
    note = None
    t_clause = _nearest_time(
        [x for x in ctx.times if x.start >= lo and x.end <= hi], text, start, end
    )
    if t_clause is None and _PRESENT.search(pre[-40:]):
        when, note = "current", "time inferred from the present tense"
    return [_Draft("level", amount.text, counted.unit, subject, time=when, note=note)]


_MONEY_NOUN = re.compile(
    r"\b(?:budget|spending|funding|aid|deal|package|"
    r"loan|debt|deficit|revenue|cost|costs|fund|bill|contract|assistance|investment|fine|"
    r"compensation|ransom|bailout|subsidy|subsidies)\b",
    re.IGNORECASE,
)
_MODS_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Za-z][\w'’-]*\s+){1,2}$")
"""Up to two words right before a money noun: its modifiers ("defence budget")."""


def _money(
    ctx: _SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    lo: int,
    hi: int,
    pair_to: tuple[Amount, int, int] | None = None,
) -> list[_Draft]:
    """Money: subject is the thing paid ("defence budget"); a change if an increase or cut."""
    text = ctx.text
    best: tuple[int, str, re.Match[str]] | None = None  # (phrase start, modifiers, noun)
    prev_end = lo
    for n in _MONEY_NOUN.finditer(text, lo, hi):
        mm = _MODS_BEFORE.search(text, max(prev_end, n.start() - 80), n.start())
        cand = (mm.start(), mm.group(0), n) if mm else (n.start(), "", n)
        prev_end = n.end()
        if best is None or abs(cand[0] - end) < abs(best[0] - end):
            best = cand
    if best is None:
        return []
    noun_m = best[2]
    words = best[1].split()
    # Only modifiers after the last determiner belong to the noun ("approved a budget").
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _DETERMINERS), default=0)
    mods = [w for w in words[cut:] if not w[:1].isdigit() and "$" not in w]
    actor = actor_near(text, best[0], noun_m.end())
    lex_names = lexicon().names
    mods = [w for w in mods if _POSSESSIVE.sub("", w) not in lex_names]  # "Ukraine's" is the actor
    noun = " ".join([*(m.lower() for m in mods), noun_m.group(0).lower()])
    subject = " ".join(p for p in (actor, noun) if p)
    if pair_to is not None:
        # "rose from $3.9bn to $4.2bn" / "rises to $4.2bn, up from $3.9bn"
        t = _nearest_time(ctx.times, text, pair_to[1], pair_to[2])  # the time of the "to"
        return [_Draft("change", None, str(amount.unit), subject, time=t.text if t else None,
                       from_value=amount.text, to_value=pair_to[0].text)]  # fmt: skip
    t = _nearest_time(ctx.times, text, start, end)
    kind = "level"
    after = text[end : end + 30]
    if _CHANGE_NOUN_AFTER.match(after) or (
        re.search(r"\bby\s+$", text[max(lo, start - 6) : start])
        and _CHANGE_VERB.search(text[lo:start])
    ):
        kind = "change"
    return [_Draft(kind, amount.text, str(amount.unit), subject, time=t.text if t else None)]


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
                          "in", "of", "for", "to", "on"])  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s$")
_PERCENT_SUBJECT = re.compile(
    r"(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)\s+(?:was|is|were|are|stood\s+at|"
    r"stands\s+at|reached|hit|rose\s+to|fell\s+to|climbed\s+to|dropped\s+to|increased\s+to|"
    r"decreased\s+to|of)\s+$"
)


def _percent(ctx: _SentenceContext, amount: Amount, start: int, end: int, lo: int) -> list[_Draft]:
    """A rate stated as a level: "Turnout was 67 percent", "unemployment rose to 5.2 percent"."""
    m = _PERCENT_SUBJECT.search(ctx.text, max(lo, start - 60), start)
    if m is None:
        return []
    words = m["np"].split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _DETERMINERS), default=0)
    words = [w for w in words[cut:] if w.lower() not in _NOT_RATE_WORDS]
    if not words or not words[-1][:1].isalpha():
        return []
    actor = actor_inside(ctx.text, m.start(), m.end())
    lex_names = lexicon().names
    noun = " ".join(w.lower() for w in words if _POSSESSIVE.sub("", w) not in lex_names)
    if not noun:
        return []
    t = _nearest_time(ctx.times, ctx.text, start, end)
    subject = " ".join(p for p in (actor, noun) if p)
    return [_Draft("level", amount.text, "percent", subject, time=t.text if t else None)]


_NOT_RATE_WORDS = frozenset(["it", "this", "that", "which", "there", "he", "she", "they", "and",
                             "or", "but", "figure", "number", "total", "share", "increase",
                             "rise", "drop", "fall", "cut", "decline", "jump", "reduction",
                             "up", "down", "by", "about", "around", "nearly", "almost", "some",
                             "just", "only", "over", "under", "than", "more", "less"])  # fmt: skip


_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:the\s+|a\s+|its\s+)?(?:current\s+|present\s+|existing\s+)?"
    r"(?:level\s+of\s+)?$",
    re.IGNORECASE,
)
_FROM_TO_GAP = re.compile(r"\s*(?:[A-Za-z]+\s+){0,2}?to\s+")
_TO_BEFORE = re.compile(r"\b(?:to|at)\s+(?:a\s+(?:new\s+)?(?:high|record|total)\s+of\s+)?$", re.I)
_TO_FROM_GAP = re.compile(
    r"(?:\s+(?:in|on|by|this|last)\s+[\w ]{1,20}?)?,?\s+(?:(?:up|down)\s+)?from\s+"
    r"(?:an?\s+|the\s+)?(?:(?:previous|earlier|initial|revised)\s+)?(?:(?:figure|estimate|"
    r"total|toll|level)\s+of\s+)?",
    re.IGNORECASE,
)


def _pairs(amounts: list[tuple[Amount, int, int]], text: str) -> dict[int, int]:
    """Index of X -> index of Y for each "from X to Y", and "to Y (, up) from X", in a sentence."""
    out: dict[int, int] = {}
    for i in range(len(amounts) - 1):
        _, xs, xe = amounts[i]
        _, ys, _ye = amounts[i + 1]
        if _FROM_BEFORE.search(text, max(0, xs - 30), xs) and _FROM_TO_GAP.fullmatch(text, xe, ys):
            out[i] = i + 1
        elif _TO_BEFORE.search(text, max(0, xs - 30), xs) and _TO_FROM_GAP.fullmatch(text, xe, ys):
            out[i + 1] = i  # reversed: the second number is where it came from
    return out


def _same_number(
    ctx: _SentenceContext, drafts_before: list[tuple[_Draft, Sentence]]
) -> list[_Draft]:
    """'reduced troops in Afghanistan to the same number': the value of the antecedent."""
    m = _SAME_REF.search(ctx.text)
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
    t = _nearest_time(ctx.times, ctx.text, m.start(), m.end())
    when = t.text if t else antecedent.time
    return [
        _Draft(
            "level",
            antecedent.value,
            antecedent.unit,
            _subject(counted.group, actor, place),
            time=when,
            note=f'value "{antecedent.value}" from the earlier figure the sentence refers to '
            f'("{m.group(0)}")',
            low=antecedent.low,
            high=antecedent.high,
        )
    ]


def _deadline_claim(ctx: _SentenceContext) -> list[_Draft]:
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
        out.append(_Draft("date", None, "event", subject, time=t.text))
    return out


def extract_claims(
    text: str,
    *,
    source_id: str,
    published: date | None,
    aliases: Sequence[Sequence[str]] = (),
    title: str | None = None,
    dateline_place: str | None = None,
) -> list[Claim]:
    """Every claim in an article, with verbatim quotes and spans into ``text``.

    The recognizers run once over the whole text; only sentences holding an amount,
    a deadline ("by ...") or a back-reference ("the same number") are split and read.
    """
    amounts = _amounts(text)
    times, event = _times(text, published)
    refs = [m.start() for m in _SAME_REF.finditer(text)] if "same" in text.lower() else []
    # A sentence is cut at non-word characters, so it holds a reference only if the text does
    # (case-blind matching also reads "ſ" as "s", which the lower() test above does not).
    any_ref = bool(refs) or ("ſ" in text and _SAME_REF.search(text) is not None)
    body = Body(text)
    hot = [s for _, s, _ in amounts] + [t.start for t in times if t.mod == "by"] + refs
    topic = _Topic(text, dateline_place)
    drafts: list[tuple[_Draft, Sentence]] = []
    ai = ti = 0
    for sent in body.sentences(near=hot):
        while ai < len(amounts) and amounts[ai][1] < sent.start:
            ai += 1
        while ti < len(times) and times[ti].start < sent.start:
            ti += 1
        mine = [(a, s - sent.start, e - sent.start) for a, s, e in
                _inside(amounts, ai, sent.end)]  # fmt: skip
        is_title = title is not None and sent.line_start and sent.text.endswith(title[-20:])
        if is_background(sent.text, published):
            continue
        has_ref = any_ref and _SAME_REF.search(sent.text) is not None
        sent_times = _inside_times(times, ti, sent.start, sent.end)
        has_by = any(t.mod == "by" for t in sent_times) and (sent.terminated or is_title)
        if not mine and not has_ref and not has_by:
            continue
        ctx = _SentenceContext(sent, body, sent_times, topic, len(mine))
        found: list[_Draft] = []
        if mine:
            pairs = _pairs(mine, sent.text)
            skip = set(pairs.values())
            for i, (a, s, e) in enumerate(mine):
                if i in skip:
                    continue
                pair = mine[pairs[i]] if i in pairs else None
                older_first = a.unit is not None and not sent_is_headline(sent, is_title)
                general = None if older_first else _read_general(ctx, a, s, e, pair)
                older = [] if general is not None else [
                    d for d in _classify(ctx, a, s, e, pair) if not _BARE_PEOPLE.match(d.subject)
                ]
                if older_first and not older:
                    general = _read_general(ctx, a, s, e, pair)
                if not (sent.terminated or is_title) and general is None:
                    continue
                for d in general if general is not None else older:
                    src = pair[0] if pair and d.value is not None and d.value == pair[0].text else a
                    if d.low is None:
                        d.low, d.high = src.low, src.high
                    d.speaker = _clause_speaker(sent.text, min(s, pair[1]) if pair else s,
                                                max(e, pair[2]) if pair else e)  # fmt: skip
                    found.append(d)
        if has_ref:
            found.extend(_same_number(ctx, drafts))
        if has_by and not found:
            found.extend(_deadline_claim(ctx))
        for d in found:
            drafts.append((d, sent))
            drafts.extend((copy, sent) for copy in _fanned_out(d, sent.text))
    understood = {t.text for t in times if t.resolved}
    if aliases:
        _fold_aliases(drafts, aliases)
    checked = _checked_times(drafts, published, understood)
    for d, _ in checked:
        if d.kind in ("date", "duration"):
            continue  # a period is dated by its own words, never by the report
        if d.time in ("current", "currently"):
            d.time = None
        a = anchor(d.time, event_bound=d.event_bound, event=event, published=published)
        d.time, d.time_source = a.text, a.source
    return _finish(checked, source_id, title)


def _fold_aliases(drafts: list[tuple[_Draft, Sentence]], aliases: Sequence[Sequence[str]]) -> None:
    """Write every name of an alias group as its first name ("Kiev" -> "Kyiv") in subjects,
    so claims from one extraction already agree with the claims file's own aliases."""
    canon = {
        a.lower(): group[0]
        for group in aliases
        if group
        for a in group[1:]
        if a and a.lower() != group[0].lower()
    }
    if not canon:
        return
    alt = "|".join(re.escape(a) for a in sorted(canon, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])(?:" + alt + r")(?![\w-])", re.IGNORECASE)
    for d, _ in drafts:
        d.subject = pattern.sub(lambda m: canon[m.group(0).lower()], d.subject)


def _inside(
    amounts: list[tuple[Amount, int, int]], i: int, end: int
) -> list[tuple[Amount, int, int]]:
    out = []
    while i < len(amounts) and amounts[i][2] <= end:
        out.append(amounts[i])
        i += 1
    return out


def _inside_times(times: list[_TimeRef], i: int, start: int, end: int) -> list[_TimeRef]:
    """Times inside a sentence, with offsets relative to it."""
    out = []
    while i < len(times) and times[i].start < end:
        t = times[i]
        if t.end <= end:
            out.append(_TimeRef(t.text, t.start - start, t.end - start, t.mod, t.resolved))
        i += 1
    return out


def _checked_times(
    drafts: list[tuple[_Draft, Sentence]], published: date | None, understood: set[str]
) -> list[tuple[_Draft, Sentence]]:
    """Every stated time must parse with the shared time parser, or it is dropped (noted)."""
    from claimcheck.recognize.dates import parse_time

    parsed = dict.fromkeys(understood, True)  # resolved by find_times: no need to re-parse
    for d, _ in drafts:
        if not d.time or d.time in ("current", "currently"):
            continue
        ok = parsed.get(d.time)
        if ok is None:
            ok = parsed[d.time] = parse_time(d.time, published) is not None
        if not ok:
            d.note = f'time "{d.time}" not understood; left out'
            d.time = None
    return drafts


def _topic_place(text: str) -> str | None:
    """The place an article is about: the most often named place (ties: first named)."""
    lex = lexicon()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    # The same scan as name_mentions, without building a mention per name: it reads the article.
    for m in lex.name_re.finditer(text, 0, 200_000):
        surface = m.group(0)
        canon = lex.names.get(surface[:-2] if surface.endswith(("'s", "’s")) else surface)
        if canon is not None and canon in lex.places and canon != "US":
            counts[canon] = counts.get(canon, 0) + 1
            first.setdefault(canon, m.start())
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k], first[k]))


def _loadable(value: str | None, low: float | None, high: float | None) -> str | None:
    """What extraction writes, the loader must read: a value the recognizer finds in running
    text but cannot read back alone is written in its plain form ("100m" -> "100,000,000")."""
    if value is None:
        return None
    from claimcheck.recognize.numbers import parse_amount

    if parse_amount(value) is not None:
        return value
    if low is None or high is None:
        return None
    plain = f"between {_plain(low)} and {_plain(high)}" if low != high else _plain(low)
    return plain if parse_amount(plain) is not None else None


def _plain(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def _finish(
    drafts: list[tuple[_Draft, Sentence]], source_id: str, title: str | None
) -> list[Claim]:
    """Dedupe (a headline repeating a body figure goes), build ids and Claims."""
    seen: set[tuple[object, ...]] = set()
    ids: dict[str, int] = {}
    claims: list[Claim] = []
    for d, s in drafts:
        # A repeated sentence (a headline printed twice) is one claim; a figure restated
        # in other words (headline and body) is two, as an editor would check both.
        key = (d.kind, d.subject.lower(), d.value, d.from_value, d.to_value, d.time,
               " ".join(s.text.split()).lower())  # fmt: skip
        if key in seen:
            continue
        seen.add(key)
        d.value = _loadable(d.value, d.low, d.high)
        d.from_value = _loadable(d.from_value, None, None)
        d.to_value = _loadable(d.to_value, None, None)
        if d.value is None and d.kind not in ("change", "date"):
            continue
        cid = _claim_id(source_id, d.kind, s.text, d.value or d.to_value, d.subject)
        n = ids.get(cid, 0)
        ids[cid] = n + 1
        claims.append(
            Claim(
                id=f"{cid}-{n + 1}" if n else cid,
                source=source_id,
                subject=d.subject,
                kind=d.kind,  # type: ignore[arg-type]
                value=d.value,
                unit=d.unit,
                quote=s.text,
                time=d.time,
                from_value=d.from_value,
                to_value=d.to_value,
                said_by=d.speaker or said_by(s.text),
                note=d.note,
                span=(s.start, s.end),
                time_source=d.time_source,  # type: ignore[arg-type]
            )
        )
    return claims
