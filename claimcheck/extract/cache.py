"""The extraction cache: one sealed JSON entry per article, keyed by the extractor's code,
the file's id, path and bytes; an entry is served only when it is provably this file's
(sealed by this code, or checked field by field and quote by quote against the text).
Apart from ``run`` because what may be trusted from disk is its own question."""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.model import Claim

EXTRACTOR_VERSION = "3"
"""Bump when extraction output changes: it is part of every cache key."""


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """EXTRACTOR_VERSION plus a digest of the code and word lists that extract, so a
    changed rule never serves claims cached by the old one (bumping by hand was forgotten
    more than once). The cached document items are normalized and rendered, so the code
    that does that (and the subject folding keyed in ``stream``) counts too."""
    import hashlib

    from claimcheck.recognize.gazetteer import INDEX_VERSION, data_files

    h = hashlib.sha256(f"{EXTRACTOR_VERSION}\0{INDEX_VERSION}".encode())
    here = Path(__file__).resolve().parent
    package = here.parent
    parts: list[Path] = []
    for folder in (here, package / "recognize", package / "normalize"):
        parts += sorted(folder.glob("*.py")) + sorted(folder.glob("*.txt"))
    for folder in (here / "data", package / "data"):
        parts += sorted(folder.glob("*.txt"))
    parts += [package / "render" / n for n in ("extraction.py", "json.py", "common.py")]
    for f in parts:
        with contextlib.suppress(OSError):
            h.update(f"{f.relative_to(package)}".encode() + b"\0" + f.read_bytes())
    with contextlib.suppress(ImportError, OSError):
        for data in data_files():  # the gazetteer packages' data files: a new release, new places
            st = data.stat()
            h.update(f"{data.name}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return f"{EXTRACTOR_VERSION}+{h.hexdigest()[:12]}"


def cache_key(
    data: bytes,
    source_id: str,
    display: str,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
) -> str:
    import hashlib  # OpenSSL: a whole article is hashed

    h = hashlib.sha256()
    h.update(extractor_version().encode() + b"\0" + source_id.encode() + b"\0" + display.encode())
    if aliases:
        h.update(b"\0" + json.dumps([list(g) for g in aliases]).encode())
    if published is not None:
        h.update(b"\0published=" + published.isoformat().encode())
    h.update(b"\0" + data)
    return h.hexdigest()


def resolved_path(path: Path) -> str:
    """The file's absolute, resolved path: what the cache is keyed on, so ``articles/a.txt``
    and ``/home/me/articles/a.txt`` share an entry (the path shown is rebased on a hit).

    A file that is not a link is its resolved folder plus its name: each folder is
    resolved once (``_resolved_folder``), not once per file (a ``lstat`` per component
    of every path: a tenth of a warm run)."""
    name = os.fspath(path)
    folder, sep, base = name.rpartition(os.sep)
    folder = folder or (sep or os.curdir)  # "/a.txt": the root; "a.txt": here
    try:
        if base not in ("", ".", "..") and not stat.S_ISLNK(os.lstat(name).st_mode):
            return os.path.join(_resolved_folder(folder, os.getcwd()), base)
    except OSError:  # gone: resolved as a name
        pass
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a link loop: the path as given
        return str(path)


@lru_cache(maxsize=256)
def _resolved_folder(folder: str, cwd: str) -> str:
    """A folder's resolved path (``cwd``: a relative folder is resolved against it)."""
    return os.path.realpath(os.path.join(cwd, folder))


def rebased(entry: Any, display: str) -> Any:
    """A cache entry stored under another spelling of the same file's path, shown as
    ``display``: the source's path and the path each warning starts with. An entry whose
    warnings do not all start with its own path is returned unchanged (and is then
    refused by ``verified``, whose path check it fails)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("source"), dict):
        return entry
    old = entry["source"].get("path")
    warnings = entry.get("warnings")
    if not isinstance(old, str) or old == display or not isinstance(warnings, list):
        return entry
    prefix = old + ":"
    if not all(isinstance(w, str) and w.startswith(prefix) for w in warnings):
        return entry
    moved = [display + w[len(old) :] for w in warnings]
    return {**entry, "source": {**entry["source"], "path": display}, "warnings": moved}


def cached_entry(
    cache_dir: Path | None, key: str, *, lean: bool = False
) -> tuple[dict[str, Any] | None, bool]:
    """The entry stored under ``key`` (None: none, unreadable) and whether its seal
    matches (``seal``: exactly what this code wrote for this key). ``lean``: a sealed
    entry that holds its document items is returned as ``lean_entry`` gives it (what a
    JSON run needs, its claims left undecoded)."""
    if cache_dir is None:
        return None, False
    from claimcheck.extract.seal import unsealed

    f = cache_dir / f"{key}.json"
    try:
        if f.stat().st_size > MAX_CACHE_ENTRY_BYTES:
            return None, False
        text = f.read_text("utf-8", errors="surrogatepass")
        body = unsealed(key, text)
        if body is None:  # edited or not ours: checked in full by ``verified``
            return entry_dict(text), False
        if lean:
            found = lean_entry(body)
            if found is not None:
                return found, True
        return _sections(body), True
    except (OSError, ValueError, RecursionError):
        return None, False


def entry_text(result: dict[str, Any]) -> str:
    """A result as its entry's body (sealed by ``store``): a header line (JSON: the
    source, warnings, names, and each claim's subject and time), the claims (one JSON
    line), then the claims' document items as spooled, one a line, when the result has
    them. A warm JSON run decodes the header alone and copies the rest as text: decoding
    whole entries was a third of it."""
    claims = result["claims"]
    header = {
        "items": "texts" in result,
        "names": result.get("names", []),
        "source": result["source"],
        "subjects": [c["subject"] for c in claims],
        "times": [c.get("time") for c in claims],
        "warnings": result["warnings"],
    }
    head = json.dumps(header, sort_keys=True)
    return f"{head}\n{json.dumps(claims, sort_keys=True)}\n{''.join(result.get('texts', ()))}"


def lean_entry(body: str) -> dict[str, Any] | None:
    """A sealed entry's body (``entry_text``) as a JSON run takes it: source, warnings,
    names, ``subjects`` and ``times`` (one per claim), the claims as JSON text
    (``claims_json``) and the items as text (``items``); None when it holds no items."""
    head, _, rest = body.partition("\n")
    header = json.loads(head)
    if not header.get("items"):
        return None
    claims, _, items = rest.partition("\n")
    del header["items"]
    return {**header, "claims_json": claims, "items": items}


def entry_dict(text: str) -> Any:
    """An entry's text (sealed or not) as the result it stores: a JSON object as written
    by hand or by an older version, or ``entry_text``'s lines; the seal left out."""
    try:
        loaded = json.loads(text)
    except ValueError:
        loaded = _sections(text)
    if isinstance(loaded, dict):
        loaded.pop("seal", None)
        return loaded
    return None


