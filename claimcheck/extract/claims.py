"""Article text -> claims: every figure, what it measures, where and when it holds.

The pipeline of one article (docs/extraction.md has the rules with examples):

* the recognizers find every amount and time once, over the whole text;
* only sentences holding an amount, a deadline or a back-reference are read;
* each figure is read by what it measures (extract/figures.py: deaths, injured,
  crowd, doses, lengths...), else by the movement reader (extract/movements.py:
  changes, targets, troop levels, budgets);
* its place comes from the gazetteer (extract/where.py) and its time from the
  sentence, the event or the report (extract/anchoring.py);
* values are written in a form the claims-file loader reads back.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from claimcheck import _smallhash as hashlib
from claimcheck.extract.anchoring import (
    aggregate_since,
    anchor,
    in_background_clause,
    is_background,
    period_ending,
    war_toll_since,
)
from claimcheck.extract.context import (
    Draft,
    SentenceContext,
    TimeRef,
    Topic,
    article_times,
    clause_bounds,
    clause_speaker,
    time_for,
)
from claimcheck.extract.headlines import headlines_dated_by_body, without_truncated_headlines
from claimcheck.extract.move_times import dated_ends, latest_time
from claimcheck.extract.movements import (
    DIRECT_CHANGE,
    PARTITIVE,
    SAME_REF,
    article_amounts,
    classify,
    deadline_claims,
    from_to_pairs,
    same_number,
)
from claimcheck.extract.refine import refined
from claimcheck.extract.sentences import Body, Sentence
from claimcheck.extract.speakers import said_by
from claimcheck.extract.where import NATIONWIDE
from claimcheck.model import PART_OF_LARGER, Amount, Claim
from claimcheck.recognize.lazyre import compile as _re_compile


def _claim_id(source_id: str, kind: str, quote: str, value: str | None, subject: str) -> str:
    norm = " ".join(quote.split()).lower()
    digest = hashlib.sha1(f"{norm}\x1f{value}\x1f{kind}\x1f{subject.lower()}".encode()).hexdigest()
    return f"{source_id}-{kind}-{digest[:8]}"


_AHEAD = _re_compile(
    r"\b(?:will|would|plan\w*|aim\w*|expect\w*|next|coming|within|may|might|could|take|"
    r"timetable|deadline|schedule\w*)\b",
    re.IGNORECASE,
)
"""Words of a period still to come: its time is not the stretch before the report."""
_CIVIL_PERSONNEL = _re_compile(
    r"\s+(?P<who>police|emergency|medical|health|rescue|fire|relief|aid)\s+personnel\b",
    re.IGNORECASE,
)
"""Personnel who are not soldiers: "600 police personnel", "24,000 emergency personnel"."""
_FIREFIGHTING = _re_compile(
    r"\b(?:fight\w*|battl\w*|tackl\w*|on)\s+(?:the\s+)?(?:fires?|blazes?|flames|wildfires?)\b"
    r"|\bfire(?:fighting|\s+lines?)\b",
    re.IGNORECASE,
)
"""Personnel fighting a fire are firefighters, not troops ("5,930 personnel fighting the
fire"), unless the clause names soldiers."""
_RESTATED_AS = _re_compile(
    r"\b(?:put|puts|putting|estimated|estimates|placed|places|gave|gives|set|sets)\s+"
    r"(?:(?:the|that|this|its|their)\s+(?:number|figure|total|toll|count|tally|crowd|turnout|"
    r"magnitude|size|strength)(?:\s+of\s+\w+)?|it|them)\s+(?:at|as|to)\s+(?:[a-z]+\s+){0,3}$",
    re.IGNORECASE,
)
"""Another source's figure for the quantity the sentence just gave."""
_PULLED = _re_compile(r"\bpull", re.IGNORECASE)
_SURVIVORS_AFTER = _re_compile(
    r"\s+(?:[a-z]+\s+)?(?:survivors|bodies|people|persons|victims|children|residents|miners|"
    r"workers|passengers)\b",
    re.IGNORECASE,
)
"""'pulled out 1,000 survivors' is a rescue, not troops pulled out."""
_SOLDIERS = _re_compile(r"\b(?:troops|soldiers|army|military|marines|national\s+guard)\b", re.I)
_TROOPS = _re_compile(
    r"\b(?:troops|forces|soldiers|personnel|servicemen|contingents?|marines|sailors)\b", re.I
)
_BARE_PEOPLE = _re_compile(r"(?:people|persons|individuals)(?:\s+in\s+.*)?$", re.IGNORECASE)
"""A count of "people" with nothing measured: grouping it would compare a death toll
with an evacuee count, so it is no claim."""


_SUPERSEDED = _re_compile(
    r"\b(?:earlier|previous|initial|preliminary|provisional|original|prior|first|old)\s+"
    r"(?:[a-z]+\s+)?(?:estimates?|figures?|counts?|tolls?|tall(?:y|ies)|readings?|totals?)\s+"
    r"of\s+(?:(?:about|around|some|roughly|nearly|almost|at\s+least|more\s+than|over|up\s+to|"
    r"between)\s+)?$"
    r"|\b(?:earlier|previously|initially|at\s+first)\b[^.;]{0,40}?\b(?:put|gave|set|estimated|"
    r"reported|placed)\s+(?:the|its|their)\s+(?:death\s+|casualty\s+)?(?:toll|figure|number|"
    r"count|estimate|total)\s+at\s+(?:(?:about|around|some|roughly|nearly|almost|at\s+least|"
    r"more\s+than|over|up\s+to)\s+)?$",
    re.IGNORECASE,
)
"""A figure named as one since replaced: "an earlier estimate of 300", "its preliminary
count of 12"; the source no longer says it (a "from" figure paired with its new value is
kept as the change)."""
_RANGE_JOIN = frozenset({"to", "-", "–", "and", "or"})
_EACH = _re_compile(r"\b(?:each|apiece|every\s+one\s+of)\b", re.IGNORECASE)


def _of_listed_places(d: Draft, sentence: str) -> list[Draft]:
    """The drafts a figure gives, said of listed places: "cut its contingents to 400 each in
    Mali, Niger and Chad" holds in each place (one draft per place); without "each", "1,200
    died in Spain and Portugal" is one figure for them together, so the subject names them
    all (sorted, so outlets that list them in another order agree) and is never compared
    with one of them. A figure of one place is itself."""
    from dataclasses import replace

    from claimcheck.extract.where import coordinated_places

    head, sep, place = d.subject.rpartition(" in ")
    if not sep or ("," not in sentence and " and " not in sentence):
        return [d]
    if d.clause is not None:  # "..., as temperatures topped 46C": not the list's figure
        sentence = sentence[d.clause[0] : d.clause[1]]
    others = coordinated_places(sentence, place)
    if not others:
        return [d]
    if _EACH.search(sentence):
        return [d, *(replace(d, subject=f"{head} in {other}") for other in others)]
    return [replace(d, subject=f"{head} in {' and '.join(sorted([place, *others]))}")]


def _restated(text: str, before: tuple[Amount, int, int], amount: Amount, start: int) -> bool:
    """ "200 km/h (125 mph)", "$48.5 million (R900 million)": the same figure in another
    unit, in brackets right after it, is counted once."""
    prev, _, prev_end = before
    return (
        prev.unit is not None
        and amount.unit is not None
        and amount.unit != prev.unit
        and text[prev_end:start].strip() == "("
    )


def _older(
    ctx: SentenceContext, a: Amount, s: int, e: int, pair: tuple[Amount, int, int] | None
) -> list[Draft]:
    """The movement reader's claims, without the subjects that name no quantity: bare
    "people", or a place ("Lima stands at 61 percent": a rate of what?)."""
    from claimcheck.recognize.places import country_of

    return [
        d
        for d in classify(ctx, a, s, e, pair)
        if not _BARE_PEOPLE.match(d.subject)
        and not (d.unit == "percent" and country_of(d.subject.title()) is not None)
    ]


_TOTAL_TO = _re_compile(
    r"\b(?:bringing|taking|raising|pushing|lifting)\s+(?:the|its)\s+(?:overall\s+|cumulative\s+|"
    r"national\s+)?(?:total|tally|count|number)\s+(?:of\s+\w+\s+)?to\s+(?:(?:about|around|nearly|"
    r"almost|some|more\s+than|over|roughly)\s+)?$",
    re.IGNORECASE,
)
_INCREASE_HEAD = _re_compile(r"^(?:(?:daily|weekly)\s+)?new\s+")
_NATIONALS = _re_compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:of|among)\s+(?:its|their)\s+(?:own\s+)?(?:nationals|citizens|"
    r"pilgrims|people|workers)\b"
)
_WHOLE_EVENT = frozenset({"earthquake magnitude", "sustained winds", "wind gusts"})
"""Figures of the whole event: one quake has one magnitude wherever a sentence places it."""
_MOVED_BY = _re_compile(
    r"\b(?:up|down|rose|fell|risen|fallen|increased|decreased|jumped|dropped|climbed|grew|"
    r"declined|surged|slumped|plunged|soared)\s+(?:by\s+)?(?:(?:about|around|nearly|almost|"
    r"some|more\s+than|over|roughly)\s+)?$",
    re.IGNORECASE,
)
"""A percentage a thing moved by ("cases are up 40%"): a change of what the sentence names,
never the rate the sentence before was about."""
_JOBS_AFTER = _re_compile(r"\s+(?:[a-z-]+\s+)?(?:jobs|positions|posts|roles)\b")
"""Jobs shed or added: a count of their own, however it is worded (``figures._jobs``)."""


