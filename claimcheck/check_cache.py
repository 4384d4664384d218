"""A result cache for ``claimcheck check``: an unchanged file set is answered from disk.

A pre-commit hook runs ``check`` on every commit, and most commits leave the claims
files and their articles alone. The key hashes what the answer depends on: the tool
(version and the size/mtime of its own modules, so an edited checkout never serves a
stale answer), the options, the working directory, the configuration and the bytes of
every claims file. Each entry lists the articles the files cited with the hash of their
bytes (or that they were missing); a hit re-hashes them, so an edited article misses.

Nothing here imports the pipeline: a hit costs reading and hashing the inputs only.
Entries are written atomically (temporary file, then rename); an entry that cannot be
read, is not valid JSON or has the wrong shape is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from claimcheck.dataclassgen import dataclass

FORMAT = 1
"""Bump when the shape of an entry changes."""
KEEP = 64
"""Entries kept; older ones are removed when a new one is written."""
SUBDIR = "check"


@dataclass(frozen=True)
class Hit:
    """What a cached ``check`` printed and returned."""

    text: str
    code: int
    hint: bool
    inputs: tuple[str, ...]


def cache_dir() -> Path:
    """$CLAIMCHECK_CACHE, else the user's cache folder (as extraction's cache)."""
    if os.environ.get("CLAIMCHECK_CACHE"):
        return Path(os.environ["CLAIMCHECK_CACHE"]) / SUBDIR
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck" / SUBDIR


def _code_stamp() -> str:
    """Size and mtime of every module of the package: any edit changes the key."""
    root = Path(__file__).parent
    parts: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".json", ".txt")):
                st = os.stat(os.path.join(dirpath, name))
                parts.append(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts)


def _file_hash(path: str | Path) -> str | None:
    """sha256 of a file's bytes; None when it cannot be read (missing, a folder...)."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def request_key(paths: Sequence[str], options: Mapping[str, object]) -> str | None:
    """The key of one ``check`` call, or None when it must not be cached (standard
    input, a claims file that cannot be read)."""
    from claimcheck import __version__

    h = hashlib.sha256()
    head = [FORMAT, __version__, os.getcwd(), sorted((k, repr(v)) for k, v in options.items())]
    h.update(json.dumps(head, ensure_ascii=False).encode("utf-8", "surrogateescape"))
    h.update(_code_stamp().encode("utf-8", "surrogateescape"))
    for path in paths:
        if path == "-":
            return None
        digest = _file_hash(path)
        if digest is None:
            return None
        h.update(b"\0" + os.fsencode(path) + b"\0" + digest.encode())
    return h.hexdigest()


def _seal(key: str, text: str, code: int, hint: bool, inputs: object) -> str:
    """A digest of everything an entry says: an entry changed after it was written (an
    exit code turned from 1 to 0 by hand) no longer matches, so a gate cannot pass by it."""
    blob = json.dumps([FORMAT, key, text, code, hint, inputs], ensure_ascii=True)
    return hashlib.sha256(blob.encode("ascii")).hexdigest()


def lookup(key: str, directory: Path | None = None) -> Hit | None:
    """The entry for ``key`` when every article it cites is unchanged, else None."""
    entry = (directory or cache_dir()) / f"{key}.json"
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
        text, code, hint = data["text"], data["code"], data["hint"]
        inputs = data["inputs"]
        ok = (
            data.get("format") == FORMAT
            and isinstance(text, str)
            and code in (0, 1)  # an input error (2) is never cached
            and isinstance(hint, bool)
            and isinstance(inputs, list)
            and all(isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) for i in inputs)
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not ok or data.get("seal") != _seal(key, text, code, hint, inputs):
        return None  # edited by hand or by another tool: redo the work
    for path, digest in inputs:
        if _file_hash(path) != digest:
            return None
    return Hit(text, code, hint, tuple(p for p, _ in inputs))


def store(
    key: str,
    *,
    text: str,
    code: int,
    hint: bool,
    inputs: Iterable[str | Path],
    directory: Path | None = None,
) -> bool:
    """Write an entry atomically; False (and nothing raised) when the folder is not
    writable: the cache only ever saves time."""
    folder = directory or cache_dir()
    seen: dict[str, str | None] = {}
    for p in inputs:
        seen.setdefault(str(p), _file_hash(p))
    listed = [[p, d] for p, d in seen.items()]
    data = {
        "format": FORMAT,
        "text": text,
        "code": code,
        "hint": hint,
        "inputs": listed,
        "seal": _seal(key, text, code, hint, listed),
    }
    import tempfile

    tmp = ""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogateescape") as f:
            json.dump(data, f, ensure_ascii=True)
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    _prune(folder)
    return True


def _prune(folder: Path) -> None:
    """Keep the newest KEEP entries: one per file set and option set in use."""
    with contextlib.suppress(OSError):
        entries = [e for e in os.scandir(folder) if e.name.endswith(".json")]
        if len(entries) <= KEEP:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            with contextlib.suppress(OSError):
                os.unlink(old.path)


__all__ = ["Hit", "cache_dir", "lookup", "request_key", "store"]
