"""value-conflict: figures for one subject and unit, at overlapping times, that cannot all hold.

Compared: levels with levels, counts with counts, and targets with targets whose
deadlines overlap. Two figures agree when some number satisfies both once
hedges and rounding are applied (see Normalization): then there is nothing to
report. Claims without a resolved time are compared only with other undated
claims of the same article, except facts of the event (``time_source: event``: a
crowd, the people trapped by a collapse) from an article that gives no date: their
time is the event's whatever day it was, so they meet every figure of their
subject, as discrepancies at most. Inside one article, figures are compared only
when two named parties (``said_by``) give them.

One finding per disagreement: every claim that clashes with another at an
overlapping time joins one cluster (union of the clashing pairs), listed once
per source; several claims of one outlet that agree are one voice. The
evidence is the arithmetic of the clashing pairs, the extremes first. The
work is linear in the claims: claims with the same time are compared only
with the extremes (highest lower bound, lowest upper bound) of each time
that overlaps theirs, which finds every claim that clashes with any other.

Tiers of a pair:

* contradiction: the same time and no number satisfies both, with hedges and
  rounding;
* discrepancy: the figures clash but the times only partly overlap, or a time
  was guessed by extraction, or a vague amount ("hundreds") meets the other
  figure within the hedge tolerance of its ends ("hundreds" vs "1,050");
* update (info, hidden unless asked for): a cumulative count (deaths, injured,
  refugees, doses, houses damaged...: see ``CUMULATIVE``) whose higher figure
  is the later one (on a later day, or a time that starts and ends later), or
  is the same publisher's later report, or could be: a guessed window that starts
  before the higher figure's time. A cumulative count that falls from
  one time to a later one, even on different days (within a month), is a
  discrepancy. A count that rises and falls (people in hospital, missing, trapped,
  in camps) reported on two different days, each figure dated to its own day, is the
  count moving: no finding.

A cluster takes the worst tier of its pairs.

Flagged::

    a: count "more than 1,200" deaths in Gaza, time 2023-10-20 (source A)
    b: count "about 900" deaths in Gaza, time 2023-10-20 (source B)
    -> contradiction: more than 1,200 (> 1,200) vs about 900 (±10 %: 810–990)

    a: count "dozens" protesters arrested in Lima, 2024-03-02 (source A)
    b: count "more than 500", same subject and day (source B)  -> contradiction
    c: count 1,050, same subject and day vs "hundreds" (200–999) -> discrepancy

Not flagged::

    a: level 5,200 US troops in Iraq, late 2018
    b: level 2,500 US troops in Iraq, 2021-01-15      (times do not overlap)
    c: level about 2,500 US troops in Iraq, 2021-01-15 (the hedge allows 2,500)
    d: count 58 flood deaths in Sylhet on 06-20, then 375 on 06-21 (an update)
    e: "60 %" vs "more than 60 %"; "about 40 %" vs "38.6 %" (rounding and hedge)
    f: 57 people in hospital on 03-02, 56 on 03-03 (the count moved)
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from functools import lru_cache

from claimcheck.dataclassgen import dataclass
from claimcheck.grouping import Group
from claimcheck.model import DateInterval, NormalizedClaim, ValueInterval
from claimcheck.normalize import Settings
from claimcheck.normalize.fastparse import amount_of as parse_amount
from claimcheck.normalize.values import is_vague
from claimcheck.recognize.lazyre import compile as stored_compile
from claimcheck.rules._common import (
    RawFinding,
    cumulative,
    describe,
    fmt_num,
    norm_said_by,
    pct_apart,
    point,
    time_text,
    tolerance_note,
    update_order,
    value_tier,
    widen,
)

ID = "value-conflict"
FAMILIES = frozenset({"level", "count"})
EXTREMES = 3  # candidates kept per time and side, so one source never hides another
EVIDENCE = 6  # clashing pairs shown per finding
FALLING_WINDOW_DAYS = 31  # a cumulative count that fell is compared within a month
_RANK = {"contradiction": 2, "discrepancy": 1, "update": 0}


_KINDS = {
    "level": frozenset({"level", "count"}),
    "count": frozenset({"level", "count"}),
    "movement": frozenset({"target"}),
}
"""Kinds compared in each family (FAMILIES, and targets among movements)."""


def _compared(group: Group) -> list[NormalizedClaim]:
    kinds = _KINDS.get(group.family)
    if kinds is None:
        return []
    return [m for m in group.members if m.claim.kind in kinds and m.value and m.stated]


Bounds = tuple[float | None, float | None, bool, bool]


@dataclass(frozen=True)
class _Item:
    nc: NormalizedClaim
    index: int
    value: ValueInterval
    edge: ValueInterval
    time: DateInterval | None
    guessed: bool
    bounds: Bounds
    """The stated interval's (low, high, low_open, high_open), read once (see ``_apart``)."""


