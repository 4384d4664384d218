"""Project configuration: ``.claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``.

Found the way ruff and mypy find theirs: walking up from the working directory, the
first folder holding a ``.claimcheck.toml``, or a ``pyproject.toml`` with a
``[tool.claimcheck]`` table, wins (``.claimcheck.toml`` first when both are there).
Precedence, lowest first: built-in default < configuration file < the claims file's own
``settings:`` (for the comparison settings) < a command-line option. Every value
remembers where it came from, for ``claimcheck config``. Only the standard library
is imported here, so reading the configuration costs ``check`` no start-up time.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.dataclassgen import dataclass
from claimcheck.errors import InputError

if TYPE_CHECKING:
    from claimcheck.model import Problem

CONFIG_FILE = ".claimcheck.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_ORIGIN = "default"

REPORT_FORMATS = ("auto", "text", "terminal", "markdown", "json", "html", "github", "sarif")
"""The one ``--format`` vocabulary of ``report`` and ``check``."""
COLORS = ("auto", "always", "never")

# Comparison settings; their defaults live with the engine (claimcheck.normalize) and are
# filled in lazily by ``effective`` so this module imports nothing heavy.
SETTING_KEYS = ("about_tolerance", "subject_threshold", "rounding_cap")
_SETTING_RANGES = {
    "about_tolerance": (0.0, 1.0),
    "subject_threshold": (0.0, 100.0),
    "rounding_cap": (0.0, 1.0),
}


@dataclass(frozen=True)
class Key:
    """One configuration key: its default and a check that says what is wrong, or None."""

    default: Any
    check: Callable[[Any], str | None]
    help: str


def _choice(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    def check(v: Any) -> str | None:
        return None if v in options else f"must be one of {', '.join(options)}"

    return check


def _text(v: Any) -> str | None:
    return None if isinstance(v, str) and v.strip() else "must be a non-empty string"


def _flag(v: Any) -> str | None:
    return None if isinstance(v, bool) else "must be true or false"


def _number(key: str) -> Callable[[Any], str | None]:
    low, high = _SETTING_RANGES[key]

    def check(v: Any) -> str | None:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return "must be a number"
        return None if low <= v <= high else f"must be between {low:g} and {high:g}"

    return check


KEYS: dict[str, Key] = {
    "claims_file": Key("claims.yaml", _text, "the claims file when none is named"),
    "report_format": Key("auto", _choice(REPORT_FORMATS), "`report --format` default"),
    "check_format": Key("auto", _choice(REPORT_FORMATS), "`check --format` default"),
    "color": Key("auto", _choice(COLORS), "`--color` default"),
    "allow_outside": Key(False, _flag, "`--allow-outside` default"),
    "about_tolerance": Key(None, _number("about_tolerance"), "hedge tolerance ('about')"),
    "subject_threshold": Key(None, _number("subject_threshold"), "subject merge score"),
    "rounding_cap": Key(None, _number("rounding_cap"), "largest rounding allowance"),
}


@dataclass(frozen=True)
class Config:
    """Effective values and, per key, where each came from."""

    values: Mapping[str, Any] = field(default_factory=dict)
    origins: Mapping[str, str] = field(default_factory=dict)
    path: Path | None = None
    """The configuration file read, if any."""

    def get(self, key: str) -> Any:
        return self.values.get(key, KEYS[key].default)

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT_ORIGIN)

    def claims_file(self) -> str:
        """The default claims file; a configured one is relative to its configuration file."""
        value = str(self.get("claims_file"))
        if self.path is None or "claims_file" not in self.values:
            return value
        return _shortest(self.path.parent / value)

    def settings(self) -> dict[str, float]:
        """The comparison settings the configuration sets (the claims file's win over them)."""
        return {k: float(self.values[k]) for k in SETTING_KEYS if k in self.values}


def _shortest(path: Path) -> str:
    """Relative to the working directory when inside it (messages stay short)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def _decode_error(path: Path, exc: Exception) -> Problem:
    from claimcheck.model import Location, Problem
    """tomllib says "... (at line 3, column 7)": turn it into a location."""
    text = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", text)
    line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
    message = text[: m.start()].strip() if m else text
    return Problem(Location(str(path), line, col), "error", f"invalid TOML: {message}", "config")


def _problem(path: str, line: int, message: str, hint: str | None = None) -> Problem:
    """A located configuration error; the model loads only when there is one."""
    from claimcheck.model import Location, Problem

    return Problem(Location(path, line), "error", message, "config", hint)


def _key_line(text: str, key: str) -> int:
    """The line of ``key =`` in the file (tomllib keeps no positions)."""
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return n
    return 1


def _table(path: Path) -> tuple[dict[str, Any], str] | None:
    """The claimcheck table of a config file and the file's text, or None if it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            [_problem(str(path), 1, f"cannot read: {exc}")]
        ) from None
    if path.name == PYPROJECT and not _may_hold_our_table(text):
        return None
    try:
        data = _toml().loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise InputError([_decode_error(path, exc)]) from None
    if path.name == PYPROJECT:
        tool = data.get("tool")
        table = tool.get("claimcheck") if isinstance(tool, dict) else None
        return None if table is None else (table, text)
    return data, text


