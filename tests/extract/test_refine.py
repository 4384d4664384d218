"""Heads made specific by the figure's clause (the sentences' end-to-end cases are in
test_figures.py)."""

from __future__ import annotations

import pytest

from claimcheck.extract.reading import Reading
from claimcheck.extract.refine import refined


def _head(head: str, text: str, figure: str) -> str:
    start = text.index(figure)
    return refined(Reading(head, "people", "count"), text, start, start + len(figure), 0,
                   len(text)).head  # fmt: skip


@pytest.mark.parametrize(
    ("head", "text", "figure", "expected"),
    [
        (
            "people on board",
            "The bus carried 48 passengers and 2 crew.",
            "48",
            "passengers on board",
        ),
        ("people on board", "The bus carried 48 passengers.", "48", "people on board"),
        ("hostages rescued", "The group freed 6 hostages.", "6", "hostages released"),
        ("deaths", "The war has killed 9,000 people.", "9,000", "war deaths"),
        ("deaths", "Shelling killed 9 people, bringing the war's toll to 9,000.", "9", "deaths"),
    ],
)
def test_the_clause_makes_the_head_specific(
    head: str, text: str, figure: str, expected: str
) -> None:
    assert _head(head, text, figure) == expected
