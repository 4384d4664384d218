"""Places from the gazetteer packages: names, countries, and the words that only look like them."""

from __future__ import annotations

import marshal
import os
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize import places
from claimcheck.recognize.places import PlaceMention, countries_of, country_of, find_places


def _found(text: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.name, m.country, m.kind) for m in find_places(text)]


def test_cities_regions_and_countries() -> None:
    text = "Monsoon floods cut roads across Himachal Pradesh and in Shimla, India's army said."
    assert _found(text) == [
        ("Himachal Pradesh", "Himachal Pradesh", "India", "region"),
        ("Shimla", "Shimla", "India", "city"),
        ("India", "India", "India", "country"),
    ]


def test_offsets_name_the_text_as_written() -> None:
    text = "Aftershocks rattled Kathmandu's old town and Pokhara."
    for m in find_places(text):
        assert text[m.start : m.end] == m.text
    assert [m.text for m in find_places(text)] == ["Kathmandu", "Pokhara"]


def test_marks_folded_and_old_names() -> None:
    found = _found("Rescuers reached Kārwār. Strikers marched in Bombay and in Kiev.")
    assert [(t, n, c) for t, n, c, _ in found] == [
        ("Kārwār", "Karwar", "India"),
        ("Bombay", "Mumbai", "India"),
        ("Kiev", "Kyiv", "Ukraine"),
    ]


def test_country_short_forms() -> None:
    found = _found("Aid from the U.S. and Britain reached the UK team.")
    assert [(t, n) for t, n, _, _ in found] == [
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("UK", "United Kingdom"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "March organisers said turnout was high.",
        "May brought more rain to the valley.",
        "Nice weather helped firefighters on the ridge.",
        "Split votes delayed the count.",
        "Police said 40 protesters were held.",
        "Reading the statement, the minister paused.",
        "Delta variant cases fell in the north.",
        "North and South were both flooded; Central areas were spared.",
    ],
)
def test_common_words_are_not_places(text: str) -> None:
    assert find_places(text) == []


def test_common_word_with_its_country_is_a_place() -> None:
    found = _found("Ferries left Split, Croatia, at dawn.")
    assert found[0] == ("Split", "Split", "Croatia", "city")


def test_surnames_and_given_names_are_not_places() -> None:
    text = (
        "Governor Linda Jackson toured the levee. Jackson said 300 homes flooded. "
        "David Moreno, a volunteer, filled sandbags."
    )
    assert find_places(text) == []
    both = "Later Mayor Jackson flew home to Jackson, Mississippi."
    assert [m.text for m in find_places(both)] == ["Jackson", "Mississippi"]


def test_place_before_a_title_or_a_place_word_is_still_a_place() -> None:
    found = _found("The Uttarakhand Chief Minister visited Shimla District and Dehradun Airport.")
    assert [t for t, *_ in found] == ["Uttarakhand", "Shimla", "Dehradun"]


def test_the_country_the_article_names_decides_a_shared_name() -> None:
    assert _found("Rallies spread across Hyderabad.")[0][2] == "India"  # the larger one
    assert _found("Rallies spread across Hyderabad and Karachi in Pakistan.")[0][2] == "Pakistan"


def test_small_namesake_abroad_is_dropped_when_the_article_is_about_elsewhere() -> None:
    # "Amos" is a town in Canada; an article about Peru that names it means something else.
    assert [t for t, *_ in _found("Floods in Peru reached Amos overnight.")] == ["Peru"]
    # With no country named, a known town is read as itself.
    assert _found("Floods reached Amos overnight.") == [("Amos", "Amos", "Canada", "city")]


def test_capitals_only_in_datelines_and_shouted_headlines() -> None:
    assert _found("LIMA, Peru — Voters queued.")[:1] == [("LIMA", "Lima", "Peru", "city")]
    assert [n for _, n, _, _ in _found("FLOODS SWAMP LIMA SUBURBS")] == ["Lima"]
    assert find_places("The UNHCR and NDMA said OCHA would help.") == []


def test_country_of() -> None:
    assert country_of("Kathmandu") == "Nepal"
    assert country_of("kathmandu") == "Nepal"
    assert country_of("Uttar Pradesh") == "India"
    assert country_of("Bombay") == "India"
    assert country_of("Peru") == "Peru"
    assert country_of("Nowhere Flats Junction") is None


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(WORDS, st.sampled_from(["Kathmandu,", "Lima.", "Peru;", "Tokyo!"]))))
def test_mentions_are_ordered_disjoint_and_verbatim(words: list[str]) -> None:
    text = " ".join(words)
    found = find_places(text)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.kind in ("city", "region", "country") and m.country
    assert all(a.end <= b.start for a, b in pairwise(found))
    expected = [w.rstrip(",.;!") for w in words if w[0].isupper()]
    assert [m.text for m in found] == expected


@pytest.fixture
def tiny_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache folder of its own, and the real index restored afterwards."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    places._index.cache_clear()
    yield tmp_path
    places._index.cache_clear()


TINY = {
    "version": places.INDEX_VERSION,
    "places": [["Zorbland", "Zorbland", "country", 1], ["Quaxton", "Zorbland", "city", 0]],
    "names": {"Zorbland": 0, "Quaxton": 1},
    "firsts": {"Zorbland": 1, "Quaxton": 1},
}


def test_index_is_read_from_the_cache(tiny_index: Path) -> None:
    places._cache_file().write_bytes(places.encode(places.compact(TINY)))
    assert find_places("Quaxton, Zorbland") == [
        PlaceMention("Quaxton", 0, 7, "Quaxton", "Zorbland", "city"),
        PlaceMention("Zorbland", 9, 17, "Zorbland", "Zorbland", "country"),
    ]


