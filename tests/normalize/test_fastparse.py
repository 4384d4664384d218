"""The fast paths for whole-string times and values give exactly the recognizers' result."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.normalize.fastparse import MISS, amount_of, fast_amount, fast_time
from claimcheck.recognize.dates import parse_time
from claimcheck.recognize.numbers import parse_amount

ROOT = Path(__file__).resolve().parents[2]
DEVSET_GOLD = ROOT.parent / "shared" / "devset" / "gold.yaml"
REFERENCES = (None, date(2021, 3, 3), date(1850, 6, 30), date(2099, 12, 31))

_MONTH_WORDS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "june",
    "MAY",
    "Janu",
]


def _same_time(text: str) -> bool:
    """True when the fast path answered (and agreed with every reference)."""
    fast = fast_time(text)
    if fast is MISS:
        return False
    for reference in REFERENCES:
        assert fast == parse_time(text, reference), (text, reference)
    return True


def _same_amount(text: str) -> bool:
    fast = fast_amount(text)
    assert amount_of(text) == parse_amount(text), text
    if fast is MISS:
        return False
    assert fast == parse_amount(text), text
    return True


years = st.integers(1700, 2199).map(str) | st.sampled_from(["0999", "20", "99999", "2O20"])
days = st.integers(0, 40).map(str) | st.sampled_from(["01", "09", "00", "31", "29", "30"])
months = st.integers(0, 14).map(lambda m: f"{m:02d}") | st.sampled_from(["1", "9"])
month_words = st.sampled_from(_MONTH_WORDS)
spaces = st.sampled_from([" ", "  ", "-", ", ", ". ", "/", ""])
seasons = st.sampled_from(["early", "mid", "late", "Early", "Mid", "mid-", "the end of"])
lead = st.sampled_from(["", "", "", " ", "by ", "by the end of ", "in ", "on ", "until "])
tail = st.sampled_from(["", "", "", ".", " ", "s", "0"])

time_texts = st.builds(
    lambda a, body, z: a + body + z,
    lead,
    st.one_of(
        years,
        st.builds(lambda y, m, d: f"{y}-{m}-{d}", years, months, days),
        st.builds(lambda y, m: f"{y}-{m}", years, months),
        st.builds(
            lambda d, s, m, t, y: f"{d}{s}{m}{t}{y}", days, spaces, month_words, spaces, years
        ),
        st.builds(
            lambda m, s, d, t, y: f"{m}{s}{d}{t}{y}", month_words, spaces, days, spaces, years
        ),
        st.builds(lambda m, s, y: f"{m}{s}{y}", month_words, spaces, years),
        st.builds(lambda w, s, y: f"{w}{s}{y}", seasons, spaces, years),
    ),
    tail,
)


@settings(max_examples=3000, deadline=None)
@given(time_texts)
@example("2021-02-29")
@example("2024-02-29")
@example("31 April 2021")
@example("by 2020")
@example("mid-2020")
@example("mid -2020")
def test_fast_time_equals_parse_time(text: str) -> None:
    _same_time(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789 -,.JanMyFebmidlt", max_size=20))
def test_fast_time_on_arbitrary_text(text: str) -> None:
    _same_time(text)


def test_fast_time_answers_the_plain_shapes() -> None:
    for text in (
        "2020",
        "2021-01-15",
        "2020-08",
        "March 2021",
        "15 March 2021",
        "Mar 15 2021",
        "early 2019",
        "mid-2019",
        "late 2019",
        "by 2020",
        "by the end of 2020",
    ):
        assert _same_time(text), text
    for text in ("31 February 2021", "1066", "2021-1-5", "on Sunday", " 2020", "last month"):
        assert fast_time(text) is MISS, text


numbers = st.one_of(
    st.integers(0, 10**16).map(str),
    st.integers(1000, 10**12).map(lambda n: f"{n:,}"),
    st.sampled_from(["007", "1,23", "1,2345", "12.5", "0,000", "1 000", "2014", "1999", "05"]),
)
hedges = st.sampled_from(
    [
        "",
        "",
        "about ",
        "around ",
        "roughly ",
        "an estimated ",
        "at least ",
        "more than ",
        "nearly ",
        "About ",
        "almost ",
        "about  ",
        "$",
        "-",
    ]
)
amount_texts = st.one_of(
    st.builds(lambda h, n, t: h + n + t, hedges, numbers, tail),
    st.builds(lambda a, b: f"between {a} and {b}", numbers, numbers),
    st.builds(
        lambda h, a, s, b: f"{h}{a}{s}{b}",
        hedges,
        numbers,
        st.sampled_from(["-", "–", " - ", " to "]),
        numbers,
    ),
)


@settings(max_examples=3000, deadline=None)
@given(amount_texts)
@example("1900-2000")
@example("200-100")
@example("100-100")
@example("5-05")
@example("between 7 and 7")
def test_fast_amount_equals_parse_amount(text: str) -> None:
    _same_amount(text)


def test_fast_amount_answers_the_plain_shapes() -> None:
    for text in ("12", "5,200", "about 40", "at least 1,000", "between 40 and 50", "40-50", "0"):
        assert _same_amount(text), text
    for text in ("1900-2000", "007", "$5bn", "dozens", "50-40"):
        assert fast_amount(text) is MISS, text


def _claims_files() -> Iterator[Path]:
    yield ROOT / "claims.yaml"
    yield from sorted((ROOT / "tests").rglob("*.yaml"))
    if DEVSET_GOLD.exists():  # read at test time, never copied into the repo
        yield DEVSET_GOLD


def _fields(data: object) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("time", "value", "from", "to") and isinstance(value, str | int | float):
                yield str(key), str(value)
            else:
                yield from _fields(value)
    elif isinstance(data, list):
        for item in data:
            yield from _fields(item)


def test_every_time_and_value_of_the_repo_and_devset_claims() -> None:
    seen = 0
    for path in _claims_files():
        try:
            data = yaml.load(path.read_text("utf-8"), Loader=yaml.BaseLoader)  # all text
        except (yaml.YAMLError, UnicodeDecodeError, ValueError):
            continue  # the deliberately broken fixtures
        for key, text in _fields(data):
            seen += 1
            if key == "time":
                _same_time(text)
            else:
                _same_amount(text)
    assert seen > 100


@pytest.mark.parametrize("text", ["2021-01-15", "March 2021", "about 40"])
def test_results_are_equal_whatever_the_surrounding_text(text: str) -> None:
    """The shapes are whole strings only: text around them goes to the recognizer."""
    assert fast_time(f"{text} and more") is MISS
    assert fast_amount(f"x {text}") is MISS
    assert re.fullmatch(r"[\w ,-]+", text)


relative_texts = st.sampled_from(
    ["Monday", "on Tuesday", "on Wednesday", "Thursday", "on Friday", "Saturday", "on Sunday",
     "current", "on sunday", "Sun", "on  Monday", "current.", "last Sunday", "today"]
)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(relative_texts, st.dates(date(1, 1, 1), date(9999, 12, 31)))
@example("on Sunday", date(1801, 1, 1))
@example("Monday", date(9998, 12, 31))
@example("current", date(9999, 12, 31))
def test_fast_relative_equals_parse_time(text: str, reference: date) -> None:
    from claimcheck.normalize.fastparse import fast_relative
    from claimcheck.normalize.memo import time_of

    fast = fast_relative(text, reference)
    try:
        slow = parse_time(text, reference)
    except (ValueError, OverflowError):
        assert fast is MISS
        return
    if fast is not MISS:
        assert fast == slow
    assert time_of(text, reference) == slow


def test_fast_relative_answers_weekdays_and_current() -> None:
    from claimcheck.normalize.fastparse import fast_relative

    for text in ("on Sunday", "Friday", "current"):
        assert fast_relative(text, date(2021, 3, 3)) is not MISS
