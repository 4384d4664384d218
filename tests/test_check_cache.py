"""The check result cache: hits only on an unchanged file set, never trusts a bad entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import check_cache, cli

CLAIMS = """\
version: 1
sources:
  wire:
    file: wire.txt
    published: 2024-03-03
  daily:
    file: daily.txt
    published: 2024-03-03
claims:
  - id: c1
    source: wire
    subject: houses flooded in Riverton
    kind: count
    value: "1,200"
    time: "2024-03-02"
    quote: "The flood reached 1,200 houses on Saturday."
  - id: c2
    source: daily
    subject: houses flooded in Riverton
    kind: count
    value: "3,400"
    time: "2024-03-02"
    quote: "The flood reached 3,400 houses on Saturday."
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(
        "Riverton, 2 March 2024. The flood reached 1,200 houses on Saturday.\n", encoding="utf-8"
    )
    (tmp_path / "daily.txt").write_text(
        "Riverton, 2 March 2024. The flood reached 3,400 houses on Saturday.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(cli, "CHECK_CACHE", True)
    return tmp_path


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.cli, ["check", *args])
    return result.exit_code, result.output


def _entries(project: Path) -> list[Path]:
    return sorted((project / "cache" / check_cache.SUBDIR).glob("*.json"))


def test_second_run_is_served_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _check("claims.yaml")
    assert first[0] == 1 and "3,400" in first[1]
    assert len(_entries(project)) == 1

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the pipeline ran on an unchanged file set")

    monkeypatch.setattr(cli, "_run_check", fail)
    assert _check("claims.yaml") == first


def test_an_edited_article_misses(project: Path) -> None:
    code, _ = _check("claims.yaml")
    assert code == 1
    (project / "daily.txt").write_text("Nothing about houses here.\n", encoding="utf-8")
    code2, out2 = _check("claims.yaml")
    assert code2 == 2  # the quote is no longer found: a fresh check said so
    assert "quote" in out2.lower()
    assert len(_entries(project)) == 1  # bad input is never cached


def test_an_edited_claims_file_or_other_options_miss(project: Path) -> None:
    _check("claims.yaml")
    _check("claims.yaml", "--format", "json")
    assert len(_entries(project)) == 2
    text = CLAIMS.replace("3,400", "1,200")
    (project / "claims.yaml").write_text(text, encoding="utf-8")
    (project / "daily.txt").write_text("The flood reached 1,200 houses on Saturday.\n")
    assert _check("claims.yaml")[0] == 0


def test_no_cache_writes_nothing(project: Path) -> None:
    _check("--no-cache", "claims.yaml")
    assert _entries(project) == []


def test_a_corrupt_entry_is_ignored_and_rewritten(project: Path) -> None:
    first = _check("claims.yaml")
    (entry,) = _entries(project)
    for junk in ("{not json", '{"format": 1, "text": 3}', "[]", ""):
        entry.write_text(junk, encoding="utf-8")
        assert _check("claims.yaml") == first
    assert check_cache.lookup(entry.stem, entry.parent) is not None


def test_an_entry_edited_by_hand_is_never_trusted(tmp_path: Path) -> None:
    """A failing gate's cached exit code turned from 1 to 0 must not pass the gate."""
    import json

    art = tmp_path / "a.txt"
    art.write_text("x", encoding="utf-8")
    folder = tmp_path / "c"
    assert check_cache.store("k", text="1 error", code=1, hint=True, inputs=[art],
                             directory=folder)  # fmt: skip
    hit = check_cache.lookup("k", folder)
    assert hit is not None and hit.code == 1
    entry = folder / "k.json"
    data = json.loads(entry.read_text("utf-8"))
    for field, value in (("code", 0), ("text", "0 errors"), ("code", 2)):
        edited = dict(data, **{field: value})
        entry.write_text(json.dumps(edited), encoding="utf-8")
        assert check_cache.lookup("k", folder) is None


def test_standard_input_is_never_cached(project: Path) -> None:
    assert check_cache.request_key(["-"], {}) is None
    assert check_cache.request_key(["missing.yaml"], {}) is None


def test_old_entries_are_pruned(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("x", encoding="utf-8")
    for i in range(check_cache.KEEP + 5):
        assert check_cache.store(f"k{i}", text="t", code=0, hint=False, inputs=[art],
                                 directory=tmp_path / "c")  # fmt: skip
    assert len(list((tmp_path / "c").glob("*.json"))) == check_cache.KEEP


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert not check_cache.store("k", text="t", code=0, hint=False, inputs=[], directory=blocker)
