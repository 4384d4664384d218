"""Where a page that names no place happened: where its story's other pages place it.

A local outlet does not name its own country ("The Park Fire has burned 360,141 acres"),
a follow-up assumes the reader knows ("the Wayanad landslides"); its figures then carry
no place, and the engine never meets them with the same figures of the pages that name
one ("area burned" beside "area burned in United States"). Pages of one story share
names (places, agencies, people, the event's name: ``coverage.story_names``); when the
pages sharing enough of them place the story in one country, so is the placeless page.
A page that names any place of its own keeps its places, and a story its pages place in
several countries places nobody.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from claimcheck.extract.coverage import MIN_NAMES_SHARED, Page
from claimcheck.model import Claim, Source

SHARE_NEEDED = 2 / 3
"""The share of the sharing pages' weight one country must hold to place the page."""


def _country(places: Iterable[str]) -> str | None:
    """The country a page's subjects place it in most (None: none the gazetteer knows)."""
    from claimcheck.recognize.places import country_of

    counts = Counter(c for c in map(country_of, sorted(places)) if c is not None)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], c))


def story_countries(pages: Sequence[Page]) -> dict[str, str]:
    """Placeless page id -> the country the pages sharing its story's names place it in."""
    placeless = [p for p in pages if not p.places and p.subjects and p.names]
    if not placeless:
        return {}
    country = {p.id: _country(p.places) for p in pages if p.places and p.names}
    by_name: dict[str, list[str]] = {}
    for p in pages:
        if country.get(p.id) is not None:
            for name in p.names:
                by_name.setdefault(name, []).append(p.id)
    by_id = {p.id: p for p in pages}
    out: dict[str, str] = {}
    for page in placeless:
        shared = Counter(pid for name in page.names for pid in by_name.get(name, ()))
        weight: Counter[str] = Counter()
        for pid, n in shared.items():
            if n >= MIN_NAMES_SHARED or (n == 1 and _same_news(page, by_id[pid])):
                weight[country[pid] or ""] += n
        total = sum(weight.values())
        if not total:
            continue
        best = min(weight, key=lambda c: (-weight[c], c))
        if weight[best] >= SHARE_NEEDED * total:
            out[page.id] = best
    return out


SAME_NEWS_DAYS = 3
"""How far apart two pages' days may be to report the same news."""


def _same_news(page: Page, other: Page) -> bool:
    """A short page sharing one name with another (the place the event had: "Ashulia")
    is its story's when the two report the same quantities within a few days: two of
    the placeless page's subjects are the other's without its place."""
    if page.published is None or other.published is None:
        return False
    if abs((page.published - other.published).days) > SAME_NEWS_DAYS:
        return False
    heads = {s.rpartition(" in ")[0] or s for s in other.subjects}
    return sum(1 for s in page.subjects if s in heads) >= 2


CROWD = "crowd in "


def crowd_folds(pages: Sequence[Page]) -> dict[str, str]:
    """A crowd counted with no city ("crowd in Spain") -> the run's one city of that
    country where crowds were counted ("crowd in Madrid"): outlets that name the city and
    outlets that do not report one protest. With two cities in the run, or none, the
    country's crowd stays as it is (a nationwide count is ``crowd nationwide``)."""
    from claimcheck.recognize.places import country_of

    cities: dict[str, set[str]] = {}
    for page in pages:
        named = {place.lower(): place for place in page.places}
        for subject in page.subjects:
            if not subject.startswith(CROWD):
                continue
            place = named.get(subject[len(CROWD) :])
            country = country_of(place) if place is not None else None
            if place is not None and country is not None and country != place:
                cities.setdefault(country, set()).add(place)
    return {
        f"{CROWD}{country}".lower(): f"{CROWD}{min(found)}"
        for country, found in cities.items()
        if len(found) == 1
    }


def folded_claims(claims: Iterable[Claim], folds: Mapping[str, str]) -> list[Claim]:
    """Claims whose subject one of ``folds`` rewrites, rewritten (ids kept)."""
    out: list[Claim] = []
    for c in claims:
        new = folds.get(" ".join(c.subject.lower().split())) if folds else None
        out.append(c if new is None else replace(c, subject=new))
    return out


def placed_claims(claims: Iterable[Claim], country: str | None) -> list[Claim]:
    """A placeless page's claims, each subject placed in its story's country (the claim's
    id stays: it names the claim, wherever its story puts it)."""
    if country is None:
        return list(claims)
    return [replace(c, subject=f"{c.subject} in {country}") for c in claims]


def place_by_story(
    sources: Sequence[Source], claims: Sequence[Claim], pages: Mapping[str, Page]
) -> list[Claim]:
    """Every claim, those of placeless pages placed where their story's pages place it."""
    ordered = [pages[s.id] for s in sources if s.id in pages]
    countries = story_countries(ordered)
    out: list[Claim] = []
    for c in claims:
        country = countries.get(c.source)
        out.append(c if country is None else replace(c, subject=f"{c.subject} in {country}"))
    return folded_claims(out, crowd_folds(ordered))