@dataclass
class _Bucket:
    """Claims with one time (or, undated, of one source)."""

    time: DateInterval | None
    source: str | None
    items: list[_Item]
    highest_low: list[_Item]
    lowest_high: list[_Item]


def _lo(v: ValueInterval) -> float:
    return v.low if v.low is not None else float("-inf")


def _hi(v: ValueInterval) -> float:
    return v.high if v.high is not None else float("inf")


def _extremes(items: Sequence[_Item], key: object, reverse: bool) -> list[_Item]:
    """The best few items by ``key``, at most one per source."""
    if len(items) == 1:  # most times have one claim: it is its own extreme
        return [items[0]]
    chosen: list[_Item] = []
    seen: set[str] = set()
    for it in sorted(items, key=key, reverse=reverse):  # type: ignore[call-overload]
        if it.nc.claim.source in seen:
            continue
        seen.add(it.nc.claim.source)
        chosen.append(it)
        if len(chosen) == EXTREMES:
            break
    return chosen


def _buckets(items: Sequence[_Item]) -> list[_Bucket]:
    by_key: dict[tuple[object, ...], list[_Item]] = {}
    for it in items:
        t = it.time
        key: tuple[object, ...] = (
            ("t", t.start, t.end) if t is not None else ("u", it.nc.claim.source)
        )
        by_key.setdefault(key, []).append(it)
    out = []
    for members in by_key.values():
        first = members[0]
        one = len(members) == 1  # most times have one claim: it is its own extreme
        out.append(
            _Bucket(
                time=first.time,
                source=None if first.time is not None else first.nc.claim.source,
                items=members,
                highest_low=[first] if one else _extremes(members, _by_low, True),
                lowest_high=[first] if one else _extremes(members, _by_high, False),
            )
        )
    return out


def _by_low(i: _Item) -> tuple[float, int]:
    return (_lo(i.value), -i.index)


def _by_high(i: _Item) -> tuple[float, int]:
    return (_hi(i.value), i.index)


def _ord_start(t: DateInterval) -> int:
    return t.start.toordinal() if t.start else -(10**9)


def _ord_end(t: DateInterval) -> int:
    return t.end.toordinal() if t.end else 10**9


def _undated_event(b: _Bucket) -> bool:
    """Facts of the event (a crowd, the people trapped) from an article that gives no
    date: their time is the event's, whatever day it was, so they meet every figure
    for the subject (as discrepancies at most: the time is a guess)."""
    return b.time is None and any(it.nc.claim.time_source == "event" for it in b.items)


def _overlapping_buckets(buckets: list[_Bucket]) -> Iterator[tuple[_Bucket, _Bucket]]:
    """Ordered pairs (A, B), A == B included, whose times overlap; undated: same source,
    or any time for an undated fact of the event."""
    # by (start, end), ties in bucket order (a stable sort's), each ordinal read once
    timed = sorted(
        (_ord_start(b.time), _ord_end(b.time), k, b)
        for k, b in enumerate(buckets)
        if b.time is not None
    )
    active: list[tuple[int, _Bucket]] = []
    for start, end, _k, b in timed:
        active = [a for a in active if a[0] >= start]
        for _end, a in active:
            yield a, b
            yield b, a
        yield b, b
        active.append((end, b))
    for b in buckets:
        if b.time is None:
            yield b, b
            if _undated_event(b):
                for other in buckets:
                    if other is not b:
                        yield b, other
                        yield other, b


