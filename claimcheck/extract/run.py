"""Extraction over many files: source ids, parallel jobs, a content-hash cache.

Results never depend on ``jobs`` or on the cache: files are processed in sorted
order and results are collected in that order. ``Extraction`` yields them one file at a
time (``extract.stream`` writes JSON from it as it goes); ``extract_paths`` holds them all.
The cache's keys and entries are extract/cache.py's.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.dataclassgen import dataclass
from claimcheck.extract.cache import EXTRACTOR_VERSION as EXTRACTOR_VERSION  # re-exported
from claimcheck.extract.cache import (
    cache_key,
    cached_entry,
    is_for,
    rebased,
    resolved_path,
    store,
    verified,
)
from claimcheck.extract.coverage import NO_DATE, story_names
from claimcheck.model import Claim, Source

if TYPE_CHECKING:
    from claimcheck.extract.coverage import Window

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
    return _within_size(sorted(dict.fromkeys(files)), warnings), warnings


def _within_size(files: list[Path], warnings: list[str]) -> list[Path]:
    """Files over the article size limit are refused before they are read (stat first):
    one oversized file is a warning, never a batch that runs out of memory. So is a file
    whose name is not UTF-8."""
    from claimcheck.sources import MAX_SOURCE_BYTES

    kept: list[Path] = []
    seen: dict[tuple[int, int], Path] = {}
    for f in files:
        name = str(f)
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        if shown != name:  # a claims file (UTF-8) could not name it
            warnings.append(f"{shown}: skipped (the file name is not UTF-8; rename the file)")
            continue
        try:
            st = f.stat()
        except OSError as exc:
            warnings.append(f"{f}: skipped ({exc.strerror})")
            continue
        first = seen.setdefault((st.st_dev, st.st_ino), f)
        if first != f:  # one article reached by two paths (``..``, a link) is one source
            warnings.append(f"{f}: skipped (the same file as {first})")
            continue
        size = st.st_size
        if size > MAX_SOURCE_BYTES:
            limit = MAX_SOURCE_BYTES // (1024 * 1024)
            warnings.append(f"{f}: skipped (refused: {size:,} bytes, over the {limit} MB limit)")
            continue
        kept.append(f)
    return kept


def _bounded_bytes(path: Path) -> bytes:
    """The file's bytes, never more than the article limit (plus one, to tell)."""
    from claimcheck.sources import MAX_SOURCE_BYTES

    with path.open("rb") as handle:
        return handle.read(MAX_SOURCE_BYTES + 1)


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


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)


def _claim_to_json(c: Claim) -> dict[str, Any]:
    """``asdict`` without its deep copies (claims hold only strings and ints): one of the
    costs per claim that a dense corpus multiplies."""
    d = {name: getattr(c, name) for name in _CLAIM_FIELDS}
    d["span"] = list(c.span) if c.span else None
    if c.location is not None:
        d["location"] = asdict(c.location)
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
        f"{display}: {NO_DATE}{depends}; give it with --published YYYY-MM-DD"
        " or as published: in the claims file"
    )


def extract_one(
    path: str,
    source_id: str,
    display: str,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
    rows: bool = False,
) -> dict[str, Any]:
    """One file -> JSON-able result (what the cache stores and workers return).

    ``published`` is the user's date for an article whose page shows none; a date the
    page does show is kept. ``rows``: add the claims as rows of the JSON document
    (``extract.stream``), normalized here, in the worker, and cached with them.
    """
    p = Path(path)
    try:
        data = _bounded_bytes(p)
    except OSError as exc:
        return {"warnings": [f"{display}: skipped ({exc.strerror})"]}
    if _looks_binary(data):
        return {"warnings": [f"{display}: skipped (binary file)"]}
    try:
        text = _read(p)
    except Exception as exc:
        return {"warnings": [f"{display}: skipped ({exc})"]}
    # The extractor is imported here, not at the top: a run answered by the cache never
    # loads it (~60 ms of start-up).
    from claimcheck.extract.claims import extract_claims
    from claimcheck.extract.metadata import NO_DATE_WARNING, detect_metadata

    original = text
    text, shifts, skipped = drop_long_sentences(text, display)
    try:
        meta = detect_metadata(text, path=display)
        day = meta.published or published
        claims = extract_claims(
            text,
            source_id=source_id,
            published=day,
            title=meta.title,
            aliases=aliases,
            dateline_place=meta.dateline_place,
        )
    except (ArithmeticError, ValueError, RecursionError, MemoryError) as exc:
        # one article that trips the extractor (a date past year 9999...) never loses the batch
        why = f"{type(exc).__name__}: {exc}"
        return {"warnings": [f"{display}: skipped (could not extract: {why})"]}
    if shifts:
        import dataclasses

        claims = [
            dataclasses.replace(c, span=restore_span(c.span, shifts)) if c.span else c
            for c in claims
        ]
        claims = [c for c in claims if c.span is None or original[c.span[0] : c.span[1]] == c.quote]
    trim_memos()
    warnings = skipped + [w for w in meta.warnings if not w.endswith(NO_DATE_WARNING)]
    if day is None:
        warnings.insert(0, _undated_warning(display, claims))
    result: dict[str, Any] = {
        "source": {
            "id": source_id,
            "path": display,
            "publisher": meta.publisher,
            "title": meta.title,
            "published": day.isoformat() if day else None,
        },
        "claims": [_claim_to_json(c) for c in claims],
        "warnings": warnings,
        "names": list(story_names(text)) if day is None or claims else [],
    }
    if rows:
        from claimcheck.extract.stream import claim_texts

        result["texts"] = claim_texts(_source_of(result["source"]), claims)
    return result


