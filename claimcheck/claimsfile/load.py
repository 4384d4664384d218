"""claims.yaml -> ClaimsFile, or an InputError listing every located problem at once.

Three passes, each reporting everything it finds: the YAML itself (syntax,
anchors, tags, size), the structure (the shipped JSON Schema), and the meaning
(ids, sources, dates, values the recognizers can read, quotes found in their
articles and stating the claimed numbers).
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from claimcheck.claimsfile import semantics, validate
from claimcheck.claimsfile.yamlnodes import Doc, Refused, build, scan_events, syntax_problem
from claimcheck.dataclassgen import dataclass
from claimcheck.errors import InputError
from claimcheck.model import (
    Claim,
    ClaimsFile,
    Location,
    Problem,
    Review,
    Source,
)
from claimcheck.sources import decode_bytes

MAX_CLAIMS_FILE_BYTES = 1024 * 1024 * 1024
"""Past this a file is not a claims file read at once (100k claims is about 30 MB; a
gigabyte is over three million): refused before reading a byte of it."""
FAST_READ_MIN_CHARS = 256 * 1024
"""Smaller files are read by the exact reader alone: importing the fast one costs more."""

TEXT_KEYS = frozenset(
    {
        "id", "source", "subject", "value", "from", "to", "unit", "time", "quote", "said_by",
        "note", "status_reason", "file", "publisher", "title", "published", "url",
        "fingerprint", "aliases", "qualifier", "kind", "status", "verdict", "time_source",
    }
)  # fmt: skip
"""Keys whose scalars stay as written: ``value: 5200`` and ``time: 2020`` are text."""

SKELETON_HINT = "a claims file starts with `version: 1`, then `sources:` and `claims:`"


def _error(loc: Location, message: str, hint: str | None = None, code: str = "input") -> Problem:
    return Problem(loc, "error", message, code=code, hint=hint)


def read_claims_text(path: Path, display: str) -> str:
    """The claims file's text: size-capped, UTF-8 (BOM allowed), LF line ends."""
    where = Location(display)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([_error(where, "claims file not found", "check the path")]) from None
    except OSError as exc:
        raise InputError([_error(where, f"cannot read the claims file: {exc.strerror}")]) from None
    if not path.is_file():
        raise InputError([_error(where, "the claims file is not a regular file")])
    if size > MAX_CLAIMS_FILE_BYTES:
        limit = MAX_CLAIMS_FILE_BYTES // (1024 * 1024)
        raise InputError(
            [
                _error(
                    where,
                    f"refused: the claims file is {size:,} bytes, larger than the {limit:,} MB "
                    "limit (about three million claims)",
                    "check the path; split an archive this large into several claims files",
                    code="too-large",
                )
            ]
        )
    try:
        data = path.read_bytes()[: MAX_CLAIMS_FILE_BYTES + 1]
    except OSError as exc:
        raise InputError([_error(where, f"cannot read the claims file: {exc.strerror}")]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            [_error(where, "the claims file is UTF-16; claims files are UTF-8", "re-save as UTF-8")]
        )
    try:
        return decode_bytes(data, display=display, what="claims file")
    except InputError as exc:
        raise InputError(replace(p, code="encoding") for p in exc.problems) from None


def parse_document(text: str, display: str) -> Doc:
    """Text -> Doc with positions; raises InputError for syntax and refused constructs."""
    try:  # one pass for a valid file; the refusal scan words what build stopped at
        doc, root_pos, problems = build(text, display, TEXT_KEYS)
    except (Refused, yaml.YAMLError) as exc:
        refused = scan_events(text, display)
        if refused:
            raise InputError(refused) from None
        if isinstance(exc, Refused):  # the two scans disagree: never silently accept
            raise
        raise InputError([syntax_problem(display, exc, text)]) from None
    if root_pos is None:
        raise InputError([_error(Location(display), "the claims file is empty", SKELETON_HINT)])
    if not isinstance(doc.data, dict):
        found = "a list" if isinstance(doc.data, list) else "a single value"
        loc = Location(display, root_pos[0] + 1, root_pos[1] + 1)
        raise InputError(
            [
                _error(
                    loc,
                    f"the top level must be a mapping (version, sources, claims); found {found}",
                    SKELETON_HINT,
                )
            ]
        )
    if problems:
        raise InputError(problems)
    return doc


