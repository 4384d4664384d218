"""Many files: ids, skipping, jobs and cache give the same result."""

from __future__ import annotations

from pathlib import Path

from claimcheck.extract.run import extract_paths, source_ids

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
