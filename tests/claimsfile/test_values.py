"""The loader reads values in the forms news writes them, and checks them against quotes
with the same recognizer: what a quote states in words supports a value in digits."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.claimsfile.load import load
from claimcheck.errors import InputError

ARTICLE = (
    "Flood waters forced 14 500 residents from their homes, officials said.\n"
    "More than half of the farmland in the valley was under water.\n"
    "Dozens of volunteers filled sandbags through the night.\n"
    "The levee had not been raised in three decades.\n"
    "The river rose along a 8 or 9 metre stretch of embankment.\n"
    "Crews cleared 40 kilometres (25 miles) of road.\n"
    "Repairs will cost $12.5 million (€11.4 million), the council said.\n"
    "At most a few thousand households are still without water.\n"
)


def _claims_file(tmp_path: Path, value: str, quote: str, kind: str = "count") -> Path:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(
        "version: 1\nsources:\n  gazette:\n    file: article.txt\n    published: 2024-03-04\n"
        "claims:\n  - id: c1\n    source: gazette\n    subject: flood figure\n"
        f"    kind: {kind}\n    value: '{value}'\n    quote: '{quote}'\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("value", "quote", "low", "high"),
    [
        ("14 500", "forced 14 500 residents", 14_500, 14_500),
        ("14500", "forced 14 500 residents", 14_500, 14_500),
        ("more than half", "More than half of the farmland", 50, 50),
        ("more than 50 percent", "More than half of the farmland", 50, 50),
        ("dozens", "Dozens of volunteers", 24, 99),
        ("30 years", "not been raised in three decades", 30, 30),
        ("three decades", "not been raised in three decades", 30, 30),
        ("8-9", "a 8 or 9 metre stretch", 8, 9),
        ("40 km", "Crews cleared 40 kilometres (25 miles)", 40, 40),
        ("25 miles", "Crews cleared 40 kilometres (25 miles)", 25, 25),
        ("$12.5 million", "cost $12.5 million (€11.4 million)", 12.5e6, 12.5e6),
        ("at most a few thousand", "At most a few thousand households", 0, 5000),
    ],
)
def test_news_forms_load_and_match_their_quote(
    tmp_path: Path, value: str, quote: str, low: float, high: float
) -> None:
    from claimcheck.recognize.numbers import parse_amount

    kind = "duration" if "decade" in quote else "count"
    cf = load(_claims_file(tmp_path, value, quote, kind))
    assert cf.claims[0].value == value
    amount = parse_amount(value)
    assert amount is not None and (amount.low, amount.high) == (low, high)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("31 years", "not been raised in three decades"),
        ("14 600", "forced 14 500 residents"),
        ("more than 60 percent", "More than half of the farmland"),
    ],
)
def test_value_the_quote_does_not_state_is_an_error(tmp_path: Path, value: str, quote: str) -> None:
    kind = "duration" if "decade" in quote else "count"
    with pytest.raises(InputError) as info:
        load(_claims_file(tmp_path, value, quote, kind))
    (problem,) = info.value.problems
    assert "is not in its quote" in problem.message
    assert problem.location.line == 11  # the value's line, not a traceback


def test_two_numbers_side_by_side_are_not_one_value(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        load(_claims_file(tmp_path, "14 500 12", "forced 14 500 residents"))
    assert "cannot read value '14 500 12' as an amount" in info.value.problems[0].message
