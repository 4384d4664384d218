"""Regexes compiled on first use, and compiled programs kept on disk between runs.

The recognizers' big alternations (dates' per-start master patterns above all) cost
~150 ms of pure-Python parsing on every fresh process, more than the rest of a small
``check``. ``compile`` keeps what CPython's regex compiler produces (the program handed
to the C engine) in the user cache folder, keyed by the pattern, its flags, the Python
version and the engine's format number; a later process hands the stored program to the
C engine directly, which validates it (a damaged entry raises there and is recompiled).
Anything unexpected (another Python, an unreadable or unwritable cache) falls back to
``re.compile``: results are the same patterns either way, only the time differs.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import os
import re
import sys
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType
from typing import Any

__all__ = ["Lazy", "code_key", "compile", "stored_text"]

_MAX_ENTRIES = 4000
"""A store grown past this (patterns of old versions) is started afresh."""


class _Store:
    """The programs of one Python build, read once and written back at exit if grown."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[Any, ...]] | None = None
        self.dirty = False

    def path(self) -> Path | None:
        if sys.implementation.name != "cpython":
            return None
        if os.environ.get("CLAIMCHECK_CACHE"):
            base = Path(os.environ["CLAIMCHECK_CACHE"])
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
        tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
        return base / f"regex{_FORMAT}-{tag}.marshal"

    def load(self) -> dict[str, tuple[Any, ...]]:
        if self.entries is None:
            self.entries = {}
            with contextlib.suppress(Exception):  # any damage: start empty
                import marshal

                where = self.path()
                if where is not None:
                    data = marshal.loads(where.read_bytes())
                    if isinstance(data, dict) and len(data) <= _MAX_ENTRIES:
                        self.entries = data
        return self.entries

    def save(self) -> None:
        if not self.dirty or self.entries is None:
            return
        import marshal
        import tempfile

        with contextlib.suppress(Exception):  # the store only ever saves time
            where = self.path()
            if where is None:
                return
            where.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".tmp-regex-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(marshal.dumps(self.entries))
                os.replace(tmp, where)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        self.dirty = False


_FORMAT = 2
"""2: each program's code stored as the bytes of an array (one object to unmarshal where
a list made one per instruction: 140,000 ints, ~3 ms of every run)."""

_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), None)
"""The array type of the engine's code words (None: kept as lists)."""


def _packed(code: list[int]) -> bytes | list[int]:
    return array(_CODE_TYPE, code).tobytes() if _CODE_TYPE else code


def _unpacked(code: Any) -> Any:
    """A stored program's code as the list ``_sre.compile`` takes."""
    if isinstance(code, bytes) and _CODE_TYPE:
        words = array(_CODE_TYPE)
        words.frombytes(code)
        return words.tolist()
    return code


_STORE = _Store()
atexit.register(_STORE.save)


def _program(pattern: str, flags: int) -> tuple[Any, ...]:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` (CPython 3.11-3.13)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the compiler's named constants are an int subclass marshal refuses
    return (int(flags | parsed.state.flags), [int(c) for c in code],
            int(parsed.state.groups - 1), groupindex, tuple(indexgroup))  # fmt: skip


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored program when there is one."""
    key = f"{flags}\0{pattern}"
    entries = _STORE.load()
    stored = entries.get(key)
    if stored is not None:
        try:
            flags_, code, groups, groupindex, indexgroup = stored
            found: re.Pattern[str] = _sre.compile(
                pattern, flags_, _unpacked(code), groups, groupindex, indexgroup
            )
            return found
        except Exception:  # damaged or foreign entry: the C validator refused it
            del entries[key]
    try:
        program = _program(pattern, flags)
        compiled: re.Pattern[str] = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # another CPython's internals: the public way, not stored
        return re.compile(pattern, flags)
    entries[key] = (program[0], _packed(program[1]), *program[2:])
    _STORE.dirty = True
    return compiled


def stored_text(key: str, make: Callable[[], str]) -> str:
    """``make()``, kept in the same store as the programs (read and written with them, with
    the same fallbacks): for pattern text that costs more to build than to read. ``key``
    must name everything the text depends on; a damaged entry is built afresh."""
    entries = _STORE.load()
    name = f"text\0{key}"  # never a program's key ("<flags>\0<pattern>")
    stored = entries.get(name)
    if isinstance(stored, tuple) and len(stored) == 1 and isinstance(stored[0], str):
        return stored[0]
    text = make()
    entries[name] = (text,)
    _STORE.dirty = True
    return text


def code_key(function: Callable[..., Any], data: str) -> str:
    """A ``stored_text`` key for what ``function`` makes of ``data``: a digest of both, so
    that an edit of the function (its bytecode, names or constants) builds afresh."""
    from claimcheck import _smallhash

    digest = _smallhash.sha256(_code_digest(function.__code__))
    digest.update(data.encode("utf-8", "surrogatepass"))
    key: str = digest.hexdigest()
    return key


def _code_digest(code: CodeType) -> bytes:
    """What a function does, nested functions included: stable across processes, as
    ``marshal`` output (which depends on reference counts) is not."""
    parts = [code.co_code, repr(code.co_names).encode()]
    for const in code.co_consts:
        if isinstance(const, CodeType):
            parts.append(_code_digest(const))
        else:  # a frozenset's order follows the string hash seed
            plain = sorted(const, key=repr) if isinstance(const, frozenset) else const
            parts.append(repr(plain).encode())
    return b"\0".join(parts)


class Lazy:
    """A regex compiled on first use, so importing the module (every CLI start, the hook)
    does not pay ~15 ms of compiling; after the first call the bound methods of the compiled
    pattern replace these, so the hot path costs nothing extra."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def _compile(self) -> re.Pattern[str]:
        compiled = compile(self.pattern, self.flags)
        self.match = compiled.match  # type: ignore[method-assign]
        self.search = compiled.search  # type: ignore[method-assign]
        self.fullmatch = compiled.fullmatch  # type: ignore[method-assign]
        self.finditer = compiled.finditer  # type: ignore[method-assign]
        self.sub = compiled.sub  # type: ignore[method-assign]
        return compiled

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().match(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._compile().search(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._compile().fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self._compile().finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self._compile().sub(repl, string, count)
