"""``extract --format json`` written as files are extracted: memory stays flat.

The document is the one ``render.extraction.render_extraction_json`` builds (same bytes),
but nothing holds every claim: each article's claims become the document's items at once
(normalized and formatted in the worker that extracted them, and kept in the extraction
cache, so an unchanged article is neither normalized nor formatted again), are spooled to
a temporary file, and are copied to the output after the last article. Only the sources,
the warnings and a count of each subject stay in memory: a subject's key depends on every
subject of the run (spelling variants merge by frequency), so it is filled in when the
items are copied.

The layout is written here, not by ``json.dumps(indent=2)``, whose pure-Python encoder
cost more than reading every cached article (strings still go through the C escaper).
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from json.encoder import encode_basestring
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimcheck.model import Claim, Source

if TYPE_CHECKING:
    from claimcheck.extract.coverage import Page, Window

__all__ = ["claim_rows", "claim_texts", "dumps", "extract_json", "write_json"]

_ROW_KEYS = (
    "id", "source", "subject", "subject_key", "kind", "value", "from", "to", "low", "high",
    "qualifier", "unit", "time", "time_text", "time_source", "quote", "said_by", "status",
    "span",
)  # fmt: skip
"""A row's keys in the order the JSON document has them (the cache stores them sorted)."""


def claim_rows(source: Source, claims: Sequence[Claim]) -> list[dict[str, Any]]:
    """One article's claims as rows of the JSON document, ``subject_key`` left None (it
    needs the run's other subjects). Normalization is per claim apart from that key, so
    one article alone gives the rows the whole run would."""
    from claimcheck.render.extraction import claim_rows as document_rows

    return document_rows((source,), claims, subject_keys=False)


def claim_texts(source: Source, claims: Sequence[Claim]) -> list[str]:
    """One article's claims as the document's items, ready to spool (``_spooled``): what
    the extraction cache keeps, so an unchanged article is neither normalized nor
    formatted again."""
    return [_spooled(row) for row in claim_rows(source, claims)]


def valid_texts(texts: Any, claims: Sequence[dict[str, Any]]) -> bool:
    """Cached items belong to the cached claims, in order: each is one spooled line that
    opens with its claim's subject and id and holds its quote."""
    if not isinstance(texts, list) or len(texts) != len(claims):
        return False
    for text, claim in zip(texts, claims, strict=True):
        if not isinstance(text, str) or text.count(_CUT) != 2 or text.find("\n") != len(text) - 1:
            return False
        head = encode_basestring(claim["subject"]) + _CUT + "{" + _NL + '      "id": '
        if not text.startswith(head + encode_basestring(claim["id"]) + "," + _NL):
            return False
        if _NL + '      "quote": ' + encode_basestring(claim["quote"]) + "," + _NL not in text:
            return False
    return True


def write_json(
    results: Iterable[
        tuple[
            Source | None,
            Sequence[str] | Callable[[], Sequence[str]],
            Sequence[str] | Callable[[], Sequence[str]],
            Sequence[str],
        ]
    ],
    out: TextIO,
    *,
    head_warnings: Callable[[], Sequence[str]] = tuple,
    show_source: Callable[[Source], Source] = lambda s: s,
    show_warning: Callable[[str], str] = lambda w: w,
    cache_dir: Path | None = None,
) -> list[str]:
    """Write the extraction document to ``out`` from per-article results (source, its
    claims' texts from ``claim_texts``, their subjects, warnings), in order; returns the
    warnings as written (for the terminal too). Texts and subjects known only after the
    last article (pages their story dates or places) come as functions.

    ``head_warnings`` is called after the last result: warnings about the file set
    (skipped files), which come before the articles' own. ``show_source`` rewrites a
    source for display (paths relative to the output's folder), ``show_warning`` a
    warning (a piped article's temporary path shown as ``-``). ``cache_dir`` keeps the
    subjects' keys of a run for the next run over the same subjects (``subject_keys``).
    """
    sources: list[Source] = []
    warnings: list[str] = []
    subjects: Counter[str] = Counter()
    deferred: list[Callable[[], Sequence[str]]] = []
    later_subjects: list[Callable[[], Sequence[str]]] = []
    with _Spool() as spool:
        for source, texts, claim_subjects, file_warnings in results:
            warnings.extend(file_warnings)
            if source is None:
                continue
            sources.append(show_source(source))
            if callable(claim_subjects):  # a page its story places: known after the last
                later_subjects.append(claim_subjects)
            else:
                subjects.update(claim_subjects)
            if callable(texts):  # known only after the last article: written in its place
                spool.write(f"{_LATER}{len(deferred)}\n")
                deferred.append(texts)
            else:
                spool.writelines(texts)
        warnings[:0] = head_warnings()
        for later in later_subjects:
            subjects.update(later())
        keys = {  # both as written in the spool: JSON strings
            encode_basestring(s): encode_basestring(k)
            for s, k in subject_keys(subjects, cache_dir).items()
        }
        out.write('{\n  "version": 1,\n  "sources": ')
        from claimcheck.render.extraction import source_row

        _items(out, (source_row(s) for s in sources), bool(sources))
        out.write(',\n  "claims": ')
        spool.seek(0)
        n = sum(subjects.values())
        lines = _in_place(spool, deferred)
        _items(out, (_unspooled(line, keys) for line in lines), n > 0, done=True)
    shown = [show_warning(w) for w in warnings]
    out.write(',\n  "warnings": ')
    _items(out, shown, bool(shown))
    out.write("\n}\n")
    return shown


