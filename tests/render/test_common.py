from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.model import Claim, DateInterval
from claimcheck.render.common import (
    find_quote,
    fmt_interval,
    fmt_number,
    paragraph_around,
    safe_terminal_text,
)


def test_safe_terminal_text_makes_escapes_visible() -> None:
    s = "a\x1b[31mb\x07c\x9bd\u202ee\tf\ng\rh"
    out = safe_terminal_text(s)
    assert out == "a\\x1b[31mb\\x07c\\x9bd\\u202ee\tf\ng\\x0dh"


@given(st.text())
def test_safe_terminal_text_leaves_no_control_chars(s: str) -> None:
    out = safe_terminal_text(s)
    assert all(ch in "\n\t" or (ord(ch) >= 0x20 and not 0x7F <= ord(ch) <= 0x9F) for ch in out)


def test_numbers_never_print_nan() -> None:
    assert fmt_number(5200.0) == "5,200"
    assert fmt_number(2.5) == "2.5"
    assert fmt_number(float("nan")) == "—"
    assert fmt_number(float("inf")) == "—"


def test_interval_format() -> None:
    assert fmt_interval(DateInterval(date(2020, 1, 2), date(2020, 1, 2))) == "2020-01-02"
    assert fmt_interval(DateInterval(None, date(2020, 1, 2))) == "…..2020-01-02"
    assert fmt_interval(None) == "—"


def _claim(quote: str, span: tuple[int, int] | None = None) -> Claim:
    return Claim("c", "s", "budget", "level", "5", "USD", quote, span=span)


def test_find_quote_tolerates_whitespace_and_case() -> None:
    text = "Intro.\n\nThe council  approved\na budget of $5m. More."
    a, b = find_quote(text, _claim("the council approved a budget")) or (0, 0)
    assert text[a:b] == "The council  approved\na budget"
    assert find_quote(text, _claim("not there")) is None
    assert find_quote(text, _claim("x", span=(0, 6))) == (0, 6)
    pa, pb = paragraph_around(text, a, b)
    assert text[pa:pb] == "The council  approved\na budget of $5m. More."