_OUR_TABLE = re.compile(
    r"""["']?tool["']?\s*\.\s*["']?claimcheck\b"""  # [tool.claimcheck], tool.claimcheck.x =
    r"""|^\s*\[\s*["']?tool["']?\s*\]"""  # [tool] with a claimcheck key in it
    r"""|^\s*["']?tool["']?\s*=""",  # tool = { claimcheck = ... }
    re.MULTILINE,
)


def _may_hold_our_table(text: str) -> bool:
    """Whether a pyproject.toml can define ``tool.claimcheck`` at all: most never do, and
    parsing one costs a hook more than the rest of its start-up. Every way TOML has to
    write the table puts one of these forms before any comment on its line."""
    code = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
    return _OUR_TABLE.search(code) is not None


def find(start: Path | None = None) -> tuple[Path, dict[str, Any], str] | None:
    """The nearest configuration file at or above ``start`` with its table and text."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the working directory was removed under us: no configuration
        return None
    for folder in (here, *here.parents):
        for name in (CONFIG_FILE, PYPROJECT):
            candidate = folder / name
            if candidate.is_file():
                found = _table(candidate)
                if found is not None:
                    return candidate, found[0], found[1]
    return None


def load(start: Path | None = None) -> Config:
    """The effective configuration; InputError (located) for unknown keys or bad values."""
    found = find(start)
    if found is None:
        return Config()
    path, table, text = found
    display = _shortest(path)
    label = f"{display} [tool.claimcheck]" if path.name == PYPROJECT else display
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    if not isinstance(table, dict):
        raise InputError([_problem(display, 1, "must be a table")])
    for key, value in table.items():
        spec = KEYS.get(key.replace("-", "_"))
        where = _key_line(text, key)
        if spec is None:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"known keys: {', '.join(KEYS)}"
            problems.append(_problem(display, where, f"unknown key {key!r}", hint))
            continue
        wrong = spec.check(value)
        if wrong:
            problems.append(_problem(display, where, f"{key} {wrong}"))
            continue
        name = key.replace("-", "_")
        values[name] = value
    if problems:
        raise InputError(problems)
    return Config(values=values, origins=dict.fromkeys(values, label), path=path)


def effective(
    config: Config,
    claims_settings: Mapping[str, float] | None = None,
    claims_path: str | None = None,
) -> list[tuple[str, Any, str]]:
    """(key, value, origin) for every key: what ``claimcheck config`` prints."""
    from claimcheck.normalize.subjects import DEFAULT_SUBJECT_THRESHOLD
    from claimcheck.normalize.values import DEFAULT_ABOUT_TOLERANCE, DEFAULT_ROUNDING_CAP

    engine_defaults = {
        "about_tolerance": DEFAULT_ABOUT_TOLERANCE,
        "subject_threshold": DEFAULT_SUBJECT_THRESHOLD,
        "rounding_cap": DEFAULT_ROUNDING_CAP,
    }
    rows: list[tuple[str, Any, str]] = []
    for key in KEYS:
        value, origin = config.get(key), config.origin(key)
        if key == "claims_file":
            value = config.claims_file()
        if key in engine_defaults:
            if claims_settings and key in claims_settings:
                value, origin = claims_settings[key], f"{claims_path} settings"
            elif value is None:
                value = engine_defaults[key]
        rows.append((key, value, origin))
    return rows


def to_toml(rows: list[tuple[str, Any, str]]) -> str:
    """``key = value  # origin`` lines: valid TOML, ready to paste into a config file."""
    import json

    lines = ["[tool.claimcheck]"]
    for key, value, origin in rows:
        shown = ("true" if value else "false") if isinstance(value, bool) else json.dumps(value)
        lines.append(f"{key} = {shown}  # {origin}")
    return "\n".join(lines) + "\n"
