"""Add entries to a claims file by inserting text, so nothing already written changes.

A ruamel round trip keeps comments but still rewrites what it re-reads: ``+5``
becomes ``5``, ``.NaN`` becomes ``.nan``, a four-space indentation becomes two. The
editor's file is theirs; a merge should only add lines. Here the new entries are
dumped on their own, in the indentation of their neighbours, and inserted as text at
the end of the ``sources:`` and ``claims:`` blocks. Anything unusual (a flow-style
collection, a missing key, a document marker) returns None and the caller falls back
to the round trip.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import Any

_KEY = "^{key}:[ \t]*(?:#.*)?$"


def _block(lines: Sequence[str], key: str) -> tuple[int, int] | None:
    """(first line, end) of a top-level block-style ``key:``; end is just after its last
    indented line (column-0 comments and blank lines after it stay after new entries)."""
    pattern = re.compile(_KEY.format(key=re.escape(key)))
    starts = [i for i, ln in enumerate(lines) if pattern.match(ln.rstrip("\r\n"))]
    if len(starts) != 1:
        return None
    start = starts[0]
    last = start
    for j in range(start + 1, len(lines)):
        ln = lines[j].rstrip("\r\n")
        if not ln.strip():
            continue
        if ln[0] in " \t" or ln.startswith("-"):  # a list may sit at column 0
            last = j
            continue
        if ln.startswith("#"):
            continue
        break
    if last == start:
        return None  # empty block: nothing to take the indentation from
    return start, last + 1


def _map_indent(lines: Sequence[str], start: int, end: int) -> int | None:
    for ln in lines[start + 1 : end]:
        if ln.strip() and not ln.lstrip().startswith("#"):
            return len(ln) - len(ln.lstrip(" "))
    return None


def _seq_indent(lines: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """(sequence, offset) as ruamel names them: ``  -   id:`` is offset 2, sequence 6."""
    for ln in lines[start + 1 : end]:
        m = re.match(r"^( *)-( +)\S", ln)
        if m:
            offset = len(m[1])
            return offset + 1 + len(m[2]), offset
    return None


def _dump(make_yaml: Callable[..., Any], indent: tuple[int, int, int], key: str, node: Any) -> str:
    from ruamel.yaml.comments import CommentedMap

    yml = make_yaml(indent)
    doc = CommentedMap()
    doc[key] = node
    out = io.StringIO()
    yml.dump(doc, out)
    text: str = out.getvalue()
    return text.split("\n", 1)[1]  # the entries, without the ``key:`` line


def fresh(node: Any) -> Any:
    """A copy of a new entry without the comments the round trip attached to it (the
    file's trailer, which stays where it is in the text)."""
    from ruamel.yaml.comments import CommentedMap

    copy = CommentedMap()
    for key, value in node.items():
        copy[key] = value
    return copy


def splice(
    text: str,
    new_sources: Any,
    new_claims: Any,
    make_yaml: Callable[..., Any],
) -> str | None:
    """``text`` with the new source map entries and claim list entries inserted, every
    other byte unchanged; None when the file's shape needs the round trip."""
    if re.search(r"^(?:---|\.\.\.|%)", text, re.M):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    inserts: list[tuple[int, str]] = []
    if len(new_sources):
        block = _block(lines, "sources")
        m = _map_indent(lines, *block) if block else None
        if block is None or m is None:
            return None
        inserts.append((block[1], _dump(make_yaml, (m, m + 2, m), "sources", new_sources)))
    if len(new_claims):
        block = _block(lines, "claims")
        seq = _seq_indent(lines, *block) if block else None
        if block is None or seq is None:
            return None
        sequence, offset = seq
        chunk = _dump(make_yaml, (2, sequence, offset), "claims", new_claims)
        inserts.append((block[1], chunk))
    for at, chunk in sorted(inserts, key=lambda item: item[0], reverse=True):
        if newline != "\n":
            chunk = chunk.replace("\n", newline)
        lines[at:at] = [chunk]
    return "".join(lines)


def append_to_list(text: str, key: str, entries: Any, make_yaml: Callable[..., Any]) -> str | None:
    """``text`` with ``entries`` appended to the top-level block list ``key`` (a review to
    ``reviews:``), every other byte unchanged; a missing ``key`` is added at the end in
    the layout of ``claims:``. None when the file's shape needs the round trip."""
    if re.search(r"^(?:---|\.\.\.|%)", text, re.M) or not len(entries):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += newline
    pattern = re.compile(_KEY.format(key=re.escape(key)))
    present = any(pattern.match(ln.rstrip("\r\n")) for ln in lines)
    block = _block(lines, key) if present else _block(lines, "claims")
    seq = _seq_indent(lines, *block) if block else None
    if block is None or seq is None:
        return None
    sequence, offset = seq
    chunk = _dump(make_yaml, (2, sequence, offset), key, entries)
    if present:
        at = block[1]
    else:
        at = len(lines)
        chunk = f"{key}:\n{chunk}"
    if newline != "\n":
        chunk = chunk.replace("\n", newline)
    lines[at:at] = [chunk]
    return "".join(lines)