def load(
    path: str | Path,
    *,
    allow_outside: bool = False,
    check_quotes: bool = True,
    partial: bool = False,
) -> ClaimsFile:
    """Read and validate a claims file; raise InputError with every problem found.

    ``partial`` (``claimcheck report``): claims, sources and reviews with errors are left
    out and their errors returned in ``warnings`` (still severity error), so the rest can
    be reported; errors of the file as a whole (syntax, version, settings) still raise.
    """
    path = Path(path)
    display = str(path)
    text = read_claims_text(path, display)
    return checked(
        text,
        display,
        path.parent,
        allow_outside=allow_outside,
        check_quotes=check_quotes,
        partial=partial,
    )


def checked(
    text: str,
    display: str,
    base: Path,
    *,
    allow_outside: bool = False,
    check_quotes: bool = True,
    partial: bool = False,
) -> ClaimsFile:
    """The claims file in ``text`` checked, source files resolved from ``base``.

    A big plain file is read by the fast reader; when any check finds anything to
    report, the file is read again by the exact one, so every problem is located and
    worded as it always is (the fast reader keeps only the positions of entries).
    """
    from claimcheck.claimsfile.gcpause import paused

    with paused():
        return _read_and_check(text, display, base, allow_outside, check_quotes, partial)


def _read_and_check(
    text: str, display: str, base: Path, allow_outside: bool, check_quotes: bool, partial: bool
) -> ClaimsFile:
    fast = None
    if len(text) >= FAST_READ_MIN_CHARS:
        from claimcheck.claimsfile.fastread import read_fast

        fast = read_fast(text, display, TEXT_KEYS)
    if fast is not None:
        try:
            return _checked(fast, display, base, allow_outside, check_quotes, partial, fast=True)
        except _Reread:
            pass
    doc = parse_document(text, display)
    return _checked(doc, display, base, allow_outside, check_quotes, partial, fast=False)


class _Reread(Exception):
    """The fast reader's document has problems to report: read it exactly."""


def _checked(
    doc: Doc,
    display: str,
    base: Path,
    allow_outside: bool,
    check_quotes: bool,
    partial: bool,
    *,
    fast: bool,
) -> ClaimsFile:
    problems = validate.schema_problems(doc)
    if fast and problems:
        raise _Reread
    bad_paths = {p for p, _ in problems}
    result = semantics.Semantics(
        doc, base, allow_outside=allow_outside, check_quotes=check_quotes, skip=bad_paths
    )
    all_problems = [p for _, p in problems] + result.check()
    if fast and all_problems:
        raise _Reread
    dropped = Dropped()
    if any(p.severity == "error" for p in all_problems):
        found = _dropped(doc, [*bad_paths, *result.error_paths]) if partial else None
        if found is None:
            raise InputError(all_problems)
        dropped = found
    return dataclasses.replace(
        _assemble(doc, display, result, dropped),
        warnings=tuple(sorted(p for p in all_problems if partial or p.severity != "error")),
    )


@dataclass(frozen=True)
class Dropped:
    """What a partial load leaves out: claim and review indexes, source ids."""

    claims: frozenset[int] = frozenset()
    reviews: frozenset[int] = frozenset()
    sources: frozenset[str] = frozenset()


