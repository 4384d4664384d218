"""Append extracted sources and claims to a claims file without disturbing the editor's work.

The claims file is curated by hand: comments, key order and quoting must survive
(ruamel.yaml round-trip), a crash must never leave half a file (temp file +
fsync + ``os.replace``), and two merges at once must not lose claims (an
exclusive lock on a sidecar file in the user's cache folder, held across
read-modify-write).
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from claimcheck.dataclassgen import dataclass
from claimcheck.errors import ClaimcheckError, InputError, OutputError
from claimcheck.model import Claim, Location, Problem, Source

LOCK_TIMEOUT_S = 30.0
MODELINE = "# yaml-language-server: $schema={ref}\n"


class LockTimeout(ClaimcheckError):
    """Another process kept the claims file locked for too long."""


@dataclass(frozen=True)
class MergeResult:
    """What a merge added; ``changed`` is False when the file was left byte-for-byte alone."""

    path: str
    created: bool
    added_sources: tuple[str, ...]
    added_claims: tuple[str, ...]
    skipped_claims: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added_sources or self.added_claims)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Readers see the old file or the complete new one, never a torn write. A symlinked
    claims file is written through (its target replaced, the link kept, so the relative
    paths in it still resolve); a device, FIFO or folder is refused, never replaced."""
    from claimcheck.outputs import atomic_replace, real_target

    target = real_target(path)
    _regular_or_missing(target, str(path))
    if not target.parent.is_dir():
        raise OutputError(f"{path}: cannot write: the folder {target.parent} does not exist")
    atomic_replace(target, data, display=str(path))


def _regular_or_missing(path: Path, display: str) -> None:
    """A claims file is a regular file: reading ``/dev/zero`` would never end, and
    replacing ``/dev/null`` (as root) would destroy it."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"{display}: cannot open: {exc.strerror}") from None
    if not stat.S_ISREG(mode):
        raise OutputError(f"{display}: refused: not a regular file; give a claims file name")


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically (reports, exports)."""
    atomic_write_bytes(Path(path), text.encode("utf-8"))


def lock_dir() -> Path:
    """Where locks live: the user's cache folder, never the user's checkout."""
    if os.environ.get("CLAIMCHECK_CACHE"):
        base = Path(os.environ["CLAIMCHECK_CACHE"])
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
    return base / "locks"


def lock_path_for(path: Path) -> Path:
    """The lock of one claims file, keyed by its resolved path (two spellings of one file
    share a lock). Falls back to the temp folder when the cache folder is not writable."""
    import hashlib

    resolved = str(Path(path).resolve())
    name = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:24] + ".lock"
    for folder in (lock_dir(), Path(tempfile.gettempdir()) / f"claimcheck-locks-{os.getuid()}"):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder / name
    raise ClaimcheckError(f"{path}: no writable folder for its lock (set CLAIMCHECK_CACHE)")


