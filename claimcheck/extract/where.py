"""Where a figure's quantity is counted: the article's country, or a part the sentence names.

Outlets name one event's place at different levels ("Kochi", "Kerala",
"India"); a subject keyed on whichever name a sentence happens to use would split
one death toll into three. So a figure is filed under the country of the story
(the dateline's, else the country the article names most), and under a smaller
place only when the sentence breaks a figure down by place ("12 in Aceh and 9 in
Riau") or puts it in another country ("in the US, 90%"): those are other
quantities, and must not be compared with the national figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from claimcheck.dataclassgen import dataclass
from claimcheck.recognize.folded import Folded
from claimcheck.recognize.lazyre import compile as _re_compile

if TYPE_CHECKING:
    from claimcheck.recognize.places import PlaceMention


@dataclass(frozen=True)
class Where:
    """The places of one article, found once."""

    country: str | None  # the story's country
    mentions: tuple[PlaceMention, ...]
    spread: bool = False
    """The story names three or more parts of its country (a storm across provinces, a
    vote across states): a figure tied to one of them counts that part, not the whole.
    A story that names one or two (the town of a stampede and its state) happened there,
    and its figures count the whole event."""

    def in_span(self, lo: int, hi: int) -> list[PlaceMention]:
        return [p for p in self.mentions if lo <= p.start and p.end <= hi]


def places_of(text: str, dateline_place: str | None = None) -> Where:
    """The article's places and the country its story is in."""
    from claimcheck.recognize.places import countries_of, find_places

    found = tuple(p for p in find_places(text) if not _in_credits(text, p.start))
    mentions = _agreeing(text, found, countries_of)
    mentions = _with_demonym_places(text, mentions)
    # A country named outright says more than a town that shares a name with one
    # abroad; a name spelled out in several words more than a one-word name.
    counts: dict[str, float] = {}  # weighted mentions per country
    lead = _lead_end(text)
    for p in mentions:
        w = _weight(text, p)
        counts[p.country] = counts.get(p.country, 0.0) + (w * LEAD_WEIGHT if p.start < lead else w)
    country = None
    if dateline_place:
        # The dateline says where; when its name is a town in several countries
        # ("VALENCIA, Spain"), the one the article names most is meant.
        named = countries_of(dateline_place)
        if named:
            country = max(named, key=lambda c: (counts.get(c, 0.0), -named.index(c)))
            if _filed_from_afar(text, mentions, counts, country, dateline_place):
                country = None  # "GENEVA (Reuters) - Famine ... in Sudan": filed from a hub
    if country is None and mentions:
        first = {p.country: p.start for p in reversed(mentions)}
        country = min(counts, key=lambda c: (-counts[c], first[c]))
    parts = [p.name for p in mentions if p.kind != "country" and p.country == country]
    filed = next((p.name for p in mentions if _in_dateline(text, p, dateline_place)), None)
    if filed is not None and parts.count(filed) == 1:
        parts.remove(filed)  # where it was filed from, named in the dateline alone
    return Where(country, mentions, spread=len(set(parts)) >= 3)


_DATELINE_AFTER = _re_compile(r"[ \t]*(?:,|\(|—|–|-)")


def _in_dateline(text: str, p: PlaceMention, dateline_place: str | None) -> bool:
    """The dateline's place as matched ("NEW DELHI" may match only "DELHI"), or a place
    in capitals opening a line before a comma, a credit or a dash ("LAGOS, May 3")."""
    if dateline_place is not None:
        return p.text.casefold() in dateline_place.casefold()
    line = text.rfind("\n", 0, p.start) + 1
    lead = text[line : p.start].strip()
    return (
        p.text.isupper()
        and (not lead or lead.isupper())
        and _DATELINE_AFTER.match(text, p.end) is not None
    )


_CREDITS = _re_compile(
    r"^[ \t]*(?:(?:additional\s+)?reporting|writing|editing|compiled|produced|"
    r"photographs?|video)\s+by\b",
    re.IGNORECASE | re.MULTILINE,
)


