"""The schema's fast yes for plain claims (validate._plain_claim) never says yes to a
claim the generated validator refuses, and knows the schema it was written from."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile import _schema_validator as shipped
from claimcheck.claimsfile import validate
from claimcheck.claimsfile.validate import (
    _CLAIM_KEYS,
    _CLAIM_REQUIRED,
    _TEXT_ENUMS,
    _claim_validator,
    _conforms,
    _id_pattern,
    _plain_claim,
    schema,
)

CLAIM = schema()["definitions"]["claim"]


def _generated_accepts(item: Any) -> bool:
    check = _claim_validator()
    assert check is not None
    try:
        check(item, {}, "data")
    except shipped.JsonSchemaValueException:
        return False
    return True


def test_written_from_the_current_schema() -> None:
    assert shipped.SCHEMA_SHA256 == validate.PLAIN_CLAIM_SCHEMA, (
        "claims.schema.json changed: re-read it in validate._plain_claim, then update "
        "PLAIN_CLAIM_SCHEMA"
    )
    props = CLAIM["properties"]
    assert set(props) - {"span"} == _CLAIM_KEYS  # span is a list: never plain
    assert set(CLAIM["required"]) == _CLAIM_REQUIRED
    for key, words in _TEXT_ENUMS:
        assert {w for w in props[key]["enum"] if w is not None} == words


WORDS = ["", " ", "a", "x-1", "src00001", "a b", "a\n", "\n", "é", "level", "count",
         "about", "active", "deprecated", "event", "stated", "between", "dates", "Level",
         "5,200"]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(WORDS), st.text(max_size=6), st.none(), st.integers(-3, 3),
    st.floats(allow_nan=False), st.booleans(), st.lists(st.integers(0, 5), max_size=3),
)  # fmt: skip
KEYS = st.sampled_from(sorted(_CLAIM_KEYS | {"span", "colour", "From"}))


@settings(max_examples=600, deadline=None)
@given(base=st.fixed_dictionaries({k: st.sampled_from(WORDS) for k in sorted(_CLAIM_REQUIRED)}),
       extra=st.dictionaries(KEYS, VALUES, max_size=6), drop=st.sets(KEYS, max_size=2))  # fmt: skip
def test_plain_yes_is_the_schemas_yes(
    base: dict[str, Any], extra: dict[str, Any], drop: set[str]
) -> None:
    item = {k: v for k, v in {**base, **extra}.items() if k not in drop}
    if _plain_claim(item, _id_pattern().fullmatch):
        assert _generated_accepts(item), item


def test_a_plain_claim_is_told_without_the_generated_check() -> None:
    claim = {"id": "a-1", "source": "s", "subject": "x", "kind": "count", "quote": "q",
             "value": "5", "unit": "people", "status": "active"}  # fmt: skip
    assert _plain_claim(claim, _id_pattern().fullmatch)
    for bad in ({"kind": "counts"}, {"id": "a\n"}, {"quote": ""}, {"span": [1, 2]},
                {"value": None}, {"colour": "red"}, {"status": "Active"}):  # fmt: skip
        assert not _plain_claim({**claim, **bad}, _id_pattern().fullmatch), bad
    del claim["quote"]
    assert not _plain_claim(claim, _id_pattern().fullmatch)


def test_a_big_file_with_one_bad_claim_still_fails() -> None:
    claim = {"id": "a-1", "source": "s", "subject": "x", "kind": "count", "quote": "q"}
    claims = [{**claim, "id": f"a-{i}"} for i in range(validate.SPLIT_MIN_CLAIMS)]
    doc = {"version": 1, "sources": {"s": {"file": "a.txt"}}, "claims": claims}
    assert _conforms(doc)
    claims[-1] = {**claim, "kind": "counts"}
    assert not _conforms(doc)
