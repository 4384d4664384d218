"""The shipped validator reads Decimal values as fastjsonschema does, without importing
``decimal`` on a check that has none."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from typing import Any

import fastjsonschema
import pytest

from claimcheck.claimsfile import _schema_validator as shipped
from claimcheck.claimsfile.validate import schema

CLAIM = {"id": "q1", "source": "wire", "subject": "homes without power", "kind": "count",
         "value": "about 12,000", "time": "2023-10-02", "quote": "About 12,000 homes."}  # fmt: skip


def _doc(settings: dict[str, Any]) -> dict[str, Any]:
    return {"version": 1, "sources": {"wire": {"file": "wire.txt"}}, "claims": [CLAIM],
            "settings": settings}  # fmt: skip


def _verdict(validate: Any, doc: Any) -> bool:
    try:
        validate(doc)
    except fastjsonschema.JsonSchemaValueException:
        return False
    except shipped.JsonSchemaValueException:
        return False
    return True


@pytest.mark.parametrize(
    "value", [Decimal("0.5"), Decimal("90"), Decimal("-1"), Decimal("1000"), 0.5, "0.5", True]
)
@pytest.mark.parametrize("key", ["about_tolerance", "subject_threshold", "rounding_cap"])
def test_decimal_settings_judged_as_fastjsonschema(key: str, value: Any) -> None:
    reference = fastjsonschema.compile(schema())
    doc = _doc({key: value})
    assert _verdict(shipped.validate, doc) == _verdict(reference, doc)


def test_isinstance_answers_as_decimal() -> None:
    assert isinstance(Decimal("1.5"), shipped.Decimal)
    assert not isinstance(1.5, shipped.Decimal)
    assert not isinstance("1.5", shipped.Decimal)


def test_validating_imports_no_decimal() -> None:
    code = "import sys\nfrom claimcheck.claimsfile import _schema_validator as v\n"
    code += "try:\n    v.validate({'settings': {'about_tolerance': 'x'}})\n"
    code += "except Exception:\n    pass\n"
    code += "print('decimal' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
