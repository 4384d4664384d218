"""Numbers as news writes them: properties that hold for every sentence of a kind.

The table of single sentences is tests/data/recognize_cases.jsonl (scored by
scripts/conformance.py too); these tests generate the sentences instead.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.recognize.numbers import find_amounts, parse_amount

HEDGES = ["", "about ", "some ", "nearly ", "almost ", "up to ", "within ", "more than ",
          "over ", "at least ", "fewer than ", "an estimated "]  # fmt: skip
UNITS = ["", " people", " percent", "%", " km", " kilometres", " metres", " hectares",
         " tonnes", " days", " weeks", " years", " hours", " miles"]  # fmt: skip
NOUNS = ["protesters", "homes", "voters", "boats", "firefighters", "ballots"]


def _grouped(n: int, sep: str = " ") -> str:
    return f"{n:,}".replace(",", sep)


numbers = st.one_of(
    st.integers(min_value=0, max_value=999).map(str),
    st.integers(min_value=1000, max_value=10**9).map(lambda n: f"{n:,}"),
    st.integers(min_value=1000, max_value=10**9).map(_grouped),
    st.sampled_from(["two dozen", "a dozen", "thirty-five hundred", "half a million",
                     "one hundred and forty-two", "three-quarters", "a fifth", "dozens",
                     "hundreds", "tens of thousands", "a few hundred", "several", "2.5 million",
                     "$4.2bn", "Rs 3 lakh", "three decades", "15+", "40-45", "8 or 9"]),
)  # fmt: skip
sentences = st.builds(
    lambda lead, hedge, num, unit, noun: f"{lead}{hedge}{num}{unit} {noun} were reported.",
    st.sampled_from(["", "Officials said ", "In 2021 ", "By Tuesday, ", "The storm left "]),
    st.sampled_from(HEDGES),
    numbers,
    st.sampled_from(UNITS),
    st.sampled_from(NOUNS),
)


def _key(m: object) -> tuple[object, ...]:
    a = m.amount  # type: ignore[attr-defined]
    return (a.low, a.high, a.qualifier, a.unit)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 ,.-+()%$€aAdhfnorstuvyz\n"), max_size=80))
def test_any_text_gives_consistent_spans(text: str) -> None:
    found = find_amounts(text, restatements=True)
    end = 0
    for m in found:
        assert text[m.start : m.end] == m.amount.text
        assert m.start >= end  # ordered, never overlapping
        assert m.amount.low <= m.amount.high
        end = m.end
    assert [m for m in found if not m.restatement] == find_amounts(text)


@settings(max_examples=400, deadline=None)
@given(sentences)
def test_every_mention_text_reads_back_as_the_same_value(sentence: str) -> None:
    """What extraction writes as a value (the mention's text) loads as the same amount."""
    for m in find_amounts(sentence):
        again = parse_amount(m.amount.text)
        assert again is not None, m.amount.text
        assert (again.low, again.high, again.qualifier, again.unit) == _key(m), m.amount.text


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f"]))
def test_digits_grouped_with_spaces_are_one_number(n: int, sep: str) -> None:
    text = _grouped(n, sep)
    amount = parse_amount(text)
    assert amount is not None and amount.low == n
    (m,) = find_amounts(f"Rescuers reached {text} villagers.")
    assert m.amount.low == n


@given(st.integers(min_value=1900, max_value=2099), st.integers(min_value=1000, max_value=999_999))
def test_a_year_before_a_grouped_number_stays_apart(year: int, n: int) -> None:
    (m,) = find_amounts(f"In {year} {_grouped(n)} people were evacuated.")
    assert m.amount.low == n


@given(st.lists(st.integers(min_value=0, max_value=99), min_size=2, max_size=4))
def test_short_numbers_side_by_side_are_never_joined(values: list[int]) -> None:
    found = find_amounts("The panel's marks were " + " ".join(map(str, values)) + ".")
    assert [m.amount.low for m in found] == values


@pytest.mark.parametrize(
    ("word", "low", "high"),
    [("dozens", 24, 99), ("scores", 40, 199), ("hundreds", 200, 999), ("thousands", 2000, 9999),
     ("tens of thousands", 20_000, 99_999), ("several", 3, 9), ("a handful", 2, 9),
     ("a few", 2, 5), ("a few hundred", 200, 500), ("several thousand", 3000, 9000),
     ("a few hundred thousand", 200_000, 500_000)],
)  # fmt: skip
def test_vague_amounts_are_ranges(word: str, low: float, high: float) -> None:
    amount = parse_amount(word)
    assert amount is not None
    assert (amount.low, amount.high, amount.qualifier) == (low, high, "between")
    bounded = parse_amount(f"up to {word}")
    assert bounded is not None and (bounded.low, bounded.high) == (0, high)
    floor = parse_amount(f"more than {word}")
    assert floor is not None and (floor.low, floor.qualifier) == (low, "more_than")


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=999),
    st.sampled_from(HEDGES),
)
def test_a_stated_range_keeps_both_ends_whatever_the_hedge(a: int, b: int, hedge: str) -> None:
    low, high = sorted((a, b))
    if low == high:
        high += 1
    (m,) = find_amounts(f"Crews sent {hedge}{low}-{high} pumps to the town.")
    assert (m.amount.low, m.amount.high, m.amount.qualifier) == (low, high, "between")


