"""Money and percentages the movement reader knows: "defence budget", "turnout was 67 percent";
and money as a figure of an event (``read_money_figure``: "damage", "appeal", "pledge")."""

from __future__ import annotations

import re

from claimcheck.extract.context import (
    CHANGE_NOUN_AFTER,
    CHANGE_VERB,
    Draft,
    SentenceContext,
    nearest_time,
)
from claimcheck.extract.reading import PLAN, Reading
from claimcheck.extract.subjects import (
    actor_inside,
    actor_near,
    lexicon,
)
from claimcheck.model import Amount
from claimcheck.recognize.lazyre import compile as _re_compile

_MONEY_NOUN = _re_compile(
    r"\b(?:budget|spending|funding|aid|deal|package|"
    r"loan|debt|deficit|revenue|cost|costs|fund|bill|contract|assistance|investment|fine|"
    r"compensation|ransom|bailout|subsidy|subsidies)\b",
    re.IGNORECASE,
)
_MODS_BEFORE = _re_compile(r"(?<![\w'’-])(?:[A-Za-z][\w'’-]*\s+){1,2}$")
"""Up to two words right before a money noun: its modifiers ("defence budget")."""


def read_money(
    ctx: SentenceContext,
    amount: Amount,
    start: int,
    end: int,
    lo: int,
    hi: int,
    pair_to: tuple[Amount, int, int] | None = None,
) -> list[Draft]:
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
        t = nearest_time(ctx.times, text, pair_to[1], pair_to[2])  # the time of the "to"
        return [Draft("change", None, str(amount.unit), subject, time=t.text if t else None,
                       from_value=amount.text, to_value=pair_to[0].text)]  # fmt: skip
    t = nearest_time(ctx.times, text, start, end)
    kind = "level"
    after = text[end : end + 30]
    if CHANGE_NOUN_AFTER.match(after) or (
        re.search(r"\bby\s+$", text[max(lo, start - 6) : start])
        and CHANGE_VERB.search(text[lo:start])
    ):
        kind = "change"
    return [Draft(kind, amount.text, str(amount.unit), subject, time=t.text if t else None)]


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that",
                          "in", "of", "for", "to", "on"])  # fmt: skip
_POSSESSIVE = _re_compile(r"['’]s$")
_PERCENT_SUBJECT = _re_compile(
    r"(?P<np>(?:[A-Za-z][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)\s+(?:was|is|were|are|stood\s+at|"
    r"stands\s+at|reached|hit|rose\s+to|fell\s+to|climbed\s+to|dropped\s+to|increased\s+to|"
    r"decreased\s+to|of)\s+$"
)


def read_percent(
    ctx: SentenceContext, amount: Amount, start: int, end: int, lo: int
) -> list[Draft]:
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
    t = nearest_time(ctx.times, ctx.text, start, end)
    subject = " ".join(p for p in (actor, noun) if p)
    from claimcheck.recognize.places import country_of

    place = ctx.figure_place(start, end) if actor is None else None
    if place and country_of(noun) is None:
        # "a turnout of 67 percent" is the story place's, as "Turnout was 67 percent" is
        subject = f"{subject} in {place}"
    return [Draft("level", amount.text, "percent", subject, time=t.text if t else None)]


_NOT_RATE_WORDS = frozenset(["it", "this", "that", "which", "there", "he", "she", "they", "and",
                             "or", "but", "figure", "number", "total", "share", "increase",
                             "rise", "drop", "fall", "cut", "decline", "jump", "reduction",
                             "up", "down", "by", "about", "around", "nearly", "almost", "some",
                             "just", "only", "over", "under", "than", "more", "less"])  # fmt: skip

_MONEY_NOUNS = _re_compile(
    r"\b(?:damages?|losses|appeal|aid|funding|funds?|assistance|cost|costs|budget|"
    r"compensation|donations?|relief|grant|loan|package|estimate|"
    r"pledge[sd]?|pledging|appeal(?:ing|ed)|donated|raised|sought|seeking|promised|"
    r"mobili[sz]e|received|disbursed)\b",
    re.IGNORECASE,
)
_MONEY_VERBS = {
    **dict.fromkeys(("pledge", "pledged", "pledging"), "pledge"),
    **dict.fromkeys(("appealing", "appealed", "sought", "seeking", "mobilize", "mobilise"),
                    "appeal"),
    "donated": "donation", "raised": "funds raised", "promised": "pledge",
    "received": "aid received", "disbursed": "aid received",
}  # fmt: skip
"""A verb naming what the money is: "donors pledged $5 million" is a pledge."""


def read_money_figure(
    text: str, unit: str, start: int, end: int, lo: int, hi: int
) -> Reading | None:
    """Money: named by what it pays for or estimates ("damage", "appeal", "aid")."""
    found = [m for m in _MONEY_NOUNS.finditer(text, lo, hi)]
    if not found:
        return None
    best = min(found, key=lambda m: m.start() - end if m.start() >= end else start - m.end())
    noun = best.group(0).lower().rstrip("s") if best.group(0).lower() != "losses" else "losses"
    if noun in ("damage", "damages"):
        noun = "damage"
    noun = _MONEY_VERBS.get(noun, noun)
    plan = noun in ("appeal", "pledge") or PLAN.search(text, lo, start) is not None
    return Reading(noun, unit, "target" if plan else "level")


_CURRENCIES = (
    "naira|lira|rupees?|pesos?|rand|shillings?|cedis?|yuan|renminbi|yen|roubles?|rubles?|"
    "hryvnias?|won|reais|real|ringgit|baht|kwacha|taka|riyals?|dinars?|birr|francs?|"
    "pounds?|euros?|rupiah|dong|kyat|leones?|afghanis?"
)
_PER_CURRENCY = _re_compile(
    r"\s*(?:(?:" + _CURRENCIES + r")\s+)?(?:per|to\s+the|to\s+one|against\s+the|for\s+one|"
    r"a|to\s+a)\s+(?:(?:US|U\.S\.|American)\s+)?(?P<base>dollar|euro|pound)\b",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = _re_compile(r"\b(?P<c>" + _CURRENCIES + r")\b", re.IGNORECASE)
_MARKET = _re_compile(
    r"\b(?P<m>parallel|black|official|interbank|unofficial|street|informal)\s+"
    r"(?:foreign\s+exchange\s+|fx\s+|currency\s+)?(?:market|window|rate)",
    re.IGNORECASE,
)


def read_exchange_rate(text: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """ "the naira weakened to 1,500 per dollar": a currency's price of one dollar (or
    euro, or pound), on the market the clause names (the official and the parallel rate
    are two quantities); None when the figure is priced in no currency named."""
    per = _PER_CURRENCY.match(text, end)
    if per is None:
        return None
    # the currency is often named once for the sentence ("..., while it traded at 13.6")
    named = [m["c"].lower() for m in _CURRENCY_BEFORE.finditer(text, max(0, start - 200), start)]
    if not named:
        return None
    currency = named[-1].rstrip("s") if named[-1] not in ("reais", "yuan") else named[-1]
    base = per["base"].lower()
    market = _MARKET.search(text, lo, hi)
    head = f"{currency} per {base}"
    if market is not None:
        head += f" ({market['m'].lower()} market)"
    return Reading(head, f"{currency}/{base}", "level")