def _dropped(doc: Doc, error_paths: list[tuple[Any, ...]]) -> Dropped | None:
    """The entries the errors are in, or None when an error is about the file as a whole
    (then nothing can be trusted, and the load fails as ``check`` would)."""
    claims: set[int] = set()
    reviews: set[int] = set()
    sources: set[str] = set()
    for path in error_paths:
        if len(path) < 2:
            return None
        head, key = path[0], path[1]
        if head == "claims" and isinstance(key, int):
            claims.add(key)
        elif head == "reviews" and isinstance(key, int):
            reviews.add(key)
        elif head == "sources" and isinstance(key, str):
            sources.add(key)
        else:
            return None
    data: dict[str, Any] = doc.data
    for i, raw in enumerate(data.get("claims") or []):
        if not isinstance(raw, dict) or str(raw.get("source")) in sources:
            claims.add(i)
    return Dropped(frozenset(claims), frozenset(reviews), frozenset(sources))


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _assemble(
    doc: Doc, display: str, sem: semantics.Semantics, dropped: Dropped | None = None
) -> ClaimsFile:
    drop = dropped or Dropped()
    data: dict[str, Any] = doc.data
    sources = tuple(
        Source(
            id=sid,
            path=str(src["file"]),
            publisher=_text(src.get("publisher")),
            title=_text(src.get("title")),
            published=sem.published.get(sid),
            url=_text(src.get("url")),
            location=doc.at(("sources", sid)),
        )
        for sid, src in (data.get("sources") or {}).items()
        if sid not in drop.sources
    )
    claims = []
    new, spans, values, shown = object.__new__, sem.spans, doc.values, doc.display
    plain_types, set_dict = _ONLY_TEXT.issuperset, object.__setattr__
    for i, raw in enumerate(data.get("claims") or []):
        if i in drop.claims:
            continue
        get = raw.get
        pos = values.get(("claims", i))
        if pos is not None and plain_types(map(type, raw.values())):
            # all text (a big file's nearly every claim): each field is the text as
            # given, no str() or span list to read; each object's attributes set as one
            # dict, in field order (the fields below, as built())
            location = new(Location)
            set_dict(location, "__dict__", {"path": shown, "line": pos[0] + 1, "col": pos[1] + 1})
            claim = new(Claim)
            set_dict(claim, "__dict__", {
                "id": raw["id"], "source": raw["source"], "subject": raw["subject"],
                "kind": raw["kind"], "value": get("value"), "unit": get("unit") or "",
                "quote": raw["quote"], "time": get("time"), "qualifier": get("qualifier"),
                "from_value": get("from"), "to_value": get("to"), "said_by": get("said_by"),
                "note": get("note"), "status": get("status") or "active",
                "status_reason": get("status_reason"), "span": spans.get(i),
                "location": location, "time_source": get("time_source"),
            })  # fmt: skip
            claims.append(claim)
            continue
        value, unit, time = get("value"), get("unit"), get("time")
        from_, to, said_by = get("from"), get("to"), get("said_by")
        note, reason = get("note"), get("status_reason")
        if pos is None:  # every entry's position is known (doc.at's walk)
            location = doc.at(("claims", i))
        else:
            location = new(Location)
            location.__dict__.update(path=shown, line=pos[0] + 1, col=pos[1] + 1)
        claim = new(Claim)  # built(): every field, without the generated __init__'s setattrs
        claim.__dict__.update(
            id=str(raw["id"]),
            source=str(raw["source"]),
            subject=str(raw["subject"]),
            kind=raw["kind"],
            value=None if value is None else str(value),
            unit=(None if unit is None else str(unit)) or "",
            quote=str(raw["quote"]),
            time=None if time is None else str(time),
            qualifier=get("qualifier"),
            from_value=None if from_ is None else str(from_),
            to_value=None if to is None else str(to),
            said_by=None if said_by is None else str(said_by),
            note=None if note is None else str(note),
            status=get("status") or "active",
            status_reason=None if reason is None else str(reason),
            span=spans.get(i) or _given_span(get("span")),
            location=location,
            time_source=get("time_source"),
        )
        claims.append(claim)
    reviews = tuple(
        Review(
            fingerprint=str(r["fingerprint"]),
            verdict=r["verdict"],
            note=_text(r.get("note")) or "",
            location=doc.at(("reviews", i)),
        )
        for i, r in enumerate(data.get("reviews") or [])
        if i not in drop.reviews
    )
    aliases = tuple(tuple(str(n) for n in group) for group in data.get("aliases") or [])
    settings = {k: float(v) for k, v in sorted((data.get("settings") or {}).items())}
    return ClaimsFile(
        path=display,
        version=int(data["version"]),
        sources=sources,
        claims=tuple(claims),
        aliases=aliases,
        reviews=reviews,
        settings=settings,
        texts=dict(sorted(sem.texts.items())),
    )


_ONLY_TEXT = frozenset({str})


def _given_span(span: Any) -> tuple[int, int] | None:
    if isinstance(span, list) and len(span) == 2:
        return int(span[0]), int(span[1])
    return None