def _sections(text: str) -> dict[str, Any]:
    """``entry_text``'s lines as the result (items split at newlines only)."""
    head, _, rest = text.partition("\n")
    claims, _, items = rest.partition("\n")
    header = json.loads(head)
    if not isinstance(header, dict):
        raise ValueError("not an entry")
    out = {
        "source": header.get("source"),
        "claims": json.loads(claims),
        "warnings": header.get("warnings"),
        "names": header.get("names", []),
    }
    if header.get("items"):
        lines = items.split("\n")
        out["texts"] = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return out


MAX_CACHE_ENTRY_BYTES = 64 * 1024 * 1024
_CLAIM_TEXT = ("id", "source", "subject", "kind", "quote")
_CLAIM_OPTIONAL = (
    "value", "unit", "time", "qualifier", "from_value", "to_value", "said_by", "note",
    "status", "status_reason", "time_source",
)  # fmt: skip


def verified(entry: Any, source_id: str, display: str, text: str) -> dict[str, Any] | None:
    """A cache entry as trusted as a fresh extraction, or None: it must be for this file
    (id and path), hold sane types, and every quote must sit at its span in ``text``.
    Anything edited, emptied or written by another version is rebuilt, never trusted."""
    if not isinstance(entry, dict) or set(entry) - {"texts", "names"} != {
        "source",
        "claims",
        "warnings",
    }:
        return None
    names = entry.get("names", [])
    if not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        return None
    src, claims, warnings = entry["source"], entry["claims"], entry["warnings"]
    if not (isinstance(src, dict) and isinstance(claims, list) and isinstance(warnings, list)):
        return None
    if src.get("id") != source_id or src.get("path") != display:
        return None
    for key in ("publisher", "title", "published"):
        if not isinstance(src.get(key), (str, type(None))):
            return None
    if src.get("published") is not None:
        try:
            date.fromisoformat(src["published"])
        except ValueError:
            return None
    if not all(isinstance(w, str) for w in warnings):
        return None
    fields = frozenset(Claim.__dataclass_fields__)
    for c in claims:
        if not isinstance(c, dict) or not c.keys() <= fields or c.get("source") != source_id:
            return None
        for k in _CLAIM_TEXT:  # plain loops: a warm run checks every cached claim
            v = c.get(k)
            if not (isinstance(v, str) and v):
                return None
        for k in _CLAIM_OPTIONAL:
            v = c.get(k)
            if v is not None and not isinstance(v, str):
                return None
        span = c.get("span")
        if not (
            isinstance(span, list)
            and len(span) == 2
            and all(type(n) is int for n in span)
            and 0 <= span[0] < span[1] <= len(text)
            and text[span[0] : span[1]] == c["quote"]
        ):
            return None
    if "texts" in entry:
        from claimcheck.extract.stream import valid_texts

        if not valid_texts(entry["texts"], claims):  # rebuilt from the claims when asked for
            return {k: v for k, v in entry.items() if k != "texts"}
    return entry


def is_for(entry: dict[str, Any], source_id: str, display: str) -> bool:
    """A sealed entry is this file's under this run's id and path (shown as given)."""
    src = entry.get("source")
    return isinstance(src, dict) and src.get("id") == source_id and src.get("path") == display


def store(cache_dir: Path, key: str, result: dict[str, Any]) -> bool:
    """Atomic write: a reader never sees half a file. False when the cache folder cannot
    be written (not a folder, read-only, disk full): extraction goes on without it."""
    from claimcheck.extract.seal import sealed

    tmp: str | None = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        import tempfile

        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(sealed(key, entry_text(result)))
        os.replace(tmp, cache_dir / f"{key}.json")
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
    return True
