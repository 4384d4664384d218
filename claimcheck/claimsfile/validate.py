"""Structure (JSON Schema) checks of a composed claims file, explained in the file's terms.

Every check reports and carries on, so one run lists every problem; items that failed
the schema are skipped by the meaning checks (claimsfile/semantics.py) instead of
crashing them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from claimcheck.claimsfile.yamlnodes import Doc, Path_
from claimcheck.model import Problem

if TYPE_CHECKING:
    import re

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
    "boolean": "true/false",
}


@cache
def schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft-07)."""
    from claimcheck.packaged import read_text

    raw = read_text("claimcheck.claimsfile", "claims.schema.json")
    import json

    loaded: dict[str, Any] = json.loads(raw)
    return loaded


def _conforms(data: Any) -> bool:
    """Fast yes/no: the schema compiled to Python by fastjsonschema (~20x jsonschema),
    shipped pre-generated (scripts/gen_schema_validator.py) so no run pays for importing
    fastjsonschema and compiling the schema.

    Most files are valid; only a file that fails pays for jsonschema, which
    lists every error with its path.
    """
    from claimcheck.claimsfile import _schema_validator as shipped

    conform: Callable[[Any], Any] = shipped.validate  # generated, so untyped
    claims = data.get("claims") if isinstance(data, dict) else None
    big = type(claims) is list and len(claims) >= SPLIT_MIN_CLAIMS
    claim = _claim_validator() if big else None
    try:
        if claim is None:
            conform(data)
        else:
            # The schema asks of `claims` only that each item is a claim: the file
            # without its claims, then each claim alone, is the same yes/no, without
            # the generated loop's per-item name formatting (half the time at 100k).
            conform({**data, "claims": []})
            ids = _id_pattern().fullmatch if shipped.SCHEMA_SHA256 == PLAIN_CLAIM_SCHEMA else None
            for item in claims:  # type: ignore[union-attr]
                if ids is None or not _plain_claim(item, ids):
                    claim(item, _NO_FORMATS, "data")
    except shipped.JsonSchemaValueException:
        return False
    return True


_NO_FORMATS: dict[str, Any] = {}

PLAIN_CLAIM_SCHEMA = "ee33962b95b522c137ca31fe6d9a109165d3e5ea2d7677e9517c7e45a05c7851"
"""The schema (sha256 of claims.schema.json) ``_plain_claim`` was written from; another
schema turns it off (every claim goes to the generated check) until it is re-read."""
_CLAIM_KEYS = frozenset(
    {
        "id", "source", "subject", "kind", "value", "from", "to", "qualifier", "unit",
        "time", "quote", "said_by", "note", "status", "time_source", "status_reason",
    }
)  # fmt: skip
_CLAIM_REQUIRED = frozenset({"id", "source", "subject", "kind", "quote"})
_TEXT_ENUMS = (
    ("kind", frozenset({"level", "change", "target", "duration", "date", "count"})),
    ("qualifier", frozenset(
        {"exact", "about", "at_least", "more_than", "at_most", "less_than", "between"}
    )),
    ("status", frozenset({"active", "superseded", "deprecated"})),
    ("time_source", frozenset({"stated", "publication", "event"})),
)  # fmt: skip


@cache
def _id_pattern() -> re.Pattern[str]:
    """Stricter than the schema's ``^...$`` search (which also passes a final newline):
    what it accepts, the schema accepts. Compiled only for a big file."""
    import re

    return re.compile(r"[A-Za-z0-9_.-]+")


def _plain_claim(item: Any, id_match: Callable[[str], Any]) -> bool:
    """A claim the schema surely accepts, told with a few C calls: every value text (no
    span, no empty value), known keys, the required ones present, ids of the id pattern,
    subject and quote not empty, enumerated keys one of their words. False only means
    "ask the generated check" (a big archive's claims are nearly all plain)."""
    if type(item) is not dict:
        return False
    keys = item.keys()
    if not (keys <= _CLAIM_KEYS and keys >= _CLAIM_REQUIRED):
        return False
    for value in item.values():
        if type(value) is not str:
            return False
    if not (item["subject"] and item["quote"]):
        return False
    if id_match(item["id"]) is None or id_match(item["source"]) is None:
        return False
    for key, words in _TEXT_ENUMS:  # noqa: SIM110 - a plain loop: no generator per claim
        if key in item and item[key] not in words:
            return False
    return True


SPLIT_MIN_CLAIMS = 1000
"""Claims from which each is checked alone (a small file does not read the schema)."""


