"""What ``claimcheck extract`` prints: the claims-file schema as YAML, or a JSON document.

The JSON carries each claim's value and time as normalized intervals too, so a
pipeline can use extraction without the engine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimcheck.model import Claim, ClaimsFile, Report, Source
from claimcheck.render.common import Index
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


def claim_rows(sources: Sequence[Source], claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """The claims as the extraction document lists them: each with its normalized value
    and time, and its span in the article."""
    from claimcheck.normalize import normalize

    cf = ClaimsFile(path="", version=1, sources=tuple(sources), claims=tuple(claims))
    index = Index(Report(cf, normalize(cf), ()))
    rows: list[dict[str, Any]] = []
    for claim in claims:
        row = index.row(claim.id)
        if row is None:
            continue
        entry = claim_json(row)
        entry.pop("location", None)
        entry["span"] = list(claim.span) if claim.span else None
        rows.append(entry)
    return rows