def _in_credits(text: str, at: int) -> bool:
    """A wire story's closing credits ("Reporting by ...; Editing by Kim ...") name
    people; a given name there that is also a town is no place of the story."""
    line = text.rfind("\n", 0, at) + 1
    return _CREDITS.match(text, line) is not None


LEAD_WEIGHT = 1.5
"""How much more a place named in the story's lead says than one named further down: the
lead says where it happened; later paragraphs bring in neighbours, smoke, reactions."""
_PARAGRAPH = _re_compile(r"^[^\n]{80,}", re.MULTILINE)


def _lead_end(text: str) -> int:
    """Where the lead ends: the end of the first paragraph of prose (a line of 80
    characters or more: past the title, byline and date lines), within the page's top."""
    m = _PARAGRAPH.search(text, 0, 2000)
    return m.end() if m is not None else 0


_ELSEWHERE = 6.0
"""How much a page must name another country, its dateline's never, to be that country's
story: two plain mentions or one "in Sudan" (a wire hub's dateline, a UN agency's city)."""


def _filed_from_afar(
    text: str,
    mentions: tuple[PlaceMention, ...],
    counts: dict[str, float],
    country: str,
    dateline_place: str,
) -> bool:
    """The dateline's country is named nowhere but in the dateline, another one often."""
    own = sum(
        _weight(text, p)
        for p in mentions
        if p.country == country and p.text.lower() != dateline_place.lower()
    )
    best = max(counts.values(), default=0.0)
    return own == 0 and best >= _ELSEWHERE + counts.get(country, 0.0)


def _agreeing(
    text: str, mentions: tuple[PlaceMention, ...], countries_of: Callable[[str], tuple[str, ...]]
) -> tuple[PlaceMention, ...]:
    """A town named in several countries is the one the article's other places are in:
    "St Petersburg" beside "Florida" is Florida's, not Russia's (the larger town). Only
    when the other places support one candidate and none supports the first pick."""
    support: dict[str, float] = {}
    by_text: dict[str, dict[str, float]] = {}
    for p in mentions:
        w = _weight(text, p)
        support[p.country] = support.get(p.country, 0.0) + w
        own = by_text.setdefault(p.text, {})
        own[p.country] = own.get(p.country, 0.0) + w
    moved: dict[str, str] = {}
    for name in {p.text for p in mentions if p.kind != "country"}:
        candidates = countries_of(name)
        if len(candidates) < 2:
            continue
        others = {c: support.get(c, 0.0) - by_text[name].get(c, 0.0) for c in candidates}
        first = next(p.country for p in mentions if p.text == name)
        best = max(candidates, key=lambda c: (others[c], -candidates.index(c)))
        if best != first and others[best] > 0 and others.get(first, 0.0) <= 0:
            moved[name] = best
    if not moved:
        return mentions
    return tuple(replace(p, country=moved[p.text]) if p.text in moved else p for p in mentions)


_ACROSS_COUNTRIES = _re_compile(
    r"\b(?:across|in|from)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|a\s+dozen|dozens\s+of)\s+(?:[A-Z][a-z]+\s+|other\s+)?(?:countries|nations|states)\b"
)
_IN_RIGHT_AFTER = _re_compile(r"\s+(?:[a-z]+\s+){0,2}?(?:in|across)\s+(?:the\s+)?")
# "\bthe" written "the(?<!\wthe)": a literal lead the engine finds by fast search. Same matches.
_DEMONYM_PLACE = _re_compile(
    r"the(?<!\wthe)\s+([A-Z][a-z]+)\s+(?:island|islands|port|city|town|village|coast|capital|region|"
    r"province|state|district|border\s+town|resort|enclave|mainland)\s+of\s+[A-Z]"
)


