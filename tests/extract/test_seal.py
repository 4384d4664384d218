"""Sealed extraction cache entries: trusted as written, checked in full once touched."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.extract import run as run_module
from claimcheck.extract.cache import entry_dict
from claimcheck.extract.seal import sealed, unsealed
from claimcheck.extract.stream import extract_json

ARTICLE = (
    "Date: 2021-08-02\nRiver floods displace thousands\n"
    "At least 1,250 families were evacuated from riverside villages, officials said on "
    "Sunday. The water rose 3.5 metres in two days.\n"
)

# A cache entry never has a "seal" key of its own (the seal is the one we add).
keys = st.text(max_size=5).filter(lambda k: k != "seal")
objects = st.dictionaries(keys, st.text(max_size=5) | st.integers(), min_size=1)


@given(objects, st.text(min_size=1, max_size=10))
def test_a_sealed_body_comes_back_and_stays_json(entry: dict[str, object], key: str) -> None:
    body = json.dumps(entry, sort_keys=True)
    text = sealed(key, body)
    assert unsealed(key, text) == body
    loaded = json.loads(text)
    assert loaded.pop("seal") and loaded == entry
    assert unsealed(key + "x", text) is None  # another key: another file's
    assert unsealed(key, body) is None  # never sealed
    assert unsealed(key, text[:-1] + " }") is None  # any change to the text


def test_an_empty_object_is_left_unsealed() -> None:
    assert sealed("k", "{}") == "{}" and unsealed("k", "{}") is None


def _run(folder: Path, cache: Path) -> str:
    out = io.StringIO()
    extract_json([folder], out, cache_dir=cache)
    return out.getvalue()


def test_sealed_entries_are_trusted_and_touched_ones_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "flood.txt").write_text(ARTICLE, "utf-8")
    cache = tmp_path / "cache"
    cold = _run(folder, cache)
    (entry,) = cache.glob("*.json")
    assert json.loads(entry.read_text("utf-8").partition("\n")[0])["seal"]

    def no_check(*_args: object) -> object:
        raise AssertionError("a sealed entry was checked claim by claim")

    with monkeypatch.context() as m:
        m.setattr(run_module, "verified", no_check)
        m.setattr(run_module, "_text_or_empty", no_check)
        m.setattr(run_module, "extract_one", no_check)
        assert _run(folder, cache) == cold

    data = entry_dict(entry.read_text("utf-8"))
    data["claims"][0]["quote"] = "edited by hand"  # the seal kept, the content not
    entry.write_text(json.dumps(data), "utf-8")
    checked: list[int] = []
    real = run_module.verified

    def counted(*args: object) -> object:
        checked.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(run_module, "verified", counted)
    assert _run(folder, cache) == cold  # refused by the full check, extracted again
    assert checked == [1]
    assert unsealed(entry.stem, entry.read_text("utf-8")) is not None  # stored sealed again