def extract_json(
    paths: Sequence[Path],
    out: TextIO,
    *,
    jobs: int = 1,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] | None = None,
    published: date | None = None,
    show_source: Callable[[Source], Source] = lambda s: s,
    show_warning: Callable[[str], str] = lambda w: w,
) -> list[str]:
    """``claimcheck extract --format json``: extract ``paths`` and write the document to
    ``out`` as the files are done; returns the warnings as written."""
    from claimcheck.extract.run import Extraction

    run = Extraction(
        paths, jobs=jobs, cache_dir=cache_dir, progress=progress, published=published,
        rows=True,
    )  # fmt: skip
    story = _Story()
    return write_json(
        (story.take(r) for r in run),
        out,
        head_warnings=lambda: run.warnings,
        show_source=show_source,
        show_warning=lambda w: show_warning(story.warning(w)),
        cache_dir=cache_dir,
    )


def subject_keys(subjects: Counter[str], cache_dir: Path | None = None) -> dict[str, str]:
    """Each subject's canonical key, as ``canonical_keys`` gives it for these subjects
    (how often each is written decides which spelling represents a merged group).

    With a cache folder the keys are kept under a digest of the subjects, their counts
    and the code (``extractor_version``): folding and fuzzy-merging a run's few thousand
    subjects was a fifth of a warm re-run, and an unchanged run asks the same question.
    An entry that is not exactly a key for each of these subjects is recomputed."""
    if cache_dir is None:
        return _subject_keys(subjects)
    import hashlib
    import json

    from claimcheck.extract.cache import extractor_version

    h = hashlib.sha256(f"subject-keys\0{extractor_version()}\0{_rapidfuzz_stamp()}\0".encode())
    h.update(json.dumps(sorted(subjects.items()), ensure_ascii=False).encode("utf-8"))
    where = cache_dir / f"subjects-{h.hexdigest()}.keys"
    try:
        stored = json.loads(where.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):
        stored = None
    if (
        isinstance(stored, dict)
        and stored.keys() == subjects.keys()
        and all(type(k) is str for k in stored.values())
    ):
        return stored
    keys = _subject_keys(subjects)
    _store_keys(where, keys)
    return keys


def _subject_keys(subjects: Counter[str]) -> dict[str, str]:
    from claimcheck.normalize.subjects import canonical_keys

    return {s: k for s, (k, _) in canonical_keys(list(subjects.elements())).items()}


def _rapidfuzz_stamp() -> str:
    """The fuzzy matcher's release, from its files' stamps (importing it costs more)."""
    from importlib.util import find_spec

    spec = find_spec("rapidfuzz")
    if spec is None or spec.origin is None:
        return "none"
    try:
        st = Path(spec.origin).stat()
    except OSError:
        return "unknown"
    return f"{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}"


def _store_keys(where: Path, keys: dict[str, str]) -> None:
    """Atomic write; a folder that cannot be written only costs the next run time."""
    import json
    import os
    import tempfile

    tmp: str | None = None
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".tmp-subjects-", suffix=".keys")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(keys, ensure_ascii=False, sort_keys=True))
        os.replace(tmp, where)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


class _Spool:
    """The items' spool: in memory while small (a few articles: no ``tempfile``, ~4 ms of
    importing), then a temporary file, so memory stays flat on a big corpus. Both read
    back the lines written, split at ``\\n`` only."""

    LIMIT = 1 << 20
    """Characters kept in memory before the spool moves to a file (StringIO holds up to
    four bytes a character: a few MB at most; a one-article run spools ~10-50 KB)."""

    def __init__(self) -> None:
        self.file: TextIO = io.StringIO(newline="\n")

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, text: str) -> None:
        self.file.write(text)
        self._roll()

    def writelines(self, lines: Iterable[str]) -> None:
        self.file.writelines(lines)
        self._roll()

    def seek(self, offset: int) -> None:
        self.file.seek(offset)

    def __iter__(self) -> Iterator[str]:
        return iter(self.file)

    def _roll(self) -> None:
        if isinstance(self.file, io.StringIO) and self.file.tell() > self.LIMIT:
            import tempfile

            disk = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
            disk.write(self.file.getvalue())
            self.file.close()
            self.file = disk


