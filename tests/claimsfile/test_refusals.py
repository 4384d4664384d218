"""Inputs that would silently drop a claim from comparison, or count one article twice,
are refused with a located message (issue 12); partial loads keep the rest."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile.load import load
from claimcheck.claimsfile.refusals import whole as _whole
from claimcheck.errors import InputError

ARTICLE = (
    "Strike shuts the docks\nDate: June 3, 2025\n"
    "Union leaders said 13,400 dockers walked out in Porthaven on Monday.\n"
)


def claims(claim_lines: str, extra_sources: str = "") -> str:
    return (
        "version: 1\nsources:\n  wire:\n    file: a.txt\n    published: 2025-06-03\n"
        + extra_sources
        + "claims:\n  - id: wire-strikers\n    source: wire\n    subject: dockers on strike\n"
        + "    kind: count\n    unit: people\n"
        + claim_lines
    )


GOOD = (
    '    value: "13,400"\n    time: "2025-06-02"\n'
    "    quote: Union leaders said 13,400 dockers walked out in Porthaven on Monday.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def problems(folder: Path, text: str) -> list[str]:
    (folder / "c.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load(folder / "c.yaml")
    return [p.format() for p in info.value.problems]


def test_good_file_loads(folder: Path) -> None:
    (folder / "c.yaml").write_text(claims(GOOD), encoding="utf-8")
    assert load(folder / "c.yaml").claims[0].span is not None


@pytest.mark.parametrize(
    "time",
    ["2025-06-09/2025-06-02", "2025-06/2025-03", "2025-06-09 to 2025-06-02"],
)
def test_backwards_interval_is_refused(folder: Path, time: str) -> None:
    found = problems(folder, claims(GOOD.replace('"2025-06-02"', f'"{time}"')))
    assert len(found) == 1 and "runs backwards" in found[0]
    assert found[0].startswith(f"{folder / 'c.yaml'}:13:")


@pytest.mark.parametrize("bad", ['"wire-strikers\\n"', '" wire-strikers"', '"wire\\u200bstrikers"'])
def test_id_with_newline_or_invisible_char_is_refused(folder: Path, bad: str) -> None:
    text = claims(GOOD).replace("id: wire-strikers", f"id: {bad}")
    found = problems(folder, text)
    assert any(":7:" in p and "id" in p for p in found), found


@pytest.mark.parametrize("quote", ["4", "400 dockers", "13,40", "Porthave"])
def test_quote_found_only_inside_a_longer_number_or_word(folder: Path, quote: str) -> None:
    text = claims(GOOD.replace(
        "quote: Union leaders said 13,400 dockers walked out in Porthaven on Monday.",
        f'quote: "{quote}"',
    ).replace('"13,400"', '"4"'))  # fmt: skip
    found = problems(folder, text)
    assert any("only inside a longer word or number" in p for p in found), found


def test_source_id_with_a_trailing_newline_is_refused(folder: Path) -> None:
    text = (
        claims(GOOD)
        .replace("  wire:\n", '  "wire\\n":\n')
        .replace("source: wire", 'source: "wire\\n"')
    )
    found = problems(folder, text)
    assert any(":4:" in p and "source id" in p for p in found), found


def test_same_article_by_two_paths_is_refused(folder: Path) -> None:
    (folder / "sub").mkdir()
    (folder / "copy.txt").symlink_to("a.txt")
    for other in ("sub/../a.txt", "./a.txt", "copy.txt"):
        extra = f"  again:\n    file: {other}\n"
        found = problems(folder, claims(GOOD, extra))
        assert any("is the same article as source" in p for p in found), (other, found)


def test_partial_load_drops_only_the_bad_claim(folder: Path) -> None:
    bad = (
        "  - id: wire-bad\n    source: wire\n    subject: ships idle\n    kind: count\n"
        '    value: "7"\n    time: "2025-06-09/2025-06-02"\n'
        "    quote: Union leaders said 13,400 dockers walked out in Porthaven on Monday.\n"
    )
    (folder / "c.yaml").write_text(claims(GOOD) + bad, encoding="utf-8")
    with pytest.raises(InputError):
        load(folder / "c.yaml")
    cf = load(folder / "c.yaml", partial=True)
    assert [c.id for c in cf.claims] == ["wire-strikers"]
    assert [p.severity for p in cf.warnings if "backwards" in p.message] == ["error"]


def test_partial_load_drops_a_bad_source_with_its_claims(folder: Path) -> None:
    text = claims(GOOD, "  gone:\n    file: missing.txt\n") + (
        "  - id: gone-1\n    source: gone\n    subject: ships idle\n    kind: count\n"
        '    value: "7"\n    quote: seven ships\n'
    )
    (folder / "c.yaml").write_text(text, encoding="utf-8")
    cf = load(folder / "c.yaml", partial=True)
    assert [s.id for s in cf.sources] == ["wire"]
    assert [c.id for c in cf.claims] == ["wire-strikers"]


@settings(max_examples=200, deadline=None)
@given(
    left=st.text(alphabet="ab1 ,.", max_size=6),
    middle=st.text(alphabet="ab12 ,.", min_size=1, max_size=6),
    right=st.text(alphabet="ab1 ,.", max_size=6),
)
def test_whole_never_cuts_a_run_of_letters_or_digits(left: str, middle: str, right: str) -> None:
    text = left + middle + right
    start, end = len(left), len(left) + len(middle)
    cuts = (left and middle[0].isalnum() and left[-1].isalnum() and (
        left[-1].isdigit() == middle[0].isdigit())) or (
        right and middle[-1].isalnum() and right[0].isalnum() and (
        right[0].isdigit() == middle[-1].isdigit()))  # fmt: skip
    if cuts:
        assert not _whole(text, start, end)


def test_dates_at_the_calendar_edges_are_messages(folder: Path) -> None:
    for time in ("0001-01-01", "9999-12-31", "in 7999 years", "next year"):
        text = claims(GOOD.replace('"2025-06-02"', f'"{time}"')).replace("2025-06-03", "9999-12-31")
        (folder / "c.yaml").write_text(text, encoding="utf-8")
        try:
            cf = load(folder / "c.yaml")
        except InputError as exc:
            assert all(p.location.line for p in exc.problems)
        else:
            assert cf.sources[0].published == date(9999, 12, 31)


ARTICLE_B = (
    "Port strike widens\nDate: June 4, 2025\n"
    "About 9% of dockers walked out in Porthaven on Monday, the port authority said.\n"
    "The authority said 2,000 dockers walked out in Porthaven on Monday.\n"
)


def _second_source(value: str, unit: str, quote: str) -> str:
    return (
        "  - id: port-strikers\n    source: port\n    subject: dockers on strike\n"
        f'    kind: count\n    value: "{value}"\n{unit}    time: "2025-06-02"\n'
        f"    quote: {quote}\n"
    )


PCT = "About 9% of dockers walked out in Porthaven on Monday, the port authority said."
COUNT = "The authority said 2,000 dockers walked out in Porthaven on Monday."


@pytest.mark.parametrize(
    ("value", "unit", "quote", "warned"),
    [
        ("9%", "", PCT, True),
        ("2,000", "", COUNT, True),
        ("2,000", "    unit: people\n", COUNT, False),
    ],
)
def test_claims_that_would_never_be_compared_are_named(
    folder: Path, value: str, unit: str, quote: str, warned: bool
) -> None:
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    extra = "  port:\n    file: b.txt\n    published: 2025-06-04\n"
    (folder / "c.yaml").write_text(
        claims(GOOD, extra) + _second_source(value, unit, quote), encoding="utf-8"
    )
    cf = load(folder / "c.yaml")
    apart = [p for p in cf.warnings if p.code == "units-apart"]
    assert bool(apart) == warned
    assert all(p.location.line > 1 for p in apart)


def test_oversized_fields_are_refused_quickly(folder: Path) -> None:
    import time

    huge = "Union leaders said " + "very " * 200_000 + "13,400 dockers walked out."
    text = claims(GOOD.replace(
        "quote: Union leaders said 13,400 dockers walked out in Porthaven on Monday.",
        f"quote: {huge}",
    ))  # fmt: skip
    started = time.monotonic()
    found = problems(folder, text)
    assert time.monotonic() - started < 10
    assert any("quote is 1,000,045 characters, over the 5,000 limit" in p for p in found)


def test_missing_long_quote_in_a_long_article_is_bounded(folder: Path) -> None:
    import time

    (folder / "a.txt").write_text(ARTICLE + "Filler words here. " * 100_000, encoding="utf-8")
    quote = "A sentence the article never had, " * 100 + "with 13,400 in it."
    text = claims(GOOD.replace(
        "quote: Union leaders said 13,400 dockers walked out in Porthaven on Monday.",
        f"quote: {quote}",
    ))  # fmt: skip
    started = time.monotonic()
    found = problems(folder, text)
    assert time.monotonic() - started < 10
    assert any("quote not found" in p for p in found)
