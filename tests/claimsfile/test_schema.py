"""The shipped schema is valid draft-07 and accepts the documented format."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from claimcheck.claimsfile.validate import schema

DOC = Path(__file__).parent.parent.parent / "docs" / "claims-file.md"


def test_schema_is_valid_draft7() -> None:
    Draft7Validator.check_schema(schema())
    assert schema()["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema()["$id"]


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, sub in (node.get("properties") or {}).items():
            found.append((name, sub))
        for value in node.values():
            found.extend(_properties(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_properties(value))
    return found


def test_every_property_has_a_description() -> None:
    missing = [name for name, sub in _properties(schema()) if "description" not in sub]
    assert missing == []


def _doc_blocks() -> list[Any]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [yaml.safe_load(b) for b in blocks if yaml.safe_load(b) is not None]


def _jsonable(data: Any) -> Any:
    return json.loads(json.dumps(data, default=str))


def test_doc_examples_validate() -> None:
    blocks = _doc_blocks()
    assert len(blocks) >= 4
    merged: dict[str, Any] = {"version": 1, "sources": {}, "claims": []}
    for block in blocks:
        for key, value in block.items():
            merged[key] = value
    errors = sorted(Draft7Validator(schema()).iter_errors(_jsonable(merged)), key=str)
    assert [e.message for e in errors] == []


@pytest.mark.parametrize("value", ["about 3,500", 5200, 2.5, None])
def test_value_may_be_text_or_number(value: Any) -> None:
    data = {
        "version": 1,
        "sources": {"a": {"file": "a.txt"}},
        "claims": [
            {
                "id": "x",
                "source": "a",
                "subject": "s",
                "kind": "level",
                "value": value,
                "unit": "troops",
                "quote": "q",
                "time": 2020,
                "span": [1, 5],
            }
        ],
    }
    assert list(Draft7Validator(schema()).iter_errors(data)) == []


def test_schema_rejects_unknown_keys_and_bad_enums() -> None:
    data = {
        "version": 1,
        "sources": {"a b": {"file": "a.txt", "publsher": "x"}},
        "claims": [{"id": "x", "source": "a", "subject": "s", "kind": "tally", "quote": "q"}],
    }
    validators = sorted(e.validator for e in Draft7Validator(schema()).iter_errors(data))
    assert validators == ["additionalProperties", "enum", "pattern"]
