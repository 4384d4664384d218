"""A fast reader for big, plain claims files: rapidyaml's C++ parser, values via JSON.

PyYAML hands every event to Python (about 15 s for 100k claims); rapidyaml parses
and re-emits the same file as JSON in C++, and the C JSON decoder builds the values,
about 15x faster. The two parsers differ exactly where YAML does (1.1 vs 1.2 typing,
escapes, ``~``, ``.inf``), so this reader never decides anything it is unsure of:
it returns None, and the caller reads the file with ``yamlnodes.build``, which
keeps every position. It is only used for files without problems: ``load`` re-reads
a file with the exact reader whenever any check finds something to report.

Only the positions every run needs are kept: where each claim, source and review
starts (they become the locations of findings), found by scanning the text's
lines and checked against the parsed values.
"""

from __future__ import annotations

import json
import os
import re
import sys
from bisect import bisect_right
from typing import Any

from claimcheck.claimsfile.yamlnodes import MAX_DEPTH, Doc, Path_

_ALLOWED_ASCII = bytes([10, *range(0x20, 0x5C), *range(0x5D, 0x7F)])
_BAD_CHAR = re.compile(
    r"[^\n\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Tabs, controls, the line separators PyYAML breaks lines at, BOMs, backslash escapes."""
_MARKS = (
    re.compile(r"&[^\s]"),  # anchors
    re.compile(r"\*[^\s]"),  # aliases
    re.compile(r"![^\s]"),  # tags
    re.compile(r"\?(?:[ ]|$)", re.MULTILINE),  # complex keys
    re.compile(r"\|[-+0-9]*[ ]*(?:#[^\n]*)?$", re.MULTILINE),  # block scalars
    re.compile(r">[-+0-9]*[ ]*(?:#[^\n]*)?$", re.MULTILINE),
    re.compile("@"),  # reserved indicators: PyYAML refuses them where a node starts
    re.compile("`"),
    re.compile("%"),
)
"""Each starts with a literal character, which the regex engine finds fast; a mark
counts only where a node can start (after a space, an indicator or a line start)."""
_LINE_MARK = re.compile(r"\n(?:%|---|\.\.\.)")
"""Directives and document markers at a line start: one scan, not one per marker."""
_NODE_BEFORE = frozenset(" \n[]{},:?-")
_MARK_STARTS = "&*!?|>@`%"
"""The literal first character of each of ``_MARKS``."""
_MARK_SET = frozenset(_MARK_STARTS)
_PLAIN_ASCII = bytes(b for b in _ALLOWED_ASCII if chr(b) not in _MARK_STARTS)
"""Allowed ASCII that starts no mark: what the one pass over an ASCII file drops."""


def _risky(text: str) -> bool:
    """Constructs this reader leaves to the exact one (a false alarm only costs speed)."""
    marks: tuple[re.Pattern[str], ...] = _MARKS
    if text.isascii():
        # one pass keeps the characters refused and the marks' first characters: a
        # refused one ends it, and only the marks present need a scan (a plain file has
        # few or none of them); UTF-8 is the ASCII bytes (and a faster codec)
        kept = text.encode("utf-8").translate(None, _PLAIN_ASCII)
        present = set(kept.decode("ascii"))
        if not present <= _MARK_SET:
            return True
        marks = tuple(p for p in _MARKS if p.pattern.lstrip("\\")[0] in present)
    elif _BAD_CHAR.search(text):
        return True
    if text.startswith(("%", "---", "...")) or _LINE_MARK.search(text) is not None:
        return True
    for pattern in marks:
        for m in pattern.finditer(text):
            if m.start() == 0 or text[m.start() - 1] in _NODE_BEFORE:
                return True
    return False


_SAFE_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9][0-9]*)?(?:[eE][-+]?[0-9]+)?")
"""Numbers rapidyaml re-emits as written (it rewrites ``1.`` as 1.0 and ``.5`` as 0.5)."""
_REWRITTEN = re.compile(r"-?0\.")


def _unsure(text: str, emitted: str) -> bool:
    """Texts that are null when plain and text when quoted (``~``, ``Null``, ``NULL``: JSON
    no longer tells which), and infinities and NaNs, which rapidyaml rewrites (``inf``
    as ``.inf``). Each is one fast scan: a regex with a literal start for both rewrites,
    then, only where the source could hold the null forms at all, their exact test."""
    if _INF_NAN.search(emitted) is not None:
        return True
    if "~" not in text and _NULLISH.search(text) is None:
        return False  # most files: neither
    return any(form in text and f'"{form}"' in emitted for form in ("~", "Null", "NULL"))


