"""Every file the tool writes goes through here, so nothing the user owns is destroyed.

Rules, in the order they are checked:

- an output never aliases an input (same device and inode, whatever spelling, link or
  ``..`` leads there) unless the caller passes ``force=True`` (``--force``);
- a symbolic link is written through: the file it points to is replaced, atomically,
  next to itself, and the link stays a link;
- a character device or FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written as a
  stream, never replaced by a regular file; sockets, directories and other kinds are
  refused;
- a regular file is replaced atomically: temp file in the same folder, fsync,
  ``os.replace``, the old file's permissions kept;
- every failure (missing folder, read-only folder, full disk) is an ``OutputError``:
  one located message and exit 2.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from claimcheck.errors import OutputError


def _display(path: str | os.PathLike[str]) -> str:
    """A path as the user can read it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) are shown as ``\\xNN`` instead of crashing the message."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def real_target(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` really lands: links (of the file and of its folders) followed,
    ``..`` resolved. A dangling link resolves to the file it would create."""
    return Path(os.path.realpath(os.fspath(path)))


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def check_not_input(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str]],
    *,
    force: bool = False,
    what: str = "output",
) -> None:
    """Refuse an output that is one of the inputs (same inode: hard links, symlinks, ``..``).

    Devices and FIFOs are streams, not files that can be destroyed: never an alias.
    """
    if force:
        return
    target = _identity(output)
    if target is None:
        return
    with contextlib.suppress(OSError, ValueError):
        if not stat.S_ISREG(os.stat(output).st_mode):
            return
    for item in inputs:
        if _identity(item) == target:
            same = "" if os.fspath(item) == os.fspath(output) else f" ({_display(item)})"
            raise OutputError(
                f"{_display(output)}: refused: the {what} would overwrite an input of this "
                f"command{same}; choose another file, or pass --force to overwrite it"
            )


def write_output(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    force: bool = False,
) -> Path:
    """Write ``data`` to ``path`` by the rules above; returns where it really landed."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    check_not_input(path, inputs, force=force)
    target = real_target(path)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"{_display(path)}: cannot write: {exc.strerror}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            _write_stream(path, target, payload)
            return target
        kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise OutputError(f"{_display(path)}: refused: {kind}; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(
            f"{_display(path)}: cannot write: the folder {_display(folder)} does not exist"
        )
    atomic_replace(target, payload, display=_display(path))
    return target


def _write_stream(path: str | os.PathLike[str], target: Path, payload: bytes) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(f"{_display(path)}: cannot write: {exc.strerror}") from None


def _fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_replace(target: Path, payload: bytes, *, display: str | None = None) -> None:
    """Readers see the old file or the complete new one; ``target`` is a real path (no link
    left to follow), so the temp file sits next to the file it replaces."""
    shown = display or _display(target)
    try:
        mode: int | None = os.stat(target).st_mode & 0o7777
    except OSError:
        mode = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise OutputError(f"{shown}: cannot write: {_reason(exc)}; nothing was changed") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(target.parent)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return exc.strerror or str(exc)
