"""The fast reader gives exactly what the exact reader gives, or declines (None)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile.fastread import read_fast
from claimcheck.claimsfile.load import TEXT_KEYS, read_claims_text
from claimcheck.claimsfile.yamlnodes import Refused, build

pytest.importorskip("ryml")

load_module = importlib.import_module("claimcheck.claimsfile.load")  # the package re-exports load()
TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS.parent))  # the benchmark generator writes plain claims files


def _typed(value: Any) -> Any:
    """Values with their types, so True never equals 1 nor "1" equals 1."""
    if isinstance(value, dict):
        return ("map", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(v) for v in value])
    return (type(value).__name__, value)


def agree(text: str) -> bool:
    """True when the fast reader answered; fails when its answer is not the exact one."""
    fast = read_fast(text, "f.yaml", TEXT_KEYS)
    if fast is None:
        return False
    try:
        doc, _root, problems = build(text, "f.yaml", TEXT_KEYS)
    except Exception as exc:  # the exact reader refuses what the fast one took
        raise AssertionError(f"fast reader accepted a file the exact one refuses: {exc}") from exc
    assert problems == [], "fast reader accepted a file with problems"
    assert _typed(fast.data) == _typed(doc.data)
    assert isinstance(fast.data, dict)
    for name in ("claims", "reviews"):
        for i in range(len(fast.data.get(name) or [])):
            assert fast.values[(name, i)] == doc.values[(name, i)]
    for sid in fast.data.get("sources") or {}:
        assert fast.values[("sources", sid)] == doc.values[("sources", sid)]
    return True


SCALARS = [
    "1", "-1", "0", "-0", "+1", "01", "012", "1.", ".5", "-.5", "1.0", "1.50", "2.25",
    "1e3", "1E3", "1.5e-3", "0x1F", "0o17", "1_000", "1:30", "190:20:30", "TRUE", "True",
    "true", "false", "yes", "No", "on", "OFF", "y", "n", "NULL", "Null", "null", "~", "",
    ".inf", "-.Inf", ".NaN", "NaN", "inf", "nan", "Infinity", "1,000", "2019-06-04",
    "2019-06-04 10:20:30", "2021-02-30", "about 3,500", "between 4,000 and 5,000",
    "flood: day two", "a #b", "a#b", "it's", 'say "x"', "café", "x  y", "trailing ",
    "=", "<<", "-", "- a", "[a]", "{a}", ",", "%", "@at", "`tick", "a: b", "Mail & Co",
    "5 * 3", "wow!", "why?", "a > b", "a | b", "line\nbreak", "two\n\nparagraphs",
]  # fmt: skip


def _styled(text: str, style: str) -> str:
    if style == "double":
        return '"' + text.replace('"', "'") + '"'
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return text


STYLES = ["plain", "double", "single"]
scalar = st.builds(_styled, st.sampled_from(SCALARS), st.sampled_from(STYLES))
KEYS = ["id", "source", "subject", "kind", "value", "unit", "time", "quote", "span", "extra"]


SAFE = [
    "12", "2,500", "about 40", "flooded homes", "it's", 'say "x"', "café", "a #b", "a#b",
    "2019-06-04", "1.50", "x  y", "line\nbreak", "two\n\nparagraphs", "Mail & Co", "wow!",
    "", "0", "-3", "true", "false", "null", "yes", "1e3",
]  # fmt: skip
safe_scalar = st.builds(_styled, st.sampled_from(SAFE), st.sampled_from(STYLES))


@st.composite
def documents(draw: st.DrawFn, scalar: st.SearchStrategy[str] = scalar) -> str:
    lines = []
    if draw(st.booleans()):
        lines.append("# a comment")
    lines.append(f"version: {draw(scalar)}")
    if draw(st.booleans()):
        lines.append(f"aliases:\n  - [{draw(scalar)}, {draw(scalar)}]")
    if draw(st.booleans()):
        lines.append("settings:")
        lines.append(f"  about_tolerance: {draw(scalar)}")
    lines.append("sources:")
    pad = draw(st.sampled_from(["  ", "    "]))
    for s in range(draw(st.integers(1, 3))):
        lines.append(f"{pad}s{s}:" + draw(st.sampled_from(["", "  # the wire copy"])))
        lines.append(f"{pad}  file: {draw(scalar)}")
        if draw(st.booleans()):
            lines.append(f"{pad}  published: {draw(scalar)}")
    lines.append("claims:" + draw(st.sampled_from(["", " # newest last"])))
    indent = draw(st.sampled_from(["", "  ", "    "]))
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=5))
        layout = draw(st.sampled_from(["inline", "dash alone", "flow", "comment first"]))
        if layout == "flow":
            pairs = ", ".join(f"{k}: {draw(scalar)}" for k in keys)
            lines.append(f"{indent}- {{{pairs}}}")
            continue
        if layout == "dash alone":
            lines.append(f"{indent}-")
        elif layout == "comment first":
            lines.append(f"{indent}# a claim")
        for j, key in enumerate(keys):
            lead = f"{indent}- " if j == 0 and layout != "dash alone" else f"{indent}  "
            value = draw(scalar)
            if key == "span" and draw(st.booleans()):
                value = f"[{draw(scalar)}, {draw(scalar)}]"
            lines.append(f"{lead}{key}: {value}")
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", "  # note", f"{indent} - stray", "oops"])))
    if draw(st.booleans()):
        lines.append("reviews:")
        lines.append(f"  - fingerprint: {draw(scalar)}")
        lines.append(f"    verdict: {draw(scalar)}")
    return "\n".join(lines) + "\n"


@given(documents())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_reader_matches_exact_reader_or_declines(text: str) -> None:
    agree(text)


@given(documents(safe_scalar))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_reader_on_mostly_plain_files(text: str) -> None:
    agree(text)


def test_plain_generated_file_is_read_fast(tmp_path: Path) -> None:
    from benchmarks.generate import write_claims

    write_claims(300, 3, tmp_path)
    path = tmp_path / "claims.yaml"
    assert agree(read_claims_text(path, str(path)))


@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.yaml")), ids=lambda p: p.name)
def test_every_fixture_agrees_or_declines(path: Path) -> None:
    try:
        text = read_claims_text(path, str(path))
    except Exception:
        pytest.skip("not readable as a claims file")
    try:
        agree(text)
    except AssertionError:
        raise
    except Refused:
        pass


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nclaims:\n  - id: a\n    id: b\n",  # duplicate key
        "version: 1\nversion: 1\n",  # duplicate key at the top, same value
        "version: 1\nsources:\n  s:\n    file: a\n    file: a\n",  # in a source
        "version: 1\nsettings:\n  x: {a: 1, a: 1}\n",  # in a flow mapping
        "version: 1\naliases:\n  - [a, b]\nsources:\n  s:\n    file: a\n  s:\n    file: a\n",
        "version: 1\nclaims:\n  - id: a\n   kind: x\n",  # bad indentation
        "version: 1\nclaims:\n  - id: &x a\n",  # anchor
        "version: 1\nclaims:\n  - id: 'open\n",  # unclosed quote
        "version: 1\nclaims:\n  - id: a\n\tkind: x\n",  # tab
        "version: ~\n",
        "version: 1\nnote: .inf\n",
        "- just a list\n",
        "version: 1\n---\nversion: 1\n",
    ],
)
def test_declines_what_it_cannot_vouch_for(text: str) -> None:
    assert not agree(text)


def test_exact_reader_is_used_when_rapidyaml_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.generate import write_claims

    write_claims(200, 5, tmp_path)
    path = tmp_path / "claims.yaml"
    monkeypatch.setattr(load_module, "FAST_READ_MIN_CHARS", 0)
    with_fast = load_module.load(path)
    monkeypatch.setitem(sys.modules, "ryml", None)  # import ryml now raises ImportError
    assert read_fast(read_claims_text(path, str(path)), str(path), TEXT_KEYS) is None
    assert load_module.load(path) == with_fast


def test_a_file_with_problems_is_reported_by_the_exact_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems carry the exact reader's positions and wording."""
    from benchmarks.generate import write_claims
    from claimcheck.errors import InputError

    write_claims(50, 7, tmp_path)
    path = tmp_path / "claims.yaml"
    text = path.read_text("utf-8").replace("kind: count", "kind: counted", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as exact:
        load_module.load(path)
    monkeypatch.setattr(load_module, "FAST_READ_MIN_CHARS", 0)
    assert read_fast(text, str(path), TEXT_KEYS) is not None
    with pytest.raises(InputError) as fast:
        load_module.load(path)
    assert fast.value.problems == exact.value.problems
    assert all(p.location.line for p in fast.value.problems)


def test_rapidyaml_never_prints_on_standard_error(capfd: pytest.CaptureFixture[str]) -> None:
    """Its C++ side reports a parse error on descriptor 2 itself; the exact reader words it."""
    assert not agree("version: 1\nclaims:\n  - id: a: b\n")
    assert capfd.readouterr().err == ""
