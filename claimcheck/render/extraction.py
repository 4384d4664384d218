"""What ``claimcheck extract`` prints: the claims-file schema as YAML, or a JSON document.

The JSON carries each claim's value and time as normalized intervals too, so a
pipeline can use extraction without the engine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.model import Claim, ClaimsFile, NormalizedClaim, Report, Source, built
from claimcheck.render.common import Index, Row
from claimcheck.render.json import claim_dict as claim_json


def render_extraction_yaml(sources: Sequence[Source], claims: Sequence[Claim]) -> str:
    from claimcheck.claimsfile.write import render_document

    return render_document(sources, claims)


def render_extraction_json(
    sources: Sequence[Source], claims: Sequence[Claim], warnings: Sequence[str] = ()
) -> str:
    doc = {
        "version": 1,
        "sources": [source_row(s) for s in sources],
        "claims": claim_rows(sources, claims),
        "warnings": list(warnings),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def source_row(s: Source) -> dict[str, Any]:
    """A source as the extraction document lists it."""
    return {
        "id": s.id,
        "path": s.path,
        "published": s.published.isoformat() if s.published else None,
        "publisher": s.publisher,
        "title": s.title,
    }


def claim_rows(
    sources: Sequence[Source], claims: Sequence[Claim], *, subject_keys: bool = True
) -> list[dict[str, Any]]:
    """The claims as the extraction document lists them: each with its normalized value
    and time, and its span in the article. Without ``subject_keys`` each row's
    ``subject_key`` is None and the subjects are not folded at all (the streamed
    document fills the keys in from the whole run's subjects)."""
    if not subject_keys and len({c.id for c in claims}) == len(claims):
        fast = [_row(claim_json(r), r.claim) for r in _unkeyed(sources, claims)]
        for entry in fast:
            entry["subject_key"] = None
        return fast
    from claimcheck.normalize import normalize

    cf = ClaimsFile(path="", version=1, sources=tuple(sources), claims=tuple(claims))
    index = Index(Report(cf, normalize(cf), ()))
    rows: list[dict[str, Any]] = []
    for claim in claims:
        row = index.row(claim.id)
        if row is None:
            continue
        entry = _row(claim_json(row), claim)
        if not subject_keys:
            entry["subject_key"] = None
        rows.append(entry)
    return rows


def _row(entry: dict[str, Any], claim: Claim) -> dict[str, Any]:
    entry.pop("location", None)
    entry["span"] = list(claim.span) if claim.span else None
    return entry


def _unkeyed(sources: Sequence[Source], claims: Sequence[Claim]) -> list[Row]:
    """Each claim with the value and time ``normalize`` gives it (default settings, as an
    extraction document has), but no subject key: folding subjects is most of
    normalizing an article, and the streamed document does it once for the whole run."""
    from claimcheck.normalize import _guessed, _widened
    from claimcheck.normalize.times import normalize_time
    from claimcheck.normalize.values import (
        DEFAULT_ABOUT_TOLERANCE,
        DEFAULT_ROUNDING_CAP,
        parse_value,
    )

    published_of = {s.id: s.published for s in sources}
    rows: list[Row] = []
    for claim in claims:
        value, stated, _amount = parse_value(
            claim.value, claim.qualifier, DEFAULT_ABOUT_TOLERANCE, claim.unit, DEFAULT_ROUNDING_CAP
        )
        time, mod = normalize_time(claim.time, published_of.get(claim.source))
        if time is not None and _guessed(claim):
            time = _widened(time)
        norm = built(
            NormalizedClaim, claim=claim, subject_key="", place=None, value=value,
            stated=stated, time=time, from_value=None, to_value=None, unit="", time_mod=mod,
        )  # fmt: skip
        rows.append(Row(claim, norm, None))
    return rows