@contextlib.contextmanager
def file_lock(path: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Exclusive lock on a sidecar in the user's cache folder (``lock_path_for``); the data
    file itself is replaced on every write, so locking it would lock an inode that
    disappears, and a sidecar next to it would litter the user's checkout."""
    lock_path = lock_path_for(path)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"{path}: another claimcheck has held {lock_path} for over "
                        f"{timeout:.0f} s (hint: wait for it to finish, or remove a stale lock)"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # closing releases the flock


def default_schema_ref(path: Path) -> str:
    """For the modeline: ``claims.schema.json`` next to the claims file when it is there
    (``claimcheck schema -o``), else the published schema's stable URL. Never a path into
    this installation, which no other checkout has."""
    from claimcheck.claimsfile import SCHEMA_FILE, SCHEMA_URL

    if (Path(path).parent / SCHEMA_FILE).is_file():
        return f"./{SCHEMA_FILE}"
    return SCHEMA_URL


def _yaml(indent: tuple[int, int, int] = (2, 4, 2), null: str = "") -> Any:
    from ruamel.yaml import YAML

    yml = YAML(typ="rt")
    if null:
        yml.representer.add_representer(
            type(None),
            lambda rep, _data: rep.represent_scalar("tag:yaml.org,2002:null", null),
        )
    yml.preserve_quotes = True
    yml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    yml.width = 4096  # never fold a long quote onto several lines
    return yml


def _null_style(text: str) -> str:
    """How the file writes an empty value (``null``, ``~`` or nothing): ruamel forgets it."""
    counts = {
        style: len(re.findall(rf":[ \t]+{re.escape(style)}[ \t]*(?:#.*)?$", text, re.M))
        for style in ("null", "~")
    }
    empty = len(re.findall(r"^[ \t]*(?:- )?[\w.-]+:[ \t]*$", text, re.M))
    best = max(counts, key=lambda style: counts[style])
    return best if counts[best] > 0 and counts[best] >= empty // 4 else ""


def _guess_indent(text: str) -> tuple[int, int, int]:
    """Keep the file's own list indentation, so appended items look like their neighbours."""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and not line.startswith("- "):
            offset = len(line) - len(stripped)
            return (2, offset + 2, offset)
        if line.startswith("- "):
            return (2, 2, 0)
    return (2, 4, 2)


def _source_map(source: Source) -> Any:
    from ruamel.yaml.comments import CommentedMap

    entry = CommentedMap()
    entry["file"] = source.path
    for key, value in (
        ("publisher", source.publisher),
        ("title", source.title),
        ("published", source.published),
        ("url", source.url),
    ):
        if value is not None:
            entry[key] = value
    return entry


def _claim_map(claim: Claim, source_id: str) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = CommentedMap()
    entry["id"] = claim.id
    entry["source"] = source_id
    entry["subject"] = claim.subject
    entry["kind"] = claim.kind
    entry["value"] = claim.value
    optional: tuple[tuple[str, Any], ...] = (
        ("qualifier", claim.qualifier),
        ("from", claim.from_value),
        ("to", claim.to_value),
    )
    for key, value in optional:
        if value is not None:
            entry[key] = value
    entry["unit"] = claim.unit
    if claim.time is not None:
        entry["time"] = claim.time
    if claim.time_source is not None:
        entry["time_source"] = claim.time_source
    entry["quote"] = claim.quote
    tail: tuple[tuple[str, Any], ...] = (
        ("said_by", claim.said_by),
        ("note", claim.note),
        ("status", None if claim.status == "active" else claim.status),
        ("status_reason", claim.status_reason),
    )
    for key, value in tail:
        if value is not None:
            entry[key] = value
    if claim.span is not None:
        span = CommentedSeq([int(claim.span[0]), int(claim.span[1])])
        span.fa.set_flow_style()
        entry["span"] = span
    return entry


def _last_comment_slot(node: Any) -> tuple[Any, Any, int] | None:
    """(container, key, index) of the comment after the deepest last entry of ``node``.

    ruamel attaches the blank lines and comments that follow a collection to its last
    scalar; appending after it would push them above the new entry.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and len(node):
        key: Any = list(node)[-1]
        index = 2
    elif isinstance(node, CommentedSeq) and len(node):
        key, index = len(node) - 1, 0
    else:
        return None
    inner = _last_comment_slot(node[key])
    if inner is not None:
        return inner
    entry = node.ca.items.get(key)
    if entry and len(entry) > index and entry[index] is not None:
        return node, key, index
    return None


def _detach_trailer(node: Any) -> str | None:
    """Remove and return what follows the last line of ``node`` (keeping an inline comment)."""
    slot = _last_comment_slot(node)
    if slot is None:
        return None
    container, key, index = slot
    token = container.ca.items[key][index]
    value: str = token.value
    first, newline, rest = value.partition("\n")
    if not newline or not rest:
        return None
    token.value = first + "\n"
    return rest


def _attach_trailer(node: Any, trailer: str) -> None:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not isinstance(node, CommentedMap) or not len(node):
        return
    key = list(node)[-1]
    node.ca.items[key] = [None, None, CommentToken("\n" + trailer, CommentMark(0), None), None]


def _unique_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def _merge_data(
    data: Any, sources: Sequence[Source], claims: Sequence[Claim]
) -> tuple[list[str], list[str], list[str]]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    # an empty or missing collection is replaced by a block-style one: one line per entry
    if data.get("sources") is None or len(data["sources"]) == 0:
        data["sources"] = CommentedMap()
    if data.get("claims") is None or len(data["claims"]) == 0:
        data["claims"] = CommentedSeq()
    existing_sources = data["sources"]
    source_trailer = _detach_trailer(existing_sources) if sources else None
    by_file = {
        str(entry.get("file")): str(sid)
        for sid, entry in existing_sources.items()
        if hasattr(entry, "get")
    }
    rename: dict[str, str] = {}
    added_sources: list[str] = []
    for source in sources:
        if source.path in by_file:
            rename[source.id] = by_file[source.path]
            continue
        sid = _unique_id(source.id, {str(k) for k in existing_sources})
        existing_sources[sid] = _source_map(source)
        by_file[source.path] = sid
        rename[source.id] = sid
        added_sources.append(sid)
    if source_trailer is not None:
        if added_sources:
            _attach_trailer(existing_sources[added_sources[-1]], source_trailer)
        else:
            _restore_trailer(existing_sources, source_trailer)
    existing_claims = data["claims"]
    claim_trailer = _detach_trailer(existing_claims) if claims else None
    taken = {str(c.get("id")) for c in existing_claims if hasattr(c, "get")}
    added_claims: list[str] = []
    skipped: list[str] = []
    for claim in claims:
        if claim.id in taken:
            skipped.append(claim.id)
            continue
        existing_claims.append(_claim_map(claim, rename.get(claim.source, claim.source)))
        taken.add(claim.id)
        added_claims.append(claim.id)
    if claim_trailer is not None:
        if added_claims:
            _attach_trailer(existing_claims[len(existing_claims) - 1], claim_trailer)
        else:
            _restore_trailer(existing_claims, claim_trailer)
    return added_sources, added_claims, skipped


def _restore_trailer(node: Any, trailer: str) -> None:
    slot = _last_comment_slot(node)
    if slot is not None:
        container, key, index = slot
        container.ca.items[key][index].value += trailer


def _new_document(path: Path, schema_ref: str | None) -> str:
    ref = schema_ref if schema_ref is not None else default_schema_ref(path)
    return MODELINE.format(ref=ref) + "version: 1\nsources: {}\nclaims: []\n"


def _parse_existing(yml: Any, text: str, display: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = yml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Location(display, mark.line + 1, mark.column + 1) if mark else Location(display)
        raise InputError(
            [Problem(loc, "error", f"YAML syntax: {exc.problem}", code="yaml")]
        ) from None
    except YAMLError as exc:
        raise InputError(
            [Problem(Location(display), "error", f"YAML: {exc}", code="yaml")]
        ) from None
    if not hasattr(data, "get"):
        raise InputError(
            [
                Problem(
                    Location(display),
                    "error",
                    "the claims file's top level is not a mapping",
                    code="yaml",
                    hint="fix the file, or merge into a new one",
                )
            ]
        )
    for key, make in (("sources", "a mapping"), ("claims", "a list")):
        value = data.get(key)
        kind_ok = value is None or (
            hasattr(value, "items") if key == "sources" else isinstance(value, list)
        )
        if not kind_ok:
            raise InputError(
                [Problem(Location(display), "error", f"`{key}` must be {make}", code="yaml")]
            )
    return data


def merge_into(
    path: Path,
    sources: Sequence[Source],
    claims: Sequence[Claim],
    *,
    schema_ref: str | None = None,
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> MergeResult:
    """Append new sources (by file) and new claims (by id); leave everything else alone.

    Re-running with the same input changes nothing, byte for byte.
    """
    path = Path(path)
    _regular_or_missing(path, str(path))
    with file_lock(path, lock_timeout):
        try:
            original: bytes | None = path.read_bytes()
        except FileNotFoundError:
            original = None
        created = original is None
        text = _new_document(path, schema_ref) if original is None else _decode(original, path)
        yml = _yaml(_guess_indent(text), _null_style(text))
        data = _parse_existing(yml, text, str(path))
        added_sources, added_claims, skipped = _merge_data(data, sources, claims)
        if not created and not added_sources and not added_claims:
            return MergeResult(str(path), False, (), (), tuple(skipped))
        dumped = None if created else _spliced(text, data, added_sources, len(added_claims))
        if dumped is None:
            out = io.StringIO()
            yml.dump(data, out)
            dumped = out.getvalue()
            if "\r\n" in text:
                dumped = dumped.replace("\r\n", "\n").replace("\n", "\r\n")
        new = dumped.encode("utf-8")
        if new != original:
            atomic_write_bytes(path, new)
    return MergeResult(
        str(path), created, tuple(added_sources), tuple(added_claims), tuple(skipped)
    )


def _spliced(text: str, data: Any, added_sources: Sequence[str], n_claims: int) -> str | None:
    """The merge as inserted text (every existing byte kept: ``+5``, ``.NaN``, the
    file's indentation), or None when the file needs the round trip."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from claimcheck.claimsfile.splice import fresh, splice

    new_sources = CommentedMap()
    for sid in added_sources:
        new_sources[sid] = fresh(data["sources"][sid])
    claims = data["claims"]
    new_claims = CommentedSeq(
        fresh(claims[i]) for i in range(len(claims) - n_claims, len(claims))
    )
    null = _null_style(text)
    return splice(text, new_sources, new_claims, lambda indent: _yaml(indent, null))


def _appended_review(text: str, entry: Any) -> str | None:
    """A new review as inserted text, so the rest of the file keeps every byte (None:
    the file needs the round trip)."""
    from ruamel.yaml.comments import CommentedSeq

    from claimcheck.claimsfile.splice import append_to_list, fresh

    null = _null_style(text)
    new = CommentedSeq([fresh(entry)])
    return append_to_list(text, "reviews", new, lambda indent: _yaml(indent, null))


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    Location(str(path)),
                    "error",
                    f"not valid UTF-8 (byte {exc.start})",
                    code="encoding",
                    hint="re-save the claims file as UTF-8",
                )
            ]
        ) from None


