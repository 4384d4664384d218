"""What one sentence offers each figure in it: its clause, nearby times, the story's places.

Shared by the readers of figures (extract/claims.py for figures of any event,
extract/movements.py for changes, targets and deadlines, extract/rates.py for money
and percentages); plain data, one way: readers take a context and return drafts.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, NamedTuple

from claimcheck.dataclassgen import dataclass
from claimcheck.extract.anchoring import event_date
from claimcheck.extract.sentences import Body, Sentence
from claimcheck.extract.speakers import said_by
from claimcheck.extract.subjects import lexicon, place_near
from claimcheck.extract.where import Where
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import compile as _re_compile

if TYPE_CHECKING:
    from claimcheck.extract.reading import Reading

CLAUSE_BREAK = _re_compile(
    r";|:\s|\s[-–—]\s|,\s+(?:and|but|while|which|who|whereas|although|though|with|when|"
    r"after|before|as|only|in\s+addition)\b"
)

CHANGE_VERB = _re_compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|bring\w*|brought|par\w+\s+down|draw\w*\s+down|shrink\w*|"
    r"slash\w*|trim\w*|increas\w*|rais\w*|boost\w*|expand\w*|grow\w*|grew|ris\w+|rose|fell|"
    r"fall\w*|drop\w*|declin\w*|reach\w*|doubl\w*)\b",
    re.IGNORECASE,
)
CHANGE_NOUN_AFTER = _re_compile(
    r"^\s*(?:[a-z-]+\s+)?(?:increase|rise|cut|reduction|decrease|drop|fall|hike|boost|jump)\b",
    re.IGNORECASE,
)


class TimeRef(NamedTuple):
    """A time mention (a tuple: thousands are made per article)."""

    text: str
    start: int
    end: int
    mod: str | None
    resolved: bool = False  # the recognizer gave it an interval: its text is understood


def article_times(
    text: str, published: date | None
) -> tuple[list[TimeRef], date | None, date | None]:
    """The article's time mentions, the date of its event, and the day its figures are
    "as of" (see anchoring)."""
    from claimcheck.extract.anchoring import DatedTime, as_of_date
    from claimcheck.recognize import dates

    mentions = dates.find_times(text, published)
    found = [TimeRef(t.text, t.start, t.end, t.mod, t.interval is not None) for t in mentions]
    dated = sorted(
        (DatedTime(t.text, t.start, t.end, t.interval, t.mod) for t in mentions),
        key=lambda t: (t.start, t.end),
    )
    return (
        sorted(found, key=lambda t: (t.start, t.end)),
        event_date(text, dated, published),
        as_of_date(dated, published),
    )


def clause_speaker(text: str, start: int, end: int) -> str | None:
    """ "Organisers put the crowd at 250,000, while police said about 40,000 attended": each
    figure has its own speaker when its clause names one."""
    lo, hi = clause_bounds(text, start, end)
    if lo == 0 and hi == len(text):
        return None  # the clause is the sentence: said_by of the sentence says it
    return said_by(text[lo:hi])


@lru_cache(maxsize=4096)
def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
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
    return tuple(m.span() for m in CLAUSE_BREAK.finditer(text))


def nearest_time(
    times: list[TimeRef], text: str, start: int, end: int, *, prefer_by: bool = False
) -> TimeRef | None:
    """Nearest time in the clause, else in the sentence; never one overlapping the number."""
    cands = [t for t in times if t.end <= start or t.start >= end]
    if not cands:
        return None
    lo, hi = clause_bounds(text, start, end)
    in_clause = [t for t in cands if t.start >= lo and t.end <= hi]
    pool = in_clause or cands
    if prefer_by:
        by = [t for t in pool if t.mod == "by"]
        pool = by or pool

    def dist(t: TimeRef) -> int:
        return t.start - end if t.start >= end else start - t.end

    return min(pool, key=lambda t: (dist(t), t.start))


_EVENT_CLAUSE = _re_compile(
    r"\b(?:that|which|when)\s+(?:\w+\s+){0,2}?(?:hit|struck|rocked|shook|jolted|occurred|"
    r"happened|erupted|began|started|swept|tore|ripped|devastated|collapsed|sank|capsized|"
    r"crashed|derailed|exploded|broke\s+out|made\s+landfall|burst|breached|gave\s+way|"
    r"overflowed|overturned)\b[^,;]{0,70}$",
    re.IGNORECASE,
)
_PERFECT_BEFORE = _re_compile(
    r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|left|claimed|injured|"
    r"wounded|displaced|affected|destroyed|damaged)\b[^;.]{0,80}$",
    re.IGNORECASE,
)


_SAID_BEFORE = Folded(
    r"\b(?:said|says|reported|announced|confirmed|told\s+\w+)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)


def time_for(
    ctx: SentenceContext, start: int, end: int, *, plan: bool, lo: int, hi: int
) -> TimeRef | None:
    """A target's time is its deadline (a "by" time or one after the number); else nearest,
    but not the event's own time in a clause about it when a perfect tense gives the
    figure as it stands ("The quake that hit late on Friday has killed 2,122")."""
    if not plan:
        times = ctx.times
        told = [t for t in times if _SAID_BEFORE.search(ctx.text, max(0, t.start - 25), t.start)]
        if told or _PERFECT_BEFORE.search(ctx.text, max(0, start - 120), start):
            # "A fire that tore through ... late Sunday killed 44, officials said Tuesday":
            # the figure as told, not the event's own time
            times = [t for t in times if not (t not in told and _EVENT_CLAUSE.search(
                ctx.text, max(0, t.start - 100), t.start))]  # fmt: skip
        found = nearest_time(times, ctx.text, start, end)
        if found is not None and found.mod == "since" and told and told[-1] is not found:
            # "has killed 426 since October, the ministry said on Monday": the total as of
            # Monday, not as of the page's later day
            said = told[-1]
            return found._replace(text=f"{found.text} until {said.text}", end=said.end)
        return found
    later = [t for t in ctx.times if t.mod == "by" or t.start >= end]
    t = nearest_time(later, ctx.text, start, end, prefer_by=True)
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


def subject_text(noun: str, actor: str | None, place: str | None, extra: str = "") -> str:
    parts = [p for p in (actor, noun, extra) if p]
    text = " ".join(parts)
    if place and place != actor:
        text += f" in {place}"
    return text


@dataclass
class Draft:
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
    lasted: bool = False  # a period that has run ("a 10-month blockade"), not a plan's
    clause: tuple[int, int] | None = None  # the figure's clause in its sentence


class Topic:
    """The article's most-named place, found only if some sentence needs it."""

    def __init__(self, text: str, dateline_place: str | None = None) -> None:
        self.text = text
        self.dateline_place = dateline_place
        self.last_crowd_place: str | None = None  # where the article last counted a crowd

    @cached_property
    def where(self) -> Where:
        from claimcheck.extract.where import places_of

        return places_of(self.text, self.dateline_place)

    @cached_property
    def place(self) -> str | None:
        return _topic_place(self.text)