def _with_demonym_places(text: str, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """ "the Italian island of Lampedusa", "the Indian state of Assam": the press names a
    small place by its country's adjective, and the country is where the story is even
    when the gazetteer does not know the place."""
    if _DEMONYM_PLACE.search(text) is None:
        return mentions
    from claimcheck.normalize.subjects import gazetteer
    from claimcheck.recognize.places import PlaceMention, country_of

    table = gazetteer()
    taken = {(p.start, p.end) for p in mentions}
    extra: list[PlaceMention] = []
    for m in _DEMONYM_PLACE.finditer(text):
        place = table.get((m.group(1).lower(),))
        if place is None or not place.demonym:
            continue
        country = country_of(place.canonical.replace("_", " ").title())
        if country is None or (m.start(1), m.end(1)) in taken:
            continue
        extra.append(PlaceMention(m.group(1), m.start(1), m.end(1), country, country, "country"))
    if not extra:
        return mentions
    return tuple(sorted((*mentions, *extra), key=lambda p: (p.start, p.end)))


_WEIGHT = {"country": 3, "region": 2, "city": 1}
_AT = Folded(
    r"\b(?:in|at|from|into|across|throughout|inside|near|of)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?$",
    re.I,
)
"""Right before a place, past an adjective or none: "in northeastern Kenya", "in the US"."""
_ORIGIN_BEFORE = _re_compile(
    r"\bfrom\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2},\s+(?:in\s+)?(?:the\s+)?"
    r"(?:[a-z][\w-]*\s+)?$"
)
"""A place in apposition to an origin: "left from Zuwara, in western Libya"."""
_ACTOR_AFTER = _re_compile(r"['’]?s?\s+(?:troops|forces|soldiers|officials?|government|military|"
                          r"army|president|embassy|diplomats?|leaders?|ministry|envoy|"
                          r"administration|citizens)\b", re.IGNORECASE)  # fmt: skip


def _weight(text: str, p: PlaceMention) -> float:
    """How much one mention says the story happens there: "in Iraq" says more than
    "US troops" or "the US embassy" (a country acting elsewhere)."""
    w = _WEIGHT[p.kind] + (1 if " " in p.text else 0)
    if _ORIGIN_BEFORE.search(text, max(0, p.start - 60), p.start):
        return w / 3  # "set off from Zuwara, in western Libya": where they came from
    if _AT.search(text, max(0, p.start - 28), p.start):
        return w * 2
    if _ACTOR_AFTER.match(text, p.end):
        return w / 3
    return w


_LOCATIVE = _re_compile(r"(?:\b(?:in|at|from|across|throughout|of|for)\s+(?:the\s+)?)$", re.I)
_LOCATIVE_LEAD = _re_compile(
    r"(?:\b(?i:in|into|at|across|throughout|of|for)\s+(?i:the\s+)?"
    r"(?:(?!(?:them|those|these|whom|which|from|to|by|with|and|or|whom)\b)[a-z][\w-]*\s+){0,2})$"
)
"""The same, past an adjective or two: "In neighbouring Chad", "in war-torn Sudan". Not
"from": people and boats come from a country ("migrants from Libya", "most of them from
Sudan"), which says where they started, not where the figure was counted."""
_FIGURE_LIST = _re_compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


def figure_place(
    where: Where,
    sentence: str,
    offset: int,
    start: int,
    end: int,
    others: int,
    *,
    parts: bool = True,
) -> str | None:
    """The place of the figure ``sentence[start:end]`` (``offset``: the sentence's start in
    the article; ``others``: how many other figures the sentence holds)."""
    many = _ACROSS_COUNTRIES.search(sentence)
    if many is not None and not many.start("n") <= start < many.end():
        return f"{many['n']} countries"  # "17,000 cases across 13 African countries": all of them
    near = where.in_span(offset, offset + len(sentence))
    countries = [p for p in near if p.kind == "country"]
    if countries and where.country:

        def distance(p: PlaceMention) -> int:
            s, e = p.start - offset, p.end - offset
            return s - end if s >= end else start - e

        after = [p for p in countries if _IN_RIGHT_AFTER.fullmatch(sentence, end, p.start - offset)]
        nearest = after[0] if after else min(countries, key=distance)  # "6 in India" first
        origin = _ORIGIN_BEFORE.search(sentence, max(0, nearest.start - offset - 60),
                                       nearest.start - offset)  # fmt: skip
        if (
            nearest.country != where.country
            and origin is None
            and (
                _LOCATIVE_LEAD.search(sentence, 0, nearest.start - offset)
                or _owns_clause(sentence, nearest.start - offset, nearest.end - offset, start, end)
                or _reports_it(sentence, nearest.start - offset, nearest.end - offset, start)
            )
        ):
            return nearest.country  # "In the US, 90% ..." is another country's figure
    if not where.spread or not parts:
        return where.country
    attached = _attached(near, sentence, offset, start, end)
    if attached is not None:
        return attached.name
    named = {p.name for p in near if p.kind != "country"}
    if others == 0 or len(named) < 2:
        return where.country
    # A breakdown: each figure takes the smaller place named right after it, or the one
    # heading its part of the sentence ("Riau recorded 40").
    best: PlaceMention | None = None
    best_gap = 60
    for p in near:
        if p.kind == "country":
            continue
        s, e = p.start - offset, p.end - offset
        if s >= end:
            gap = s - end
            between = sentence[end:s]
            if _LOCATIVE.search(between) and not _FIGURE_LIST.search(between) and gap < best_gap:
                best, best_gap = p, gap
        elif e <= start:
            between = sentence[e:start]
            if not _FIGURE_LIST.search(between) and len(between) < 25 and (
                between.strip(" :") == "" or re.match(r"^\s*(?:recorded|reported|had|has|"
                                                      r"logged|counted|saw)\b", between)
            ):  # fmt: skip
                best, best_gap = p, 0
    return best.name if best is not None else where.country


_NATIONWIDE = _re_compile(
    r"\b(?:nationwide|nationally|countrywide|across\s+the\s+(?:country|nation)|"
    r"(?:around|throughout|all\s+over)\s+the\s+country|in\s+(?:\w+\s+)?(?:cities|towns)\s+"
    r"(?:across|around|throughout)|in\s+all\s+regions)\b",
    re.IGNORECASE,
)
NATIONWIDE = "nationwide"
"""``crowd_place``'s answer for a crowd counted across the country: the country's figure."""


def crowd_place(
    where: Where, sentence: str, offset: int, start: int, end: int, *, regions: bool = False
) -> str | None:
    """Where a crowd was counted: a protest is counted city by city ("93,000 in Paris"
    beside "1.28 million across France"), so the city named with the figure,
    ``NATIONWIDE`` for a country-wide count, else None. A city named elsewhere in the
    clause is not enough: one event's crowd is one quantity however the story places it
    ("came to the event, 200 km from Delhi")."""
    from claimcheck.extract.context import clause_bounds

    lo, hi = clause_bounds(sentence, start, end)
    near = where.in_span(offset + lo, offset + hi)
    attached = _attached(near, sentence, offset, start, end)
    kinds = ("city", "region") if regions else ("city",)
    if attached is not None and attached.kind in kinds:
        # "including 93,000 in Paris"; "in Athens and Salonika": both cities' crowd
        run = _LISTED_AFTER.match(sentence, attached.end - offset)
        listed = {attached.name}
        if run is not None:
            listed |= {p.name for p in near if p.kind == "city" and p.name != attached.country
                       and attached.end <= p.start and p.end <= offset + run.end()}  # fmt: skip
        return " and ".join(sorted(listed))
    if _NATIONWIDE.search(sentence, lo, hi):
        return NATIONWIDE
    if any(p.kind == "country" and _ACROSS.search(sentence, 0, p.start - offset)
           for p in near):  # fmt: skip
        return NATIONWIDE  # "marched across France": the country's count
    return None


_ACROSS = _re_compile(r"\b(?:across|throughout|all\s+over)\s+(?:the\s+)?$", re.IGNORECASE)


_POSSESSIVE_AFTER = _re_compile(r"['’]s?\s")
_REPORTING_AFTER = _re_compile(
    r"\s+(?:has\s+|have\s+|had\s+)?(?:so\s+far\s+|now\s+|also\s+)?(?:recorded|registered|"
    r"reported|counted|logged|confirmed|received|took\s+in|has\s+taken\s+in|hosts|hosted|"
    r"saw|has\s+seen|records|registers|reports|counts|logs|confirms|receives)\b"
    # "Myanmar authorities evacuated 10,000": a country's own services acting at home
    r"|\s+(?:authorities|officials|police|rescuers|emergency\s+services)\s+(?:have\s+|had\s+)?"
    r"(?:evacuated|relocated|moved|rescued|arrested|detained)\b"
)


def _reports_it(sentence: str, ps: int, pe: int, start: int) -> bool:
    """ "Greece registered 2,300 arrivals", "Peru has reported 41 deaths": a country that is
    the subject of the verb reporting the figure is whose figure it is."""
    return (
        pe <= start
        and _REPORTING_AFTER.match(sentence, pe) is not None
        and not _FIGURE_LIST.search(sentence, pe, start)
        and start - pe < 60
    )


def _owns_clause(sentence: str, ps: int, pe: int, start: int, end: int) -> bool:
    """ "..., while Portugal's health ministry put its figure at 491": a country in the
    possessive heading the figure's own clause is whose figure it is."""
    from claimcheck.extract.context import clause_bounds

    if pe > start or not _POSSESSIVE_AFTER.match(sentence, pe):
        return False
    lo, _ = clause_bounds(sentence, start, end)
    return ps >= lo and not _FIGURE_LIST.search(sentence, pe, start)


_IN_BEFORE = _re_compile(r"(?:^|[.;:]\s*)\W*In\s+(?:the\s+)?$")
_IN_AFTER = _re_compile(
    r"\b(?:in|through)\s+(?:the\s+)?(?:(?:central|downtown|northern|southern|eastern|western)"
    r"\s+|(?:centre|center|streets)\s+of\s+)?$"
)


def _attached(
    near: list[PlaceMention], sentence: str, offset: int, start: int, end: int
) -> PlaceMention | None:
    """A part named with the figure: "killed in Aceh province", "In Riau, 31 died",
    "Riau's death toll reached 40", "North Sumatra's police logged 52"."""
    for p in near:
        if p.kind == "country":
            continue
        s, e = p.start - offset, p.end - offset
        if s >= end:
            between = sentence[end:s]
            if (
                len(between) <= 45
                and _IN_AFTER.search(between)
                and not (_FIGURE_LIST.search(between))
            ):
                return p
        elif e <= start:
            between = sentence[e:start]
            if _FIGURE_LIST.search(between) or len(between) > 70:
                continue
            if _IN_BEFORE.search(sentence, 0, s) or _POSSESSIVE_AFTER.match(sentence, e):
                return p
            if _NOUN_IN_BEFORE.search(sentence, 0, s) and _SET_VERB.fullmatch(between):
                return p  # "Temperatures in Mecca reached 51.8C", "Protests in Lyon drew 8,000"
    return None


_NOUN_IN_BEFORE = _re_compile(r"^\W*(?:the\s+)?[A-Za-z]+\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_SET_VERB = _re_compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:reached|hit|touched|peaked\s+at|rose\s+to|climbed\s+to|"
    r"soared\s+to|stood\s+at|drew|topped|passed|was|were)\s+(?:(?:about|around|nearly|almost|"
    r"some|more\s+than|over|roughly|at\s+least)\s+)?",
    re.IGNORECASE,
)


_LISTED_AFTER = _re_compile(
    r"(?:\s*,\s*(?:and\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"|\s+and\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)+"
)


def coordinated_places(sentence: str, place: str) -> list[str]:
    """The other countries listed with ``place`` in ``sentence`` ("in Mali, Niger and
    Chad"); the first mention that lists any ("LIMA, Peru - ... in Peru and Chile")."""
    from claimcheck.recognize.places import country_of, find_places

    at = sentence.find(place)
    own = country_of(place)  # "in Tbilisi, Georgia" names where Tbilisi is, not a second place
    while at >= 0:
        tail = sentence[at + len(place) : at + len(place) + 120]
        run = _LISTED_AFTER.match(tail)
        if run is not None:
            names = [p.name for p in find_places(tail[: run.end()]) if p.kind == "country"]
            others = [n for n in dict.fromkeys(names) if n not in (place, own)]
            if others:
                return others
        at = sentence.find(place, at + len(place))
    return []