def sent_is_headline(sent: Sentence, is_title: bool) -> bool:
    """A line with no closing stop: a headline, subhead or caption."""
    return is_title or not sent.terminated


def _read_general(
    ctx: SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    pair_to: tuple[Amount, int, int] | None,
    *,
    from_context: bool = False,
) -> list[Draft] | None:
    """Figures of any event, read by what they measure (None: leave it to the older,
    troop- and budget-minded reader, which knows changes, targets and deadlines).
    ``from_context``: a bare rate read by the measure of the sentence before."""
    from claimcheck.extract.figures import ATTRIBUTE_AFTER, read_figure
    from claimcheck.extract.shares import BENCHMARK_AFTER, per_month, share_from_before

    text = ctx.text
    lo, hi = clause_bounds(text, start, end)
    if PARTITIVE.search(text, max(lo, start - 30), start):
        return []  # "half of the 300 soldiers": a share of a group, not a count of it
    direct = DIRECT_CHANGE.search(text, max(lo, start - 40), start) if amount.unit is None else None
    if direct and not (
        (_PULLED.search(direct.group(0)) and _SURVIVORS_AFTER.match(text, end))
        or _JOBS_AFTER.match(text, end)
    ):
        return None  # "cut 10,000 troops": a change, which the older reader knows
    last_end = pair_to[2] if pair_to else end
    if amount.unit == "percent" and BENCHMARK_AFTER.match(text, end):
        return []  # "above the 1% threshold", "the bank's 2% target"
    if from_context:
        reading = share_from_before(ctx.prev.text) if ctx.prev is not None else None
    else:
        reading = read_figure(text, amount, start, end, lo, hi, ctx.last_thing, ctx.lead_in)
    if reading is None and pair_to is not None and not from_context:
        reading = read_figure(text, pair_to[0], pair_to[1], pair_to[2], lo, hi)
    if reading is None and amount.unit is None and ATTRIBUTE_AFTER.match(text, end):
        return []  # "a 21-storey building", "a 40-seat bus": what the thing is, not a count
    if (
        reading is None
        and ctx.last_reading is not None
        and amount.unit is None
        and _RESTATED_AS.search(text, max(0, start - 60), start)
    ):
        reading = ctx.last_reading  # "...; the geophysics centre put it at 7": the same figure
    if (
        reading is None
        and ctx.last_reading is not None
        and amount.unit is None
        and _TOTAL_TO.search(text, max(0, start - 60), start)
    ):
        # "1,200 new cases this week, bringing the total to 15,000": the running total of
        # what the increase was counted in
        head = _INCREASE_HEAD.sub("", ctx.last_reading.head).replace(f" {PART_OF_LARGER}", "")
        reading = dataclasses.replace(ctx.last_reading, head=head, kind="count")
    civil = _CIVIL_PERSONNEL.match(text, end) if reading is not None else None
    if reading is not None and civil is not None and reading.head.startswith("personnel"):
        # "600 police personnel deployed": police, not troops
        reading = dataclasses.replace(reading, head=f"{civil['who'].lower()} {reading.head}")
    elif (
        reading is not None
        and reading.head.startswith(("personnel", "troops"))
        and _FIREFIGHTING.search(text, lo, hi)
        and not _SOLDIERS.search(text, lo, hi)
    ):
        reading = dataclasses.replace(reading, head="firefighters deployed", unit="people")
    elif reading is None or (_TROOPS.search(reading.head) and "police" not in reading.head):
        return None  # troop levels move: the movement reader knows them
    elif reading.head.endswith(" deployed") and _TROOPS.search(text, lo, hi):
        return None  # "the contingent stationed there rose to 600": a troop level too
    reading = refined(reading, text, start, end, lo, hi)
    if ctx.last_reading is not None and _RESTATED_AS.search(text, max(0, start - 60), start):
        # "25,000 walked out, though the ministry put the number at 9,000": one quantity
        reading = dataclasses.replace(ctx.last_reading, kind=reading.kind)
    ctx.last_reading = reading
    if reading.thing is not None:
        ctx.last_thing = reading.thing
    place = ctx.crowd_place(start, last_end) if reading.head == "crowd" else None
    if reading.head == "temperature":  # a reading of a city or region: "49.2C in Jacobabad"
        place = ctx.reading_place(start, last_end)
    if place == NATIONWIDE:  # "1.28 million across France": not any one city's crowd
        if reading.head == "crowd":
            reading = dataclasses.replace(reading, head="crowd nationwide")
        place = None
    nationals = _NATIONALS.match(text, end) or _NATIONALS.search(text, end, hi)
    country = ctx.country_before(start) if nationals is not None else None
    if country is not None:
        # "Egypt said 658 of its nationals had died", "Jordan reported 99 deaths among its
        # pilgrims": that country's people, wherever they died
        subject = f"{reading.head} among {country} nationals"
    else:
        place = place or ctx.figure_place(start, last_end, parts=reading.head not in _WHOLE_EVENT)
        subject = f"{reading.head} in {place}" if place else reading.head
    plan = reading.kind == "target"
    t = time_for(ctx, start, last_end, plan=plan, lo=lo, hi=hi)
    when = t.text if t else None
    if reading.head.startswith("GDP "):
        subject = subject.replace(reading.head, per_month(reading.head, when), 1)
    if pair_to is not None:
        dated = dated_ends(ctx, (start, end), (pair_to[1], pair_to[2]))
        if dated is not None:
            # "to 61.8% in July from 71.6% in June": two levels, each at its own time
            was = Draft(reading.kind, amount.text, reading.unit, subject, time=dated[0],
                        event_bound=reading.event_bound)  # fmt: skip
            now = Draft(reading.kind, pair_to[0].text, reading.unit, subject, time=dated[1],
                        event_bound=reading.event_bound)  # fmt: skip
            now.low, now.high = pair_to[0].low, pair_to[0].high
            return [now, was]
        when = latest_time(ctx, t, (start, end), (pair_to[1], pair_to[2]))
        change = Draft("change", None, reading.unit, subject, time=when,
                        from_value=amount.text, to_value=pair_to[0].text)  # fmt: skip
        latest = Draft(reading.kind, pair_to[0].text, reading.unit, subject, time=when,
                        event_bound=reading.event_bound)  # fmt: skip
        latest.low, latest.high = pair_to[0].low, pair_to[0].high
        return [latest, change]
    lasted = reading.kind == "duration" and not _AHEAD.search(text, lo, hi)
    return [Draft(reading.kind, amount.text, reading.unit, subject, time=when,
                   event_bound=reading.event_bound, lasted=lasted)]  # fmt: skip


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
    amounts = article_amounts(text)
    times, event, as_of = article_times(text, published)
    refs = [m.start() for m in SAME_REF.finditer(text)] if "same" in text.lower() else []
    # A sentence is cut at non-word characters, so it holds a reference only if the text does
    # (case-blind matching also reads "ſ" as "s", which the lower() test above does not).
    any_ref = bool(refs) or ("ſ" in text and SAME_REF.search(text) is not None)
    body = Body(text)
    hot = [s for _, s, _ in amounts] + [t.start for t in times if t.mod == "by"] + refs
    topic = Topic(text, dateline_place)
    drafts: list[tuple[Draft, Sentence]] = []
    ai = ti = 0
    for sent in body.sentences(near=hot):
        while ai < len(amounts) and amounts[ai][1] < sent.start:
            ai += 1
        while ti < len(times) and times[ti].start < sent.start:
            ti += 1
        mine = [(a, s - sent.start, e - sent.start) for a, s, e in
                _inside(amounts, ai, sent.end)]  # fmt: skip
        mine = [m for m in mine if not in_background_clause(sent.text, m[1], published)]
        is_title = title is not None and sent.line_start and sent.text.endswith(title[-20:])
        if is_background(sent.text, published):
            continue
        has_ref = any_ref and SAME_REF.search(sent.text) is not None
        sent_times = _inside_times(times, ti, sent.start, sent.end)
        has_by = any(t.mod == "by" for t in sent_times) and (sent.terminated or is_title)
        if not mine and not has_ref and not has_by:
            continue
        ctx = SentenceContext(sent, body, sent_times, topic, len(mine))
        found: list[Draft] = []
        if mine:
            pairs = from_to_pairs(mine, sent.text)
            skip = set(pairs.values())
            gone: set[int] = set()  # amounts right after a superseded one
            for i, (a, s, e) in enumerate(mine):
                old = _SUPERSEDED.search(sent.text, max(0, s - 70), s) or (
                    i in gone and sent.text[mine[i - 1][2] : s].strip() in _RANGE_JOIN
                )
                if old:
                    gone.add(i + 1)  # "an earlier estimate of 24,000 to 27,000": both ends
                if i in skip or (i and _restated(sent.text, mine[i - 1], a, s)):
                    continue
                if old and i not in pairs:
                    continue  # "revising its earlier estimate of 24,000": no longer said
                pair = mine[pairs[i]] if i in pairs else None
                rate = a.unit == "percent"
                older_first = (
                    a.unit is not None and not rate and not sent_is_headline(sent, is_title)
                )
                general = None if older_first else _read_general(ctx, a, s, e, pair)
                older = [] if general is not None else _older(ctx, a, s, e, pair)
                if older_first and not older:
                    general = _read_general(ctx, a, s, e, pair)
                if rate and general is None and not older and not _MOVED_BY.search(sent.text, 0, s):
                    general = _read_general(ctx, a, s, e, pair, from_context=True)
                if not (sent.terminated or is_title) and general is None:
                    continue
                for d in general if general is not None else older:
                    src = pair[0] if pair and d.value is not None and d.value == pair[0].text else a
                    if d.low is None:
                        d.low, d.high = src.low, src.high
                    lo, hi = min(s, pair[1]) if pair else s, max(e, pair[2]) if pair else e
                    d.speaker = clause_speaker(sent.text, lo, hi)
                    d.clause = clause_bounds(sent.text, lo, hi)
                    found.append(d)
        if has_ref:
            found.extend(same_number(ctx, drafts))
        if has_by and not found:
            found.extend(deadline_claims(ctx))
        for d in found:
            drafts.extend((one, sent) for one in _of_listed_places(d, sent.text))
    understood = {t.text for t in times if t.resolved}
    if aliases:
        _fold_aliases(drafts, aliases)
    checked = _checked_times(drafts, published, understood)
    reference = as_of or published  # running tallies hold "as of" the day the article says
    for d, _ in checked:
        if d.kind == "date":
            continue  # a deadline is dated by its own words
        since = aggregate_since(d.time, published) if d.kind == "count" else None
        if since is not None:
            head, sep, place = d.subject.partition(" in ")
            d.subject = f"{head} since {since}{sep}{place}"
        elif (
            d.kind == "count"
            and d.subject.startswith(("deaths", "injured"))
            and war_toll_since(d.time, published, text, d.time in understood)
        ):
            d.subject = f"war {d.subject}"
        if d.kind == "duration":
            if d.time is None and d.lasted:
                d.time = period_ending(reference, d.high, d.unit)
                d.time_source = "publication" if d.time else None
            continue
        if d.time in ("current", "currently"):
            d.time = None
        when = anchor(
            d.time,
            event_bound=d.event_bound,
            event=event,
            published=published,
            running=d.kind == "count",
            reference=reference,
        )
        d.time, d.time_source = when.text, when.source
    headlines_dated_by_body(checked)
    checked = without_truncated_headlines(checked)
    return _finish(checked, source_id, title)


