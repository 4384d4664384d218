"""Many files: ids, skipping, jobs and cache give the same result."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import run as run_module
from claimcheck.extract.run import extract_paths, rebased, source_ids

ARTICLE = (
    "Storm hits coast\nDate: Mar 4, 2022\nAt least 42 people were killed in Peru, police said.\n"
)


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "a" / "two.md").write_text(ARTICLE.replace("42", "43"), "utf-8")
    (tmp_path / "a" / "pic.png").write_bytes(b"\x89PNG")
    (tmp_path / "a" / "bin.txt").write_bytes(b"abc\x00\x01\x02")
    return tmp_path / "a"


def test_extract_paths_deterministic_and_cached(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    plain = extract_paths([root])
    assert [s.id for s in plain.sources] == ["one", "two"]
    assert [c.value for c in plain.claims] == ["At least 42", "At least 43"]
    assert any("pic.png" in w for w in plain.warnings)
    assert any("bin.txt" in w and "binary" in w for w in plain.warnings)
    cache = tmp_path / "cache"
    first = extract_paths([root], jobs=2, cache_dir=cache)
    again = extract_paths([root], cache_dir=cache)
    assert first.claims == plain.claims == again.claims
    assert first.sources == plain.sources == again.sources
    assert len(list(cache.glob("*.json"))) == 2


def test_source_ids_unique() -> None:
    ids = source_ids([Path("x/a b.txt"), Path("y/a b.txt")])
    assert sorted(ids.values()) == ["a-b", "a-b-2"]


def test_jobs_in_chunks_keep_order_and_aliases(tmp_path: Path) -> None:
    """Many small files go to workers in chunks; order, progress and aliases are unchanged."""
    root = tmp_path / "many"
    root.mkdir()
    for i in range(40):
        text = ARTICLE.replace("42", str(100 + i))
        (root / f"{i:03d}.txt").write_text(text, "utf-8")
    aliases = [["Republic of Peru", "Peru"]]
    serial = extract_paths([root], aliases=aliases)
    seen: list[str] = []
    parallel = extract_paths([root], jobs=2, aliases=aliases, progress=seen.append)
    assert parallel.claims == serial.claims
    assert [c.value for c in parallel.claims][:2] == ["At least 100", "At least 101"]
    assert seen == sorted(seen) and len(seen) == 40
    assert all(c.subject.endswith("in Republic of Peru") for c in parallel.claims)
    assert parallel.sources == serial.sources


def test_chunksize_bounds() -> None:
    from claimcheck.extract.run import _chunksize

    assert _chunksize(3, 2) == 1
    assert _chunksize(1800, 2) == 64
    assert _chunksize(160, 2) == 10


def test_relative_and_absolute_paths_share_cache_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path)
    (root / "bin.txt").unlink()  # never stored: a binary file is looked at again each run
    (root / "undated.txt").write_text("Floods cut off 1,200 homes, officials said.\n")
    cache = tmp_path / "cache"
    monkeypatch.chdir(tmp_path)
    relative = extract_paths([Path("a")], cache_dir=cache)
    stored = sorted(cache.glob("*.json"))
    fresh_absolute = extract_paths([root.resolve()])

    def no_extraction(*_args: object) -> object:
        raise AssertionError("extracted again: the cache missed")

    monkeypatch.setattr(run_module, "extract_one", no_extraction)
    absolute = extract_paths([root.resolve()], cache_dir=cache)
    assert sorted(cache.glob("*.json")) == stored
    assert absolute == fresh_absolute
    assert any(w.startswith(str(root.resolve() / "undated.txt") + ":") for w in absolute.warnings)
    assert [s.path for s in relative.sources] == [str(Path("a") / n) for n in
                                                  ("one.txt", "two.md", "undated.txt")]  # fmt: skip


def test_rebased_moves_only_entries_whose_warnings_carry_their_path() -> None:
    entry = {"source": {"path": "a/x.txt"}, "claims": [], "warnings": ["a/x.txt:3: long"]}
    moved = rebased(entry, "/abs/a/x.txt")
    assert moved["source"]["path"] == "/abs/a/x.txt"
    assert moved["warnings"] == ["/abs/a/x.txt:3: long"]
    odd = {**entry, "warnings": ["elsewhere: long"]}
    assert rebased(odd, "/abs/a/x.txt") is odd


def test_a_run_answered_by_the_cache_never_imports_the_extractor(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = _tree(tmp_path)
    (root / "bin.txt").unlink()
    script = (
        "import sys; from pathlib import Path; from claimcheck.extract.run import extract_paths;"
        f"r = extract_paths([Path({str(root)!r})], cache_dir=Path({str(tmp_path / 'c')!r}));"
        "print(len(r.claims), 'claimcheck.extract.claims' in sys.modules)"
    )
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert first.stdout.split() == ["2", "True"], first.stderr
    assert again.stdout.split() == ["2", "False"], again.stderr


def test_an_undated_page_is_dated_by_its_story_in_the_batch(tmp_path: Path) -> None:
    """A mirror with no date, among dated reports of the same flood: its running toll
    holds somewhere in the story's coverage, and the warning says which days."""
    (tmp_path / "a.txt").write_text(
        "Date: 2019-03-04\n\nFloods in Bolivia have killed 12 people, officials said. "
        "The Pirai river rose near Santa Cruz.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Date: 2019-03-06\n\nFloods in Bolivia have killed 19 people, officials said. "
        "The Pirai river rose near Santa Cruz.\n",
        encoding="utf-8",
    )
    (tmp_path / "c.txt").write_text(
        "Floods in Bolivia have killed 15 people, officials said. "
        "The Pirai river rose near Santa Cruz.\n",
        encoding="utf-8",
    )
    result = extract_paths([tmp_path])
    times = {c.source: c.time for c in result.claims}
    assert times["c"] == "2019-03-04/2019-03-06"
    (warning,) = [w for w in result.warnings if "c.txt" in w]
    assert "dated by the coverage of its story, 2019-03-04 to 2019-03-06" in warning
    assert "--published" in warning
    alone = extract_paths([tmp_path / "c.txt"])  # no story to date it by
    assert [c.time for c in alone.claims] != ["2019-03-04/2019-03-06"]
    assert "no publication date found" in alone.warnings[0]
