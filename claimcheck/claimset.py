"""Several claims files checked as one set: an archive split by year or desk is still
one body of claims, and a contradiction between two of its files is still a finding.

Each file is loaded and validated on its own (its problems stay located in it); the
set is then one ``ClaimsFile`` whose claims keep their own locations, so every finding
points at the file each claim is written in. What cannot be joined is refused with the
two places that clash: a claim id or a source id that names different things in two
files. A source id both files give to the same article is one source.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from claimcheck.errors import InputError
from claimcheck.model import Claim, ClaimsFile, Location, Problem, Review, Source

APART_HINT = (
    "ids must be unique across files checked together; rename one, "
    "or check the files apart with --apart"
)


def combine(files: Sequence[ClaimsFile]) -> ClaimsFile:
    """One claims file made of ``files`` (at least one), in the order given."""
    if len(files) == 1:
        return files[0]
    problems: list[Problem] = []
    sources: dict[str, tuple[Source, str]] = {}
    claims: dict[str, Claim] = {}
    texts: dict[str, str] = {}
    for cf in files:
        for src in cf.sources:
            joined = replace(src, path=_rebased(src.path, cf.path, files[0].path))
            seen = sources.get(src.id)
            if seen is None:
                sources[src.id] = (joined, cf.path)
                if src.id in cf.texts:
                    texts[src.id] = cf.texts[src.id]
            elif _article(seen[0], files[0].path) != _article(joined, files[0].path):
                problems.append(_clash("source", src.id, src.location, seen[0].location, cf.path))
        for claim in cf.claims:
            first = claims.get(claim.id)
            if first is None:
                claims[claim.id] = claim
            else:
                problems.append(_clash("claim", claim.id, claim.location, first.location, cf.path))
    if problems:
        raise InputError(problems)
    return ClaimsFile(
        path=files[0].path,
        version=max(cf.version for cf in files),
        sources=tuple(src for src, _ in sources.values()),
        claims=tuple(claims.values()),
        aliases=_aliases(files),
        reviews=_reviews(files),
        settings=_settings(files),
        warnings=tuple(p for cf in files for p in cf.warnings) + _setting_clashes(files),
        texts=texts,
    )


def _rebased(source_path: str, claims_path: str, set_path: str) -> str:
    """A source path as written (relative to its claims file), made relative to the
    set's first file, where everything downstream resolves it: two files'
    ``articles/a.txt`` stay two articles."""
    if os.path.isabs(source_path):
        return source_path
    here = os.path.dirname(claims_path) or "."
    base = os.path.dirname(set_path) or "."
    if os.path.normpath(here) == os.path.normpath(base):
        return source_path
    try:
        return os.path.relpath(os.path.join(here, source_path), base).replace(os.sep, "/")
    except ValueError:  # another drive (Windows): no relative path exists
        return os.path.abspath(os.path.join(here, source_path))


def _article(src: Source, base: str) -> str:
    return os.path.normcase(os.path.realpath(os.path.join(os.path.dirname(base), src.path)))


def _clash(
    what: str, ident: str, here: Location | None, there: Location | None, path: str
) -> Problem:
    where = f" (first at {there})" if there is not None else ""
    return Problem(
        here or Location(path),
        "error",
        f"{what} id {ident!r} is also used by another file checked with it{where}",
        "duplicate-id",
        APART_HINT,
    )


def _aliases(files: Sequence[ClaimsFile]) -> tuple[tuple[str, ...], ...]:
    return tuple(dict.fromkeys(group for cf in files for group in cf.aliases))


def _reviews(files: Sequence[ClaimsFile]) -> tuple[Review, ...]:
    """Every file's reviews; a fingerprint reviewed in two files keeps the first."""
    seen: dict[str, Review] = {}
    for cf in files:
        for review in cf.reviews:
            seen.setdefault(review.fingerprint, review)
    return tuple(seen.values())


def _settings(files: Sequence[ClaimsFile]) -> dict[str, float]:
    merged: dict[str, float] = {}
    for cf in files:
        for key, value in cf.settings.items():
            merged.setdefault(key, value)
    return merged


def _setting_clashes(files: Sequence[ClaimsFile]) -> tuple[Problem, ...]:
    """A setting two files give differently: the first file's applies, and that is said."""
    first: dict[str, tuple[float, str]] = {}
    out: list[Problem] = []
    for cf in files:
        for key, value in sorted(cf.settings.items()):
            if key not in first:
                first[key] = (value, cf.path)
            elif first[key][0] != value:
                out.append(
                    Problem(
                        Location(cf.path),
                        "warning",
                        f"setting {key} = {value:g} differs from {first[key][0]:g} in "
                        f"{first[key][1]}; the first file's value applies to the whole set",
                        "settings",
                    )
                )
    return tuple(out)