def _falling_pairs(buckets: list[_Bucket]) -> Iterator[tuple[_Bucket, _Bucket]]:
    """(time, merged extremes of the other times) for cumulative counts that may fall.

    Both ways: each time meets the highest lower bounds of the times that ended
    before it, and the lowest upper bounds of the times that start after it,
    within ``FALLING_WINDOW_DAYS`` (a running toll of one event; a figure years
    earlier counts another event). So every claim on either side of a fall is found.
    """
    timed = [b for b in buckets if b.time is not None]
    # each order's ties in bucket order (a stable sort's), each ordinal read once
    ends = [(_ord_end(b.time), k, b) for k, b in enumerate(timed) if b.time.end is not None]  # type: ignore[arg-type,union-attr]
    starts = [(_ord_start(b.time), k, b) for k, b in enumerate(timed) if b.time.start is not None]  # type: ignore[arg-type,union-attr]
    ended = sorted(ends)
    window: deque[tuple[int, int, _Bucket]] = deque()
    i = 0
    for start, _k, later in sorted(starts):
        while i < len(ended) and ended[i][0] < start:
            window.append(ended[i])
            i += 1
        while window and window[0][0] < start - FALLING_WINDOW_DAYS:
            window.popleft()
        if window:
            high = _extremes([it for _e, _j, b in window for it in b.highest_low], _by_low, True)
            yield later, _Bucket(None, None, high, high, [])
    started = sorted((-start, k, b) for start, k, b in starts)
    ahead: deque[tuple[int, int, _Bucket]] = deque()
    j = 0
    for neg_end, _k, earlier in sorted((-end, k, b) for end, k, b in ends):
        end = -neg_end
        while j < len(started) and -started[j][0] > end:
            ahead.append(started[j])
            j += 1
        while ahead and -ahead[0][0] > end + FALLING_WINDOW_DAYS:
            ahead.popleft()
        if ahead:
            low = _extremes([it for _s, _j, b in ahead for it in b.lowest_high], _by_high, False)
            yield earlier, _Bucket(None, None, low, [], low)


@dataclass(frozen=True)
class _Clash:
    a: _Item
    b: _Item
    tier: str


def _two_voices(a: NormalizedClaim, b: NormalizedClaim) -> bool:
    """Two articles, or two named parties in one: an article's own two figures for one
    time are most often a part and its whole, not a disagreement."""
    if a.claim.source != b.claim.source:
        return True
    sa, sb = norm_said_by(a.claim.said_by), norm_said_by(b.claim.said_by)
    return bool(sa and sb and sa != sb)


def _pair(
    x: _Item, y: _Item, is_cumulative: bool, settings: Settings, moving: bool = False
) -> str | None:
    """The tier of a pair whose times overlap (or which is a falling cumulative count)."""
    a, b = x.nc, y.nc
    if a.claim.id == b.claim.id or not _two_voices(a, b):
        return None
    assert a.stated is not None and b.stated is not None
    same = x.time == y.time and not (x.guessed or y.guessed)
    tier = value_tier(a.stated, x.value, b.stated, y.value, same, x.edge, y.edge)
    if tier is None:
        return None
    if is_cumulative:
        low, high = (x, y) if _hi(x.value) <= _lo(y.value) else (y, x)
        order = update_order(low.nc, high.nc, settings)
        if order is not None and order[1] is high.nc:
            return "update"  # the same publisher's later report of a higher toll
    if moving and _reported_days_apart(x, y):
        return None  # "57 in hospital" one day, "56" the next: the count moved
    if is_cumulative and x.time is not None and y.time is not None:
        assert low.time is not None and high.time is not None
        if not low.time.overlaps(high.time):
            return "discrepancy" if _ord_end(high.time) < _ord_start(low.time) else None
        if _ord_start(high.time) > _ord_start(low.time) and _ord_end(high.time) > _ord_end(
            low.time
        ):
            return "update"
        if _may_be_earlier(low, high):
            return "update"
        if (_since(low) or _since(high)) and _ord_end(high.time) > _reported_end(low):
            return "update"  # a total "since October" holds at its end: the later, higher
    return tier


MOVING = stored_compile(
    r"\b(?:missing|unaccounted|trapped|stranded|still|remain\w*|critical|without|in\s+need|"
    r"isolation|in\s+hospital|camps?|shelters?)\b",
    re.IGNORECASE,
)
"""Counts that rise and fall as a story goes on (not a fact of the event, like how many
were aboard or came to a rally, nor a running toll)."""