def render_document(sources: Sequence[Source], claims: Sequence[Claim]) -> str:
    """A new claims file holding these sources and claims, as ``merge_into`` would write it.

    Used by ``claimcheck extract`` to print what it found in the claims-file schema.
    """
    text = _new_document(Path("claims.yaml"), None)
    yml = _yaml()
    data = _parse_existing(yml, text, "<extract>")
    _merge_data(data, sources, claims)
    out = io.StringIO()
    yml.dump(data, out)
    return out.getvalue()


def _folded(text: str, width: int = 80) -> Any:
    """A long note as a folded block (``>-``), the way people write them by hand."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    if len(text) <= width or "\n" in text:
        return text
    folded = FoldedScalarString(text)
    folds: list[int] = []
    line_start = 0
    last_space = -1
    for i, ch in enumerate(text):
        if ch == " " and text[i - 1 : i] != " " and text[i + 1 : i + 2] not in (" ", ""):
            last_space = i
        if i - line_start >= width - 6 and last_space > line_start:
            folds.append(last_space)
            line_start = last_space + 1
    folded.fold_pos = folds
    return folded


def write_review(
    path: Path,
    fingerprint: str,
    verdict: str,
    note: str = "",
    *,
    replaces: Sequence[str] = (),
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> bool:
    """Record an editor's verdict in ``reviews:``, keeping comments and formatting.

    An existing review of the same fingerprint is updated in place; reviews whose
    fingerprints are in ``replaces`` (the 0.1.0 pair reviews a finding absorbed,
    or a review of the finding before claims joined it) are removed. Atomic and
    locked like ``merge_into``. Returns False when the file was already so.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = Path(path)
    _regular_or_missing(path, str(path))
    with file_lock(path, lock_timeout):
        original = path.read_bytes()
        text = _decode(original, path)
        yml = _yaml(_guess_indent(text), _null_style(text))
        data = _parse_existing(yml, text, str(path))
        reviews = data.get("reviews")
        if not isinstance(reviews, list):
            reviews = CommentedSeq()
            data["reviews"] = reviews
        before = len(reviews)
        gone = {r.lower() for r in replaces} - {fingerprint.lower()}
        here = any(
            hasattr(r, "get") and str(r.get("fingerprint", "")).lower() == fingerprint.lower()
            for r in reviews
        )
        for i in range(len(reviews) - 1, -1, -1):
            entry = reviews[i]
            if hasattr(entry, "get") and str(entry.get("fingerprint", "")).lower() in gone:
                first = not any(
                    hasattr(r, "get") and str(r.get("fingerprint", "")).lower() in gone
                    for r in list(reviews)[:i]
                )
                if first and not here:
                    entry["fingerprint"] = fingerprint  # rewritten where the editor put it
                    here = True
                else:
                    del reviews[i]
        entry = next(
            (r for r in reviews
             if hasattr(r, "get") and str(r.get("fingerprint", "")).lower() == fingerprint.lower()),
            None,
        )
        appended = entry is None and len(reviews) == before
        if entry is None:
            entry = CommentedMap()
            entry["fingerprint"] = fingerprint
            reviews.append(entry)
        entry["verdict"] = verdict
        if note and str(entry.get("note", "")) != note:
            entry["note"] = _folded(note)
        elif not note and "note" in entry:
            del entry["note"]
        dumped = _appended_review(text, entry) if appended else None
        if dumped is None:
            out = io.StringIO()
            yml.dump(data, out)
            dumped = out.getvalue()
            if "\r\n" in text:
                dumped = dumped.replace("\r\n", "\n").replace("\n", "\r\n")
        new = dumped.encode("utf-8")
        if new == original:
            return False
        atomic_write_bytes(path, new)
    return True