def _source_of(s: dict[str, Any]) -> Source:
    published = date.fromisoformat(s["published"]) if s["published"] else None
    return Source(s["id"], s["path"], s["publisher"], s["title"], published)


def with_rows(result: dict[str, Any]) -> dict[str, Any]:
    """A result (a cache hit from a run that did not write JSON) with its claims as the
    JSON document's items (``texts``)."""
    if "source" not in result or "texts" in result:
        return result
    from claimcheck.extract.stream import claim_texts

    claims = [_claim_from_json(c) for c in result["claims"]]
    return {**result, "texts": claim_texts(_source_of(result["source"]), claims)}


MEMO_ENTRIES = 2048
"""How many entries a memo of the package may hold between two articles of a run."""

_memos: list[Any] = []
_memos_seen = [0]  # the package modules loaded when ``_memos`` was gathered


def trim_memos(limit: int | None = None) -> None:
    """Empty every memo (``functools.lru_cache``) of the loaded package modules that holds
    more than ``limit`` (``MEMO_ENTRIES``) entries. Their bounds are sized for ``check``
    on a claims file, which repeats its values and times; across articles few of them
    repeat, and kept for the whole run they grew memory with the corpus (values, times,
    clauses, quotes of every article). Cleared between articles, they hold no more than
    ``limit`` entries each, whatever the run's size; results are the same (memos of
    pure functions)."""
    import sys
    from functools import _lru_cache_wrapper

    limit = MEMO_ENTRIES if limit is None else limit
    modules = [m for name, m in list(sys.modules.items()) if name.startswith("claimcheck.")]
    if len(modules) != _memos_seen[0]:  # modules are imported lazily: gather again
        _memos_seen[0] = len(modules)
        found = {
            id(obj): obj
            for module in modules
            for obj in list(vars(module).values())
            if isinstance(obj, _lru_cache_wrapper)
        }
        _memos[:] = found.values()
    for memo in _memos:
        if memo.cache_info().currsize > limit:
            memo.cache_clear()


MAX_SENTENCE_CHARS = 4000
"""A sentence longer than this is not running text (a table flattened into one line, a
dump of figures): the extractor's work grows faster than its length, so it is skipped,
with a warning, instead of taking minutes. News sentences stay far below."""


def drop_long_sentences(text: str, display: str) -> tuple[str, list[tuple[int, int]], list[str]]:
    """``text`` without its over-long sentences (each left as one newline), the shifts that
    map an offset in the shortened text back to the original (``restore_span``), and one
    warning saying what was skipped. Removed, not blanked: a long run of blanks would
    only move the slowness into the scanners that look across gaps."""
    if len(text) <= MAX_SENTENCE_CHARS:
        return text, [], []
    from claimcheck.extract.sentences import split_sentences

    # A sentence never crosses a line (split_sentences cuts lines first): only the
    # lines longer than the limit can hold one, and most articles have none.
    if all(len(line) <= MAX_SENTENCE_CHARS for line in text.splitlines()):
        return text, [], []
    long = [s for s in split_sentences(text) if s.end - s.start > MAX_SENTENCE_CHARS]
    if not long:
        return text, [], []
    pieces: list[str] = []
    shifts: list[tuple[int, int]] = []
    last = removed = kept = 0
    for s in long:
        pieces.append(text[last : s.start] + "\n")
        kept += s.start - last + 1
        removed += s.end - s.start - 1
        shifts.append((kept, removed))
        last = s.end
    pieces.append(text[last:])
    line = text.count("\n", 0, long[0].start) + 1
    more = f" and {len(long) - 1} more" if len(long) > 1 else ""
    warning = (
        f"{display}:{line}: skipped a sentence of {long[0].end - long[0].start:,} characters"
        f"{more} (over the {MAX_SENTENCE_CHARS:,}-character limit: not running text)"
    )
    return "".join(pieces), shifts, [warning]