def _fold_aliases(drafts: list[tuple[Draft, Sentence]], aliases: Sequence[Sequence[str]]) -> None:
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


def _inside_times(times: list[TimeRef], i: int, start: int, end: int) -> list[TimeRef]:
    """Times inside a sentence, with offsets relative to it."""
    out = []
    while i < len(times) and times[i].start < end:
        t = times[i]
        if t.end <= end:
            out.append(TimeRef(t.text, t.start - start, t.end - start, t.mod, t.resolved))
        i += 1
    return out


def _checked_times(
    drafts: list[tuple[Draft, Sentence]], published: date | None, understood: set[str]
) -> list[tuple[Draft, Sentence]]:
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


def _loadable(value: str | None, low: float | None, high: float | None) -> str | None:
    """What extraction writes, the loader must read: a value the recognizer finds in running
    text but cannot read back alone is written in its plain form ("100m" -> "100,000,000")."""
    if value is None:
        return None
    if _reads_back(value):
        return value
    if low is None or high is None:
        return None
    plain = f"between {_plain(low)} and {_plain(high)}" if low != high else _plain(low)
    return plain if _reads_back(plain) else None


_PLAIN_NUMBER = _re_compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?")


@lru_cache(maxsize=65536)
def _reads_back(value: str) -> bool:
    """The loader reads this value (values repeat: remembered; plain figures always do)."""
    if _PLAIN_NUMBER.fullmatch(value):
        return True
    from claimcheck.recognize.numbers import parse_amount

    return parse_amount(value) is not None


def _plain(x: float) -> str:
    return f"{int(x):,}" if x == int(x) else f"{x:,}"


def _finish(drafts: list[tuple[Draft, Sentence]], source_id: str, title: str | None) -> list[Claim]:
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
