"""The run-level decisions of ``extract --format json`` while its pages stream.

Three decisions need every page of the run: an undated page's window (``extract.coverage``),
a placeless page's country and a country's crowd's one city (``extract.story_place``). A
page those decisions may change (undated, placeless, or counting a crowd) cannot be
written until the last page is in; holding its claims until then made memory grow with
the corpus. Instead each page leaves only its small summary (``coverage.Page``) in
memory, and such a page goes to the spool as a record line (its source and claims, as
JSON) ahead of its items; when the spool is copied to the output the record is read
back, and the items are remade only if a decision changed one of its claims.

The decisions are kept in the cache folder under a digest of every page's summary and
the extractor's code, so a warm re-run of an unchanged corpus does not decide again
(dating by coverage parses the sister pages' times: a quarter of a warm run).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from claimcheck.model import Claim, Source

if TYPE_CHECKING:
    from claimcheck.extract.coverage import Page, Window

__all__ = ["Decisions", "Story", "Taken"]

LATER = "\x02"
"""A spool line holding a page's record: its items follow it and are remade from it."""
FIELD = "\x03"
"""Cuts a record line's fields (JSON text never holds it raw)."""


class Decisions(NamedTuple):
    windows: dict[str, Window]  # undated page id -> its story's coverage
    countries: dict[str, str]  # placeless page id -> its story's country
    folds: dict[str, str]  # a country's crowd (folded) -> its one crowd city


class Taken(NamedTuple):
    """One result as the writer needs it."""

    source: Source | None
    texts: Sequence[str]  # the page's items as extracted (or cached)
    subjects: Sequence[str]  # its claims' subjects as extracted
    later: str | None  # None: the subjects are final; else the key ``subject`` maps them by
    record: str | None  # the record line written ahead of the items (``LATER``), or None
    warnings: Sequence[str]


