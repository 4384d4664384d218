"""The loader reports every problem of a broken claims file at the right place."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from claimcheck.claimsfile.load import MAX_CLAIMS_FILE_BYTES, load
from claimcheck.errors import InputError

BROKEN = Path(__file__).parent.parent / "data" / "broken"
VALID = (BROKEN / "valid.yaml").read_text(encoding="utf-8")


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copy(BROKEN / "article.txt", tmp_path / "article.txt")
    return tmp_path


def problems_of(path: Path, **kwargs: bool) -> list[str]:
    with pytest.raises(InputError) as info:
        load(path, **kwargs)
    return [p.format() for p in info.value.problems]


def broken(name: str) -> list[str]:
    """Formatted problems of a fixture, paths relative to the fixtures folder."""
    cwd = os.getcwd()
    os.chdir(BROKEN)
    try:
        return problems_of(Path(name))
    finally:
        os.chdir(cwd)


def write(workdir: Path, text: str, name: str = "claims.yaml") -> Path:
    path = workdir / name
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_with_spans_locations_and_texts() -> None:
    cf = load(BROKEN / "valid.yaml")
    assert [c.id for c in cf.claims] == ["herald-crowd-officials", "herald-budget"]
    assert cf.sources[0].published == date(2023, 5, 14)
    crowd, budget = cf.claims
    assert crowd.location is not None and (crowd.location.line, crowd.location.col) == (9, 5)
    text = cf.texts["herald"]
    assert crowd.span is not None and text[crowd.span[0] : crowd.span[1]] == crowd.quote
    assert budget.time == "2023"  # a plain YAML integer stays as written
    assert budget.value == "$4.5 million"


def test_tab() -> None:
    assert broken("tab.yaml") == [
        "tab.yaml:6:1: error: YAML syntax: a tab character; YAML indents with spaces only "
        "(hint: indent with spaces; YAML does not allow tabs for indentation)"
    ]


def test_unclosed_quote() -> None:
    assert broken("unclosed_quote.yaml") == [
        "unclosed_quote.yaml:25:1: error: YAML syntax: while scanning a quoted scalar, found "
        "unexpected end of stream (started at line 6) "
        "(hint: close the quote, or escape a quote inside it)"
    ]


def test_wrong_indentation() -> None:
    assert broken("bad_indent.yaml") == [
        "bad_indent.yaml:6:4: error: YAML syntax: while parsing a block mapping, did not find "
        "expected key (started at line 4) "
        "(hint: check the indentation: keys of one mapping must line up)"
    ]


def test_wrong_types_all_reported() -> None:
    assert broken("wrong_types.yaml") == [
        "wrong_types.yaml:2:10: error: version: expected a whole number, found text",
        "wrong_types.yaml:12:11: error: claims[0].kind: expected text, found a list",
        "wrong_types.yaml:19:14: error: claims[1].subject: expected text, found a mapping",
        "wrong_types.yaml:23:11: error: claims[1].time: expected text or a whole number, "
        "found a list",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("published: 2023-05-14", "published: [2023]", "sources.herald.published: expected text"),
        (
            "file: article.txt",
            "file: {a: 1}",
            "sources.herald.file: expected text, found a mapping",
        ),
        (
            "    source: herald\n    subject: marchers",
            "    source: [herald]\n    subject: marchers",
            "claims[0].source: expected text, found a list",
        ),
        ("value: about 12,000", "value: {n: 1}", "claims[0].value: expected text or a number"),
        ("unit: people", "unit: [people]", "claims[0].unit: expected text, found a list"),
        ("kind: count", "kind: tally", "claims[0].kind: 'tally' is not one of level, change"),
        ("version: 1", "version: 2", "unsupported version 2; this claimcheck reads version 1"),
    ],
)
def test_wrong_type_at_each_field(workdir: Path, old: str, new: str, expected: str) -> None:
    assert old in VALID
    messages = problems_of(write(workdir, VALID.replace(old, new, 1)))
    assert any(expected in m for m in messages), messages


def test_aliases_need_two_names(workdir: Path) -> None:
    text = VALID.replace("claims:\n", "aliases:\n  - [Lisbon]\nclaims:\n")
    messages = problems_of(write(workdir, text))
    assert len(messages) == 1 and messages[0].startswith(f"{workdir}/claims.yaml:9:5: error: ")
    assert "aliases[0]" in messages[0]


def test_empty_file() -> None:
    assert broken("empty.yaml") == [
        "empty.yaml:1:1: error: the claims file is empty "
        "(hint: a claims file starts with `version: 1`, then `sources:` and `claims:`)"
    ]


def test_only_a_list() -> None:
    assert broken("only_list.yaml") == [
        "only_list.yaml:1:1: error: the top level must be a mapping (version, sources, claims); "
        "found a list (hint: a claims file starts with `version: 1`, then `sources:` and `claims:`)"
    ]


def test_only_a_scalar(workdir: Path) -> None:
    messages = problems_of(write(workdir, "just some words\n"))
    assert messages == [
        f"{workdir}/claims.yaml:1:1: error: the top level must be a mapping (version, sources, "
        "claims); found a single value (hint: a claims file starts with `version: 1`, then "
        "`sources:` and `claims:`)"
    ]


def test_python_object_tag_refused() -> None:
    assert broken("python_object.yaml") == [
        "python_object.yaml:6:16: error: tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "refused: a claims file holds only plain values "
        "(hint: remove the tag; quote the value if it is text)"
    ]


def test_local_tag_refused(workdir: Path) -> None:
    messages = problems_of(write(workdir, VALID.replace("kind: count", "kind: !kind count")))
    assert messages == [
        f"{workdir}/claims.yaml:12:11: error: tag '!kind' refused: a claims file holds only plain "
        "values (hint: remove the tag; quote the value if it is text)"
    ]


def test_billion_laughs_refused_fast() -> None:
    start = time.perf_counter()
    messages = broken("billion_laughs.yaml")
    assert time.perf_counter() - start < 1.0
    assert messages[0] == (
        "billion_laughs.yaml:1:4: error: anchor '&a' refused: a claims file never needs anchors "
        "or aliases (hint: write the value out in full)"
    )
    assert len(messages) <= 40  # alias reports are capped
    assert any(m.endswith("more aliases refused") for m in messages)


def test_huge_file_refused_with_limit(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_CLAIMS_FILE_BYTES + 1)  # sparse: cheap to make, never read
    start = time.perf_counter()
    messages = problems_of(path)
    assert time.perf_counter() - start < 1.0
    assert messages == [
        f"{path}:1:1: error: refused: the claims file is {MAX_CLAIMS_FILE_BYTES + 1:,} bytes, "
        f"larger than the {MAX_CLAIMS_FILE_BYTES // 2**20:,} MB limit (about three million "
        "claims) (hint: check the path; split an archive this large into several claims files)"
    ]


def test_a_file_over_the_old_40_mb_cap_is_read(workdir: Path) -> None:
    """Archives of 100k claims and more are claims files: no cap near their size."""
    assert MAX_CLAIMS_FILE_BYTES >= 500 * 2**20


def test_impossible_published_date() -> None:
    assert broken("impossible_date.yaml") == [
        "impossible_date.yaml:7:16: error: sources.herald.published: 2021-02-30 is not a real date"
        " (hint: check the day and month)"
    ]


def test_impossible_time_date(workdir: Path) -> None:
    messages = problems_of(write(workdir, VALID.replace("time: 2023", "time: 2023-02-29")))
    assert messages == [
        f"{workdir}/claims.yaml:23:11: error: time '2023-02-29': 2023-02-29 is not a real date "
        "(hint: check the day and month)"
    ]


def test_huge_number_refused(workdir: Path) -> None:
    text = VALID.replace("version: 1", "version: 1\nsettings:\n  about_tolerance: 1.0e+309")
    messages = problems_of(write(workdir, text))
    assert messages == [
        f"{workdir}/claims.yaml:4:20: error: settings.about_tolerance: inf is not a finite number"
    ]
    messages = problems_of(write(workdir, VALID.replace("value: about 12,000", "value: 1e309")))
    assert len(messages) == 1 and "claims.yaml:13:12: error: " in messages[0]


def test_nan_refused(workdir: Path) -> None:
    text = VALID.replace("version: 1", "version: 1\nsettings:\n  subject_threshold: .nan")
    messages = problems_of(write(workdir, text))
    assert messages == [
        f"{workdir}/claims.yaml:4:22: error: settings.subject_threshold: nan is not a finite number"
    ]


def test_settings_out_of_range(workdir: Path) -> None:
    text = VALID.replace("version: 1", "version: 1\nsettings:\n  about_tolerance: 1.5")
    messages = problems_of(write(workdir, text))
    assert messages == [
        f"{workdir}/claims.yaml:4:20: error: settings.about_tolerance: 1.5 is greater than the "
        "maximum of 1"
    ]


def test_negative_count(workdir: Path) -> None:
    messages = problems_of(write(workdir, VALID.replace("value: about 12,000", "value: -12000")))
    assert messages == [
        f"{workdir}/claims.yaml:13:12: error: value '-12000' is negative; a count cannot be "
        "(hint: write the amount as stated; a decrease is a change from X to Y)"
    ]


def test_not_utf8() -> None:
    assert broken("not_utf8.yaml") == [
        "not_utf8.yaml:6:20: error: not valid UTF-8: byte 0xe9 cannot be decoded "
        "(hint: re-save the claims file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`))"
    ]


def test_bom_and_crlf_accepted() -> None:
    plain = load(BROKEN / "valid.yaml")
    crlf = load(BROKEN / "bom_crlf.yaml")
    assert crlf.claims[1].location == plain.claims[1].location.__class__(
        str(BROKEN / "bom_crlf.yaml"), 17, 5
    )
    assert [c.span for c in crlf.claims] == [c.span for c in plain.claims]


def test_missing_source_file() -> None:
    assert broken("missing_source_file.yaml") == [
        f"missing_source_file.yaml:5:11: error: source file not found: "
        f"{BROKEN / 'missing' / 'article.txt'} (hint: the path is relative to the claims file)"
    ]


def test_source_escaping_with_dotdot() -> None:
    assert broken("escape_dotdot.yaml") == [
        "escape_dotdot.yaml:5:11: error: source path '../../../etc/passwd' leads outside the "
        "claims file's directory through '..' "
        "(hint: keep articles next to the claims file, or pass --allow-outside)"
    ]


def test_source_escaping_with_symlink(
    workdir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text((BROKEN / "article.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (workdir / "link.txt").symlink_to(outside)
    path = write(workdir, VALID.replace("file: article.txt", "file: link.txt"))
    assert problems_of(path) == [
        f"{path}:5:11: error: source path 'link.txt' leads outside the claims file's directory "
        "through a symbolic link "
        "(hint: keep articles next to the claims file, or pass --allow-outside)"
    ]
    assert load(path, allow_outside=True).texts["herald"].startswith("Marchers")


def test_absolute_source_path(workdir: Path) -> None:
    path = write(workdir, VALID.replace("file: article.txt", "file: /etc/hostname"))
    assert problems_of(path)[0].startswith(
        f"{path}:5:11: error: source path '/etc/hostname' is absolute"
    )


def test_unknown_key_did_you_mean() -> None:
    assert broken("unknown_key.yaml") == [
        "unknown_key.yaml:6:5: error: unknown key 'publsher' in sources.herald "
        "(hint: did you mean 'publisher'?)"
    ]


def test_unknown_top_level_key(workdir: Path) -> None:
    messages = problems_of(write(workdir, VALID.replace("claims:\n", "claim:\n")))
    assert (
        f"{workdir}/claims.yaml:8:1: error: unknown key 'claim' (hint: did you mean 'claims'?)"
        in (messages)
    )
    assert f"{workdir}/claims.yaml:2:1: error: top level: missing required key 'claims'" in messages


def test_duplicate_ids() -> None:
    assert broken("duplicate_ids.yaml") == [
        "duplicate_ids.yaml:17:9: error: duplicate claim id 'herald-crowd-officials' "
        "(first at line 9) (hint: give each claim its own id)"
    ]


def test_duplicate_mapping_key(workdir: Path) -> None:
    text = VALID.replace(
        "    publisher: The Herald\n", "    publisher: The Herald\n    publisher: X\n"
    )
    assert problems_of(write(workdir, text)) == [
        f"{workdir}/claims.yaml:7:5: error: duplicate key 'publisher' (first at line 6) "
        "(hint: keep one of them)"
    ]


def test_unknown_source_id() -> None:
    assert broken("unknown_source.yaml") == [
        "unknown_source.yaml:18:13: error: unknown source 'herld' (hint: did you mean 'herald'?)"
    ]


def test_quote_not_in_source_shows_closest_passage() -> None:
    assert broken("quote_not_in_source.yaml") == [
        "quote_not_in_source.yaml:24:12: error: quote not found in source 'herald' (article.txt); "
        'closest passage (line 4, 94% similar): "The council approved a budget of $4.5 million '
        'for the year, up from $3.9 million." (hint: copy the sentence from the article exactly)'
    ]


def test_quote_tolerates_typographic_quotes_and_whitespace(workdir: Path) -> None:
    article = workdir / "article.txt"
    article.write_text(
        "Police said “at least 40” people were   arrested\nin the city’s centre — mostly youths.\n",
        encoding="utf-8",
    )
    text = (
        "version: 1\nsources:\n  post:\n    file: article.txt\nclaims:\n"
        "  - id: arrests\n    source: post\n    subject: arrests in the centre\n    kind: count\n"
        "    value: at least 40\n    unit: people\n"
        "    quote: 'Police said \"at least 40\" people were arrested in the city''s centre - "
        "mostly youths.'\n"
    )
    cf = load(write(workdir, text))
    span = cf.claims[0].span
    assert span is not None
    assert cf.texts["post"][span[0] : span[1]] == (
        "Police said “at least 40” people were   arrested\nin the city’s centre — mostly youths."
    )


def test_value_disagreeing_with_quote() -> None:
    assert broken("value_not_in_quote.yaml") == [
        "value_not_in_quote.yaml:13:12: error: value about 12,500 is not in its quote "
        "(the quote says about 12,000, more than 30,000) (hint: fix the value or the quote)"
    ]


def test_from_to_checked_against_quote(workdir: Path) -> None:
    text = VALID.replace("kind: level", "kind: change").replace(
        "value: $4.5 million", "from: $3.8 million\n    to: $4.5 million"
    )
    messages = problems_of(write(workdir, text))
    assert len(messages) == 1
    assert "claims.yaml:21:11: error: from $3.8 million is not in its quote" in messages[0]


def test_check_quotes_off_skips_quote_checks(workdir: Path) -> None:
    path = write(workdir, VALID.replace("approved a budget", "passed a budget"))
    assert load(path, check_quotes=False).claims[1].span is None


def test_status_without_reason_and_bad_verdict(workdir: Path) -> None:
    text = VALID.replace("    unit: USD", "    unit: USD\n    status: superseded") + (
        "reviews:\n  - fingerprint: 9c1e4b2a7d03\n    verdict: acepted\n"
    )
    assert problems_of(write(workdir, text)) == [
        f"{workdir}/claims.yaml:23:13: error: status 'superseded' needs a status_reason "
        "(hint: say why, e.g. `status_reason: corrected in a later article`)",
        f"{workdir}/claims.yaml:28:14: error: reviews[0].verdict: 'acepted' is not one of "
        "accepted, dismissed (hint: did you mean 'accepted'?)",
    ]


def test_unreadable_value_and_time(workdir: Path) -> None:
    text = VALID.replace("value: about 12,000", "value: lots and lots").replace(
        "time: 2023", "time: when pigs fly"
    )
    messages = problems_of(write(workdir, text))
    assert [m.split(": error: ")[0] for m in messages] == [
        f"{workdir}/claims.yaml:13:12",
        f"{workdir}/claims.yaml:23:11",
    ]
    assert "cannot read value 'lots and lots' as an amount" in messages[0]
    assert "cannot read time 'when pigs fly'" in messages[1]


def test_relative_time_without_published_is_not_an_error(workdir: Path) -> None:
    text = VALID.replace("    published: 2023-05-14\n", "")
    cf = load(write(workdir, text))
    assert cf.sources[0].published is None
    assert cf.claims[0].time == "on Saturday"


def test_every_problem_reported_sorted(workdir: Path) -> None:
    text = (
        VALID.replace("publisher:", "publsher:")
        .replace("id: herald-budget", "id: herald-crowd-officials")
        .replace("value: about 12,000", "value: about 12,500")
    )
    messages = problems_of(write(workdir, text))
    lines = [int(m.split(":")[1]) for m in messages]
    assert lines == [6, 13, 17]


def test_curated_claims_file_loads() -> None:
    curated = Path(__file__).parent.parent.parent / "claims.yaml"
    if not curated.exists():
        pytest.skip("no curated claims.yaml")
    cf = load(curated)
    assert cf.claims and all(c.span is not None for c in cf.claims)
    for claim in cf.claims:
        assert claim.location is not None and claim.location.line > 1


@pytest.mark.parametrize(
    ("value", "quote", "expected"),
    [
        ("5,200", "from the current 5,200 to about 3,500", True),
        ("5,200", "from the current 15,200 to about 3,500", False),
        ("5,200", "about 5,200.5 troops", False),
        ("three", "thirty-three people", False),
        ("3", "the 3rd brigade", False),
        ("at least 2,500", "said at least 2,500 US troops", True),
    ],
)
def test_verbatim_fast_path_never_accepts_part_of_another_number(
    value: str, quote: str, expected: bool
) -> None:
    from claimcheck.claimsfile.semantics import _verbatim

    assert _verbatim(value, quote) is expected


def test_a_value_copied_from_the_start_of_its_sentence_needs_no_number_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """"about 40" in "About 40 homes were flooded": as written but for the capital."""
    from claimcheck.claimsfile import semantics
    from claimcheck.recognize import numbers

    def never(*_args: object, **_kwargs: object) -> list[object]:
        raise AssertionError("the quote's numbers were scanned")

    monkeypatch.setattr(numbers, "find_amounts", never)
    sem = semantics.Semantics.__new__(semantics.Semantics)
    sem.problems = []
    claim = {"value": "about 40", "quote": "About 40 homes were flooded overnight."}
    amount = numbers.parse_amount("about 40")
    sem._quote_numbers(("claims", 0), claim, {"value": amount})
    assert sem.problems == []
