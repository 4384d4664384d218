"""The streamed JSON document is the rendered one, byte for byte, cached or not."""

from __future__ import annotations

import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract import run as run_module
from claimcheck.extract import stream as stream_module
from claimcheck.extract.cache import entry_dict
from claimcheck.extract.run import extract_paths
from claimcheck.extract.story_stream import Decisions, Story
from claimcheck.extract.stream import claim_texts, dumps, extract_json, valid_texts
from claimcheck.render.extraction import render_extraction_json

ARTICLES = {
    "flood.txt": (
        "Date: 2021-08-02\nRiver floods displace thousands\n"
        "At least 1,250 families were evacuated from riverside villages in Bolivia, officials "
        "said on Sunday. The water rose 3.5 metres in two days.\n"
    ),
    "strike.md": (
        "Dock strike enters second week\n"
        "About 4,000 dock workers walked out in Chile on Monday, the union said. Nearly 30 ships "
        'wait offshore, a harbour official said. "We want 12 percent," a steward said.\n'
    ),
    "quake.txt": (
        "Date: 2023-02-10\nMore than 200 people were injured when a magnitude 6.1 "
        "earthquake struck the coast of Peru, the ministry said.\n"
    ),
}

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values, st.integers(min_value=0, max_value=4))
def test_dumps_writes_what_json_dumps_writes(value: Any, level: int) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)
    assert dumps(value) == expected
    assert dumps(value, level) == expected.replace("\n", "\n" + "  " * level)


@pytest.mark.parametrize("bad", [math.nan, math.inf, [1, -math.inf], {"x": math.nan}])
def test_dumps_refuses_what_json_refuses(bad: Any) -> None:
    with pytest.raises(ValueError):
        dumps(bad)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG")  # a skipped file: a warning first
    return folder


def _rendered(folder: Path) -> str:
    held = extract_paths([folder])
    return render_extraction_json(held.sources, held.claims, held.warnings)


def _streamed(folder: Path, **kw: Any) -> tuple[str, list[str]]:
    out = io.StringIO()
    warnings = extract_json([folder], out, **kw)
    return out.getvalue(), warnings


def test_streamed_document_is_the_rendered_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    text, warnings = _streamed(folder)
    assert text == _rendered(folder)
    doc = json.loads(text)
    assert doc["warnings"] == warnings and "photo.png" in warnings[0]
    assert len(doc["sources"]) == 3 and doc["claims"]


@pytest.mark.parametrize("limit", [0, 200])
def test_a_spool_moved_to_a_file_streams_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    folder = _folder(tmp_path)
    in_memory, _ = _streamed(folder)
    monkeypatch.setattr(stream_module._Spool, "LIMIT", limit)
    rolled: list[object] = []
    real_roll = stream_module._Spool._roll

    def roll(self: Any) -> None:
        real_roll(self)
        rolled.append(type(self.file))

    monkeypatch.setattr(stream_module._Spool, "_roll", roll)
    on_disk, _ = _streamed(folder)
    assert on_disk == in_memory
    assert rolled and rolled[-1] is not io.StringIO


@given(st.lists(st.text(alphabet="ab\r\x1c\u2028\x00\x01", max_size=6).map(lambda t: t + "\n")))
def test_the_spool_reads_back_lines_as_a_file_does(lines: list[str]) -> None:
    for limit in (0, 1 << 22):
        spool = stream_module._Spool()
        spool.LIMIT = limit
        with spool:
            spool.writelines(lines[:2])
            for line in lines[2:]:
                spool.write(line)
            spool.seek(0)
            assert list(spool) == lines


def test_empty_run_writes_empty_lists(tmp_path: Path) -> None:
    text, warnings = _streamed(tmp_path)
    assert text == render_extraction_json([], [], [])
    assert warnings == []


def test_jobs_and_cache_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    expected = _rendered(folder)
    cache = tmp_path / "cache"
    assert _streamed(folder, jobs=2, cache_dir=cache)[0] == expected
    stored = [entry_dict(p.read_text("utf-8")) for p in sorted(cache.glob("*.json"))]
    assert len(stored) == 3 and all("texts" in entry for entry in stored)

    def no_extraction(*_args: object) -> object:
        raise AssertionError("extracted again: the cache missed")

    monkeypatch.setattr(run_module, "extract_one", no_extraction)
    monkeypatch.setattr(stream_module, "claim_texts", no_extraction)  # nor normalized again
    assert _streamed(folder, cache_dir=cache)[0] == expected


