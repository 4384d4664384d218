"""YAML text -> plain values that remember where each one was written.

PyYAML's ``safe_load`` forgets positions and happily expands alias bombs; the
claims file needs neither anchors, aliases nor tags, so they are refused while
scanning the event stream (bounded memory, stops at once), and values are then
built from composed nodes so every error can point at a line and column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Any

import yaml

from claimcheck.dataclassgen import dataclass
from claimcheck.model import Location, Problem, built

MAX_DEPTH = 64
MAX_ALIAS_PROBLEMS = 20
Path_ = tuple[str | int, ...]

_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_HINTS = (
    ("'\\t'", "indent with spaces; YAML does not allow tabs for indentation"),
    ("while scanning a quoted scalar", "close the quote, or escape a quote inside it"),
    ("mapping values are not allowed", "check the indentation, or quote a value containing ': '"),
    ("expected <block end>", "check the indentation: keys of one mapping must line up"),
    ("could not find expected ':'", "check the indentation, or add the missing ':'"),
    ("while parsing a block mapping", "check the indentation: keys of one mapping must line up"),
    ("while parsing a block collection", "check the indentation of the list items"),
    ("while scanning a simple key", "a key needs ':' after it; quote text containing ':'"),
    ("special characters are not allowed", "remove control characters from the file"),
)


@dataclass
class Doc:
    """Plain values plus the position of every value and every mapping key.

    Positions are kept as (line, column) pairs, 0-based as PyYAML gives them, and
    become Locations only when asked for: a large file has hundreds of thousands.
    """

    data: Any
    display: str = ""
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path_) -> Location:
        """The closest known position of ``path`` (a missing key falls back to its parent)."""
        while path not in self.values and path:
            path = path[:-1]
        pos = self.values.get(path)
        return Location(self.display) if pos is None else self._loc(pos)

    def key_at(self, path: Path_) -> Location:
        pos = self.keys.get(path)
        return self.at(path) if pos is None else self._loc(pos)

    def _loc(self, pos: tuple[int, int]) -> Location:
        return built(Location, path=self.display, line=pos[0] + 1, col=pos[1] + 1)


def _loc(display: str, mark: Any) -> Location:
    return Location(display, mark.line + 1, mark.column + 1)


def _err(loc: Location, message: str, hint: str | None = None, code: str = "yaml") -> Problem:
    return Problem(loc, "error", message, code=code, hint=hint)


def syntax_problem(display: str, exc: yaml.YAMLError, text: str = "") -> Problem:
    """A parser error as ``path:line:col: error: <context>: <problem> (hint: ...)``."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    loc = _loc(display, mark) if mark is not None else Location(display)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"YAML syntax: {context}, {problem}" if context else f"YAML syntax: {problem}"
    context_mark = getattr(exc, "context_mark", None)
    if context_mark is not None and mark is not None and context_mark.line != mark.line:
        message += f" (started at line {context_mark.line + 1})"
    full = f"{context} {problem}"
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        full += " '\\t'"
        message = "YAML syntax: a tab character; YAML indents with spaces only"
    hint = next((h for needle, h in _HINTS if needle in full), None)
    return _err(loc, message, hint)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def scan_events(text: str, display: str) -> list[Problem]:
    """Refuse anchors, aliases, tags, several documents and deep nesting, in one pass."""
    problems: list[Problem] = []
    depth = 0
    documents = 0
    aliases = 0
    first_untold: Location | None = None
    events: Iterator[Any] = yaml.parse(text, Loader=_SAFE_LOADER)
    try:
        for event in events:
            # Most events are plain scalars: test the cheap attributes first and build
            # a Location only for an event that is reported.
            if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:
                continue
            loc = _loc(display, event.start_mark)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    problems.append(
                        _err(
                            loc,
                            "a claims file holds one YAML document; found a second",
                            "remove the '---' line and merge the documents",
                        )
                    )
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases == MAX_ALIAS_PROBLEMS + 1:
                    first_untold = loc
                if aliases <= MAX_ALIAS_PROBLEMS:
                    problems.append(
                        _err(
                            loc,
                            f"alias '*{event.anchor}' refused: a claims file never "
                            "needs anchors or aliases",
                            "write the value out in full",
                        )
                    )
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    problems.append(
                        _err(
                            loc,
                            f"anchor '&{event.anchor}' refused: a claims file never "
                            "needs anchors or aliases",
                            "write the value out in full",
                        )
                    )
                tag = getattr(event, "tag", None)
                if tag is not None:
                    problems.append(
                        _err(
                            loc,
                            f"tag '{tag}' refused: a claims file holds only plain values",
                            "remove the tag; quote the value if it is text",
                        )
                    )
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        problems.append(
                            _err(
                                loc,
                                f"refused: nested deeper than {MAX_DEPTH} levels",
                                "a claims file is only a few levels deep",
                            )
                        )
                        return problems
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        problems.append(syntax_problem(display, exc, text))
    if first_untold is not None:
        problems.append(
            _err(first_untold, f"... and {aliases - MAX_ALIAS_PROBLEMS} more aliases refused")
        )
    return problems


