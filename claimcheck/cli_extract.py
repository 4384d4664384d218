"""The ``extract`` command's work, kept out of ``cli.py`` (which only declares its options):
articles to claims, streamed as JSON, printed as YAML or merged into a claims file, with
source paths shown relative to where the claims live. Imported only when ``extract`` runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from claimcheck.cli_support import inert


def run_extract(
    paths: tuple[str, ...],
    fmt: str,
    into: str | None,
    jobs: int,
    no_cache: bool,
    published: date | None,
    quiet: bool,
    piped: Path | None = None,
) -> None:
    from claimcheck.extract import run as extract_run

    cache_dir = None if no_cache else _cache_dir()
    inputs = [Path(p) for p in paths]
    if into:
        from claimcheck.outputs import check_not_input

        check_not_input(into, inputs, what="claims file (--into)")
    from claimcheck.cli_support import extraction_progress

    shown = sys.stderr.isatty() and not quiet
    total = len(extract_run._collect(inputs)[0]) if shown else 0  # only to size the bar
    if fmt == "json" and not into:  # written as the files are done: memory stays flat
        from claimcheck.extract.stream import extract_json

        here = Path.cwd()
        with extraction_progress(total, enabled=shown) as stages:
            shown_warnings = extract_json(
                inputs, sys.stdout, jobs=jobs, cache_dir=cache_dir,
                progress=stages.advance if shown else None, published=published,
                show_source=lambda s: _relative_source(s, here, piped),
                show_warning=lambda w: _piped_as_dash(w, piped),
            )  # fmt: skip
        _echo_warnings(shown_warnings, quiet)
        return
    with extraction_progress(total, enabled=shown) as stages:
        result = extract_run.extract_paths(
            inputs,
            jobs=jobs,
            cache_dir=cache_dir,
            progress=stages.advance if shown else None,
            published=published,
        )
        base = Path(into).resolve().parent if into else Path.cwd()
        sources = [_relative_source(s, base, piped) for s in result.sources]
        if into:
            from claimcheck.claimsfile.write import merge_into
            from claimcheck.outputs import check_not_input

            check_not_input(into, [s.path for s in result.sources], what="claims file (--into)")
            stages.stage(f"merging into {into}")
            merged = merge_into(Path(into), sources, result.claims)
    _echo_warnings([_piped_as_dash(w, piped) for w in result.warnings], quiet)
    if into:
        if quiet:
            return
        click.echo(
            f"{into}: {len(merged.added_sources)} sources and {len(merged.added_claims)} claims "
            f"added, {len(merged.skipped_claims)} already there",
            err=True,
        )
        return
    from claimcheck.render.extraction import render_extraction_yaml

    click.echo(render_extraction_yaml(sources, result.claims), nl=False)  # JSON streamed above


def _piped_as_dash(warning: str, piped: Path | None) -> str:
    """An article read from standard input is ``-`` in what the user sees, not its
    temporary file's path."""
    return warning.replace(str(piped), "-") if piped else warning


def _echo_warnings(warnings: Sequence[str], quiet: bool) -> None:
    for warning in () if quiet else warnings:
        click.echo(inert(f"warning: {warning}"), err=True)


def _cache_dir() -> Path:
    """$CLAIMCHECK_CACHE, else the user's cache folder (never the working tree)."""
    if os.environ.get("CLAIMCHECK_CACHE"):
        return Path(os.environ["CLAIMCHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimcheck"


def _relative_source(source: Any, base: Path, piped: Path | None = None) -> Any:
    """Source paths are stored relative to the claims file, with forward slashes; an
    article read from standard input is ``-``."""
    import dataclasses

    from claimcheck.extract.cache import resolved_path

    resolved = resolved_path(Path(source.path))  # each folder resolved once per run
    if piped is not None and Path(resolved) == piped.resolve():
        return dataclasses.replace(source, path="-")
    try:
        rel = os.path.relpath(resolved, base)
    except ValueError:  # another drive on Windows
        rel = resolved
    return dataclasses.replace(source, path=Path(rel).as_posix())
