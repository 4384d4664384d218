"""The shipped, pre-generated schema validator matches the schema and fastjsonschema."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile import _schema_validator as shipped
from claimcheck.claimsfile.validate import _conforms, schema

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "gen_schema_validator.py"


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_schema_validator", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_from_the_current_schema() -> None:
    text = (ROOT / "claimcheck" / "claimsfile" / "claims.schema.json").read_text("utf-8")
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == shipped.SCHEMA_SHA256, (
        "claims.schema.json changed: run python scripts/gen_schema_validator.py"
    )


def test_shipped_text_is_what_the_script_writes() -> None:
    if f"fastjsonschema {fastjsonschema.VERSION}" != shipped.GENERATOR:
        pytest.skip("another fastjsonschema version generates other (equivalent) code")
    assert _generator().main(["--check"]) == 0


def test_check_imports_no_fastjsonschema() -> None:
    code = "import sys; from claimcheck.claimsfile.validate import _conforms; _conforms({});"
    code += "print('fastjsonschema' in sys.modules)"
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


CLAIM = {
    "id": "q1",
    "source": "wire",
    "subject": "homes without power after the storm",
    "kind": "count",
    "value": "about 12,000",
    "time": "2023-10-02",
    "quote": "About 12,000 homes were without power.",
}
VALID = {"version": 1, "sources": {"wire": {"file": "wire.txt"}}, "claims": [CLAIM]}

leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False),
    st.text(max_size=12), st.sampled_from(["count", "level", "2023-10-02", "wire", "1"]),
)  # fmt: skip
json_like = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(sorted({*CLAIM, *VALID, "x"})), inner, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid file with one part replaced: near misses are where validators differ."""
    doc: dict[str, Any] = {**VALID, "claims": [dict(CLAIM)]}
    where = draw(st.sampled_from(["top", "claim", "source"]))
    key = draw(st.sampled_from(sorted({*CLAIM, *VALID, "file", "published", "extra"})))
    value = draw(json_like)
    if where == "top":
        doc[key] = value
    elif where == "claim":
        doc["claims"][0][key] = value
    else:
        doc["sources"] = {"wire": {"file": "wire.txt", key: value}}
    return doc


_reference = fastjsonschema.compile(schema())


def _reference_ok(doc: Any) -> bool:
    try:
        _reference(doc)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.one_of(mutated(), json_like))
def test_shipped_validator_agrees_with_fastjsonschema(doc: Any) -> None:
    assert _conforms(doc) == _reference_ok(doc)


@settings(max_examples=300, deadline=None)
@given(st.one_of(mutated(), json_like))
def test_claim_by_claim_agrees_with_fastjsonschema(doc: Any) -> None:
    assert _split_conforms(doc) == _reference_ok(doc)


def test_a_valid_file_conforms_and_a_broken_one_does_not() -> None:
    assert _conforms(VALID)
    assert not _conforms({**VALID, "version": 2})
    assert not _conforms({**VALID, "claims": [{**CLAIM, "kind": "guess"}]})


def test_claims_are_checked_one_by_one_by_the_generated_claim_check() -> None:
    from claimcheck.claimsfile.validate import _claim_validator

    assert _claim_validator() is not None  # the fast path is the one taken


def _split_conforms(doc: Any) -> bool:
    """``_conforms`` checking claims one by one from the first claim, as in a big file."""
    from unittest import mock

    from claimcheck.claimsfile import validate

    with mock.patch.object(validate, "SPLIT_MIN_CLAIMS", 0):
        return _conforms(doc)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 4), st.sampled_from(sorted({*CLAIM, "x"})), json_like)
def test_one_bad_claim_among_many_agrees_with_fastjsonschema(
    at: int, key: str, value: Any
) -> None:
    claims: list[Any] = [dict(CLAIM, id=f"q{i}") for i in range(5)]
    claims[at] = {**claims[at], key: value}
    doc = {**VALID, "claims": claims}
    assert _split_conforms(doc) == _reference_ok(doc)
    assert _split_conforms({**VALID, "claims": {"q1": CLAIM}}) == _reference_ok(
        {**VALID, "claims": {"q1": CLAIM}}
    )