def test_cached_texts_that_do_not_match_are_rebuilt(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    expected = _rendered(folder)
    cache = tmp_path / "cache"
    _streamed(folder, cache_dir=cache)
    for path in cache.glob("*.json"):
        entry = entry_dict(path.read_text("utf-8"))
        if entry["texts"]:
            entry["texts"].reverse()  # out of order: no longer its claims'
            entry["texts"].append(entry["texts"][0])
        path.write_text(json.dumps(entry), "utf-8")
    assert _streamed(folder, cache_dir=cache)[0] == expected


def test_entries_cached_without_texts_gain_them(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    extract_paths([folder], cache_dir=cache)  # a YAML run: no texts stored
    assert not any("texts" in entry_dict(p.read_text("utf-8")) for p in cache.glob("*.json"))
    assert _streamed(folder, cache_dir=cache)[0] == _rendered(folder)
    assert all("texts" in entry_dict(p.read_text("utf-8")) for p in cache.glob("*.json"))


def test_valid_texts_need_the_claims_subject_id_and_quote(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    held = extract_paths([folder])
    texts = [
        text
        for s in held.sources
        for text in claim_texts(s, [c for c in held.claims if c.source == s.id])
    ]
    claims = [{"id": c.id, "subject": c.subject, "quote": c.quote} for c in held.claims]
    assert len(claims) >= 2 and valid_texts(texts, claims)
    assert not valid_texts(texts[:-1], claims)
    assert not valid_texts(list(reversed(texts)), claims)
    assert not valid_texts([t.replace(" said", " says") for t in texts], claims)
    assert not valid_texts([t.replace("\x01", "") for t in texts], claims)
    assert not valid_texts([*texts[:-1], 7], claims)


def test_an_undated_page_dated_by_its_story_streams_as_rendered(tmp_path: Path) -> None:
    """Its items wait for the last page (the story's window needs every page), and are
    written in their place: the same bytes as the document built in memory."""
    folder = tmp_path / "news"
    folder.mkdir()
    for name, day, toll in (("a", "2019-03-04", 12), ("c", "2019-03-06", 19)):
        text = f"Date: {day}\n\nFloods in Bolivia have killed {toll} people near Santa Cruz.\n"
        (folder / f"{name}.txt").write_text(text, "utf-8")
    (folder / "b.txt").write_text(
        "Floods in Bolivia have killed 15 people near Santa Cruz, police said.\n", "utf-8"
    )
    text, warnings = _streamed(folder)
    assert text == _rendered(folder)
    doc = json.loads(text)
    assert [c["source"] for c in doc["claims"]] == ["a", "b", "c"]
    times = {c["source"]: c["time"] for c in doc["claims"]}
    assert times["b"] == {"start": "2019-03-03", "end": "2019-03-07"}  # a guess: a day of slack
    assert any("b.txt" in w and "coverage of its story" in w for w in warnings)


def test_subject_keys_are_kept_for_the_same_subjects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm run asks for the keys of the same subjects again: answered from the cache,
    the same as computed; other counts, or a damaged entry, are computed afresh."""
    from collections import Counter

    from claimcheck.normalize.subjects import canonical_keys

    subjects = Counter(
        {"US troops in Iraq": 3, "U.S. troops in Iraq": 1, "labourers in Doha": 2,
         "laborers in Doha": 1, "people killed in Sudan": 1}
    )  # fmt: skip
    expected = {s: k for s, (k, _) in canonical_keys(list(subjects.elements())).items()}
    cache = tmp_path / "cache"
    assert stream_module.subject_keys(subjects, cache) == expected
    (stored,) = cache.glob("subjects-*.keys")

    calls: list[int] = []
    real = stream_module._subject_keys

    def counted(s: Any) -> dict[str, str]:
        calls.append(1)
        return real(s)

    monkeypatch.setattr(stream_module, "_subject_keys", counted)
    assert stream_module.subject_keys(subjects, cache) == expected
    assert calls == []
    other = Counter({**subjects, "laborers in Doha": 5})  # the representative changes
    assert stream_module.subject_keys(other, cache) == real(other)
    assert len(calls) == 1
    stored.write_text(json.dumps({"US troops in Iraq": "x"}), "utf-8")  # not these subjects
    assert stream_module.subject_keys(subjects, cache) == expected
    assert len(calls) == 2
    stored.write_text("{not json", "utf-8")
    assert stream_module.subject_keys(subjects, cache) == expected
    assert len(calls) == 3
    assert stream_module.subject_keys(subjects, cache) == expected
    assert len(calls) == 3  # rewritten after the damage


def test_a_dated_page_remakes_only_the_items_its_window_dated() -> None:
    """Items are per claim: remaking only the dated claims' gives every item anew."""
    from datetime import date

    from claimcheck.extract.coverage import Window, dated_claims
    from claimcheck.model import Claim, Source

    src = Source("mirror", "mirror.txt")
    claims = [
        Claim("c1", "mirror", "people killed in Valmora", "count", "12", "", "12 people",
              time_source="publication", span=(0, 9)),
        Claim("c2", "mirror", "people missing in Valmora", "count", "about 40", "", "40",
              time="2019-03-01", time_source="stated", span=(10, 12)),
        Claim("c3", "mirror", "homes destroyed", "count", "300", "", "300 homes",
              time="current", time_source="event", span=(20, 29)),
    ]  # fmt: skip
    window = Window(date(2019, 3, 2), date(2019, 3, 9), ("wire",))
    story = Story()
    story._decided = Decisions({"mirror": window}, {}, {})
    texts = claim_texts(src, claims)
    expected = claim_texts(src, dated_claims(claims, window))
    assert expected != texts and expected[1] == texts[1]
    assert story.texts(src, claims, texts) == expected
