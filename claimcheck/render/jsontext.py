"""Long lists of records as ``json.dumps(..., ensure_ascii=False, indent=2,
allow_nan=False)`` would write them, byte for byte, about five times faster.

With ``indent`` set the standard library encodes in pure Python, a generator step per
token: most of ``check --format json`` on a big file, whose claims list holds a
record per claim. Records of one shape (the same keys, the same nested mappings)
share a template; every scalar of the whole list is encoded in one call of the C
encoder, with a NUL between them (the encoder never writes one inside a value: it
escapes it), and the templates are filled with the pieces.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

_SEP = "\x00"
PLACEHOLDER = "\x00records\x00"
"""Stands for a list in a document encoded by ``json.dumps``: encoded as a JSON string
no article can produce unescaped (see ``splice``)."""


def _default(o: Any) -> Any:
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _c_encoder(item_separator: str) -> Callable[[Any], str]:
    """The C encoder the standard library uses when there is no ``indent``, set up once."""
    from json import encoder as std

    make = getattr(std, "c_make_encoder", None)
    if make is not None:
        try:
            chunks = make(None, _default, std.encode_basestring, None, ": ", item_separator,
                          False, False, False)  # fmt: skip
        except TypeError:  # another interpreter's signature
            chunks = None
        if chunks is not None:
            return lambda o: "".join(chunks(o, 0))
    plain = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(item_separator, ": "))
    return plain.encode


_LEAVES = _c_encoder(_SEP)


def dumps_indented(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)``."""
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _template(keys: tuple[Any, ...], nested: dict[int, tuple[Any, ...]], depth: int) -> str:
    """A record's text with ``%s`` where each value goes (a nested mapping's values too)."""
    pad = "  " * depth

    def key(k: Any) -> str:
        return json.dumps(k, ensure_ascii=False).replace("%", "%%")

    lines = []
    for i, name in enumerate(keys):
        if i in nested:
            body = ",\n".join(f"{pad}    {key(k)}: %s" for k in nested[i])
            lines.append(f"{pad}  {key(name)}: {{\n{body}\n{pad}  }}")
        else:
            lines.append(f"{pad}  {key(name)}: %s")
    return "{\n" + ",\n".join(lines) + f"\n{pad}}}"


def _encoded(values: Sequence[Any]) -> list[str]:
    return _LEAVES(list(values))[1:-1].split(_SEP)


def _group_text(records: list[dict[str, Any]], depth: int) -> list[str] | None:
    """Records of one shape (the same keys, values of the same types), or None when
    some value is not a scalar nor a non-empty mapping of the same scalar-valued keys."""
    first = records[0]
    keys = tuple(first)
    columns = list(zip(*map(dict.values, records), strict=True))
    encoded: list[list[str]] = []
    nested: dict[int, tuple[Any, ...]] = {}
    for i, column in enumerate(columns):
        kind = type(column[0])
        if kind in _SCALARS:
            encoded.append(_encoded(column))
            continue
        if kind is not dict:
            return None
        inner_keys = set(map(tuple, column))
        if len(inner_keys) != 1 or not column[0]:
            return None
        inner = list(zip(*map(dict.values, column), strict=True))
        if not set(map(type, chain.from_iterable(inner))) <= _SCALARS:
            return None
        nested[i] = inner_keys.pop()
        encoded.extend(_encoded(col) for col in inner)
    template = _template(keys, nested, depth)
    return list(map(template.__mod__, zip(*encoded, strict=True)))


def dumps_records(records: Sequence[Any], depth: int) -> str:
    """The list as ``json.dumps`` writes it ``depth`` levels into an indented document."""
    if not records:
        return "[]"
    inner = "\n" + "  " * (depth + 1)
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, record in enumerate(records):
        if type(record) is dict and record:
            shape: tuple[Any, ...] = (True, tuple(record), tuple(map(type, record.values())))
        else:
            shape = (False, i)
        groups.setdefault(shape, []).append(i)
    out: list[str] = [""] * len(records)
    for shape, members in groups.items():
        texts = None
        if shape[0]:
            texts = _group_text([records[i] for i in members], depth + 1)
        if texts is None:
            texts = [dumps_indented(records[i]).replace("\n", inner) for i in members]
        for i, text in zip(members, texts, strict=True):
            out[i] = text
    # one join: each ``+`` of a long text would copy all of it again
    return "".join(("[", inner, ("," + inner).join(out), "\n", "  " * depth, "]"))


def splice(document: str, records: str, end: str = "") -> str:
    """Put the records' text where ``PLACEHOLDER`` was encoded, once (``end`` after the
    document: the long text is copied once)."""
    encoded = json.dumps(PLACEHOLDER)
    at = document.index(encoded)
    return "".join((document[:at], records, document[at + len(encoded) :], end))
