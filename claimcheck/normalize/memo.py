"""Parses shared by the loader's checks and normalization, kept for the whole run.

A big claims file pairs each time with many publication dates (about 92k distinct
(time, date) pairs among 100k generated claims, but only 30k distinct times), so a
memo keyed by the pair rarely hits. Most times never look at the date ("15 January
2021", "2020-08"): ``reference_free`` finds those by parsing once against a
watched date that refuses every use, and keeps their reading per text. Results
are frozen, so sharing them is safe.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, NoReturn, TypeVar

from claimcheck.normalize.fastparse import MISS, fast_relative, fast_time

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

    from claimcheck.recognize.dates import TimeMention
    from claimcheck.recognize.numbers import AmountMention

R = TypeVar("R")

TIME_MEMO_SIZE = 1 << 19
"""Half a million pairs: a few hundred MB would be a file far past any archive."""


def time_of(text: str, reference: date | None) -> TimeMention | None:
    """``parse_time(text, reference)``, memoized (errors are raised again, never kept).

    A text read without looking at its reference ("2021-01-15", "15 January 2021") is
    parsed once for every reference: an archive pairs each such time with the
    publication dates of many articles, so a (text, reference) memo would rarely hit.
    The commonest plain shapes ("2021-01-15", "March 2021") are read directly.
    """
    fast = fast_time(text)
    if fast is not MISS:
        return fast  # type: ignore[return-value]
    if reference is not None and type(reference) is date:  # never the watched probe
        fast = fast_relative(text, reference)
        if fast is not MISS:
            return fast  # type: ignore[return-value]
    if reference is not None:
        free = _reference_free(text)
        if free is not DEPENDS:
            return free  # type: ignore[return-value]
    return _time_pair(text, reference)


@lru_cache(maxsize=TIME_MEMO_SIZE)
def _time_pair(text: str, reference: date | None) -> TimeMention | None:
    from claimcheck.recognize.dates import parse_time

    return parse_time(text, reference)


class _Used(BaseException):
    """The probe's reference was looked at (a BaseException, so no ``except
    Exception`` in the recognizer can swallow it)."""


def _touch(*_args: object, **_kwargs: object) -> NoReturn:
    raise _Used


class _Watched(date):
    """A reference date that refuses every use: reading a field, calling a method,
    comparing, hashing, adding, printing. Only ``is None`` tests pass it unnoticed,
    and those answer alike for every real date."""

    __getattribute__ = _touch
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _touch
    __hash__ = _touch
    __add__ = __radd__ = __sub__ = __rsub__ = _touch
    __str__ = __repr__ = __format__ = __reduce__ = __reduce_ex__ = _touch


DEPENDS = object()
"""The text's reading depends on its reference: memoized per (text, reference)."""


def reference_free(
    parse: Callable[[str, date | None], R],
) -> _lru_cache_wrapper[R | object]:
    """``parse`` memoized by text alone: the reading shared by every (non-None)
    reference, or ``DEPENDS``.

    The text is parsed once against a watched reference: when the parse completes
    without using it, and the result does not hold it, every real reference leads
    the same deterministic code to the same result. Any use, or any error, and the
    text is parsed per reference as before.
    """

    @lru_cache(maxsize=TIME_MEMO_SIZE)
    def free(text: str) -> R | object:
        try:
            result = parse(text, _Watched(2000, 1, 1))
        except _Used:
            return DEPENDS
        except Exception:  # errors are raised again by the real parse, never kept
            return DEPENDS
        return DEPENDS if _holds_probe(result) else result

    return free


def _parse_time_uncached(text: str, reference: date | None) -> TimeMention | None:
    from claimcheck.recognize.dates import parse_time

    parse = getattr(parse_time, "__wrapped__", parse_time)  # its cache would hash the probe
    return parse(text, reference)


_reference_free = reference_free(_parse_time_uncached)


def _holds_probe(value: object, depth: int = 0) -> bool:
    """The watched date stored in a result without being used (``end = reference``):
    anywhere in its tuples and dataclass fields (a mention, its interval)."""
    if type(value) is _Watched:
        return True
    if depth > 4:
        return False
    if type(value) is tuple:
        return any(_holds_probe(item, depth + 1) for item in value)
    fields = getattr(type(value), "__dataclass_fields__", None) or {}
    return any(_holds_probe(getattr(value, f), depth + 1) for f in fields)


def clear() -> None:
    """Forget every memoized time (tests)."""
    _time_pair.cache_clear()
    _reference_free.cache_clear()


@lru_cache(maxsize=1 << 16)
def amounts_in(quote: str) -> tuple[AmountMention, ...]:
    """``find_amounts(quote, restatements=True)``, memoized: a quote stated twice (two
    claims of one sentence) is read once."""
    from claimcheck.recognize.numbers import find_amounts

    return tuple(find_amounts(quote, restatements=True))
