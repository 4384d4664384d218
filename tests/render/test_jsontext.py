"""Records written by dumps_records are byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.render.jsontext import PLACEHOLDER, dumps_records, splice

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    ["%s", "%d", "%%", "\x00", "a\x00b", '"', "\\", "\u2028", "é"]
)
finite = st.floats(allow_nan=False, allow_infinity=False)
scalar = st.none() | st.booleans() | st.integers() | finite | text
keys = st.sampled_from(["id", "time", "loc", "%s", "k\x00", "é", ""])
flat = st.dictionaries(keys, scalar, max_size=3)
value = scalar | flat | st.lists(scalar, max_size=2) | st.dictionaries(keys, flat, max_size=2)
record = st.dictionaries(keys, value, max_size=5) | scalar


def reference(records: list[Any], depth: int) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2, allow_nan=False).replace(
        "\n", "\n" + "  " * depth
    )


@given(st.lists(record, max_size=8), st.integers(0, 3))
@settings(max_examples=400, deadline=None)
def test_same_bytes_as_json_dumps(records: list[Any], depth: int) -> None:
    assert dumps_records(records, depth) == reference(records, depth)


@given(
    st.lists(
        st.sampled_from([{"a": 1, "t": {"s": "x", "e": None}}, {"a": 2, "t": None}]), max_size=30
    )
)
def test_many_records_of_few_shapes_keep_their_order(records: list[Any]) -> None:
    assert dumps_records(records, 1) == reference(records, 1)


def test_non_finite_numbers_are_refused_as_json_dumps_refuses_them() -> None:
    for bad in ([{"a": float("nan")}], [{"a": {"b": float("inf")}}]):
        try:
            dumps_records(bad, 1)
        except ValueError:
            continue
        raise AssertionError("a non-finite number was written")


def test_splice_puts_the_records_where_the_placeholder_was() -> None:
    doc = {"findings": [{"message": "claims: 3"}], "claims": PLACEHOLDER, "summary": {"n": 1}}
    records = [{"id": "flood-1", "value": "about 40"}]
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    full = {**doc, "claims": records}
    assert splice(text, dumps_records(records, 1)) == json.dumps(full, ensure_ascii=False, indent=2)
