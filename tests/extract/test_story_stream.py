"""Run-level decisions while pages stream: pages they may change are spooled with a
record and remade from it; the decisions are kept for a warm re-run."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract import story_stream
from claimcheck.extract import stream as stream_module
from claimcheck.extract.coverage import page
from claimcheck.extract.run import extract_paths
from claimcheck.extract.story_stream import FIELD, LATER, Decisions, Story
from claimcheck.extract.stream import extract_json
from claimcheck.render.extraction import render_extraction_json

PAGES = {
    # a crowd (folded into the run's one crowd city), an undated page (dated by its
    # story), a page naming no place (placed by its story), and a plain one
    "a.txt": "Rally\n\nMarch 8, 2025\n\nPolice said 40,000 people marched in Quito on Saturday, "
    "Conaf and Jorquera said.\n",
    "b.txt": "Rally\n\nMarch 8, 2025\n\nOrganisers said 250,000 people marched in Ecuador on "
    "Saturday, Conaf and Jorquera said.\n",
    "c.txt": "Floods in Bolivia have killed 15 people near Santa Cruz, police said.\n",
    "d.txt": "Date: 2019-03-04\n\nFloods in Bolivia have killed 12 people near Santa Cruz.\n",
    "e.txt": "Fire update\n\nJuly 30, 2024\n\nConaf said the Ridgeline Fire had burned 9,800 "
    "hectares by Tuesday, fire chief Jorquera told reporters.\n",
    "f.txt": "Ridgeline Fire grows\n\nJuly 29, 2024\n\nThe Ridgeline Fire near Quilpue in Chile "
    "has burned 9,200 hectares, Conaf said, citing fire chief Jorquera.\n",
    # a wire page that kept only its year-less dateline: its story gives the year
    "g.txt": "LA PAZ, March 4 (Reuters) - Floods in Bolivia killed 14 people near Santa Cruz "
    "on Sunday, police said.\n",
}


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in PAGES.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def _streamed(folder: Path, **kw: Any) -> str:
    out = io.StringIO()
    extract_json([folder], out, **kw)
    return out.getvalue()


def _rendered(folder: Path) -> str:
    held = extract_paths([folder])
    return render_extraction_json(held.sources, held.claims, held.warnings)


@pytest.mark.parametrize("limit", [0, 1 << 20])
def test_pages_remade_from_their_records_stream_as_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """Cold, warm (records built from the cache's undecoded claims), spooled in memory
    or on disk: the bytes of the document built in memory."""
    folder = _folder(tmp_path)
    expected = _rendered(folder)
    monkeypatch.setattr(stream_module._Spool, "LIMIT", limit)
    cache = tmp_path / "cache"
    assert _streamed(folder) == expected
    assert _streamed(folder, cache_dir=cache) == expected
    assert _streamed(folder, cache_dir=cache) == expected
    assert '"crowd in Quito"' in expected and '"area burned in Chile"' in expected


def test_a_yearless_dateline_dates_its_page_in_its_storys_year(tmp_path: Path) -> None:
    """Streamed or held, the wire page is extracted as published on its dateline's day
    in the year of its story's coverage, and its "Sunday" is that week's."""
    folder = _folder(tmp_path)
    document = json.loads(_streamed(folder))
    source = next(s for s in document["sources"] if s["id"] == "g")
    assert source["published"] == "2019-03-04"
    toll = next(c for c in document["claims"] if c["source"] == "g")
    assert toll["time"] == {"start": "2019-03-03", "end": "2019-03-03"}
    assert any("dated 2019-03-04 by its dateline (March 4)" in w for w in document["warnings"])
    assert _streamed(folder) == _rendered(folder)


def test_decisions_are_kept_for_the_same_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    cache = tmp_path / "cache"
    cold = _streamed(folder, cache_dir=cache)
    (kept,) = cache.glob("story-*.decisions")

    def no_decision(_self: Story) -> Decisions:
        raise AssertionError("decided again for the same pages")

    with monkeypatch.context() as m:
        m.setattr(Story, "_decide", no_decision)
        assert _streamed(folder, cache_dir=cache) == cold
    for damage in ("{not json", '{"windows": {}, "countries": {}}', '{"windows": {"c": [1]},'
                   ' "countries": {}, "folds": {}}'):  # fmt: skip
        kept.write_text(damage, "utf-8")
        assert _streamed(folder, cache_dir=cache) == cold  # decided again
    (folder / "a.txt").write_text(PAGES["a.txt"].replace("40,000", "41,000"), "utf-8")
    _streamed(folder, cache_dir=cache)
    assert len(list(cache.glob("story-*.decisions"))) == 1  # a figure alone decides nothing
    (folder / "a.txt").write_text(PAGES["a.txt"].replace("Quito", "Guayaquil"), "utf-8")
    assert '"crowd in Guayaquil"' in _streamed(folder, cache_dir=cache)
    assert len(list(cache.glob("story-*.decisions"))) == 2  # other pages, other decisions


def _summary(pid: str, subjects: list[str]) -> Any:
    return page(pid, None, subjects, [], ("conaf",))


def test_a_record_is_read_only_when_a_decision_changes_its_page() -> None:
    story = Story()
    story.pages = [_summary("p", ["crowd in Spain"]), _summary("q", ["deaths in Spain"])]
    story.pages = [story_stream._Packed.of(p) for p in story.pages]
    story._decided = Decisions({}, {}, {"crowd in spain": "crowd in Madrid"})
    texts = ["item\n"]
    # "q" has no subject the decisions change: its record (not JSON here) is never read
    assert story.remake(f"q{FIELD}not json\n", texts) is texts
    with pytest.raises(ValueError):
        story.remake(f"p{FIELD}not json\n", texts)
    assert story.subject("", "Crowd in  Spain") == "crowd in Madrid"
    story._decided = Decisions({}, {"q": "Chile"}, {})
    assert story.subject("q", "deaths") == "deaths in Chile"
    assert story.subject("", "deaths") == "deaths"


def test_a_deferred_page_keeps_only_its_summary_in_memory(tmp_path: Path) -> None:
    """Its claims and items go to the spool (the record line, then the items)."""
    story = Story()
    rows = [{"subject": "crowd in Quito", "time": None, "id": "x"}]
    source = {"id": "a", "path": "a.txt", "publisher": None, "title": None,
              "published": "2025-03-08"}  # fmt: skip
    taken = story.take({"source": source, "claims": rows, "texts": ["t\n"], "warnings": []})
    assert taken.record is not None and taken.record.startswith(f"{LATER}1{FIELD}a{FIELD}")
    assert taken.later == "" and list(taken.texts) == ["t\n"]
    assert [p.id for p in story.pages] == ["a"]
    assert set(vars(story)) == {
        "pages", "paths", "cache_dir", "_decided", "_by_id", "undated", "_redone"
    }  # fmt: skip
    assert story.undated == {}  # a dated page's subjects are never kept


@given(
    st.frozensets(st.text(max_size=4), max_size=5),
    st.frozensets(st.text(max_size=4), max_size=5),
    st.lists(st.text(max_size=4), max_size=4),
)
def test_a_packed_summary_unpacks_to_the_page(
    subjects: frozenset[str], names: frozenset[str], times: list[str]
) -> None:
    from datetime import date

    from claimcheck.extract.coverage import Page

    named = tuple(sorted(names))
    summary = Page("p", date(2020, 1, 2), tuple(sorted(subjects)), tuple(sorted(set(times))),
                   named, named)  # fmt: skip
    assert story_stream._Packed.of(summary).page() == summary


def test_decisions_round_trip_through_json() -> None:
    from datetime import date

    from claimcheck.extract.coverage import Window

    decided = Decisions(
        {"u": Window(date(2019, 3, 3), date(2019, 3, 7), ("a", "b"))},
        {"p": "Chile"},
        {"crowd in ecuador": "crowd in Quito"},
    )
    back = story_stream._decisions_from_json(story_stream._decisions_to_json(decided))
    assert back == decided
    assert story_stream._decisions_from_json({"windows": {}}) is None
    assert story_stream._decisions_from_json([]) is None