class _Story:
    """Dating undated pages by their story's coverage (``extract.coverage``), and placing
    pages that name no place where their story is (``extract.story_place``), while the run
    streams: every page leaves a small summary, such a page its claims too, and its items
    are made once the last page is in."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.paths: dict[str, str] = {}
        self._windows: dict[str, Window] | None = None
        self._countries: dict[str, str] | None = None
        self._folds: dict[str, str] | None = None

    def take(
        self, r: dict[str, Any]
    ) -> tuple[
        Source | None,
        Sequence[str] | Callable[[], Sequence[str]],
        list[str] | Callable[[], list[str]],
        Any,
    ]:
        from claimcheck.extract.coverage import page
        from claimcheck.extract.run import _claim_from_json, _source_of

        if "source" not in r:
            return None, [], [], r.get("warnings", [])
        src = _source_of(r["source"])
        rows = r.get("claims", [])
        subjects = [c["subject"] for c in rows]
        times = (c.get("time") for c in rows)
        summary = page(src.id, src.published, subjects, times, r.get("names", ()))
        self.pages.append(summary)
        placeless = bool(rows) and not summary.places
        # a country's crowd may take the run's one city of it (``story_place.crowd_folds``)
        crowds = any(s.startswith("crowd in ") for s in summary.subjects)
        later = placeless or crowds
        if src.published is not None and not later:
            return src, r.get("texts", []), subjects, r.get("warnings", [])
        if src.published is None:
            self.paths[src.path] = src.id
        claims = [_claim_from_json(c) for c in rows]
        texts = r.get("texts", [])
        if not later:
            return src, lambda: self._texts(src, claims, texts), subjects, r.get("warnings", [])
        return (
            src,
            lambda: self._texts(src, claims, texts),
            lambda: self._subjects(src.id, subjects),
            r.get("warnings", []),
        )

    def countries(self) -> dict[str, str]:
        """Placeless page id -> its story's country (``extract.story_place``)."""
        if self._countries is None:
            from claimcheck.extract.story_place import story_countries

            self._countries = story_countries(self.pages)
        return self._countries

    def folds(self) -> dict[str, str]:
        """A country's crowd -> its one crowd city in the run (``extract.story_place``)."""
        if self._folds is None:
            from claimcheck.extract.story_place import crowd_folds

            self._folds = crowd_folds(self.pages)
        return self._folds

    def _subjects(self, source_id: str, subjects: list[str]) -> list[str]:
        country = self.countries().get(source_id)
        placed = subjects if country is None else [f"{s} in {country}" for s in subjects]
        folds = self.folds()
        return [folds.get(" ".join(s.lower().split()), s) for s in placed]

    def windows(self) -> dict[str, Window]:
        if self._windows is None:
            from claimcheck.extract.coverage import coverage_windows

            self._windows = coverage_windows(self.pages) if self.paths else {}
        return self._windows

    def _texts(self, src: Source, claims: list[Claim], texts: Sequence[str]) -> Sequence[str]:
        """The page's items: as extracted (and cached) unless its story dated or placed it."""
        window = self.windows().get(src.id)
        country = self.countries().get(src.id)
        from claimcheck.extract.coverage import dated_claims
        from claimcheck.extract.story_place import folded_claims, placed_claims

        dated = folded_claims(placed_claims(dated_claims(claims, window), country), self.folds())
        if len(texts) != len(claims) or len({c.id for c in claims}) != len(claims):
            return claim_texts(src, dated)
        # Each item is its own claim's alone (ids unique): only the claims the window
        # dated are made again, the others' items are the extracted (or cached) ones.
        changed = [
            i for i, (old, new) in enumerate(zip(claims, dated, strict=True)) if old is not new
        ]
        if not changed:
            return texts
        out = list(texts)
        for i, text in zip(changed, claim_texts(src, [dated[i] for i in changed]), strict=True):
            out[i] = text
        return out

    def warning(self, text: str) -> str:
        if not self.paths:
            return text
        from claimcheck.extract.coverage import dated_warning

        windows = self.windows()
        return dated_warning(text, {p: windows[i] for p, i in self.paths.items() if i in windows})


_ROW_HEADS = tuple(
    ("{" if i == 0 else ",") + "\n      " + encode_basestring(k) + ": "
    for i, k in enumerate(_ROW_KEYS)
)
_KEY_AT = _ROW_KEYS.index("subject_key")
_NL = "\x00"  # a row's newline, spooled
_CUT = "\x01"
"""Spool fields are cut by U+0001 and a row's newlines kept as U+0000: JSON text never
holds either raw (the escaper writes every control character as ``\\u00XX``), so each
spooled row is one line."""