class SentenceContext:
    """What one sentence offers every number in it (times given relative to the sentence)."""

    def __init__(
        self, sent: Sentence, body: Body, times: list[TimeRef], topic: Topic, figures: int = 1
    ) -> None:
        self.figures = figures
        self.last_thing: str | None = None  # what the sentence's last counted figure counted
        self.last_reading: Reading | None = None  # how the sentence's last figure was read
        self.sent = sent
        self.text = sent.text
        self.body = body
        self.times = times
        self._topic = topic

    @property
    def topic_place(self) -> str | None:
        return self._topic.place

    def figure_place(self, start: int, end: int, *, parts: bool = True) -> str | None:
        """The gazetteer's place for a figure of any event (see extract/where.py);
        ``parts=False``: a figure of the whole event (a quake's magnitude), never a part's."""
        from claimcheck.extract.where import figure_place

        where = self._topic.where
        others = self.figures - 1
        return figure_place(where, self.text, self.sent.start, start, end, others, parts=parts)

    def crowd_place(self, start: int, end: int) -> str | None:
        """Where a crowd figure was counted: the city named with it, else where the
        article counted its last crowd ("In Paris, 57,000 marched. Police put the number
        at 40,000"); ``NATIONWIDE`` for a count across the country; None: unsaid."""
        from claimcheck.extract.where import crowd_place

        topic = self._topic
        found = crowd_place(topic.where, self.text, self.sent.start, start, end)
        if found is None:
            found = topic.last_crowd_place
        topic.last_crowd_place = found
        return found

    def country_before(self, start: int) -> str | None:
        """The last country the sentence names before ``start`` ("Egypt said 658 ...")."""
        where = self._topic.where
        off = self.sent.start
        named = [p for p in where.in_span(off, off + start) if p.kind == "country"]
        return named[-1].country if named else None

    def reading_place(self, start: int, end: int) -> str | None:
        """Where a reading was taken: a temperature is a city's or a region's ("49.2C in
        Jacobabad"); ``NATIONWIDE`` across the country; None: unsaid."""
        from claimcheck.extract.where import crowd_place

        return crowd_place(self._topic.where, self.text, self.sent.start, start, end, regions=True)

    @property
    def prev(self) -> Sentence | None:
        """The sentence before: only a period's event needs it, so it is found on demand."""
        return self.body.before(self.sent)

    def lead_in(self, reach: int = 800) -> str:
        """The article just before this sentence: what a figure pointing back refers to."""
        return self._topic.text[max(0, self.sent.start - reach) : self.sent.start]

    def place(self, start: int, end: int, actor: str | None) -> str | None:
        return place_near(self.text, start, end, actor=actor) or self.topic_place


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