_INF_NAN = re.compile(r'\.(?:inf|nan)"')
"""One scan for ``.inf"`` and ``.nan"`` (two substring searches took ~4x as long)."""
_NULLISH = re.compile("N[uU][lL][lL]")
"""A superset of ``Null`` and ``NULL`` with a one-letter literal start (fast to scan)."""


class Unsure(Exception):
    """The fast reader cannot tell what the exact reader would give."""


class _Number(str):
    """A bare JSON number, kept as the text rapidyaml wrote."""

    __slots__ = ()


def _parse_quietly(data: bytes) -> tuple[str, int]:
    """rapidyaml's JSON text and the number of nodes of its tree; it prints parse errors
    to file descriptor 2 itself, so that descriptor points at the null device meanwhile
    (when it can be saved)."""
    import ryml

    sys.stderr.flush()
    try:
        saved: int | None = os.dup(2)
    except OSError:  # no descriptor 2 (a windowed process): nothing to keep quiet
        saved = None
    try:
        if saved is not None:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), 2)
        try:
            tree = ryml.parse_in_arena(data)
            out = ryml.emit_json(tree)
            nodes = int(tree.size())
        except Exception as exc:  # any parse error: the exact reader words it
            raise Unsure from exc
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
    if not isinstance(out, str):  # an empty stream
        raise Unsure
    return out, nodes


def read_fast(text: str, display: str, text_keys: frozenset[str]) -> Doc | None:
    """The Doc ``yamlnodes.build`` would give (positions of entries only), or None."""
    if _risky(text):
        return None
    try:
        import ryml  # noqa: F401
    except ImportError:
        return None
    try:
        emitted, nodes = _parse_quietly(text.encode("utf-8"))
        if _unsure(text, emitted):
            return None
        data = json.loads(emitted, parse_int=_Number, parse_float=_Number)
        # rapidyaml keeps a duplicate key (the JSON has it twice), the decoder keeps the
        # last: a decoded document with fewer nodes than the tree had one, and the exact
        # reader words it (counted in the walk the values need anyway, not per mapping)
        if not isinstance(data, dict) or _settle(data, False, text_keys, 0) != nodes:
            return None
    except (Unsure, ValueError, RecursionError):
        return None
    doc = Doc(data, display)
    if not _entry_positions(text, data, doc.values):
        return None
    return doc


def _settle(value: Any, keep: bool, text_keys: frozenset[str], depth: int) -> int:
    """JSON values -> what ``build`` makes of the YAML, in place (``keep``: text as
    written); the number of nodes of ``value`` (itself and all it holds). Text under
    text keys is already right: only the rest is looked at."""
    if depth >= MAX_DEPTH:
        raise Unsure
    if (
        type(value) is dict
        and (keep or value.keys() <= text_keys)
        and _ONLY_TEXT.issuperset(map(type, value.values()))
    ):
        return 1 + len(value)  # a claim, a source: text under text keys, nothing to settle
    nodes = 1 + len(value)
    pairs = value.items() if type(value) is dict else enumerate(value)
    for key, item in pairs:
        kind = type(item)
        held = keep or key in text_keys
        if kind is str:
            if not held:
                _plain_text(item)
        elif (
            kind is dict
            and depth + 1 < MAX_DEPTH
            and (held or item.keys() <= text_keys)
            and _ONLY_TEXT.issuperset(map(type, item.values()))
        ):
            nodes += len(item)  # the shortcut below, without a call per claim
        elif kind is dict or kind is list:
            nodes += _settle(item, held, text_keys, depth + 1) - 1
        else:
            value[key] = _leaf(item, held)
    return nodes


_ONLY_TEXT = frozenset({str})


def _leaf(value: Any, keep: bool) -> Any:
    if type(value) is _Number:
        if not _SAFE_NUMBER.fullmatch(value) or _REWRITTEN.match(value):
            raise Unsure
        return str(value) if keep else _resolved(str(value))
    if value is None:
        return None
    if value is True or value is False:
        return ("true" if value else "false") if keep else value
    raise Unsure


def _plain_text(value: str) -> str:
    """A JSON string outside text keys: the same whether it was quoted or plain, or Unsure."""
    from claimcheck.claimsfile.yamlnodes import resolve_tag

    tag = resolve_tag(value)
    if tag not in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        raise Unsure
    return value


def _resolved(text: str) -> Any:
    from claimcheck.claimsfile.yamlnodes import plain_value

    return plain_value(text)


_TOP_LINE = re.compile(r"\n(?:([A-Za-z_][A-Za-z0-9_]*):[ ]*(?:#[^\n]*)?(?=\n|$)|[^\s#-])")
"""Top-level lines, a plain key's (``claims:``) with the key: one scan, starting with a
literal newline, which is found fast (the text is scanned with a newline put in front)."""