def _spooled(row: dict[str, Any]) -> str:
    """A row as the document's item, formatted once: its subject (JSON-escaped), and the
    text before and after the subject key, which the run's other subjects decide; its
    keys in the document's order (the cache keeps them sorted)."""
    parts: list[str] = [encode_basestring(row["subject"]), _CUT]
    for i, (head, key) in enumerate(zip(_ROW_HEADS, _ROW_KEYS, strict=True)):
        parts.append(head)
        if i == _KEY_AT:
            parts.append(_CUT)
            continue
        value = row[key]
        kind = type(value)
        if kind is str:
            parts.append(encode_basestring(value))
        elif value is None:
            parts.append("null")
        elif kind is int:
            parts.append(int.__repr__(value))
        elif key == "span" and kind is list and len(value) == 2 and _ints(value):
            parts.append(f"[\n        {value[0]},\n        {value[1]}\n      ]")
        elif key == "time":
            parts.append(_time_text(value["start"], value["end"]))
        else:
            parts.append(dumps(value, 3))
    parts.append("\n    }")
    return "".join(parts).replace("\n", "\x00") + "\n"


def _ints(pair: list[Any]) -> bool:
    return type(pair[0]) is int and type(pair[1]) is int


def _time_text(start: Any, end: Any) -> str:
    """A row's time interval (ISO days or null), as ``dumps`` writes it three deep."""
    if (start is None or type(start) is str) and (end is None or type(end) is str):
        a = "null" if start is None else encode_basestring(start)
        b = "null" if end is None else encode_basestring(end)
        return f'{{\n        "start": {a},\n        "end": {b}\n      }}'
    return dumps({"start": start, "end": end}, 3)


_LATER = "\x02"
"""A spool line standing for an article whose items are made after the last article."""


def _in_place(
    spool: Iterable[str], deferred: Sequence[Callable[[], Sequence[str]]]
) -> Iterator[str]:
    for line in spool:
        if line.startswith(_LATER):
            yield from deferred[int(line[1:])]()
        else:
            yield line


def _unspooled(line: str, keys: dict[str, str]) -> str:
    subject, before, after = line[:-1].replace("\x00", "\n").split(_CUT)
    return before + keys[subject] + after


def _items(out: TextIO, items: Iterable[Any], any_items: bool, *, done: bool = False) -> None:
    """A list at the document's second level, one item at a time (``done``: the items
    are already JSON text)."""
    if not any_items:
        out.write("[]")
        return
    out.write("[")
    sep = "\n    "
    for item in items:
        out.write(sep)
        out.write(item if done else dumps(item, 2))
        sep = ",\n    "
    out.write("\n  ]")


def dumps(value: Any, level: int = 0) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)`` of a value
    nested ``level`` deep, as the same characters."""
    text = _scalar(value)
    if text is not None:
        return text
    parts: list[str] = []
    _dump(value, level, parts)
    return "".join(parts)


def _scalar(value: Any) -> str | None:
    """A scalar's JSON spelling; None for a list or dict (or anything else)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        if not math.isfinite(value):
            raise ValueError(f"Out of range float values are not JSON compliant: {value!r}")
        return float.__repr__(value)
    if isinstance(value, (dict, list, tuple)):
        return None
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, (int, float)):  # subclasses, spelled as their base type
        return _scalar(int(value) if isinstance(value, int) else float(value))
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _dump(value: Any, level: int, parts: list[str]) -> None:
    """A list or dict (``_scalar`` gave None), one line per item as ``indent=2`` does."""
    if not value:
        parts.append("{}" if isinstance(value, dict) else "[]")
        return
    inner = "\n" + "  " * (level + 1)
    if isinstance(value, dict):
        sep = "{" + inner
        for key, item in value.items():
            parts.append(sep)
            parts.append(encode_basestring(_key(key)))
            parts.append(": ")
            text = _scalar(item)
            if text is None:
                _dump(item, level + 1, parts)
            else:
                parts.append(text)
            sep = "," + inner
        parts.append("\n" + "  " * level + "}")
        return
    sep = "[" + inner
    for item in value:
        parts.append(sep)
        text = _scalar(item)
        if text is None:
            _dump(item, level + 1, parts)
        else:
            parts.append(text)
        sep = "," + inner
    parts.append("\n" + "  " * level + "]")


def _key(key: Any) -> str:
    """Dict keys as ``json.dumps`` writes them (strings; scalars spelled as JSON)."""
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, float):
        return float.__repr__(key)
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
