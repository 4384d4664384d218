"""``built``: the fast constructor gives what the dataclass's own ``__init__`` gives."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from claimcheck.model import Claim, Location, NormalizedClaim, ValueInterval, built

FAST_BUILT = (Claim, NormalizedClaim, Location)
"""Classes the loader and normalization make with ``built``."""


@pytest.mark.parametrize("cls", FAST_BUILT)
def test_fast_built_classes_have_no_post_init_or_slots(cls: type) -> None:
    assert not hasattr(cls, "__post_init__")
    assert not hasattr(cls, "__slots__")
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen  # type: ignore[attr-defined]


def _claim_fields() -> dict[str, object]:
    return {
        "id": "quake-1", "source": "wire", "subject": "people trapped", "kind": "count",
        "value": "about 40", "unit": "people", "quote": "About 40 people were trapped.",
        "time": "2019-06-02", "qualifier": None, "from_value": None, "to_value": None,
        "said_by": "rescuers", "note": None, "status": "active", "status_reason": None,
        "span": (3, 31), "location": Location("claims.yaml", 12, 5), "time_source": None,
    }  # fmt: skip


def test_built_claim_equals_the_constructed_one() -> None:
    fields = _claim_fields()
    fast, slow = built(Claim, **fields), Claim(**fields)  # type: ignore[arg-type]
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    assert list(vars(fast)) == [f.name for f in dataclasses.fields(Claim)]
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.value = "50"  # type: ignore[misc]


def test_loaded_claims_equal_constructed_ones(tmp_path: Path) -> None:
    from claimcheck.claimsfile import load
    from claimcheck.normalize import normalize

    (tmp_path / "a.txt").write_text("Floods cut off 1,200 homes on 3 May 2021, officials said.\n")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\nsources:\n  a:\n    file: a.txt\n    published: 2021-05-04\nclaims:\n"
        "  - id: homes-1\n    source: a\n    subject: homes cut off\n    kind: count\n"
        "    value: 1,200\n    unit: homes\n    time: 3 May 2021\n"
        "    quote: Floods cut off 1,200 homes on 3 May 2021, officials said.\n"
    )
    cf = load(tmp_path / "claims.yaml")
    for claim in cf.claims:
        again = Claim(**{f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)})
        assert claim == again and list(vars(claim)) == list(vars(again))
    for nc in normalize(cf):
        fields = {f.name: getattr(nc, f.name) for f in dataclasses.fields(NormalizedClaim)}
        again_nc = NormalizedClaim(**fields)  # type: ignore[arg-type]
        assert nc == again_nc and list(vars(nc)) == list(vars(again_nc))
        assert nc.value == ValueInterval(1200.0, 1200.0)
