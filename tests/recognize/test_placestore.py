"""The packed places index answers every lookup as the dicts it replaces."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize import places
from claimcheck.recognize.placestore import PackedNames, PackedRows, Span, pack_names, pack_rows

KEYS = st.text(alphabet="abAB ’'.-é\x1e\x1f", min_size=1, max_size=6)
HITS = st.integers(0, 10**6) | st.lists(st.integers(0, 10**6), min_size=2, max_size=4).map(tuple)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS.filter(lambda k: "\x1e" not in k and "\x1f" not in k), HITS), KEYS)
def test_names_answer_as_the_dict(names: dict[str, int | tuple[int, ...]], other: str) -> None:
    blob, offsets = marshal.loads(marshal.dumps(pack_names(names)))  # as stored and loaded
    packed = PackedNames(blob, offsets)
    for key, hit in names.items():
        assert packed.get(key) == ((hit,) if isinstance(hit, int) else hit)
        assert key in packed
    if other not in names:  # prefixes, suffixes and separators of stored names find nothing
        assert packed.get(other) is None and other not in packed
        assert packed.get(other) is None  # remembered, same answer


@given(st.lists(st.text(max_size=8), max_size=20))
def test_rows_come_back_as_stored(rows: list[str]) -> None:
    packed = PackedRows(*pack_rows(rows))
    assert len(packed) == len(rows)
    assert [packed.row(i) for i in range(len(rows))] == rows


def test_separators_in_names_are_refused() -> None:
    try:
        pack_names({"a\x1eb": 1})
    except ValueError:
        return
    raise AssertionError("a name holding the record separator was packed")


def test_the_gazetteer_index_answers_every_name_as_built() -> None:
    built = places.build_index()
    index = places._Index(places.compact(built), frozenset())
    for key, hit in built["names"].items():
        assert index.get(key) == ((hit,) if isinstance(hit, int) else tuple(hit)), key
    for i, (name, country, kind, big) in enumerate(built["places"]):
        assert index.place(i) == places._Place(name, country, kind, bool(big))
    for word in list(built["firsts"])[:2000]:
        assert index.longest(word) == built["firsts"][word]
    assert index.get("Xqzzyville") is None and index.longest("Xqzzyville") == 0


def test_blobs_are_stored_as_utf8_bytes() -> None:
    """Unmarshalling bytes copies them; a str blob was decoded whole on every run."""
    names, name_offsets = pack_names({"Zürich": 3, "Ærøskøbing": (1, 2), "Óbuda": 0})
    rows, row_offsets = pack_rows(["Zürich\x1fCH", "Ærø\x1fDK"])
    assert isinstance(names, bytes) and isinstance(rows, bytes)
    packed = PackedNames(names, name_offsets)
    assert packed.get("Ærøskøbing") == (1, 2) and packed.get("Zürich") == (3,)
    assert packed.get("Zu\u0308rich") is None  # another spelling of the bytes is another name
    assert PackedRows(rows, row_offsets).row(1) == "Ærø\x1fDK"


def test_a_stored_index_of_the_text_layout_is_not_valid() -> None:
    stored = places.compact({"version": places.INDEX_VERSION, "places": [["Zorbland", "Zorbland",
                             "country", 1]], "names": {"Zorbland": 0}, "firsts": {}})  # fmt: skip
    assert places._valid(stored)
    assert not places._valid({**stored, "rows": stored["rows"].decode()})
    assert not places._valid({**stored, "names": stored["names"].decode()})


TINY = {
    "version": places.INDEX_VERSION,
    "places": [["Zürich", "Switzerland", "city", 1], ["Quaxton", "Zorbland", "city", 0]],
    "names": {"Zürich": 0, "Zurich": 0, "Quaxton": 1},
    "firsts": {},
}


def test_the_index_file_maps_back_to_what_was_stored(tmp_path: Path) -> None:
    import mmap

    stored = places.compact(TINY)
    path = tmp_path / "index"
    path.write_bytes(places.encode(stored))
    with path.open("rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    loaded = places.decode(mapped)
    assert loaded is not None and places._valid(loaded)
    assert isinstance(loaded["rows"], Span) and isinstance(loaded["names"], Span)
    assert {k: v for k, v in loaded.items() if k not in ("rows", "names")} == {
        k: v for k, v in stored.items() if k not in ("rows", "names")
    }
    index = places._Index(loaded, frozenset())
    assert index.get("Zürich") == index.get("Zurich") == (0,) and index.get("Quax") is None
    assert index.place(0) == places._Place("Zürich", "Switzerland", "city", True)
    assert index.place(1).country == "Zorbland"


def test_a_damaged_index_file_decodes_to_nothing() -> None:
    data = places.encode(places.compact(TINY))
    assert places.decode(data) is not None
    assert places.decode(data[:-1]) is None  # truncated
    assert places.decode(data + b"x") is None  # grown
    assert places.decode(b"\x00" + data[1:]) is None  # not this layout
    assert places.decode(b"") is None


def test_span_slices_like_the_bytes_it_stands_for() -> None:
    buf = b"headROWS-NAMEStail"
    span = Span(buf, 4, 10)
    assert len(span) == 10 and span[0:4] == b"ROWS" and span[5:10] == b"NAMES"
    with pytest.raises(ValueError):
        Span(buf, 10, 10)
