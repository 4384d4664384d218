"""Extraction over many files: source ids, parallel jobs, a content-hash cache.

Results never depend on ``jobs`` or on the cache: files are processed in sorted
order and results are collected in that order.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.metadata import NO_DATE_WARNING, detect_metadata
from claimcheck.model import Claim, Source

EXTRACTOR_VERSION = "3"
"""Bump when extraction output changes: it is part of every cache key."""

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})


@dataclass
class ExtractResult:
    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _collect(paths: Sequence[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    warnings: list[str] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file():
                    if f.suffix.lower() in SUFFIXES:
                        files.append(f)
                    elif not f.name.startswith("."):
                        warnings.append(f"{f}: skipped (not .txt, .md or .html)")
        elif p.is_file():
            if p.suffix.lower() in SUFFIXES:
                files.append(p)
            else:
                warnings.append(f"{p}: skipped (not .txt, .md or .html)")
        else:
            warnings.append(f"{p}: skipped (no such file or folder)")
    return sorted(dict.fromkeys(files)), warnings


def source_ids(files: Sequence[Path]) -> dict[Path, str]:
    """Stable, unique ids from file names ("000_ec80.txt" -> "000_ec80"); clashes get -2, -3."""
    out: dict[Path, str] = {}
    used: dict[str, int] = {}
    for f in files:
        base = re.sub(r"[^A-Za-z0-9_.-]+", "-", f.stem).strip("-.") or "source"
        n = used.get(base, 0) + 1
        used[base] = n
        out[f] = base if n == 1 else f"{base}-{n}"
    return out


def _read(path: Path) -> str:
    """Article text via the shared reader (HTML stripped, encodings handled)."""
    try:
        from claimcheck.sources import read_source_text
    except ImportError:  # pragma: no cover - the shared reader is part of the package
        return path.read_bytes().decode("utf-8", errors="replace")
    return read_source_text(path, display=str(path))


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def _claim_to_json(c: Claim) -> dict[str, Any]:
    d = asdict(c)
    d["span"] = list(c.span) if c.span else None
    return d


def _claim_from_json(d: dict[str, Any]) -> Claim:
    d = dict(d)
    d["span"] = tuple(d["span"]) if d.get("span") else None
    d["location"] = None
    return Claim(**d)


def _needs_date(claim: Claim) -> bool:
    """The claim's time is the reference time or is relative to it ("Tuesday", "last week")."""
    if claim.time_source == "publication" or not claim.time:
        return True
    from claimcheck.recognize.dates import parse_time

    mention = parse_time(claim.time, None)
    return mention is None or mention.interval is None


def _undated_warning(display: str, claims: Sequence[Claim]) -> str:
    """Say which claims wait for a publication date, and how the user can give it."""
    waiting = [c.id for c in claims if _needs_date(c)]
    shown = ", ".join(waiting[:8]) + (f" and {len(waiting) - 8} more" if len(waiting) > 8 else "")
    n = len(waiting)
    depends = f"; the times of {n} claim{'s' * (n != 1)} depend on it ({shown})" if n else ""
    return (
        f"{display}: no publication date found{depends}; give it with --published YYYY-MM-DD"
        " or as published: in the claims file"
    )


def extract_one(
    path: str,
    source_id: str,
    display: str,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
) -> dict[str, Any]:
    """One file -> JSON-able result (what the cache stores and workers return).

    ``published`` is the user's date for an article whose page shows none; a date the
    page does show is kept.
    """
    p = Path(path)
    data = p.read_bytes()
    if _looks_binary(data):
        return {"warnings": [f"{display}: skipped (binary file)"]}
    try:
        text = _read(p)
    except Exception as exc:
        return {"warnings": [f"{display}: skipped ({exc})"]}
    meta = detect_metadata(text, path=display)
    day = meta.published or published
    claims = extract_claims(
        text, source_id=source_id, published=day, title=meta.title, aliases=aliases,
        dateline_place=meta.dateline_place,
    )
    warnings = [w for w in meta.warnings if not w.endswith(NO_DATE_WARNING)]
    if day is None:
        warnings.insert(0, _undated_warning(display, claims))
    return {
        "source": {
            "id": source_id,
            "path": display,
            "publisher": meta.publisher,
            "title": meta.title,
            "published": day.isoformat() if day else None,
        },
        "claims": [_claim_to_json(c) for c in claims],
        "warnings": warnings,
    }