def _entry_positions(text: str, data: dict[str, Any], values: dict[Path_, tuple[int, int]]) -> bool:
    """Where each claim, review and source starts, as ``build`` records them (0-based
    line, column); False when the layout is not the plain block one these scans know."""
    lined = "\n" + text
    heads: list[tuple[str, int]] = []
    tops: list[int] = []
    for m in _TOP_LINE.finditer(lined):
        tops.append(m.start())
        if m.group(1) is not None:
            heads.append((m.group(1), m.end() - 1))
    sections: dict[str, tuple[int, int]] = {}
    for name, end in heads:
        after = bisect_right(tops, end)
        sections[name] = (end, tops[after] if after < len(tops) else len(text))
    lines = _Lines(text)
    for name in ("claims", "reviews"):
        items = data.get(name)
        if items is None or (isinstance(items, list) and not items):
            continue
        if not isinstance(items, list) or name not in sections:
            return False
        if not _sequence_entries(text, sections[name], items, name, lines, values):
            return False
    sources = data.get("sources")
    if sources:
        if not isinstance(sources, dict) or "sources" not in sections:
            return False
        if not _mapping_entries(text, sections["sources"], sources, lines, values):
            return False
    return True


class _Lines:
    """Offsets -> (line, column), for offsets asked in increasing order within a scan."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 0
        self.line_start = 0

    def at(self, offset: int) -> tuple[int, int]:
        if offset < self.offset:
            self.offset = self.line = self.line_start = 0
        self.line += self.text.count("\n", self.offset, offset)
        newline = self.text.rfind("\n", 0, offset)
        self.line_start = newline + 1
        self.offset = offset
        return self.line, offset - self.line_start


_NEXT_NODE = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*[ ]*")


def _node_start(text: str, offset: int) -> int:
    """The first character of the node at or after ``offset`` (blank lines and comment
    lines skipped)."""
    m = _NEXT_NODE.match(text, offset)
    return offset if m is None else m.end()


def _indent(text: str, offset: int) -> int:
    return offset - text.rfind("\n", 0, offset) - 1


def _sequence_entries(
    text: str,
    span: tuple[int, int],
    items: list[Any],
    name: str,
    lines: _Lines,
    values: dict[Path_, tuple[int, int]],
) -> bool:
    begin, end = span
    first = _node_start(text, begin)
    if first >= end or text[first] != "-":
        return False
    indent = _indent(text, first)
    item = re.compile(rf"\n {{{indent}}}-(?: +|(?=\n))")
    found = [m.end() for m in item.finditer(text, first - indent - 1, end)]
    if len(found) != len(items):
        return False
    # one loop of C calls per entry: the entry's first key is on the dash's line unless
    # a blank or comment line comes first; its line counted on from the previous one
    line, offset = lines.line, lines.offset
    count, rfind, startswith = text.count, text.rfind, text.startswith
    heads: dict[str, str] = {}
    for i, (at, entry) in enumerate(zip(found, items, strict=True)):
        if type(entry) is not dict or not entry:
            return False
        if text[at : at + 1] in "#\n":  # also "" at the very end
            at = _node_start(text, at)
        key = next(iter(entry))
        head = heads.get(key) if type(key) is str else None
        if head is None:
            head = f"{key}:"
            if type(key) is str:
                heads[key] = head
        if not startswith(head, at):
            return False
        if at < offset:
            line = offset = 0
        line += count("\n", offset, at)
        offset = at
        values[(name, i)] = (line, at - rfind("\n", 0, at) - 1)
    lines.line, lines.offset = line, offset
    lines.line_start = rfind("\n", 0, offset) + 1
    return True


def _mapping_entries(
    text: str,
    span: tuple[int, int],
    entries: dict[str, Any],
    lines: _Lines,
    values: dict[Path_, tuple[int, int]],
) -> bool:
    begin, end = span
    first = _node_start(text, begin)
    indent = _indent(text, first)
    if first >= end or indent == 0:
        return False
    keys = re.compile(rf"\n {{{indent}}}([^\s#'\"\[{{][^\n:]*):[ ]*(?:#[^\n]*)?(?=\n|$)")
    found = list(keys.finditer(text, first - indent - 1, end))
    if [m.group(1) for m in found] != list(entries):
        return False
    for m, (sid, entry) in zip(found, entries.items(), strict=True):
        if not isinstance(entry, dict) or not entry:
            return False
        at = _node_start(text, m.end())
        if not text.startswith(f"{next(iter(entry))}:", at):
            return False
        values[("sources", sid)] = lines.at(at)
    return True
