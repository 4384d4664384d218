"""``report`` and ``show``: drawing a report to the terminal or a file, and what a reader
of one subject needs besides (which written subjects were read as one). Loaded only by
those commands, so ``check`` (the pre-commit hook) never imports it."""

from __future__ import annotations

import dataclasses
import io
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from claimcheck import cli  # called through the module: tests and embedders patch it
from claimcheck.cli_support import current_config as _config
from claimcheck.cli_support import inert
from claimcheck.errors import ClaimcheckError

if TYPE_CHECKING:
    from claimcheck.filters import Filters
    from claimcheck.model import Report


def run_report(
    claims_files: Sequence[str],
    fmt: str,
    output: str | None,
    *,
    quiet: bool,
    color: str,
    force: bool,
    timeline: bool,
    no_timeline: bool,
    allow_outside: bool,
    filters: Filters,
) -> None:
    """The report command: one claims file or several read as one set, to the terminal or
    a file in any format."""
    paths = tuple(claims_files) or (_config().claims_file(),)
    if len(paths) == 1:
        rep = cli.build_report(paths[0], allow_outside=allow_outside, filters=filters, partial=True)
    else:
        from claimcheck.claimset import combine

        loaded = [cli.load_claims(p, allow_outside=allow_outside, partial=True) for p in paths]
        rep = cli.report_of(combine(loaded), filters)
    _exit_after_report(rep)
    inputs = cli.inputs_of(paths, [rep])
    if fmt in ("auto", "terminal", "text"):
        from claimcheck.render import terminal

        if output and output != "-":
            from rich.console import Console

            console = Console(record=True, file=io.StringIO(), width=120)
            _draw_terminal(terminal, rep, console, timeline=timeline, no_timeline=no_timeline)
            cli.write_output(console.export_text(), output, quiet=quiet, inputs=inputs, force=force)
        else:
            shown = cli.console_for(color="never" if fmt == "text" else color)
            _draw_terminal(terminal, rep, shown, timeline=timeline, no_timeline=no_timeline)
        return
    text = cli.render_one(rep, fmt, "report")
    cli.write_output(text, output, quiet=quiet, inputs=inputs, force=force)


def run_show(
    subject: str, claims_file: str, *, color: str, allow_outside: bool, filters: Filters
) -> None:
    """The show command: one subject's claims, findings and reviews, and its merges."""
    filters = dataclasses.replace(filters, subjects=(subject, *filters.subjects))
    rep = cli.build_report(claims_file, allow_outside=allow_outside, filters=filters)
    if not rep.normalized:
        raise ClaimcheckError(f"{claims_file}: no subject matches {subject!r}")
    from claimcheck.render import terminal

    terminal.render_report(rep, cli.console_for(color=color), timeline=True)
    for line in _merged_subjects(rep):
        click.echo(inert(line))


def _exit_after_report(rep: Report) -> None:
    """After the report is written (the command returns normally), exit 2 if claims were
    left out for errors: a partial report must not pass for a clean one in a script."""
    errors = sum(1 for p in rep.problems if p.severity == "error")
    if not errors:
        return
    ctx = click.get_current_context()

    def done() -> None:
        click.echo(
            f"claimcheck: {errors} input error(s); the entries with errors were left out",
            err=True,
        )
        sys.exit(2)

    ctx.call_on_close(done)


def _draw_terminal(
    terminal: Any, rep: Report, console: Any, *, timeline: bool, no_timeline: bool
) -> None:
    if timeline:
        terminal.render_timeline(rep, console)
    else:
        terminal.render_report(rep, console, timeline=not no_timeline)


def _merged_subjects(rep: Report) -> list[str]:
    """Which written subjects were read as one quantity, and why (folds, aliases, spelling)."""
    from claimcheck.normalize import settings_of
    from claimcheck.normalize.subjects import merge_notes

    cf = rep.claims_file
    shown = {nc.subject_key for nc in rep.normalized}
    notes = [
        n
        for n in merge_notes(
            [c.subject for c in cf.claims], cf.aliases, settings_of(cf).subject_threshold
        )
        if n[0] in shown
    ]
    if not notes:
        return []
    out = ["", "Subjects read as one quantity:"]
    for key, written, why in notes:
        out.append(f"  {key}: “{written}” ({why})")
    return out