def _cache_key(
    data: bytes,
    source_id: str,
    display: str,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
) -> str:
    h = hashlib.sha256()
    h.update(EXTRACTOR_VERSION.encode() + b"\0" + source_id.encode() + b"\0" + display.encode())
    if aliases:
        h.update(b"\0" + json.dumps([list(g) for g in aliases]).encode())
    if published is not None:
        h.update(b"\0published=" + published.isoformat().encode())
    h.update(b"\0" + data)
    return h.hexdigest()


def _cached(cache_dir: Path | None, key: str) -> dict[str, Any] | None:
    if cache_dir is None:
        return None
    f = cache_dir / f"{key}.json"
    try:
        loaded: dict[str, Any] = json.loads(f.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return loaded


def _store(cache_dir: Path, key: str, result: dict[str, Any]) -> None:
    """Atomic write: a reader never sees half a file."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(result, fh, sort_keys=True)
        os.replace(tmp, cache_dir / f"{key}.json")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def extract_paths(
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
) -> ExtractResult:
    """Extract sources and claims from files and folders (sorted, deterministic).

    ``aliases`` (groups of names for one thing, first name canonical) fold subject names.
    ``published`` dates the articles whose pages show no date (``--published``).
    """
    files, warnings = _collect(paths)
    ids = source_ids(files)
    results: dict[Path, dict[str, Any]] = {}
    todo: list[tuple[Path, str]] = []
    for f in files:
        key = _cache_key(f.read_bytes(), ids[f], str(f), aliases, published)
        hit = _cached(cache_dir, key)
        if hit is not None:
            results[f] = hit
            if progress:
                progress(str(f))
        else:
            todo.append((f, key))
    if jobs > 1 and len(todo) > 1:
        n = len(todo)
        with ProcessPoolExecutor(max_workers=min(jobs, n)) as pool:
            # Files go out in chunks: one round trip per file costs more than a short article.
            done = pool.map(
                extract_one,
                [str(f) for f, _ in todo],
                [ids[f] for f, _ in todo],
                [str(f) for f, _ in todo],
                [aliases] * n,
                [published] * n,
                chunksize=_chunksize(n, jobs),
            )
            for (f, key), result in zip(todo, done, strict=True):
                results[f] = result
                _after(cache_dir, key, result, progress, f)
    else:
        for f, key in todo:
            results[f] = extract_one(str(f), ids[f], str(f), aliases, published)
            _after(cache_dir, key, results[f], progress, f)
    out = ExtractResult(warnings=list(warnings))
    for f in files:
        r = results[f]
        out.warnings.extend(r.get("warnings", []))
        if "source" in r:
            s = r["source"]
            published = date.fromisoformat(s["published"]) if s["published"] else None
            out.sources.append(Source(s["id"], s["path"], s["publisher"], s["title"], published))
            out.claims.extend(_claim_from_json(c) for c in r["claims"])
    return out


def _chunksize(files: int, jobs: int) -> int:
    """About eight chunks per worker: few round trips, yet no worker left idle at the end."""
    return max(1, min(64, files // (jobs * 8)))


def _after(
    cache_dir: Path | None,
    key: str,
    result: dict[str, Any],
    progress: Callable[[str], None] | None,
    f: Path,
) -> None:
    if cache_dir is not None and "source" in result:
        _store(cache_dir, key, result)
    if progress:
        progress(str(f))