@given(
    st.integers(min_value=2, max_value=5000),
    st.sampled_from(
        [
            ("kilometres", "miles"),
            ("km", "miles"),
            ("hectares", "acres"),
            ("metres", "feet"),
            ("sq km", "sq miles"),
            ("kg", "lb"),
            ("km/h", "mph"),
            ("°C", "°F"),
            ("litres", "gallons"),
        ]
    ),
)
def test_a_restatement_in_brackets_is_counted_once(n: int, units: tuple[str, str]) -> None:
    first, second = units
    restated = round(n * 0.62) + 1
    text = f"The fire front moved {n} {first} ({restated} {second}) overnight."
    found = find_amounts(text)
    assert [m.amount.low for m in found] == [n]
    both = find_amounts(text, restatements=True)
    assert [m.restatement for m in both] == [False, True]


def test_different_figures_in_brackets_are_both_kept() -> None:
    found = find_amounts("The fund paid 4 million (15%) of its pledges.")
    assert [(m.amount.low, m.amount.unit) for m in found] == [(4e6, None), (15, "percent")]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The levee cost $31.5 million (€29 million) to rebuild.", "$31.5 million"),
        ("Crop losses reached $ 3.1 million (PHP 160 million) by Friday.", "$ 3.1 million"),
        ("The appeal seeks Rs 40 crore (USD 4.8 million) for shelters.", "Rs 40 crore"),
    ],
)
def test_currencies_restated_once(sentence: str, kept: str) -> None:
    assert [m.amount.text for m in find_amounts(sentence)] == [kept]


@pytest.mark.parametrize(
    ("text", "low", "qualifier", "unit"),
    [
        ("three-quarters", 75, "exact", "percent"),
        ("almost a fifth", 20, "at_most", "percent"),
        ("more than half", 50, "more_than", "percent"),
        ("a tenth", 10, "exact", "percent"),
        ("half an hour", 0.5, "exact", "hours"),
        ("half a million", 500_000, "exact", None),
        ("three decades", 30, "exact", "years"),
        ("a fortnight-long", 2, "exact", "weeks"),
        ("nearly 40", 40, "at_most", None),
        ("within 3 days", 3, "at_most", "days"),
        ("topped 90%", 90, "more_than", "percent"),
        ("estimated at 450", 450, "about", None),
        ("P5.2 billion", 5.2e9, "exact", "PHP"),
        ("Rs. 4,500", 4500, "exact", "INR"),
        ("1.5 crore", 1.5e7, "exact", None),
        ("12 lakh", 1.2e6, "exact", None),
        ("2,50,000", 250_000, "exact", None),
        ("120 km/h", 120, "exact", "km/h"),
        ("350km", 350, "exact", "km"),
        ("20 800", 20_800, "exact", None),
        ("70 or over", 70, "at_least", None),
        ("200 or so", 200, "about", None),
        ("a dozen or so", 12, "about", None),
        ("one in five", 20, "exact", "percent"),
        ("nearly 3 in 10", 30, "at_most", "percent"),
        ("300 sq miles", 300, "exact", "sq miles"),
        ("90 lb", 90, "exact", "lb"),
        ("38C", 38, "exact", "°C"),
        ("41 degrees Celsius", 41, "exact", "°C"),
        ("2,000 litres", 2000, "exact", "litres"),
        ("6 m", 6, "exact", "meters"),
        ("3,000-plus", 3000, "at_least", None),
        ("100-odd", 100, "about", None),
        ("$5 m", 5e6, "exact", "USD"),
    ],
)
def test_news_forms(text: str, low: float, qualifier: str, unit: str | None) -> None:
    amount = parse_amount(text)
    assert amount is not None, text
    assert amount.low == pytest.approx(low)
    assert (amount.qualifier, amount.unit) == (qualifier, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2019 floods were the worst in a century.",
        "He came 15th of 40 runners.",  # the ordinal goes; 40 stays (checked below)
        "Polls close at 8 p.m. on 4 May.",
        "The final scores were level after extra time.",
        "Call 0800 123 456 for help.",
        "It happened twice a day and once a week.",
        "A 100m stretch of road was lit.",
        "Two of the 40 runners finished in 3 hours.",  # no share: "in" before a duration
        "Pupils of Class 5C met in the 1F lobby.",
    ],
)
def test_not_amounts(sentence: str) -> None:
    found = [m.amount for m in find_amounts(sentence)]
    if "15th" in sentence:
        assert [a.low for a in found] == [40]
    elif "Two of" in sentence:
        assert [(a.low, a.unit) for a in found] == [(2, None), (40, None), (3, "hours")]
    elif "stretch" in sentence:
        assert [(a.low, a.unit) for a in found] == [(100, "meters")]
    else:
        assert found == []


def test_new_recognizer_modules_compile_no_regex_at_import() -> None:
    import re

    from claimcheck.recognize import hedges, number_words, units, vague

    for module in (hedges, number_words, units, vague):
        assert not [k for k, v in vars(module).items() if isinstance(v, re.Pattern)], module


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=60), st.sampled_from(["within an hour", "a month-long", "14 500", "dozens"])
)
def test_any_unicode_around_a_figure(noise: str, figure: str) -> None:
    """Letters whose lower case is longer ("İ") must not shift spans."""
    text = f"{noise} {figure} {noise}"
    for m in find_amounts(text):
        assert text[m.start : m.end] == m.amount.text
    assert any(m.amount.text.endswith(figure.split()[-1]) for m in find_amounts(f"İ {figure}."))


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Most deaths were in Kandy (45) and in Galle (30), police said.", [45, 30]),
        ("(1) The council shall meet monthly.", []),
        ("Readers Comments (0)\nShare (12)", []),
    ],
)
def test_counts_in_brackets_after_a_name(sentence: str, values: list[int]) -> None:
    assert [m.amount.low for m in find_amounts(sentence)] == values
