"""A headline's figures against its body's: a headline restates the body ("Toll rises to
147" over "rose to 147 on Tuesday"), so it holds when the body says, and a round figure
that cuts the body's own ("25 million" over "more than 25.6 million") is kept once."""

from __future__ import annotations

from claimcheck.extract.context import Draft
from claimcheck.extract.sentences import Sentence


def headlines_dated_by_body(drafts: list[tuple[Draft, Sentence]]) -> None:
    """A headline's figure restates the body's ("Toll rises to 147" over "rose to 147 on
    Tuesday"): it holds when the body says, not in a window guessed around publication,
    which would set it against an outlet's figure of the day before."""
    stated: dict[tuple[str, float | None, float | None], Draft] = {}
    for d, sent in drafts:
        if sent.terminated and d.time and d.time_source in ("stated", "event"):
            stated.setdefault((d.subject, d.low, d.high), d)
    for d, sent in drafts:
        if sent.terminated or d.time_source != "publication":
            continue
        body = stated.get((d.subject, d.low, d.high))
        if body is not None and body.kind == d.kind:
            d.time, d.time_source = body.time, body.time_source


def without_truncated_headlines(
    drafts: list[tuple[Draft, Sentence]],
) -> list[tuple[Draft, Sentence]]:
    """A headline's round figure that cuts the body's own ("25 million face hunger" over
    "more than 25.6 million"): the body's figure restated, kept once, as the body says
    it, rather than as a rounding another outlet's "26 million" seems to contradict."""
    body: dict[str, list[Draft]] = {}
    for d, sent in drafts:
        if sent.terminated and d.kind == "count" and d.low is not None:
            body.setdefault(d.subject, []).append(d)
    out = []
    for d, sent in drafts:
        if not sent.terminated and d.kind == "count" and d.low is not None and d.low == d.high:
            unit = _last_digit_unit(d.low)
            if unit >= 10 and any(
                b.low is not None and b.low > d.low and (b.low // unit) * unit == d.low
                for b in body.get(d.subject, ())
            ):
                continue
        out.append((d, sent))
    return out


def _last_digit_unit(value: float) -> float:
    """The place of a round figure's last non-zero digit: 25,000,000 -> 1,000,000."""
    unit = 1.0
    while value >= unit * 10 and value % (unit * 10) == 0:
        unit *= 10
    return unit