def _reported_days_apart(x: _Item, y: _Item) -> bool:
    """Two reports of a count that rises and falls (people in hospital, missing, in camps),
    each dated to its own day (a stated day, or a page's day with a day of slack), on
    different days: the count moved in between; the same day's reports still meet."""
    if x.time is None or y.time is None:
        return False
    spans = [_ord_end(t) - _ord_start(t) for t in (x.time, y.time)]
    if any(s > 2 or s < 0 for s in spans) or any(
        s == 2 and not it.guessed for s, it in zip(spans, (x, y), strict=True)
    ):
        return False
    mid = [(_ord_start(t) + _ord_end(t)) // 2 for t in (x.time, y.time)]
    return mid[0] != mid[1]


def _since(it: _Item) -> bool:
    """A running total counted from a start ("since the outbreak began in October"): its
    period is the count's base, and the figure holds at the period's end. Read from the
    words, not ``time_mod``: the recognizer files "as of X" and "starting X" under "since"
    too, and a total "as of X" holds at X."""
    time = it.nc.claim.time
    return isinstance(time, str) and time.lstrip().lower().startswith(_SINCE_WORDS)


_SINCE_WORDS = ("since ", "that began ", "which began ", "that started ", "which started ")
"""How a running total's start is written: "since the war began", "a campaign that began
on Oct. 31"."""


def _reported_end(it: _Item) -> int:
    """The last day a figure holds: a page's own day, guessed with a day of slack either
    side (``time_source`` publication), ends on that day, not on the slack's."""
    t = it.time
    assert t is not None
    end = _ord_end(t)
    return end - 1 if it.guessed and end - _ord_start(t) == 2 else end


def _may_be_earlier(low: _Item, high: _Item) -> bool:
    """A guessed time is a window the figure held somewhere in (an undated page dated by
    its story's coverage): the lower toll may be the earlier report when its window
    starts before the other's time, or the higher one the later when its window ends
    after. A page's own date, guessed with a day of slack, is no window: figures of the
    same day or the next stay a discrepancy. A higher toll the text itself dates only
    vaguely ("in mid-April", "this month") may likewise be of a day after the lower one's."""
    assert low.time is not None and high.time is not None
    low_window = _window(low) or (_window(low, stated=True) and _width(low) <= MONTH_DAYS)
    return (low_window and _ord_start(low.time) < _ord_start(high.time)) or (
        _window(high, stated=True) and _ord_end(high.time) > _ord_end(low.time)
    )


MONTH_DAYS = 31
"""A lower toll dated only "earlier this month" may be an earlier report; one of a whole
year ("500 died in 2023") is a total, and a higher figure inside the year still disputes it."""


def _width(it: _Item) -> int:
    assert it.time is not None
    return _ord_end(it.time) - _ord_start(it.time)


def _window(it: _Item, stated: bool = False) -> bool:
    """A time wider than a report's own day with its day of slack either side: guessed
    (or, with ``stated``, written so)."""
    t = it.time
    return (it.guessed or stated) and t is not None and _ord_end(t) - _ord_start(t) > 2


def check(group: Group, settings: Settings) -> Iterator[RawFinding]:
    kinds = _KINDS.get(group.family)
    if kinds is None:
        return
    tol = settings.about_tolerance
    items: list[_Item] = []
    for nc in group.members:  # _compared and _item in one pass over the group
        if nc.claim.kind in kinds and nc.value and nc.stated:
            items.append(_item(nc, len(items), tol))
    if len(items) < 2:
        return
    is_cum = cumulative(f"{group.label} {group.subject}", group.unit)
    moving = not is_cum and MOVING.search(f"{group.label} {group.subject}") is not None
    if is_cum:
        items = _own_current(items)
        if len(items) < 2:
            return
    buckets = _buckets(items)
    clashes: list[_Clash] = []
    pairs = list(_overlapping_buckets(buckets))
    if is_cum:
        pairs += list(_falling_pairs(buckets))
    candidates: dict[int, list[_Item]] = {}
    for a, b in pairs:
        if a is b and len(a.items) == 1:
            continue  # a time's one claim meets only itself: _pair says None (same id)
        ys = candidates.get(id(b))
        if ys is None:
            ys = candidates[id(b)] = _candidates(b)
        for x in a.items:
            xb = x.bounds
            for y in ys:
                if not _apart(xb, y.bounds):
                    continue  # stated figures that overlap never clash: most pairs
                tier = _pair(x, y, is_cum, settings, moving)
                if tier is not None:
                    clashes.append(_Clash(x, y, tier))
    yield from _clusters(group, clashes, settings, buckets)


def _own_current(items: list[_Item]) -> list[_Item]:
    """The items without a running count an outlet itself contradicts: a higher figure it
    dates to a day before its own current, lower one ("29 killed, the ministry said on
    Monday ... On Sunday, 40 were killed in a collision near ...") is another event's, or
    one it has since corrected, not a figure it holds against the other outlets'."""
    by_source: dict[str, list[_Item]] = {}
    for it in items:
        if it.time is not None:
            by_source.setdefault(it.nc.claim.source, []).append(it)
    dropped: set[int] = set()
    for own in by_source.values():
        for x in own:
            for y in own:
                assert x.time is not None and y.time is not None
                if _ord_end(x.time) < _ord_start(y.time) and _lo(x.value) > _hi(y.value):
                    dropped.add(x.index)
    if not dropped:
        return items
    kept = [it for it in items if it.index not in dropped]
    for i, it in enumerate(kept):
        it.__dict__["index"] = i  # frozen, as ``_item`` builds it: indexes stay dense
    return kept


def _apart(x: Bounds, y: Bounds) -> bool:
    """``not ValueInterval(*x).overlaps(ValueInterval(*y))`` on the (low, high, low_open,
    high_open) of two stated figures, without building or calling anything: when they
    overlap, ``value_tier`` and so ``_pair`` say None."""
    xl, xh, xlo, xho = x
    yl, yh, ylo, yho = y
    return (xh is not None and yl is not None and (xh < yl or (xh == yl and (xho or ylo)))) or (
        yh is not None and xl is not None and (yh < xl or (yh == xl and (yho or xlo)))
    )


def _candidates(b: _Bucket) -> list[_Item]:
    """A bucket's extremes, each once (an item often has both the highest low and the
    lowest high): a pair met twice would only repeat the same clash."""
    out = list(b.highest_low)
    out += [y for y in b.lowest_high if not any(y is z for z in b.highest_low)]
    return out


def _item(nc: NormalizedClaim, index: int, tol: float) -> _Item:
    claim, value, s = nc.claim, nc.value, nc.stated
    assert value is not None and s is not None
    it = _new(_Item)  # built(): every field, without the generated __init__'s setattrs
    it.__dict__.update(
        nc=nc,
        index=index,
        value=value,
        edge=widen(value, tol) if _vague(claim.value or "") else value,
        time=nc.time,
        guessed=claim.time_source in _GUESSED,
        bounds=(s.low, s.high, s.low_open, s.high_open),
    )
    return it


_new = object.__new__
_GUESSED = ("publication", "event")
"""``Claim.time_guessed``'s time sources, read without the property."""


@lru_cache(maxsize=1 << 16)
def _vague(text: str) -> bool:
    """The value as written is a vague amount ("hundreds"); once per distinct text."""
    amount = parse_amount(text)
    return amount is not None and is_vague(amount)


def _find(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _clusters(
    group: Group, clashes: list[_Clash], settings: Settings, buckets: list[_Bucket]
) -> Iterator[RawFinding]:
    """Connected clashing claims -> one finding each; updates only where nothing clashes."""
    if not clashes:
        return  # most groups: no same-time index to build
    same_time: dict[tuple[str, object], list[_Item]] = {}
    for b in buckets:
        for it in b.items:
            same_time.setdefault((it.nc.claim.source, _time_key(it)), []).append(it)
    findings = [c for c in clashes if c.tier != "update"]
    in_finding = {c.a.index for c in findings} | {c.b.index for c in findings}
    updates = [c for c in clashes if c.tier == "update" and not
               ({c.a.index, c.b.index} & in_finding)]
    for chosen in (findings, updates):
        parent: dict[int, int] = {}
        for c in chosen:
            for i in (c.a.index, c.b.index):
                parent.setdefault(i, i)
            ra, rb = _find(parent, c.a.index), _find(parent, c.b.index)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        comps: dict[int, list[_Clash]] = {}
        for c in chosen:
            comps.setdefault(_find(parent, c.a.index), []).append(c)
        for root in sorted(comps):
            finding = _finding(group, comps[root], settings, same_time)
            if finding is not None:
                yield finding


def _time_key(it: _Item) -> object:
    return (it.time.start, it.time.end) if it.time is not None else None


def _voice(it: _Item, settings: Settings) -> str:
    src = settings.sources.get(it.nc.claim.source)
    outlet = (src.publisher if src and src.publisher else None) or it.nc.claim.source
    return f"{' '.join((it.nc.claim.value or '').split())} ({outlet})"


def _finding(
    group: Group,
    clashes: list[_Clash],
    settings: Settings,
    same_time: dict[tuple[str, object], list[_Item]],
) -> RawFinding | None:
    """The cluster as one finding, with each voice's other figures for the same time
    as context; None unless two sources (or two named speakers) take part."""
    tol = settings.about_tolerance
    tier = max((c.tier for c in clashes), key=lambda t: _RANK[t])
    items = {c.a.index: c.a for c in clashes} | {c.b.index: c.b for c in clashes}
    sources = {it.nc.claim.source for it in items.values()}
    named = {norm_said_by(it.nc.claim.said_by) for it in items.values()}
    if len(sources) < 2 and (len(named) < 2 or "" in named):
        return None  # one article's own figures, unless two named parties speak
    core = tuple(sorted(it.nc.claim.id for it in items.values()))
    for it in list(items.values()):
        for other in same_time.get((it.nc.claim.source, _time_key(it)), []):
            items.setdefault(other.index, other)
    members = sorted(items.values(), key=lambda it: (it.nc.claim.source, it.nc.claim.id))
    evidence: list[str] = []
    seen: set[tuple[str, str]] = set()
    ranked = sorted(
        clashes,
        key=lambda c: (-_RANK[c.tier], -_gap(c), c.a.nc.claim.id, c.b.nc.claim.id),
    )
    for c in ranked:
        first, second = sorted((c.a, c.b), key=lambda it: (it.nc.claim.source, it.nc.claim.id))
        key = (_voice(first, settings), _voice(second, settings))
        if key in seen:
            continue
        seen.add(key)
        if len(evidence) < EVIDENCE:
            evidence.append(_arithmetic(group, first, second, c.tier, tol))
    voices = sorted({_voice(it, settings) for it in members})
    points = [p for p in (point(it.value) for it in members) if p is not None]
    spread = f"{fmt_num(min(points))}–{fmt_num(max(points))}" if points else "unknown"
    what = "target" if members[0].nc.claim.kind == "target" else members[0].nc.claim.kind
    if tier == "update":
        head = f"a cumulative count rising over time ({len(voices)} figures)"
    else:
        head = f"{len(voices)} figures from {len({it.nc.claim.source for it in members})} " \
               "sources cannot all hold"
    message = (
        f"{head} for the {what} of {group.label}: {'; '.join(voices[:8])}"
        f"{' …' if len(voices) > 8 else ''} (spread {spread}); {evidence[0]}"
    )
    return RawFinding(
        ID, tier, group.subject, group.label, message,
        tuple(it.nc for it in members), tuple(evidence), core,
    )


def _gap(c: _Clash) -> float:
    pa, pb = point(c.a.value), point(c.b.value)
    return abs(pa - pb) if pa is not None and pb is not None else 0.0


def _arithmetic(group: Group, first: _Item, second: _Item, tier: str, tol: float) -> str:
    a, b = first.nc, second.nc
    assert a.stated is not None and b.stated is not None
    note = tolerance_note(a.stated, first.value, b.stated, second.value)
    if tier == "update":
        note = "a cumulative count may rise"
    elif first.time is not None and second.time is not None and not first.time.overlaps(
        second.time
    ):
        note += "; a cumulative count cannot fall"
    when = (
        f"both {time_text(a)}" if first.time == second.time
        else f"{time_text(a)} / {time_text(b)}"
    )
    return (
        f"{describe(a.claim.value, a.stated, first.value, tol)} vs "
        f"{describe(b.claim.value, b.stated, second.value, tol)} "
        f"({pct_apart(a.stated, b.stated)}; {note}; {when})"
    )
