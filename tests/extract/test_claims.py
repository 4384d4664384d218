"""Claims extraction: a table of sentences on other subjects, and span properties."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.claims import extract_claims

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "data" / "extract_cases.yaml").read_text("utf-8")
)
PUBLISHED = date(2022, 3, 10)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_sentence_table(case: dict[str, Any]) -> None:
    claims = extract_claims(case["text"], source_id="t", published=PUBLISHED)
    got = [{k: getattr(c, k) for k in exp} for c, exp in zip(claims, case["claims"], strict=False)]
    assert len(claims) == len(case["claims"]), [(c.kind, c.value, c.subject) for c in claims]
    assert got == case["claims"]


def test_spans_and_ids_are_stable() -> None:
    text = "Intro line here.\nAt least 42 people were killed in Peru on Monday, police said.\n"
    first = extract_claims(text, source_id="s", published=PUBLISHED)
    again = extract_claims(text, source_id="s", published=PUBLISHED)
    assert [c.id for c in first] == [c.id for c in again]
    c = first[0]
    assert c.span is not None and text[c.span[0] : c.span[1]] == c.quote
    assert c.id.startswith("s-count-")


def test_same_number_refers_back() -> None:
    text = (
        "The United States has reduced its troops in Iraq to 2,500 on Friday. "
        "The department also reduced troops in Afghanistan to the same number."
    )
    claims = extract_claims(text, source_id="s", published=PUBLISHED)
    afgh = [c for c in claims if "Afghanistan" in c.subject]
    assert afgh and afgh[0].value == "2,500" and afgh[0].note


def test_headline_restating_the_body_is_a_claim_of_its_own() -> None:
    """An editor checks the headline's figure too: a restatement in other words is kept."""
    text = "Britain withdraws 700 troops from Mali\n\nBritain has withdrawn 700 troops from Mali.\n"
    claims = extract_claims(
        text, source_id="s", published=PUBLISHED, title="Britain withdraws 700 troops from Mali"
    )
    assert [c.quote for c in claims] == [
        "Britain withdraws 700 troops from Mali",
        "Britain has withdrawn 700 troops from Mali.",
    ]


def test_a_sentence_printed_twice_is_one_claim() -> None:
    line = "Floods in Peru have killed 23 people."
    claims = extract_claims(f"{line}\n\n{line}\n", source_id="s", published=PUBLISHED)
    assert len(claims) == 1


def test_deadline_date_claim() -> None:
    text = "The two governments agreed to end the combat mission in Iraq by the end of 2021."
    claims = extract_claims(text, source_id="s", published=PUBLISHED)
    assert [(c.kind, c.value, c.time) for c in claims] == [("date", None, "by the end of 2021")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_never_raises_and_spans_hold(text: str) -> None:
    for c in extract_claims(text, source_id="h", published=PUBLISHED):
        assert c.span is not None and text[c.span[0] : c.span[1]] == c.quote


WORDS = st.sampled_from(
    ["At least", "42", "people", "were", "killed", "in", "Iraq", "from", "5,300", "to", "2,500",
     "troops", "by", "November", ".", ",", "\n", "the", "same", "number", "US", "said",
     "injured", "and", "more than 100", "up from", "$3.9bn", "budget", "percent", "Turnout",
     "was", "crowd", "at", "attended", "others", "half of the", "one of", "a third",
     "death toll", "rose", "by 2025", "plans", "cut", "jobs", "lasted", "15 months", "curfew",
     "police", "Organisers", "put"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_newsy_text_spans_hold(words: list[str]) -> None:
    text = " ".join(words)
    for c in extract_claims(text, source_id="h", published=None):
        assert c.span is not None and text[c.span[0] : c.span[1]] == c.quote


def test_aliases_fold_subject_names() -> None:
    text = "The NHS budget was increased by $2bn this year."
    plain = extract_claims(text, source_id="s", published=PUBLISHED)
    folded = extract_claims(
        text, source_id="s", published=PUBLISHED, aliases=[["health service", "NHS"], ["x"]]
    )
    assert [c.subject for c in plain] == ["nhs budget"]
    assert [c.subject for c in folded] == ["health service budget"]
    assert [c.value for c in folded] == ["$2bn"]


def test_from_to_read_as_range_is_still_a_move(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the recognizer makes of "from 450 to 600", extraction reads a move."""
    from claimcheck.model import Amount
    from claimcheck.recognize import numbers
    from claimcheck.recognize.numbers import AmountMention

    text = "Canada increased its contingent in Latvia from 450 to 600 in 2019."
    start = text.index("from")
    end = text.index(" in 2019")
    rng = Amount(text[start:end], 450.0, 600.0, "between", None)
    monkeypatch.setattr(numbers, "find_amounts", lambda t: [AmountMention(rng, start, end)])
    claims = extract_claims(text, source_id="s", published=PUBLISHED)
    assert [(c.kind, c.from_value, c.to_value, c.time) for c in claims] == [
        ("change", "450", "600", "2019")
    ]
