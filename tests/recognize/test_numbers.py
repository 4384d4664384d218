"""Amount recognizer: forms, hedges, ranges, and what must never be an amount."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.numbers import find_amounts, parse_amount

ROOT = Path(__file__).resolve().parents[2]
CASES = [
    json.loads(x)
    for x in (ROOT / "tests/data/recognize_cases.jsonl").read_text().splitlines()
    if x.strip()
]


def _score_case(case: dict[str, object]) -> tuple[bool, str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import conformance
    finally:
        sys.path.pop(0)
    result: tuple[bool, str] = conformance.score_case(case)
    return result


@pytest.mark.parametrize("case", CASES, ids=[str(c["text"])[:40] for c in CASES])
def test_own_news_cases(case: dict[str, object]) -> None:
    ok, detail = _score_case(case)
    assert ok, detail


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "unit"),
    [
        ("5,200", 5200, 5200, "exact", None),
        ("5200", 5200, 5200, "exact", None),
        ("2.5 million", 2.5e6, 2.5e6, "exact", None),
        ("1.2bn", 1.2e9, 1.2e9, "exact", None),
        ("€300m", 3e8, 3e8, "exact", "EUR"),
        ("40 percent", 40, 40, "exact", "percent"),
        ("five thousand", 5000, 5000, "exact", None),
        ("ninety-nine", 99, 99, "exact", None),
        ("roughly 700", 700, 700, "about", None),
        ("no fewer than 12", 12, 12, "at_least", None),
        ("in excess of $5m", 5e6, 5e6, "more_than", "USD"),
        ("at most 30", 30, 30, "at_most", None),
        ("fewer than 100", 100, 100, "less_than", None),
        ("from 10 to 20", 10, 20, "between", None),
        ("hundreds", 200, 999, "between", None),
        ("2014", 2014, 2014, "exact", None),
        ("six months", 6, 6, "exact", "months"),
    ],
)
def test_parse_amount_forms(
    text: str, low: float, high: float, qualifier: str, unit: str | None
) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert (amount.low, amount.high, amount.qualifier, amount.unit) == (low, high, qualifier, unit)
    assert amount.text == text


@pytest.mark.parametrize("text", ["", "troops", "about", "Jan 8", "COVID-19", "5,200 and 300"])
def test_parse_amount_rejects_non_values(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote took place in 2014.",
        "Fighting resumed in late 2018.",
        "He finished 72nd in the race.",
        "The shop is open 24/7.",
        "F-16 jets flew over the G7 summit.",
        "Call +44 20 7946 0958 for details.",
        "Readers Comments (0)",
        "Doors open at 8 p.m. on November 3.",
        "No one was hurt; one of the guards fled.",
        "© AFP 2023",
    ],
)
def test_not_amounts(sentence: str) -> None:
    assert find_amounts(sentence) == []


def test_move_is_two_amounts_not_a_decreasing_range() -> None:
    found = find_amounts("Deaths fell from 5,300 to 2,500.")
    assert [m.amount.text for m in found] == ["5,300", "2,500"]
    assert all(m.amount.qualifier == "exact" for m in found)


def test_increase_after_change_verb_is_a_move() -> None:
    found = find_amounts("Unemployment rose from 5% to 7%.")
    assert [m.amount.low for m in found] == [5, 7]


def test_count_after_year_like_number_is_an_amount() -> None:
    found = find_amounts("Officials said 2014 troops arrived.")
    assert [m.amount.low for m in found] == [2014]


def test_over_a_duration_is_not_a_hedge() -> None:
    (m,) = find_amounts("Budgets doubled over 8 years.")
    assert (m.amount.text, m.amount.qualifier) == ("8 years", "exact")


def test_spans_are_exact_in_long_text() -> None:
    text = "About 3,500 rallied; police said 1,200. Later, more than 40% left. " * 5
    for m in find_amounts(text):
        assert text[m.start : m.end] == m.amount.text


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_and_spans_hold(text: str) -> None:
    for m in find_amounts(text):
        assert text[m.start : m.end] == m.amount.text
        assert m.amount.low <= m.amount.high
    parse_amount(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_integers_round_trip(n: int) -> None:
    amount = parse_amount(f"{n:,}")
    assert amount is not None
    assert amount.low == n


@pytest.mark.parametrize(
    ("sentence", "low", "high", "qualifier"),
    [
        ("Budgets grew by more than 10 and less than 40 percent.", 10, 40, "between"),
        ("Police put the crowd at no more than 900 and at least 300.", 300, 900, "between"),
        ("Donations of 200 or greater were listed.", 200, 200, "at_least"),
        ("Fines of less than 50 or equal to it were waived.", 50, 50, "at_most"),
        ("Only staff over thirty years old were hired.", 30, 30, "more_than"),
        ("Debts were 10 bln at the end.", 1e10, 1e10, "exact"),
        ("Sales reached 2.33 k units.", 2330, 2330, "exact"),
        ("They shipped 3 dozens of crates.", 36, 36, "exact"),
    ],
)
def test_comparisons_and_spaced_scales(
    sentence: str, low: float, high: float, qualifier: str
) -> None:
    (m,) = find_amounts(sentence)
    assert (m.amount.low, m.amount.high, m.amount.qualifier) == (low, high, qualifier)


def test_decreasing_bounds_stay_apart() -> None:
    found = find_amounts("More than 40 and less than 10 voters came.")
    assert [m.amount.qualifier for m in found] == ["more_than", "less_than"]


def test_or_greater_than_a_number_belongs_to_that_number() -> None:
    found = find_amounts("Marks of 200 or greater than 190 were kept.")
    assert [(m.amount.low, m.amount.qualifier) for m in found] == [
        (200, "exact"),
        (190, "more_than"),
    ]


def test_one_letter_capital_scale_needs_a_decimal() -> None:
    assert [m.amount.low for m in find_amounts("Plan 5 B was adopted.")] == [5]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Rebels held a third of the country.", "a third", 100 / 3),
        ("Nearly two thirds of voters backed the plan.", "Nearly two thirds", 200 / 3),
        ("Three quarters of the harvest was lost.", "Three quarters", 75),
        ("Half a million people marched.", "Half a million", 500_000),
        ("The siege lasted one and a half years.", "one and a half years", 1.5),
        ("The city has 3 million and a half residents.", "3 million and a half", 3_500_000),
        ("Some five and a half million fish died.", "Some five and a half million", 5_500_000),
        ("Half a dozen ministers resigned.", "Half a dozen", 6),
        ("They lost two thirds of a million dollars.", "two thirds of a million dollars", 2e6 / 3),
        ("Rainfall was 2½ times the average.", "2½", 2.5),
        ("Turnout fell by 3/4 in the east.", "3/4", 0.75),
        ("The pipe is 2 1/4 metres long.", "2 1/4 metres", 2.25),
        ("They bought three hundred and two dozens of eggs.", "three hundred and two dozens", 324),
        ("One-fourth of the staff left.", "One-fourth", 25),
    ],
)
def test_fractions(sentence: str, text: str, value: float) -> None:
    (m,) = find_amounts(sentence)
    assert m.amount.text == text
    assert m.amount.low == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks resume for a fourth round in Geneva.",
        "Profits rose in the third quarter.",
        "He scored in the first half of the match.",
        "The other half stayed home.",
        "The vote was set on 1/2 by the board.",
        "Two quarters passed without growth.",
    ],
)
def test_ordinals_periods_and_dates_are_not_fractions(sentence: str) -> None:
    assert [m.amount.low for m in find_amounts(sentence)] in ([], [2.0])


def test_a_repeated_scale_starts_a_new_number() -> None:
    found = find_amounts("Between 3 hundred and 2 hundred staff, and 4 thousand 3 hundred and 0.")
    assert [m.amount.low for m in found] == [300, 200, 4300, 0]


def test_not_equal_sign_is_no_bound_and_signs_may_follow_a_letter() -> None:
    assert [m.amount.qualifier for m in find_amounts("<>30")] == ["exact"]
    found = find_amounts("x>10 and y<20")
    assert [(m.amount.text, m.amount.qualifier) for m in found] == [
        (">10", "more_than"),
        ("<20", "less_than"),
    ]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(["a half", "a quarter"]))
def test_scale_and_a_fraction_is_the_scale_times_the_mixed_number(n: int, frac: str) -> None:
    amount = parse_amount(f"{n} million and {frac}")
    assert amount is not None
    assert amount.low == pytest.approx((n + (0.5 if frac == "a half" else 0.25)) * 1e6)


def test_hedge_prefilter_keeps_every_hedge() -> None:
    phrases = [
        "about", "around", "roughly", "approximately", "approx.", "some", "nearly", "almost",
        "an estimated", "close to", "circa", "at least", "no fewer than", "a minimum of",
        "more than", "over", "above", "in excess of", "upwards of", "exceeding", "surpassed",
        "up to", "at most", "as many as", "a maximum of", "less than", "under", "below", ">=",
        "<", "≥", "greater than or equal to", "equal to or less than",
    ]  # fmt: skip
    for phrase in phrases:
        (m,) = find_amounts(f"Police said {phrase} 40 people came.")
        assert m.amount.text == f"{phrase} 40", phrase
        assert m.amount.qualifier != "exact", phrase


def test_import_compiles_no_regex() -> None:
    import re

    from claimcheck.recognize import numbers

    assert not [k for k, v in vars(numbers).items() if isinstance(v, re.Pattern)]
    lazy = numbers._Lazy(r"\d+")
    assert "match" not in vars(lazy)  # compiled only on first use
    assert lazy.search("a 12") is not None
    assert "match" in vars(lazy)


def test_the_last_day_of_a_between_range_is_not_an_amount() -> None:
    found = [m.amount.text for m in find_amounts("Some 40 shops closed between June 4 and 11.")]
    assert found == ["Some 40"]
    found = [m.amount.text for m in find_amounts("between June 4 and 11 percent of voters")]
    assert "11 percent" in found or "11" in found  # no month day before it: a share stays


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Cholera toll tops 300 in the province", "more_than"),
        ("Measles cases pass 90 as schools close", None),
        ("Arrests crossed 1,000 by Sunday", "more_than"),
        ("Wildfire toll passes 40", "more_than"),
    ],
)
def test_headline_verbs_of_passing_a_mark_are_lower_bounds(
    text: str, qualifier: str | None
) -> None:
    (m,) = [a for a in find_amounts(text) if a.amount.high > 20]
    assert m.amount.qualifier == (qualifier or "exact")
