"""The extraction cache's entry layout, resolved paths, and memos bounded per run."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract import run as run_module
from claimcheck.extract.cache import (
    _sections,
    entry_dict,
    entry_text,
    lean_entry,
    resolved_path,
)
from claimcheck.extract.run import extract_paths, trim_memos

# an item is one spooled line: anything but a newline, then a newline
items = st.lists(
    st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=8).map(lambda t: t + "\n"),
    max_size=4,
)
words = st.text(max_size=6)


@given(items, st.lists(words, max_size=4), words, st.booleans())
def test_an_entry_reads_back_as_the_result_it_stores(
    texts: list[str], names: list[str], subject: str, with_texts: bool
) -> None:
    claims = [{"subject": subject + str(i), "time": None, "quote": "q\u2028\r"} for i in texts]
    result: dict[str, Any] = {
        "source": {"id": "a", "path": "a.txt"},
        "claims": claims,
        "warnings": ["a.txt: odd\u2028line"],
        "names": names,
    }
    if with_texts:
        result["texts"] = texts
    body = entry_text(result)
    assert _sections(body) == result
    assert entry_dict(body) == result
    lean = lean_entry(body)
    if not with_texts:
        assert lean is None
        return
    assert lean is not None
    assert lean["items"] == "".join(texts) and json.loads(lean["claims_json"]) == claims
    assert lean["subjects"] == [c["subject"] for c in claims] and lean["times"] == [None] * len(
        claims
    )
    assert (lean["source"], lean["warnings"], lean["names"]) == (
        result["source"],
        result["warnings"],
        names,
    )


def test_an_entry_written_as_one_json_object_still_reads() -> None:
    """By hand, or by an older version: checked in full by ``verified`` as before."""
    entry = {"seal": "x", "source": {"id": "a"}, "claims": [], "warnings": []}
    assert entry_dict(json.dumps(entry)) == {"source": {"id": "a"}, "claims": [], "warnings": []}
    assert entry_dict("[]") is None and entry_dict('"x"') is None


def test_resolved_paths_are_the_resolved_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.txt").write_text("a", "utf-8")
    (tmp_path / "linked").symlink_to(real)  # a linked folder
    (real / "b.txt").symlink_to(real / "sub" / "a.txt")  # a linked file
    monkeypatch.chdir(tmp_path)
    for path in (
        Path("real/sub/a.txt"),
        Path("linked/sub/a.txt"),
        Path("linked/sub/../b.txt"),
        Path("real/b.txt"),
        tmp_path / "linked" / "sub" / "a.txt",
        Path("missing.txt"),
    ):
        assert resolved_path(path) == str(path.resolve()), path
    monkeypatch.chdir(real / "sub")
    assert resolved_path(Path("a.txt")) == str(real / "sub" / "a.txt")
    assert os.path.isabs(resolved_path(Path("a.txt")))
    for top in Path("/").iterdir():  # a file or folder at the root
        if not top.is_symlink():
            assert resolved_path(top) == str(top.resolve())
            break


@functools.cache
def _square(n: int) -> int:
    return n * n


def test_memos_over_the_limit_are_emptied_between_articles() -> None:
    import sys

    module = sys.modules[__name__]
    sys.modules["claimcheck._test_memo_module"] = module  # looked for in the package only
    try:
        for n in range(10):
            _square(n)
        trim_memos(20)
        assert _square.cache_info().currsize == 10
        trim_memos(9)
        assert _square.cache_info().currsize == 0
    finally:
        del sys.modules["claimcheck._test_memo_module"]
        _square.cache_clear()


def test_memos_emptied_after_every_article_give_the_same_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, toll in enumerate((12, 15, 19)):
        (folder / f"{i}.txt").write_text(
            f"Date: 2019-03-0{i + 4}\n\nFloods in Bolivia have killed {toll} people near Santa "
            f"Cruz on Monday, and about 3,{toll}0 homes were damaged in 2018.\n",
            "utf-8",
        )
    kept = extract_paths([folder])
    monkeypatch.setattr(run_module, "MEMO_ENTRIES", 0)
    assert extract_paths([folder]) == kept
