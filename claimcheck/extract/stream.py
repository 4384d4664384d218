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
from typing import Any, TextIO

from claimcheck.extract.story_stream import FIELD, LATER, Story, Taken
from claimcheck.model import Claim, Source

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
    results: Iterable[Taken],
    out: TextIO,
    story: Story,
    *,
    head_warnings: Callable[[], Sequence[str]] = tuple,
    show_source: Callable[[Source], Source] = lambda s: s,
    show_warning: Callable[[str], str] = lambda w: w,
    cache_dir: Path | None = None,
) -> list[str]:
    """Write the extraction document to ``out`` from per-article results (``Story.take``),
    in order; returns the warnings as written (for the terminal too). A page the run's
    decisions may change is spooled with its record and remade by ``story`` when the
    spool is copied; its subjects are mapped by ``story`` once the last page is in.

    ``head_warnings`` is called after the last result: warnings about the file set
    (skipped files), which come before the articles' own. ``show_source`` rewrites a
    source for display (paths relative to the output's folder), ``show_warning`` a
    warning (a piped article's temporary path shown as ``-``). ``cache_dir`` keeps the
    subjects' keys of a run for the next run over the same subjects (``subject_keys``).
    """
    warnings: list[str] = []
    undated: list[Source] = []  # the undated pages' sources, shown: few
    subjects: Counter[str] = Counter()
    later: Counter[tuple[str, str]] = Counter()  # (page key, subject): mapped at the end
    with _Spool() as spool, _Spool() as shown_sources:
        for source, texts, claim_subjects, key, record, file_warnings in results:
            warnings.extend(file_warnings)
            if source is None:
                continue
            if source.published is None:  # its story may date it: written at the end
                shown_sources.write(f"{LATER}{len(undated)}\n")
                undated.append(show_source(source))
            else:
                shown_sources.write(source_line(show_source(source)))
            if key is None:
                subjects.update(claim_subjects)
            else:  # counted once per distinct subject: their order of first use is kept
                later.update((key, s) for s in claim_subjects)
            if record is not None:
                spool.write(record)
            spool.writelines(texts)
        warnings[:0] = head_warnings()
        for (key, subject), n in later.items():
            subjects[story.subject(key, subject)] += n
        if undated:
            story.recount(subjects)
        keys = {  # both as written in the spool: JSON strings
            encode_basestring(s): encode_basestring(k)
            for s, k in subject_keys(subjects, cache_dir).items()
        }
        out.write('{\n  "version": 1,\n  "sources": ')
        shown_sources.seek(0)
        _items(out, (_shown(line, undated, story) for line in shown_sources), done=True)
        out.write(',\n  "claims": ')
        spool.seek(0)
        lines = _in_place(spool, story.remake)
        _items(out, (_unspooled(line, keys) for line in lines), done=True)
    shown = [show_warning(w) for w in warnings]
    out.write(',\n  "warnings": ')
    _items(out, shown)
    out.write("\n}\n")
    return shown


def source_line(source: Source) -> str:
    """A source as the document's item, one spool line."""
    from claimcheck.render.extraction import source_row

    return dumps(source_row(source), 2).replace("\n", _NL) + "\n"


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
    story = Story(cache_dir)
    return write_json(
        (story.take(r) for r in run),
        out,
        story,
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
    store_text(where, json.dumps(keys, ensure_ascii=False, sort_keys=True))
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


def store_text(where: Path, text: str) -> None:
    """Atomic write of a file kept for the next run; a folder that cannot be written
    only costs the next run time."""
    import os
    import tempfile

    tmp: str | None = None
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=".tmp-", suffix=where.suffix)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
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


def _in_place(
    spool: Iterable[str], remake: Callable[[str, list[str]], Sequence[str]]
) -> Iterator[str]:
    """The spool's items, a page spooled with its record (``story_stream.LATER``: the
    count of its items, then the record) remade from it."""
    lines = iter(spool)
    for line in lines:
        if line.startswith(LATER):
            count, _, record = line[1:].partition(FIELD)
            yield from remake(record, [next(lines) for _ in range(int(count))])
        else:
            yield line


def _shown(line: str, undated: list[Source], story: Story) -> str:
    """A spooled source line as the document's item; an undated page's (``LATER`` and
    its index) made now, with the day its dateline gave it if its story dated it."""
    if line.startswith(LATER):
        return source_line(story.source(undated[int(line[1:])]))[:-1].replace(_NL, "\n")
    return line[:-1].replace(_NL, "\n")


def _unspooled(line: str, keys: dict[str, str]) -> str:
    subject, before, after = line[:-1].replace("\x00", "\n").split(_CUT)
    return before + keys[subject] + after


def _items(out: TextIO, items: Iterable[Any], *, done: bool = False) -> None:
    """A list at the document's second level, one item at a time (``done``: the items
    are already JSON text)."""
    sep = "[\n    "
    for item in items:
        out.write(sep)
        out.write(item if done else dumps(item, 2))
        sep = ",\n    "
    out.write("[]" if sep[0] == "[" else "\n  ]")


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