class Story:
    """Page summaries of a run and the decisions made from them after the last page."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self.pages: list[_Packed] = []
        self.paths: dict[str, str] = {}  # an undated page's path as shown -> its id
        self.cache_dir = cache_dir
        self._decided: Decisions | None = None
        self._by_id: dict[str, _Packed] | None = None
        # an undated page's key and subjects as extracted, packed (``recount``)
        self.undated: dict[str, tuple[str, Any]] = {}
        self._redone: dict[str, tuple[date, Source, list[Claim], Sequence[str]]] | None = None

    def take(self, r: dict[str, Any]) -> Taken:
        from claimcheck.extract.coverage import page
        from claimcheck.extract.run import _source_of

        warnings = r.get("warnings", [])
        if "source" not in r:
            return Taken(None, (), (), None, None, warnings)
        src = _source_of(r["source"])
        if "claims_json" in r:  # a cache hit (``cache.lean_entry``): claims not decoded
            subjects, times = r["subjects"], r["times"]
            texts: Sequence[str] = (r["items"],)  # one item a line
        else:
            rows = r.get("claims", [])
            subjects = [c["subject"] for c in rows]
            times = [c.get("time") for c in rows]
            texts = r.get("texts", [])
        summary = page(src.id, src.published, subjects, times, r.get("names", ()))
        self.pages.append(_Packed.of(summary))
        placeless = bool(subjects) and not summary.places
        # a country's crowd may take the run's one city of it (``story_place.crowd_folds``)
        crowds = any(s.startswith("crowd in ") for s in summary.subjects)
        later = placeless or crowds
        if src.published is not None and not later:
            return Taken(src, texts, subjects, None, None, warnings)
        key = (src.id if placeless else "") if later else None
        if src.published is None:
            self.paths[src.path] = src.id
            self.undated[src.id] = (key or "", _pack(subjects))
        if "claims_json" in r:
            body = f"[{json.dumps(r['source'])},{r['claims_json']}]"
        else:
            body = json.dumps([r["source"], rows], ensure_ascii=False, separators=(",", ":"))
        record = f"{LATER}{len(subjects)}{FIELD}{src.id}{FIELD}{body}\n"
        return Taken(src, texts, subjects, key, record, warnings)

    def decisions(self) -> Decisions:
        if self._decided is None:
            self._decided = self._cached_decisions()
        return self._decided

    def subject(self, key: str, subject: str) -> str:
        """A subject of a page its story places (``key``: the page's id) or whose crowd
        may fold (``key`` ''), as the decisions make it."""
        decided = self.decisions()
        country = decided.countries.get(key) if key else None
        placed = subject if country is None else f"{subject} in {country}"
        return decided.folds.get(" ".join(placed.lower().split()), placed)

    def redone(self) -> dict[str, tuple[date, Source, list[Claim], Sequence[str]]]:
        """The undated pages the coverage dated whose year-less dateline names their day,
        extracted again as published that day (``extract.redate``): the day, the source,
        the claims as the run's decisions make them, and their items."""
        if self._redone is None:
            self._redone = {}
            windows = self.decisions().windows
            if windows:
                self._redo(windows)
        return self._redone

    def _redo(self, windows: dict[str, Window]) -> None:
        from claimcheck.extract.redate import dateline_day_of, redated
        from claimcheck.extract.run import _claim_from_json, _source_of
        from claimcheck.extract.stream import claim_texts

        assert self._redone is not None
        for path, pid in self.paths.items():
            day = dateline_day_of(path, windows[pid]) if pid in windows else None
            result = redated(path, pid, path, day) if day else None
            if day is None or result is None:
                continue
            src = _source_of(result["source"])
            claims = self._decided_claims(src, [_claim_from_json(c) for c in result["claims"]])
            self._redone[pid] = (day, src, claims, claim_texts(src, claims))

    def recount(self, subjects: Counter[str]) -> None:
        """``subjects`` (as written, counted) with each redone page's own in place of the
        ones it was first extracted with."""
        for pid, (_, _, claims, _) in self.redone().items():
            key, first = self.undated[pid]
            for subject in _unpack(first):
                mapped = self.subject(key, subject)
                subjects[mapped] -= 1
                if subjects[mapped] <= 0:
                    del subjects[mapped]
            subjects.update(c.subject for c in claims)

    def source(self, src: Source) -> Source:
        """An undated page's source, with the day its dateline gave it if it was redone."""
        found = self.redone().get(src.id)
        return src if found is None else replace(src, published=found[0])

    def remake(self, record: str, texts: list[str]) -> Sequence[str]:
        """The items of a page spooled with its record (``take``): as extracted unless a
        decision changes one of its claims (its record is read only then)."""
        pid, _, body = record.partition(FIELD)
        redone = self.redone().get(pid)
        if redone is not None:
            return redone[3]
        decided = self.decisions()
        if (
            pid not in decided.windows
            and pid not in decided.countries
            and (not decided.folds or decided.folds.keys().isdisjoint(self._page(pid)))
        ):
            return texts
        from claimcheck.extract.run import _claim_from_json, _source_of

        source, rows = json.loads(body)
        claims = [_claim_from_json(c) for c in rows]
        return self.texts(_source_of(source), claims, texts)

    def texts(self, src: Source, claims: list[Claim], texts: Sequence[str]) -> Sequence[str]:
        """The page's items: as extracted (and cached) unless its story dated or placed it."""
        from claimcheck.extract.stream import claim_texts

        dated = self._decided_claims(src, claims)
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

    def _decided_claims(self, src: Source, claims: list[Claim]) -> list[Claim]:
        """The claims as the run's decisions make them: dated (an undated page not redone),
        placed (a placeless page) and folded (a crowd)."""
        from claimcheck.extract.coverage import dated_claims
        from claimcheck.extract.story_place import folded_claims, placed_claims

        decided = self.decisions()
        window = decided.windows.get(src.id) if src.published is None else None
        country = decided.countries.get(src.id)
        return folded_claims(placed_claims(dated_claims(claims, window), country), decided.folds)

    def warning(self, text: str) -> str:
        if not self.paths:
            return text
        from claimcheck.extract.coverage import NO_DATE, dated_warning

        windows = self.decisions().windows
        path = text.partition(f": {NO_DATE}")[0]
        redone = self.redone().get(self.paths.get(path, ""))
        if redone is not None and path != text:
            from claimcheck.extract.redate import redated_warning

            return redated_warning(path, redone[0], windows[self.paths[path]])
        return dated_warning(text, {p: windows[i] for p, i in self.paths.items() if i in windows})

    def _page(self, pid: str) -> tuple[str, ...]:
        """The page's subjects (folded)."""
        if self._by_id is None:
            self._by_id = {p.id: p for p in self.pages}
        return _unpack(self._by_id[pid].subjects)

    def _decide(self) -> Decisions:
        from claimcheck.extract.coverage import coverage_windows
        from claimcheck.extract.run import trim_memos
        from claimcheck.extract.story_place import crowd_folds, story_countries

        trim_memos(1)  # the articles are done: the memory of their memos serves the pages'
        pages = [p.page() for p in self.pages]
        windows = coverage_windows(pages) if self.paths else {}
        return Decisions(windows, story_countries(pages), crowd_folds(pages))

    def _cached_decisions(self) -> Decisions:
        """``_decide``, kept under a digest of the pages' summaries and the code."""
        if self.cache_dir is None:
            return self._decide()
        where = self.cache_dir / f"story-{self._digest()}.decisions"
        try:
            stored = _decisions_from_json(json.loads(where.read_text("utf-8")))
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            stored = None
        if stored is not None:
            return stored
        decided = self._decide()
        from claimcheck.extract.stream import store_text

        store_text(where, json.dumps(_decisions_to_json(decided), sort_keys=True))
        return decided

    def _digest(self) -> str:
        import hashlib

        from claimcheck.extract.cache import extractor_version

        h = hashlib.sha256(f"story-decisions\0{extractor_version()}\0".encode())
        for p in self.pages:
            day = p.published.isoformat() if p.published is not None else None
            fields = [_sorted(p.subjects), _sorted(p.times), _sorted(p.names), _sorted(p.places)]
            h.update(json.dumps([p.id, day, *fields]).encode() + b"\n")
        return h.hexdigest()


class _Packed(NamedTuple):
    """A page's summary as kept until the run ends: its sets of words packed as one
    string each (sorted, newline-joined), a fraction of the tuples' memory."""

    id: str
    published: date | None
    subjects: str | tuple[str, ...]
    times: str | tuple[str, ...]
    names: str | tuple[str, ...]
    places: str | tuple[str, ...]

    @classmethod
    def of(cls, p: Page) -> _Packed:
        return cls(p.id, p.published, _pack(p.subjects), _pack(p.times), _pack(p.names),
                   _pack(p.places))  # fmt: skip

    def page(self) -> Page:
        from claimcheck.extract.coverage import Page

        times = self.times
        return Page(
            self.id,
            self.published,
            _unpack(self.subjects),
            tuple(times.split(_SEP)) if isinstance(times, str) and times else tuple(times),
            _unpack(self.names),
            _unpack(self.places),
        )


_SEP = "\n"


def _pack(words: Collection[str]) -> Any:
    """Sorted words joined by newlines, or the words as they are when one holds a newline
    or is empty (the string could not be split back into them)."""
    if any(not w or _SEP in w for w in words):
        return words
    return _SEP.join(sorted(words))


def _sorted(packed: str | Collection[str]) -> str | list[str]:
    return packed if isinstance(packed, str) else sorted(packed)


def _unpack(packed: str | tuple[str, ...]) -> tuple[str, ...]:
    """The words ``_pack`` packed, each the one string of its text (``sys.intern``):
    when every page is unpacked to decide, pages share their names and subjects."""
    if isinstance(packed, str):
        return tuple(map(sys.intern, packed.split(_SEP))) if packed else ()
    return packed


def _decisions_to_json(d: Decisions) -> dict[str, Any]:
    windows = {
        pid: [w.start.isoformat(), w.end.isoformat(), list(w.sisters)]
        for pid, w in d.windows.items()
    }
    return {"windows": windows, "countries": d.countries, "folds": d.folds}


def _decisions_from_json(data: Any) -> Decisions | None:
    """Decisions as ``_decisions_to_json`` wrote them; None when they are not."""
    from claimcheck.extract.coverage import Window

    if not isinstance(data, dict) or set(data) != {"windows", "countries", "folds"}:
        return None
    countries, folds, raw = data["countries"], data["folds"], data["windows"]
    for table in (countries, folds):
        if not isinstance(table, dict) or not all(type(v) is str for v in table.values()):
            return None
    if not isinstance(raw, dict):
        return None
    windows: dict[str, Window] = {}
    for pid, (start, end, sisters) in raw.items():
        if not (isinstance(sisters, list) and all(type(s) is str for s in sisters)):
            return None
        windows[pid] = Window(date.fromisoformat(start), date.fromisoformat(end), tuple(sisters))
    return Decisions(windows, countries, folds)
