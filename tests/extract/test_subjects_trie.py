"""The lexicon's trie patterns come from the regex store when a run built them before, and
are always exactly what building them gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import subjects
from claimcheck.recognize import lazyre


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> lazyre._Store:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path))
    fresh = lazyre._Store()
    monkeypatch.setattr(lazyre, "_STORE", fresh)
    return fresh


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="abAB.'’-é ", min_size=1, max_size=6), min_size=1, max_size=8))
def test_trie_pattern_is_the_built_trie_and_matches_longest(words: list[str]) -> None:
    built = subjects._built_trie(words)
    assert subjects.trie_pattern(words) == built
    assert subjects.trie_pattern(reversed(words)) == built  # the order of the words is no key
    found = re.fullmatch(f"(?:{built})", max(words, key=len))
    assert found is not None


def test_a_later_run_reads_the_stored_text(store: lazyre._Store, tmp_path: Path) -> None:
    words = ["Kabul", "Kandahar", "Karachi"]
    first = subjects.trie_pattern(words)
    store.save()
    later = lazyre._Store()
    lazyre._STORE = later  # the fixture's monkeypatch restores the real store
    later.load()
    keys = [k for k in later.entries or {} if k.startswith("text\0trie\0")]
    assert len(keys) == 1
    later.entries[keys[0]] = ("(?:stored)",)  # what the store holds is what is returned
    assert subjects.trie_pattern(words) == "(?:stored)"
    later.entries[keys[0]] = (42,)  # damaged: built afresh
    assert subjects.trie_pattern(words) == first


def test_stored_text_builds_once(store: lazyre._Store) -> None:
    calls: list[int] = []

    def make() -> str:
        calls.append(1)
        return "x"

    assert lazyre.stored_text("k", make) == lazyre.stored_text("k", make) == "x"
    assert calls == [1]


def test_the_key_is_the_same_in_every_process() -> None:
    code = "from claimcheck.extract import subjects as s; from claimcheck.recognize import lazyre;"
    code += "print(lazyre.code_key(s._built_trie, 'Kabul'))"
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }  # fmt: skip
    assert len(keys) == 1


def test_the_lexicon_patterns_are_unchanged(store: lazyre._Store) -> None:
    subjects.lexicon.cache_clear()
    try:
        lex = subjects.lexicon()
        assert subjects._built_trie(lex.nouns) in lex.noun_re.pattern
        assert subjects._built_trie(lex.names) in lex.name_re.pattern
    finally:
        subjects.lexicon.cache_clear()


def test_the_key_changes_with_the_words_and_the_code() -> None:
    def other(words: list[str]) -> str:
        return "|".join(words)

    key = lazyre.code_key(subjects._built_trie, "a\0b")
    assert key == lazyre.code_key(subjects._built_trie, "a\0b")
    assert key != lazyre.code_key(subjects._built_trie, "a\0c")
    assert key != lazyre.code_key(other, "a\0b")
