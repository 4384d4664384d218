"""The one-loop claim checks (claimsfile/plainclaims.py) report exactly what
``Semantics._claim`` reports for every claim, plain or not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimcheck.claimsfile import plainclaims, semantics
from claimcheck.claimsfile.yamlnodes import Doc

ARTICLE = (
    "City officials said about 12,000 people marched on Saturday, while organisers put "
    "the crowd at more than 30,000.\nThe budget was $4.5 million.\nSome5,000 words.\n"
)
BASE = {
    "id": "c",
    "source": "s",
    "subject": "marchers in Lisbon",
    "kind": "count",
    "value": "about 12,000",
    "unit": "people",
    "time": "2023-05-13",
    "quote": "City officials said about 12,000 people marched on Saturday, while organisers "
    "put the crowd at more than 30,000.",
}
VARIANTS: list[dict[str, Any]] = [
    {},
    {"id": "bad id\n"},
    {"id": "c0"},  # duplicate of the claim before it below
    {"source": "nope"},
    {"status": "superseded"},
    {"status": "superseded", "status_reason": "later article"},
    {"status": "active"},
    {"subject": "x" * 501},
    {"quote": "q" * 5001},
    {"value": "twelve thousand-ish and more"},
    {"value": "-5"},
    {"value": ""},
    {"kind": "change", "value": ""},
    {"kind": "date", "value": "", "time": ""},
    {"kind": "date", "time": "2023"},
    {"time": "on Saturday"},
    {"time": "2021-02-30"},
    {"time": "two months later"},
    {"value": "30,000"},
    {"value": "12000"},
    {"value": "5,000", "quote": "Some5,000 words."},
    {"quote": "The budget was $4.5 million."},
    {"quote": "budget was"},
    {"quote": "not in the article at all"},
    {"from": "1", "to": "2"},
    {"unit": "troops"},
    {"said_by": None},
]


def _doc(claims: list[dict[str, Any]], tmp_path: Path) -> Doc:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    data = {
        "version": 1,
        "sources": {"s": {"file": "a.txt", "published": "2023-05-14"}},
        "claims": claims,
    }
    return Doc(data, "claims.yaml")


def _old_loop(
    sem: semantics.Semantics, claims: list[Any], source_ids: list[str], apart: bool
) -> None:
    """The loop ``check_claims`` replaced: every claim through ``_claim``."""
    seen: dict[str, int] = {}
    for i, claim in enumerate(claims):
        plain = False
        if apart and type(claim) is not str and claim is not None:
            plain = semantics._all_text(claim)
            if not plain:
                sem._finite_numbers(claim, ("claims", i))
        if isinstance(claim, dict) and (
            not sem.skip or not semantics._is_under(("claims", i), sem.skip)
        ):
            sem._claim(i, claim, source_ids, seen, plain)


def _run(doc: Doc, tmp_path: Path, quotes: bool) -> tuple[Any, ...]:
    sem = semantics.Semantics(doc, tmp_path, allow_outside=False, check_quotes=quotes, skip=set())
    problems = sem.check()
    return problems, sem.spans, sem.units, sorted(map(repr, sem.error_paths))


@pytest.mark.parametrize("quotes", [True, False])
def test_one_loop_reports_what_each_claim_check_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quotes: bool
) -> None:
    claims = [{**BASE, "id": f"c{i}", **variant} for i, variant in enumerate(VARIANTS)]
    claims = [{k: v for k, v in c.items() if v is not None} for c in claims]
    claims.append({**BASE, "id": "c0"})  # a duplicate id, itself plain
    claims.append({**BASE, "id": "c99", "said_by": None})  # an empty field: not plain
    doc = _doc(claims, tmp_path)
    new = _run(doc, tmp_path, quotes)
    monkeypatch.setattr(plainclaims, "check_claims", _old_loop)
    old = _run(doc, tmp_path, quotes)
    assert new == old
    assert new[0]  # the variants do find problems