def restore_span(span: tuple[int, int], shifts: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A span in the shortened text -> the same characters in the original text."""
    import bisect

    k = bisect.bisect_right([at for at, _ in shifts], span[0])
    offset = shifts[k - 1][1] if k else 0
    return span[0] + offset, span[1] + offset


class Extraction:
    """Extraction of a file set, one file's result at a time, in sorted order.

    Constructing it collects the files and looks their cache entries up (by name, not
    yet read), so ``warnings`` about the file set are known before any result; iterating
    yields each file's JSON-able result (``extract_one``'s) as it is read from the cache or
    extracted (by ``jobs`` worker processes, whose results arrive in order). Nothing of a
    file is kept after it is yielded, so a caller that writes as it goes stays flat.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        jobs: int = 1,
        cache_dir: Path | None = None,
        progress: Callable[[str], None] | None = None,
        aliases: Sequence[Sequence[str]] = (),
        published: date | None = None,
        rows: bool = False,
    ) -> None:
        files, self.warnings = _collect(paths)
        self.ids = source_ids(files)
        self.jobs, self.cache_dir, self.progress = jobs, cache_dir, progress
        self.aliases, self.published, self.rows = aliases, published, rows
        self.plan: list[tuple[Path, str, bool]] = []  # file, cache key, an entry exists
        for f in files:
            try:
                data = _bounded_bytes(f)
            except OSError as exc:
                self.warnings.append(f"{f}: skipped ({exc.strerror})")
                continue
            if cache_dir is None:  # no key: digesting the extractor's code costs a start-up
                self.plan.append((f, "", False))
                continue
            key = cache_key(data, self.ids[f], resolved_path(f), aliases, published)
            stored = (cache_dir / f"{key}.json").is_file()
            self.plan.append((f, key, stored))

    def _args(self, f: Path) -> tuple[str, str, str, Sequence[Sequence[str]], date | None, bool]:
        return (str(f), self.ids[f], str(f), self.aliases, self.published, self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        todo = [f for f, _, stored in self.plan if not stored]
        if self.jobs > 1 and len(todo) > 1:
            _preload()  # before the fork: workers share it instead of each loading it
            with _terminate_on_sigterm(), _pool(min(self.jobs, len(todo))) as pool:
                # Files go out in chunks: one round trip per file costs more than an article.
                size = _chunksize(len(todo), self.jobs)
                yield from self._walk(pool.imap(_extract_args, map(self._args, todo), size))
        else:
            yield from self._walk(iter(()))

    def _walk(self, extracted: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for f, key, stored in self.plan:
            result = self._hit(f, key) if stored else next(extracted, None)
            fresh = result is None or not stored
            if result is None:  # one job, or an entry that did not verify: extract here
                result = extract_one(*self._args(f))
            elif self.rows and "texts" not in result and "items" not in result:
                result, fresh = with_rows(result), True  # kept with its rows from now on
            if fresh:
                _after(self.cache_dir, key, result, None, f)
            if self.progress:
                self.progress(str(f))
            yield result

    def _hit(self, f: Path, key: str) -> dict[str, Any] | None:
        hit, trusted = cached_entry(self.cache_dir, key, lean=self.rows)
        if hit is None:
            return None
        entry = rebased(hit, str(f))
        if trusted and isinstance(entry, dict) and is_for(entry, self.ids[f], str(f)):
            return entry  # sealed: as this code wrote it for these bytes (``extract.seal``)
        return verified(entry, self.ids[f], str(f), _text_or_empty(f))


def extract_paths(
    paths: Sequence[Path],
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    aliases: Sequence[Sequence[str]] = (),
    published: date | None = None,
) -> ExtractResult:
    """Extract sources and claims from files and folders (sorted, deterministic), all
    held in memory (``Extraction`` gives them one file at a time).

    ``aliases`` (groups of names for one thing, first name canonical) fold subject names.
    ``published`` dates the articles whose pages show no date (``--published``).
    """
    run = Extraction(
        paths, jobs=jobs, cache_dir=cache_dir, progress=progress, aliases=aliases,
        published=published,
    )  # fmt: skip
    results = list(run)
    out = ExtractResult(warnings=list(run.warnings))
    for r in results:
        out.warnings.extend(r.get("warnings", []))
        if "source" in r:
            out.sources.append(_source_of(r["source"]))
            out.claims.extend(_claim_from_json(c) for c in r["claims"])
    from claimcheck.extract.coverage import date_by_coverage

    names = {r["source"]["id"]: r.get("names", ()) for r in results if "source" in r}
    out.claims, windows = date_by_coverage(out.sources, out.claims, names)
    if windows:
        _redate(out, windows, aliases)
    out.claims = _placed_by_story(out.sources, out.claims, names)
    if windows:
        from claimcheck.extract.coverage import dated_warning

        by_path = {s.path: windows[s.id] for s in out.sources if s.id in windows}
        out.warnings = [dated_warning(w, by_path) for w in out.warnings]
    return out


def _redate(
    out: ExtractResult, windows: dict[str, Window], aliases: Sequence[Sequence[str]]
) -> None:
    """The pages the coverage dated whose year-less dateline names their day, extracted
    again as published that day (``extract.redate``); their windows are dropped."""
    from claimcheck.extract.redate import dateline_day_of, redated, redated_warning

    redone: dict[str, dict[str, Any]] = {}
    notes: dict[str, str] = {}
    for s in out.sources:
        day = dateline_day_of(s.path, windows[s.id]) if s.id in windows else None
        result = redated(s.path, s.id, s.path, day, aliases) if day else None
        if day and result is not None:
            redone[s.id] = result
            notes[s.path] = redated_warning(s.path, day, windows.pop(s.id))
    if not redone:
        return
    out.sources = [_source_of(redone[s.id]["source"]) if s.id in redone else s for s in out.sources]
    claims: list[Claim] = []
    for c in out.claims:
        if c.source not in redone:
            claims.append(c)
        elif redone[c.source].get("claims") is not None:  # its claims in place of the first
            claims.extend(_claim_from_json(d) for d in redone[c.source].pop("claims"))
    out.claims = claims
    out.warnings = [notes.get(w.partition(f": {NO_DATE}")[0], w) for w in out.warnings]


def _placed_by_story(
    sources: Sequence[Source], claims: list[Claim], names: dict[str, Any]
) -> list[Claim]:
    """The claims of pages that name no place, placed where their story's pages are."""
    from claimcheck.extract.coverage import page_of
    from claimcheck.extract.story_place import place_by_story

    by_source: dict[str, list[Claim]] = {}
    for claim in claims:
        by_source.setdefault(claim.source, []).append(claim)
    pages = {s.id: page_of(s, by_source.get(s.id, ()), names.get(s.id, ())) for s in sources}
    return place_by_story(sources, claims, pages)


def _text_or_empty(path: Path) -> str:
    """The article text a cached quote must be found in ('' when unreadable: no hit)."""
    try:
        return _read(path)
    except Exception:
        return ""


def _preload() -> None:
    """The extractor's modules and the places index, loaded once in the parent."""
    import claimcheck.extract.claims  # noqa: F401
    from claimcheck.recognize.places import _index

    with contextlib.suppress(ImportError, OSError):
        _index()


def _extract_args(
    args: tuple[str, str, str, Sequence[Sequence[str]], date | None, bool],
) -> Any:
    return extract_one(*args)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all at once (no tracebacks
    from every worker, none left running)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def _pool(workers: int) -> Iterator[Any]:
    """A process pool that is terminated, not drained, when anything interrupts the parent."""
    import multiprocessing

    pool = multiprocessing.get_context("spawn" if os.name == "nt" else None).Pool(
        workers, initializer=_worker_init
    )
    try:
        yield pool
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()


class Terminated(SystemExit):
    """SIGTERM arrived: unwind (terminating the workers) and exit 143, as the shell would."""


@contextlib.contextmanager
def _terminate_on_sigterm() -> Iterator[None]:
    """While workers run, SIGTERM unwinds the parent so the pool is terminated with it;
    by default Python would die at once and leave the workers orphaned."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, _frame: Any) -> None:
        raise Terminated(128 + signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
        store(cache_dir, key, result)
    if progress:
        progress(str(f))
