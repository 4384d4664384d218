"""A hand-built Report (casualty counts and a city budget) with hostile article text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimcheck.model import (
    Claim,
    ClaimsFile,
    DateInterval,
    Finding,
    Location,
    NormalizedClaim,
    Problem,
    Report,
    Review,
    Source,
    ValueInterval,
)

GOLDEN = Path(__file__).resolve().parents[1] / "golden"

HOSTILE = (
    "[bold red]x[/] [link=http://evil]y[/link] [/] \x1b[31mred\x1b[0m "
    "\x1b]8;;http://evil\x07click\x1b]8;;\x07 a|b\nnext <script>alert(1)</script> "
    '"]; click A call evil() `tick` *star* _under_ \x07bell'
)

CITY_TEXT = (
    "City Herald\n\nThe council approved a budget of $1.2bn for 2021, officials said.\n\n"
    "At least 40 people were killed in the flooding in March 2021, the mayor said.\n\n"
    "Residents said: " + HOSTILE + "\n"
)
WIRE_TEXT = (
    "Wire report\n\nMore than 60 people died in the March floods, according to the Red Cross."
    "\n\nThe city plans to cut the budget from $1.2bn to $900m by the end of 2022.\n"
)
POST_TEXT = "The Post\n\nA protest drew about 5,000 people on Saturday.\n\n" + HOSTILE + "\n"

CF_PATH = "news/claims.yaml"


def _c(
    id_: str,
    source: str,
    subject: str,
    kind: str,
    value: str | None,
    unit: str,
    quote: str,
    time: str | None,
    line: int,
    **kw: object,
) -> Claim:
    return Claim(
        id=id_,
        source=source,
        subject=subject,
        kind=kind,
        value=value,
        unit=unit,  # type: ignore[arg-type]
        quote=quote,
        time=time,
        location=Location(CF_PATH, line, 5),
        **kw,  # type: ignore[arg-type]
    )


def _iv(lo: float | None, hi: float | None, **kw: bool) -> ValueInterval:
    return ValueInterval(lo, hi, **kw)


def build_report() -> Report:
    sources = (
        Source("herald", "herald.txt", "City Herald", "Budget passed", date(2021, 3, 20)),
        Source("wire", "wire.txt", "Wire | Agency", None, date(2021, 3, 22)),
        Source("post", "post.txt", None, HOSTILE, date(2021, 4, 3)),
    )
    claims = (
        _c(
            "herald-killed-40",
            "herald",
            "people killed in floods",
            "count",
            "at least 40",
            "people",
            "At least 40 people were killed in the flooding in March 2021",
            "March 2021",
            20,
            said_by="the mayor",
        ),
        _c(
            "wire-died-60",
            "wire",
            "people killed in floods",
            "count",
            "more than 60",
            "people",
            "More than 60 people died in the March floods",
            "March 2021",
            30,
            said_by="Red Cross",
        ),
        _c(
            "herald-budget",
            "herald",
            "city budget",
            "level",
            "$1.2bn",
            "USD",
            "The council approved a budget of $1.2bn for 2021",
            "2021",
            40,
        ),
        _c(
            "wire-budget-cut",
            "wire",
            "city budget",
            "target",
            "$900m",
            "USD",
            "The city plans to cut the budget from $1.2bn to $900m by the end of 2022",
            "by the end of 2022",
            50,
            from_value="$1.2bn",
        ),
        _c(
            "wire-budget-change",
            "wire",
            "city budget",
            "change",
            None,
            "USD",
            "cut the budget from $1.2bn to $900m",
            "2022",
            60,
            from_value="$1.2bn",
            to_value="$900m",
        ),
        _c(
            "post-protest",
            "post",
            "protesters",
            "level",
            "about 5,000",
            "people",
            "A protest drew about 5,000 people on Saturday",
            "on Saturday",
            70,
        ),
        _c(
            "post-hostile",
            "post",
            "protesters",
            "level",
            "7,000",
            "people",
            HOSTILE,
            "2021-04",
            80,
            said_by=HOSTILE,
            span=(len(POST_TEXT) - len(HOSTILE) - 1, len(POST_TEXT) - 1),
        ),
        _c(
            "herald-hostile",
            "herald",
            "protesters",
            "level",
            "3,000",
            "people",
            "Residents said: [bold red]x[/]",
            "2021-04",
            90,
            said_by="[/]",
        ),
    )
    d = DateInterval
    norm = (
        NormalizedClaim(
            claims[0],
            "people killed|floods",
            None,
            _iv(40, None),
            _iv(40, None),
            d(date(2021, 3, 1), date(2021, 3, 31)),
            unit="people",
        ),
        NormalizedClaim(
            claims[1],
            "people killed|floods",
            None,
            _iv(60, None, low_open=True),
            _iv(60, None, low_open=True),
            d(date(2021, 3, 1), date(2021, 3, 31)),
            unit="people",
        ),
        NormalizedClaim(
            claims[2],
            "city budget",
            None,
            _iv(1.2e9, 1.2e9),
            _iv(1.2e9, 1.2e9),
            d(date(2021, 1, 1), date(2021, 12, 31)),
            unit="USD",
        ),
        NormalizedClaim(
            claims[3],
            "city budget",
            None,
            _iv(9e8, 9e8),
            _iv(9e8, 9e8),
            d(None, date(2022, 12, 31)),
            from_value=_iv(1.2e9, 1.2e9),
            unit="USD",
            time_mod="by",
        ),
        NormalizedClaim(
            claims[4],
            "city budget",
            None,
            None,
            None,
            d(date(2022, 1, 1), date(2022, 12, 31)),
            from_value=_iv(1.2e9, 1.2e9),
            to_value=_iv(9e8, 9e8),
            unit="USD",
        ),
        NormalizedClaim(
            claims[5],
            "protesters",
            None,
            _iv(4500, 5500),
            _iv(5000, 5000),
            d(date(2021, 4, 3), date(2021, 4, 3)),
            unit="people",
        ),
        NormalizedClaim(
            claims[6],
            "protesters",
            None,
            _iv(7000, float("inf")),
            _iv(7000, float("nan")),
            d(date(2021, 4, 1), date(2021, 4, 30)),
            unit="people",
        ),
        NormalizedClaim(
            claims[7],
            "protesters",
            None,
            _iv(3000, 3000),
            _iv(3000, 3000),
            d(date(2021, 4, 1), date(2021, 4, 30)),
            unit="people",
        ),
    )
    review = Review(
        "b2c3d4e5f6a7",
        "accepted",
        "Sources count different days | see <desk>",
        Location(CF_PATH, 120, 5),
    )
    findings = (
        Finding(
            "a1b2c3d4e5f6",
            "value-conflict",
            "contradiction",
            "error",
            "protesters",
            "7,000 is outside about 5,000 (4,500..5,500, tolerance 10%) " + HOSTILE,
            ("herald-hostile", "post-hostile", "post-protest"),
        ),
        Finding(
            "b2c3d4e5f6a7",
            "value-conflict",
            "discrepancy",
            "warning",
            "people killed in floods",
            "at least 40 vs more than 60: lower bounds differ by 20",
            ("herald-killed-40", "wire-died-60"),
            review,
        ),
        Finding(
            "c3d4e5f6a7b8",
            "target-update",
            "update",
            "info",
            "city budget",
            "target $900m by 2022-12-31 follows level $1.2bn in 2021",
            ("herald-budget", "wire-budget-cut"),
        ),
    )
    problems = (
        Problem(
            Location(CF_PATH, 10, 3),
            "warning",
            "unknown key 'colour' " + HOSTILE,
            "unknown-key",
            "did you mean 'color'?",
        ),
    )
    cf = ClaimsFile(
        path=CF_PATH,
        version=1,
        sources=sources,
        claims=claims,
        reviews=(review,),
        texts={"herald": CITY_TEXT, "wire": WIRE_TEXT, "post": POST_TEXT},
    )
    return Report(cf, norm, findings, problems)


@pytest.fixture
def report() -> Report:
    return build_report()


