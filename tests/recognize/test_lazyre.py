"""Stored regex programs: the same patterns as re.compile, and damage never matters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize import lazyre

PATTERNS = [
    (r"(?P<day>\d{1,2})\s+(?P<month>March|April)\s+(?P<year>\d{4})", 0),
    (r"(?i:flood(?:ed|s)?)\b|\bquake", 0),
    (r"(\d+)-(\d+)\s*(?:homes|houses)", re.IGNORECASE),
    (r"^\s*#.*$", re.MULTILINE),
]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> lazyre._Store:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    fresh = lazyre._Store()
    monkeypatch.setattr(lazyre, "_STORE", fresh)
    return fresh


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups,
                                                           b.groupindex)  # fmt: skip


def test_compiled_and_stored_patterns_equal_re_compile(store: lazyre._Store) -> None:
    first = [lazyre.compile(p, f) for p, f in PATTERNS]
    assert store.dirty
    store.save()
    assert store.path() is not None and store.path().exists()  # type: ignore[union-attr]
    again = lazyre._Store()
    lazyre._STORE = again  # monkeypatch restores it
    second = [lazyre.compile(p, f) for p, f in PATTERNS]
    assert not again.dirty  # every one came from the store
    for (p, f), a, b in zip(PATTERNS, first, second, strict=True):
        _same(a, re.compile(p, f))
        _same(b, re.compile(p, f))


def test_a_damaged_store_is_ignored(store: lazyre._Store) -> None:
    path = store.path()
    assert path is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage")
    assert lazyre.compile(r"\d+ injured").search("12 injured")


def test_a_damaged_entry_is_recompiled(store: lazyre._Store) -> None:
    entries = store.load()
    key = "0\0" + r"(\d+) evacuated"
    entries[key] = (32, [1, 2, 3], 1, {}, (None, None))  # nonsense program
    found = lazyre.compile(r"(\d+) evacuated").search("about 400 evacuated")
    assert found is not None and found.group(1) == "400"
    assert entries[key] != (32, [1, 2, 3], 1, {}, (None, None))


def test_bad_patterns_raise_as_re_does(store: lazyre._Store) -> None:
    with pytest.raises(re.error):
        lazyre.compile(r"(unclosed")


def test_an_unwritable_store_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(blocker))
    fresh = lazyre._Store()
    monkeypatch.setattr(lazyre, "_STORE", fresh)
    assert lazyre.compile(r"wildfire").search("a wildfire spread")
    fresh.save()  # no exception


words = st.sampled_from(["storm", "quake", r"\d+", r"\s+", "(?:a|b)", "[a-z]{2,3}", "x?"])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=5), st.text(alphabet="ab stormquake0123", max_size=30))
def test_stored_programs_match_like_re(parts: list[str], text: str) -> None:
    pattern = "(" + ")|(".join(parts) + ")"
    saved, lazyre._STORE = lazyre._STORE, lazyre._Store()
    lazyre._STORE.entries = {}
    try:
        fresh = lazyre.compile(pattern)
        stored = lazyre.compile(pattern)
    finally:
        lazyre._STORE = saved  # the throw-away store is never written
    reference = re.compile(pattern)
    for p in (fresh, stored):
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_stored_code_is_packed_and_unpacks_to_the_compiled_program(store: lazyre._Store) -> None:
    """Code words are stored as bytes (one object to read back, not one per word) and
    read back as exactly the program the compiler made."""
    pattern, flags = PATTERNS[0]
    lazyre.compile(pattern, flags)
    stored = store.load()[f"{flags}\0{pattern}"]
    assert isinstance(stored[1], bytes) or lazyre._CODE_TYPE is None
    assert lazyre._unpacked(stored[1]) == lazyre._program(pattern, flags)[1]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 2**32 - 1), max_size=200))
def test_code_words_round_trip(code: list[int]) -> None:
    assert lazyre._unpacked(lazyre._packed(code)) == code


def test_lazy_sub_compiles_on_first_use_and_substitutes_as_re(store: lazyre._Store) -> None:
    lazy = lazyre.Lazy(r"^([ \t]*)::", re.M)
    assert "sub" not in vars(lazy)  # nothing compiled yet
    text = "a\n  ::warning x\n::error y"
    assert lazy.sub(r"\1\\x3a:", text) == re.sub(r"^([ \t]*)::", r"\1\\x3a:", text, flags=re.M)
    assert "sub" in vars(lazy)  # the compiled pattern's method from now on
    assert lazy.sub(lambda m: m.group(1) + "!", text, 1) == "a\n  !warning x\n::error y"