def test_unreadable_cache_is_rebuilt_and_replaced(
    tiny_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tiny_index / "places-0000000000000000.json").write_text("{}", "utf-8")  # older layout
    places._cache_file().write_bytes(b"\x00not marshal")
    monkeypatch.setattr(places, "build_index", lambda: TINY)
    assert country_of("Quaxton") == "Zorbland"
    assert places._cache_file().read_bytes() == places.encode(places.compact(TINY))
    assert [p.name for p in tiny_index.glob("places-*")] == [places._cache_file().name]


def test_other_installs_indexes_are_kept_up_to_a_few(
    tiny_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another venv's index (another key) survives this one's rebuild, so two installs
    used in turn do not rebuild each time; past KEEP_INDEXES the oldest go."""
    extra = places.KEEP_INDEXES + 2
    for i in range(extra):
        other = tiny_index / f"places-{i:016x}.marshal"
        other.write_bytes(b"")
        os.utime(other, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))
    monkeypatch.setattr(places, "build_index", lambda: TINY)
    assert country_of("Quaxton") == "Zorbland"
    kept = sorted(p.name for p in tiny_index.glob("places-*"))
    newest = [f"places-{i:016x}.marshal" for i in range(extra - places.KEEP_INDEXES + 1, extra)]
    assert kept == sorted([places._cache_file().name, *newest])


def test_a_stored_index_of_another_layout_is_rebuilt(
    tiny_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    places._cache_file().write_bytes(marshal.dumps({**places.compact(TINY), "rows": ["x"]}))
    monkeypatch.setattr(places, "build_index", lambda: TINY)
    assert country_of("Zorbland") == "Zorbland"


def test_compact_index_keeps_every_lookup() -> None:
    """The stored layout answers as build_index's does: rows, names and longest names."""
    raw = {
        **TINY,
        "places": [*TINY["places"], ["Upper Quax", "Zorbland", "region", 0]],
        "names": {**TINY["names"], "Upper Quax": 2, "Upper Quax Vale": [2, 1]},
        "firsts": {**TINY["firsts"], "Upper": 3},
    }
    stored = places.compact(raw)
    index = places._Index(stored, frozenset())
    for i, (name, country, kind, big) in enumerate(raw["places"]):
        assert index.place(i) == places._Place(name, country, kind, bool(big))
    for key, hit in raw["names"].items():
        assert index.get(key) == ((hit,) if isinstance(hit, int) else tuple(hit))
    for word in ("Zorbland", "Quaxton", "Upper", "Quax", "Vale"):
        assert index.longest(word) == raw["firsts"].get(word, 0)


def test_capital_before_the_region_of_its_name_but_not_before_its_country() -> None:
    assert _found("Talks resumed in Washington.") == [
        ("Washington", "Washington", "United States", "city")
    ]
    assert _found("Quake felt across Mexico.")[0][3] == "country"


@pytest.mark.parametrize(
    ("name", "country"),
    [("Tripoli", "Libya"), ("Santiago", "Chile"), ("Georgetown", "Guyana"), ("Lima", "Peru")],
)
def test_a_capital_stays_ahead_of_smaller_namesakes_abroad(name: str, country: str) -> None:
    assert country_of(name) == country
    assert countries_of(name)[0] == country


def test_countries_of_lists_every_country_a_name_may_be_in() -> None:
    assert {"Venezuela", "Spain"} <= set(countries_of("Valencia"))
    assert countries_of("Nowhereville Flats") == ()


@pytest.mark.parametrize("name", ["Gaza", "the Gaza Strip", "the West Bank"])
def test_the_territorys_parts_name_the_territory(name: str) -> None:
    found = find_places(f"Aid convoys reached {name} on Sunday.")
    assert [p.country for p in found] == ["Palestinian Territory"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Floods in the Democratic Republic of Congo killed 30.",
         "Democratic Republic of the Congo"),
        ("Floods in the Democratic Republic of the Congo killed 30.",
         "Democratic Republic of the Congo"),
        ("Floods in Congo killed 30.", "Democratic Republic of the Congo"),
        ("Floods in the Republic of the Congo killed 30.", "Republic of the Congo"),
        ("Floods in Congo Republic killed 30.", "Republic of the Congo"),
    ],
)
def test_the_two_congos_as_the_wires_name_them(text: str, country: str) -> None:
    assert [p.country for p in find_places(text)] == [country]


@pytest.mark.parametrize(
    "text",
    [
        "Smoke drifted over Fort Nelson on Friday.",  # not New Zealand's Nelson
        "Rescuers searched the banks of the Nelson River.",
        "Hikers were airlifted from Mount Kenya.",
    ],
)
def test_a_name_inside_a_longer_one_is_no_place(text: str) -> None:
    assert _found(text) == []


def test_whole_names_with_generic_words_are_still_found() -> None:
    assert [m[1] for m in _found("Ships left Port Sudan and Cape Town.")] == [
        "Port Sudan",
        "Cape Town",
    ]
    assert _found("Ash fell on Nelson, New Zealand.")[0][:3] == ("Nelson", "Nelson", "New Zealand")


def test_a_possessive_inside_a_name_is_part_of_it() -> None:
    found = _found("Camps in Cox's Bazar flooded.")
    assert found[0][1:4] == ("Cox's Bazar", "Bangladesh", "region")
