"""The loader builds claims without their generated ``__init__``: each is what the
dataclass's own constructor gives, field for field, in both readers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from claimcheck.claimsfile import load
from claimcheck.model import Claim, Location

ROOT = Path(__file__).resolve().parents[2]


def _same_as_constructed(claim: Claim) -> None:
    fields = {f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)}
    made = Claim(**fields)
    assert made == claim and vars(made) == vars(claim)
    assert hash(made) == hash(claim)
    assert isinstance(claim.location, Location)
    assert vars(claim.location) == vars(Location(*dataclasses.astuple(claim.location)))


def test_repo_claims_are_constructed_claims() -> None:
    cf = load(ROOT / "claims.yaml")
    assert cf.claims
    for claim in cf.claims:
        _same_as_constructed(claim)


def test_big_file_claims_are_constructed_claims(tmp_path: Path) -> None:
    pytest.importorskip("ryml")
    import sys

    sys.path.insert(0, str(ROOT))  # the benchmark generator writes plain claims files
    from benchmarks.generate import write_claims

    write_claims(1500, 3, tmp_path)
    assert (tmp_path / "claims.yaml").stat().st_size > 256 * 1024  # the fast reader's
    cf = load(tmp_path / "claims.yaml")
    assert len(cf.claims) == 1500
    for claim in cf.claims:
        _same_as_constructed(claim)
    assert cf.claims[1].location is not None and cf.claims[1].location.line > 1