_TEXT_TAGS = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def resolve_tag(text: str) -> str:
    """The YAML 1.1 tag PyYAML gives a plain scalar written ``text``."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag


def plain_value(text: str) -> Any:
    """What ``build`` makes of a plain scalar outside the text keys."""
    return _typed(resolve_tag(text), text, None)


def _typed(tag: str, text: str, style: str | None) -> Any:
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == _TEXT_TAGS or tag == "tag:yaml.org,2002:timestamp":
        return text
    constructor = yaml.constructor.SafeConstructor()
    try:
        return constructor.construct_object(yaml.ScalarNode(tag, text, style=style))
    except (ValueError, OverflowError, yaml.YAMLError):
        return text


def _scalar(event: Any, keep_text: bool) -> Any:
    """A scalar's value; ``keep_text`` keeps plain numbers/dates/booleans as written."""
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
    if keep_text and tag != "tag:yaml.org,2002:null":
        return event.value
    return _typed(tag, event.value, event.style)


class Refused(Exception):
    """``build`` met a construct ``scan_events`` refuses (anchor, alias, tag, a second
    document, deep nesting): the caller runs ``scan_events`` for the located messages."""


class _Frame:
    """An open mapping or sequence while events stream past."""

    __slots__ = (
        "count",
        "discard",
        "expect_key",
        "first_seen",
        "keep",
        "key",
        "path",
        "role",
        "value",
    )

    def __init__(self, value: Any, path: Path_, keep: bool, discard: bool, role: str) -> None:
        self.value = value
        self.path = path
        self.keep = keep
        self.discard = discard
        self.role = role  # "root", "item", "value" or "key" (a collection used as a key)
        self.count = 0
        self.expect_key = True
        self.key: str | None = None
        self.first_seen: dict[str, int] = {}


def build(text: str, display: str, text_keys: frozenset[str]) -> tuple[Doc, Any, list[Problem]]:
    """Plain values and their positions straight from the parser's events.

    No node tree is built (a large file's tree is several times the size of its
    data). Values under a key in ``text_keys`` stay text as written: ``value: 5200``,
    ``time: 2020`` and ``published: 2020-08-29`` reach the recognizers as typed, and
    impossible dates (2021-02-30) stay reportable. Returns the Doc, the root's start
    position (None for an empty stream) and the problems found.

    Raises ``Refused`` at the first construct ``scan_events`` would refuse, so a valid
    file is read in this one pass and only a refused one pays for the second
    (``scan_events``, which words every problem).
    """
    doc = Doc(None, display)
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root_pos: tuple[int, int] | None = None

    def place(value: Any, frame_role: str, path: Path_, discard: bool) -> None:
        if not stack:
            doc.data = value
            return
        parent = stack[-1]
        if frame_role == "key":
            parent.expect_key = False
            return
        if parent.discard or discard:
            pass
        elif isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key is not None:
            parent.value[parent.key] = value
        if isinstance(parent.value, dict):
            parent.expect_key = True

    events: Iterator[Any] = yaml.parse(text, Loader=_SAFE_LOADER)
    documents = 0
    for event in events:
        kind = type(event)
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = stack.pop()
            place(frame.value, frame.role, frame.path, frame.discard)
            continue
        if (
            kind is not yaml.ScalarEvent
            and kind is not yaml.MappingStartEvent
            and (kind is not yaml.SequenceStartEvent)
        ):
            if kind is yaml.AliasEvent:
                raise Refused
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Refused
            continue
        if event.anchor is not None or event.tag is not None:
            raise Refused
        if kind is not yaml.ScalarEvent and len(stack) >= MAX_DEPTH:
            raise Refused
        mark = event.start_mark
        pos = (mark.line, mark.column)
        path: Path_
        if not stack:
            role, path, keep, discard = "root", (), False, False
            root_pos = pos
        elif isinstance(stack[-1].value, list):
            parent = stack[-1]
            role, path = "item", (*parent.path, parent.count)
            keep, discard = parent.keep, parent.discard
            parent.count += 1
        elif stack[-1].expect_key:
            parent = stack[-1]
            if kind is not yaml.ScalarEvent:
                problems.append(
                    _err(doc._loc(pos), "a mapping key must be plain text", "write `name: value`")
                )
                parent.key = None
                stack.append(
                    _Frame({} if kind is yaml.MappingStartEvent else [], (), False, True, "key")
                )
                continue
            key = str(event.value)
            if key in parent.first_seen:
                if not parent.discard:
                    problems.append(
                        _err(
                            doc._loc(pos),
                            f"duplicate key '{key}' (first at line {parent.first_seen[key]})",
                            "keep one of them",
                            code="duplicate-key",
                        )
                    )
                parent.key = None
            else:
                parent.first_seen[key] = pos[0] + 1
                parent.key = key
                if not parent.discard:
                    key_path = (*parent.path, key)
                    doc.keys[key_path] = pos
            parent.expect_key = False
            continue
        else:
            parent = stack[-1]
            role = "value"
            discard = parent.discard or parent.key is None
            path = (*parent.path, parent.key or "")
            keep = parent.keep or (parent.key in text_keys)
        if not discard:
            doc.values[path] = pos
        if kind is yaml.ScalarEvent:
            place(None if discard else _scalar(event, keep), role, path, discard)
        else:
            container: Any = {} if kind is yaml.MappingStartEvent else []
            stack.append(_Frame(container, path, keep, discard, role))
    return doc, root_pos, problems