@cache
def _claim_validator() -> Callable[..., Any] | None:
    """The generated check of one claim (``#/definitions/claim``), when the schema's
    `claims` is a plain list of claims; None otherwise (the whole file is checked)."""
    from claimcheck.claimsfile import _schema_validator as shipped

    spec = schema()["properties"]["claims"]
    ref = str((spec.get("items") or {}).get("$ref", ""))  # made absolute by fastjsonschema
    if set(spec) - {"type", "items", "description"} or spec.get("type") != "array":
        return None
    if set(spec["items"]) != {"$ref"} or not ref.endswith("#/definitions/claim"):
        return None
    found = [
        f for name, f in vars(shipped).items()
        if name.startswith("validate_") and name.endswith("__definitions_claim")
    ]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def dotted(path: Sequence[str | int]) -> str:
    """``claims[2].value`` style path for messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 60) -> str | None:
    from rapidfuzz import process

    options = sorted(set(choices))
    if not options:
        return None
    best = process.extractOne(word, options, score_cutoff=cutoff)
    return None if best is None else str(best[0])


def _allowed_keys(error: Any) -> list[str]:
    return sorted((error.schema.get("properties") or {}).keys())


def schema_problems(doc: Doc) -> list[tuple[Path_, Problem]]:
    """Schema errors, each at the line/col of the offending key or value."""
    if _conforms(doc.data):
        return []
    from jsonschema import Draft7Validator

    validator = Draft7Validator(schema())
    errors = list(validator.iter_errors(doc.data))
    # a value of the wrong type also fails its enum/pattern/range: report the type only
    typed = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    out: list[tuple[Path_, Problem]] = []
    for error in errors:
        path: Path_ = tuple(error.absolute_path)
        if path in typed and error.validator != "type":
            continue
        out.extend(_explain(doc, path, error))
    return sorted(out, key=lambda item: (item[1], repr(item[0])))


def _explain(doc: Doc, path: Path_, error: Any) -> list[tuple[Path_, Problem]]:
    here = dotted(path)
    loc = doc.at(path)
    kind = error.validator
    if isinstance(error.instance, float) and not math.isfinite(error.instance):
        message = f"{here}: {error.instance} is not a finite number"
        return [(path, Problem(loc, "error", message, code="number"))]
    if "propertyNames" in error.relative_schema_path:
        key = str(error.instance)
        message = f"{here}: id {key!r} must use letters, digits, '_', '.', '-' only"
        key_path = (*path, key)
        return [(key_path, Problem(doc.key_at(key_path), "error", message, code="schema"))]
    if kind == "additionalProperties" and error.validator_value is False:
        allowed = _allowed_keys(error)
        out = []
        for key in sorted(set(error.instance) - set(allowed)):
            guess = did_you_mean(key, allowed)
            hint = f"did you mean '{guess}'?" if guess else f"allowed keys: {', '.join(allowed)}"
            where = f" in {here}" if path else ""
            out.append(
                (
                    (*path, key),
                    Problem(
                        doc.key_at((*path, key)),
                        "error",
                        f"unknown key '{key}'{where}",
                        code="schema",
                        hint=hint,
                    ),
                )
            )
        return out
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        message = f"{here}: missing required key '{missing}'"
        return [(path, Problem(loc, "error", message, code="schema"))]
    if kind == "type":
        wanted = error.validator_value
        names = [wanted] if isinstance(wanted, str) else list(wanted)
        expect = " or ".join(_TYPE_NAMES.get(n, n) for n in names if n != "null")
        message = f"{here}: expected {expect}, found {_describe(error.instance)}"
        return [(path, Problem(loc, "error", message, code="schema"))]
    if kind == "enum":
        allowed = [str(v) for v in error.validator_value if v is not None]
        guess = (
            did_you_mean(str(error.instance), allowed) if isinstance(error.instance, str) else None
        )
        message = f"{here}: {error.instance!r} is not one of {', '.join(allowed)}"
        if path == ("version",):
            message = f"unsupported version {error.instance!r}; this claimcheck reads version 1"
        maybe = f"did you mean '{guess}'?" if guess and path != ("version",) else None
        return [(path, Problem(loc, "error", message, code="schema", hint=maybe))]
    if kind == "pattern":
        message = f"{here}: {error.instance!r} must match {error.validator_value}"
        hint = (
            "use letters, digits, '_', '.', '-' only"
            if "A-Za-z" in error.validator_value
            else ("write the date as YYYY-MM-DD")
        )
        return [(path, Problem(loc, "error", message, code="schema", hint=hint))]
    message = f"{here}: {error.message}"
    return [(path, Problem(loc, "error", message, code="schema"))]
