"""Read article text safely: encodings, BOMs, line ends, binary files, HTML, path escapes.

Every failure is an ``InputError`` located in the file the user can open, so a bad
article never surfaces as a traceback or as garbage claims.
"""

from __future__ import annotations

import codecs
import os
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from claimcheck.errors import InputError
from claimcheck.model import Location, Problem

MAX_SOURCE_BYTES = 20 * 1024 * 1024
"""Articles are a few kilobytes; anything this large is a mistake (a dump, a video)."""

HTML_SUFFIXES = (".html", ".htm")


def _problem(display: str, message: str, hint: str | None, line: int = 1, col: int = 1) -> Problem:
    return Problem(Location(display, line, col), "error", message, code="source", hint=hint)


def _fail(display: str, message: str, hint: str | None, line: int = 1, col: int = 1) -> InputError:
    return InputError([_problem(display, message, hint, line, col)])


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of a byte offset, for undecodable bytes."""
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def decode_bytes(data: bytes, *, display: str, what: str = "article") -> str:
    """Bytes -> text: UTF-8 (BOM stripped) or UTF-16 with a BOM; LF line ends; no NULs."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _fail(
                display,
                f"cannot decode as UTF-16 (byte {exc.start}): {exc.reason}",
                f"save the {what} as UTF-8",
            ) from None
    else:
        if b"\x00" in data:
            raise _fail(
                display,
                "refused: the file contains NUL bytes; it looks binary, not text",
                "give a .txt, .md or .html file with the article text",
                *_line_col(data, data.index(b"\x00")),
            )
        try:
            # "utf-8-sig" without its codec module (~0.2 ms to import on every check):
            # the BOM dropped, then the built-in UTF-8 decoder; errors count from after it
            text = (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8")
        except UnicodeDecodeError as exc:
            offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
            line, col = _line_col(data, offset)
            raise _fail(
                display,
                f"not valid UTF-8: byte 0x{data[offset]:02x} cannot be decoded",
                f"re-save the {what} as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
                line,
                col,
            ) from None
    if "\x00" in text:
        raise _fail(
            display,
            "refused: the file contains NUL characters; it looks binary, not text",
            "give a .txt, .md or .html file with the article text",
        )
    return normalize_newlines(text.lstrip("\ufeff"))


def normalize_newlines(text: str) -> str:
    if "\r" not in text:  # most files: one fast scan instead of two replacing ones
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page with paragraph breaks kept and entities decoded."""
    from claimcheck.html_text import html_to_text as read

    return read(markup)


def read_source_text(path: Path, *, display: str) -> str:
    """The article text of ``path``; ``display`` is how the path appears in messages."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _fail(display, "source file not found", "check the path") from None
    except OSError as exc:
        raise _fail(display, f"cannot read the source file: {exc.strerror}", None) from None
    if not S_ISREG(st.st_mode):  # from the one stat: 5,000 sources, 5,000 calls fewer
        raise _fail(display, "not a regular file", "give the path of an article file")
    size = st.st_size
    if size > MAX_SOURCE_BYTES:
        raise _fail(
            display,
            f"refused: the file is {size:,} bytes, larger than the "
            f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB limit for an article",
            "give the article text only",
        )
    try:
        with path.open("rb") as handle:  # bounded even if the file grows after the stat
            # the size the stat gave and a byte more, which says whether it grew: a read
            # of the whole limit allocates 20 MB per article (~30 us each, 5,000 sources)
            data = handle.read(size + 1)
            if len(data) > size:  # grown since (or a size the stat cannot tell): read on
                data += handle.read(MAX_SOURCE_BYTES + 1 - len(data))
    except OSError as exc:
        raise _fail(display, f"cannot read the source file: {exc.strerror}", None) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise _fail(display, "refused: the file grew past the article size limit", None)
    text = decode_bytes(data, display=display)
    if path.suffix.lower() in HTML_SUFFIXES:
        text = html_to_text(text)
    return text


@lru_cache(maxsize=64)
def _resolved(folder: Path, cwd: str) -> Path:
    """The claims file's folder, resolved once for all its sources (not once per source);
    a relative folder is keyed by the working directory it is relative to."""
    return folder.resolve()


def resolve_source_path(
    claims_dir: Path,
    file: str,
    *,
    allow_outside: bool,
    where: Location | None = None,
) -> Path:
    """The real path of a source named in a claims file; refuses escapes from its directory.

    A claims file shared in a repository must not make the tool read ``/etc/passwd`` or
    ``~/.ssh`` through ``..``, an absolute path, or a symbolic link pointing outside.
    """
    loc = where or Location(file)

    def fail(message: str) -> InputError:
        hint = "keep articles next to the claims file, or pass --allow-outside"
        return InputError([Problem(loc, "error", message, code="source-path", hint=hint)])

    if "\x00" in file:
        raise InputError([Problem(loc, "error", "source path contains a NUL", code="source-path")])
    candidate = Path(os.path.expanduser(file)) if allow_outside else Path(file)
    joined = candidate if candidate.is_absolute() else claims_dir / candidate
    if allow_outside:
        return joined
    if candidate.is_absolute():
        raise fail(f"source path {file!r} is absolute; it must be relative to the claims file")
    base = _resolved(claims_dir, "" if claims_dir.is_absolute() else os.getcwd())
    try:
        resolved = joined.resolve()
    except (OSError, RuntimeError) as exc:  # symlink loops
        raise fail(f"cannot resolve source path {file!r}: {exc}") from None
    if not resolved.is_relative_to(base):
        how = "through a symbolic link" if ".." not in candidate.parts else "through '..'"
        raise fail(f"source path {file!r} leads outside the claims file's directory {how}")
    return joined
