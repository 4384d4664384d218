"""The command line: a thin layer over the library.

Each command parses options, calls the library, hands the result to a
renderer and returns an exit code: 0 clean, 1 findings, 2 bad usage or input.
Only this module and the terminal renderer import click and rich; rich is
imported only by commands that draw to the terminal, so ``check`` starts fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from claimcheck import __version__
from claimcheck.cli_support import (
    color_option,
    config_command,
    filter_options,
    filters_of,
    inert,
    output_options,
    parse_date,
    schema,
)
from claimcheck.cli_support import current_config as _config
from claimcheck.config import REPORT_FORMATS as FORMATS
from claimcheck.errors import ClaimcheckError, InputError

if TYPE_CHECKING:
    from claimcheck.filters import Filters
    from claimcheck.model import ClaimsFile, Problem, Report

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CLAIMS = "claims.yaml"
MACHINE_FORMATS = ("json", "github", "sarif")


def build_report(
    path: str,
    *,
    allow_outside: bool,
    filters: Filters | None = None,
    settings: dict[str, float] | None = None,
    partial: bool = False,
) -> Report:
    """Load, check and cross-check one claims file (``-``: standard input). ``settings``
    (default: the project configuration's) apply where the claims file sets none."""
    cf = load_claims(path, allow_outside=allow_outside, settings=settings, partial=partial)
    return report_of(cf, filters)


def load_claims(
    path: str,
    *,
    allow_outside: bool,
    settings: dict[str, float] | None = None,
    partial: bool = False,
) -> ClaimsFile:
    """One claims file (``-``: standard input), loaded and validated, with the project
    configuration's settings where the file sets none."""
    import dataclasses

    from claimcheck.claimsfile import load, load_text

    if path == "-":
        from claimcheck.cli_support import read_stdin

        cf = load_text(read_stdin(), base=Path.cwd(), allow_outside=allow_outside)
    else:
        cf = load(path, allow_outside=allow_outside, partial=partial)
    defaults = _config().settings() if settings is None else settings
    if defaults:
        cf = dataclasses.replace(cf, settings={**defaults, **cf.settings})
    return cf


def report_of(cf: ClaimsFile, filters: Filters | None = None) -> Report:
    from claimcheck import engine
    from claimcheck import filters as filtering

    report = engine.run(cf)
    return filtering.apply(report, filters) if filters else report


def write_output(
    text: str,
    output: str | None,
    *,
    quiet: bool = False,
    inputs: Sequence[str | Path] = (),
    force: bool = False,
) -> None:
    """stdout, or a file by the rules of ``claimcheck.outputs``: never one of ``inputs``
    (unless ``force``), links written through, devices written as streams."""
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from claimcheck.outputs import write_output

    write_output(output, text, inputs=inputs, force=force)
    if not quiet:
        click.echo(f"wrote {output}", err=True)


def console_for(*, stderr: bool = False, color: str = "auto") -> Any:
    from claimcheck.cli_support import console

    return console(color, stderr=stderr)


class ClaimcheckGroup(click.Group):
    """Turns every ClaimcheckError into a located message and exit code 2.

    Done here rather than in ``main`` so that click's CliRunner sees the same
    behaviour as the console script.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(inert(problem.format()), err=True)
            errors = sum(1 for p in exc.problems if p.severity == "error")
            click.echo(f"claimcheck: {errors} input error(s); nothing was checked", err=True)
            ctx.exit(exc.exit_code)
        except ClaimcheckError as exc:
            click.echo(inert(f"claimcheck: error: {exc}"), err=True)
            ctx.exit(exc.exit_code)
        except (KeyboardInterrupt, click.Abort):
            # click would print "Aborted!" and exit 1, which means "findings" here
            click.echo("\nclaimcheck: interrupted", err=True)
            ctx.exit(INTERRUPTED)


INTERRUPTED = 130
"""Exit code after Ctrl-C (128 + SIGINT), as shells report it; see docs."""

force_option = click.option(
    "--force",
    is_flag=True,
    help="Allow -o/--into to overwrite a file this command reads (the claims file, an article).",
)


def inputs_of(paths: Sequence[str], reports: Sequence[Report]) -> list[Path]:
    """The files a report was made from: claims files and the articles they cite."""
    out = [Path(p) for p in paths if p != "-"]
    for rep in reports:
        base = Path(rep.claims_file.path).parent
        out.extend(base / s.path for s in rep.claims_file.sources)
    return out


@click.group(cls=ClaimcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="claimcheck")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Cross-check numeric and temporal claims in news articles.

    Claims (figures with their subject, time, source and quote) live in a
    claims file; claimcheck groups them by subject and time and flags where
    sources contradict each other. Defaults come from .claimcheck.toml or
    [tool.claimcheck] in pyproject.toml (see `claimcheck config`).
    """
    from claimcheck import config
    from claimcheck.cli_support import default_map

    cfg = config.load()
    ctx.obj = cfg
    ctx.default_map = default_map(cfg)


@cli.command()
@click.argument("claims_files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Output format; auto and terminal draw for the terminal, text is the same "
    "without colour; the others as for check.",
)
@output_options
@force_option
@click.option("--timeline", is_flag=True, help="Only the timelines (terminal format).")
@click.option("--no-timeline", is_flag=True, help="Leave out the timelines (terminal format).")
@filter_options
def report(
    claims_files: tuple[str, ...],
    fmt: str,
    output: str | None,
    quiet: bool,
    color: str,
    force: bool,
    timeline: bool,
    no_timeline: bool,
    allow_outside: bool,
    **kw: Any,
) -> None:
    """Report claims by subject over time, and the discrepancies between sources.

    Several claims files are one set of claims, as for check. Claims with errors are left
    out and the errors listed first; the exit code is then 2.
    """
    from claimcheck.cli_report import run_report

    run_report(
        claims_files, fmt, output, quiet=quiet, color=color, force=force, timeline=timeline,
        no_timeline=no_timeline, allow_outside=allow_outside, filters=filters_of(kw),
    )  # fmt: skip


def render_one(rep: Report, fmt: str, command: str) -> str:
    """One report in a format that returns text (every format but the terminal's)."""
    from claimcheck.render import renderer

    render = renderer(fmt)
    return str(render(rep, command=command) if fmt == "json" else render(rep))


def _check_format(fmt: str) -> str:
    if fmt == "terminal":
        return "text"
    if fmt != "auto":
        return fmt
    if os.environ.get("GITHUB_ACTIONS") and os.environ.get("GITHUB_WORKFLOW"):
        return "github"
    return "text"


def check_exit_code(reports: Sequence[Report]) -> int:
    """1 when any file has errors or unreviewed contradictions/discrepancies."""
    for rep in reports:
        if any(p.severity == "error" for p in rep.problems):
            return 1
        if any(f.tier != "update" and not f.reviewed for f in rep.findings):
            return 1
    return 0


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Output format; auto is github under GitHub Actions, else text (terminal is text).",
)
@output_options
@force_option
@filter_options
@click.option(
    "--no-cache",
    is_flag=True,
    help="Do not read or write the result cache (an unchanged file set is answered from it).",
)
@click.option(
    "--apart",
    is_flag=True,
    help="Check each file on its own (default: files given together are one set of claims).",
)
def check(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    quiet: bool,
    color: str,
    force: bool,
    allow_outside: bool,
    no_cache: bool,
    apart: bool,
    **kw: Any,
) -> None:
    """Check claims files: the pre-commit hook and CI gate ('-' reads one from stdin).

    Files given together are cross-checked as one set of claims (ids must be unique
    across them); --apart checks each on its own. Exit 0 when clean, 1 on errors or
    unreviewed discrepancies, 2 on bad input.
    """
    paths = files or (_config().claims_file(),)
    fmt = _check_format(fmt)
    key = None
    if CHECK_CACHE and not no_cache:
        from claimcheck import check_cache

        cfg = _config()
        options = {
            "fmt": fmt,
            "allow_outside": allow_outside,
            "apart": apart,
            "config": (cfg.path, cfg.values),
        }
        key = check_cache.request_key(paths, {**options, **kw})
    hit = check_cache.lookup(key) if key is not None else None
    if hit is not None:
        text, code, hint, inputs = hit.text, hit.code, hit.hint, [Path(p) for p in hit.inputs]
    else:
        text, code, hint, inputs = _run_check(paths, fmt, output, force, allow_outside, kw, apart)
        if key is not None:
            check_cache.store(key, text=text, code=code, hint=hint, inputs=inputs)
    if fmt == "text":
        from claimcheck.cli_support import colorize_check, drop_summary, use_color

        text = drop_summary(text) if quiet else text
        if (output is None or output == "-") and use_color(color):
            # click strips colour when stdout is no terminal; FORCE_COLOR / --color always
            click.echo(colorize_check(text), nl=False, color=True)
            output = ""
    if output != "":
        write_output(text, output, quiet=quiet, inputs=inputs, force=force)
    if hint and not quiet:
        click.echo(REVIEW_HINT.format(path=paths[0]), err=fmt not in ("text", "github"))
    sys.exit(code)


CHECK_CACHE = False
"""Whether ``check`` uses its result cache: the console script (``main``) turns it on;
library callers and click's CliRunner always see fresh work."""


def _run_check(
    paths: Sequence[str],
    fmt: str,
    output: str | None,
    force: bool,
    allow_outside: bool,
    kw: dict[str, Any],
    apart: bool = False,
) -> tuple[str, int, bool, list[Path]]:
    """Load every file and cross-check them as one set (``apart``: each on its own):
    (output text, exit code, whether to print the review hint, the files read)."""
    filters = filters_of(kw)
    reports: list[Report] = []
    failed: list[Report] = []
    input_problems: list[Problem] = []
    loaded: list[ClaimsFile] = []
    for path in paths:
        try:
            cf = load_claims(path, allow_outside=allow_outside)
        except InputError as exc:
            from claimcheck.render.problems import problem_report

            input_problems.extend(exc.problems)
            failed.append(problem_report(_display(path), exc.problems))
            continue
        if apart:
            reports.append(report_of(cf, filters))
        else:
            loaded.append(cf)
    if loaded and not input_problems:
        from claimcheck.claimset import combine

        try:
            reports.append(report_of(combine(loaded), filters))
        except InputError as exc:
            input_problems.extend(exc.problems)
            failed.append(problem_report_of(paths, exc.problems))
    if input_problems:
        if fmt in MACHINE_FORMATS:  # CI still gets a document naming every problem
            write_output(
                _check_output([*reports, *failed], fmt), output, quiet=True,
                inputs=inputs_of(paths, reports), force=force,
            )  # fmt: skip
        raise InputError(input_problems)
    _refuse_empty_selection(filters, reports)
    text = _check_output(reports, fmt)
    code = check_exit_code(reports)
    hint = code == 1 and any(
        not f.reviewed and f.tier != "update" for r in reports for f in r.findings
    )
    return text, code, hint, inputs_of(paths, reports)


def problem_report_of(paths: Sequence[str], problems: Sequence[Problem]) -> Report:
    from claimcheck.render.problems import problem_report

    return problem_report(_display(paths[0]), problems)


def _refuse_empty_selection(filters: Filters, reports: Sequence[Report]) -> None:
    """A gate whose filters select no claim checked nothing: say so (exit 2) rather than
    pass, so a misspelt --subject or --source never turns CI green by accident."""
    if not (filters.subjects or filters.sources or filters.since or filters.until):
        return
    if any(rep.normalized for rep in reports):
        return
    asked = [f"--subject {s!r}" for s in filters.subjects]
    asked += [f"--source {s!r}" for s in filters.sources]
    asked += [f"--since {filters.since}"] if filters.since else []
    asked += [f"--until {filters.until}"] if filters.until else []
    raise ClaimcheckError(f"no claim matches {' '.join(asked)}; nothing was checked")


def _display(path: str) -> str:
    from claimcheck.claimsfile import STDIN

    return STDIN if path == "-" else path


def _check_output(reports: Sequence[Report], fmt: str) -> str:
    """One document for all checked files, in the format asked for."""
    from claimcheck.render import renderer

    render = renderer(fmt)
    if fmt in ("text", "github", "markdown", "html"):
        return "".join(render(rep) for rep in reports)
    if fmt == "json":
        if len(reports) == 1:
            return str(render(reports[0], command="check"))
        parts = (render(r, command="check").rstrip() for r in reports)
        return "[\n" + ",\n".join(parts) + "\n]\n"
    import json

    docs = [json.loads(render(rep)) for rep in reports]
    merged = docs[0]
    run = merged["runs"][0]
    for doc in docs[1:]:
        run["results"].extend(doc["runs"][0]["results"])
    return json.dumps(merged, indent=2, ensure_ascii=False) + "\n"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="Output format when printing.",
)
@click.option(
    "--into",
    type=click.Path(dir_okay=False),
    help="Merge into this claims file (keeps everything already in it).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Extract this many files at once (worker processes).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Do not read or write the extraction cache ($CLAIMCHECK_CACHE, else ~/.cache/claimcheck).",
)
@click.option(
    "--published",
    callback=parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles whose page shows none (relative times resolve on it).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress, warnings or summary line.")
def extract(
    paths: tuple[str, ...],
    fmt: str,
    into: str | None,
    jobs: int,
    no_cache: bool,
    published: date | None,
    quiet: bool,
) -> None:
    """Extract claims from articles (.txt, .md, .html files or folders; '-' reads one
    article from standard input)."""
    from claimcheck.cli_extract import run_extract
    from claimcheck.cli_support import stdin_paths

    with stdin_paths(paths, into) as (args, piped):
        no_cache = no_cache or piped is not None  # a pipe's content is read once
        run_extract(args, fmt, into, jobs, no_cache, published, quiet, piped=piped)


@cli.command()
@click.argument("subject")
@click.argument("claims_file", default=DEFAULT_CLAIMS, type=click.Path(dir_okay=False))
@color_option
@filter_options
def show(subject: str, claims_file: str, color: str, allow_outside: bool, **kw: Any) -> None:
    """Everything known about one subject: claims by time and source, findings, reviews.

    The filters narrow it further (--subject adds subjects to SUBJECT).
    """
    from claimcheck.cli_report import run_show

    run_show(subject, claims_file, color=color, allow_outside=allow_outside, filters=filters_of(kw))


REVIEW_HINT = (
    "review: claimcheck review FINGERPRINT --accept|--dismiss --note TEXT {path} "
    "(or `claimcheck review {path}` to walk through the open findings)"
)


@cli.command()
@click.argument("args", nargs=-1, metavar="[FINGERPRINT] [CLAIMS_FILE]")
@click.option("--accept", "verdict", flag_value="accepted", help="A real disagreement, known.")
@click.option("--dismiss", "verdict", flag_value="dismissed", help="Not a real disagreement.")
@click.option("--note", default="", help="Why (kept with the review).")
@click.option("--migrate", is_flag=True, help="Rewrite reviews of older fingerprints.")
@click.option("--allow-outside", is_flag=True, help="Allow source files outside the directory.")
def review(
    args: tuple[str, ...], verdict: str | None, note: str, migrate: bool, allow_outside: bool
) -> None:
    """Record an editor's verdict on a finding in the claims file.

    With a FINGERPRINT and --accept or --dismiss, writes that review. Without a
    fingerprint, walks through the open findings one by one (accept, dismiss,
    skip, quit). --migrate rewrites reviews written for older fingerprints.
    """
    from claimcheck.cli_review import migrate as migrate_reviews
    from claimcheck.cli_review import record, review_args, walk

    fingerprint, claims_file = review_args(args)
    from claimcheck import engine
    from claimcheck.filters import Filters

    rep = build_report(claims_file, allow_outside=allow_outside, filters=Filters())
    if migrate:
        migrate_reviews(rep, claims_file)
        return
    if fingerprint is not None:
        if verdict is None:
            raise click.UsageError("say --accept or --dismiss (and --note TEXT)")
        found = engine.lookup(rep, fingerprint)
        if found is None:
            raise ClaimcheckError(f"{claims_file}: no finding has fingerprint {fingerprint!r}")
        record(rep, found, verdict, note, claims_file)
        return
    walk(rep, claims_file)


cli.add_command(schema)
cli.add_command(config_command)


MIN_COLUMNS, MAX_COLUMNS = 40, 500
"""Terminal widths drawn: COLUMNS=0 drew nothing at all, COLUMNS=10000000 drew lines of
ten megabytes; outside these bounds the width is clamped."""


def _sane_environment() -> None:
    """Before anything is drawn: a width rich can use, and streams that never fail on a
    character the locale cannot encode (an ASCII-only stdout, a file name that is not
    UTF-8): such characters are written as escapes instead of ending in an error."""
    for name in ("COLUMNS", "LINES"):
        raw = os.environ.get(name)
        if raw is None:
            continue
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value <= 0:
            del os.environ[name]
        else:
            low, high = (MIN_COLUMNS, MAX_COLUMNS) if name == "COLUMNS" else (5, 10_000)
            os.environ[name] = str(min(max(value, low), high))
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


YOUNG_GC_THRESHOLD = 20_000
"""Allocations between collections of young objects in a command-line run (CPython's
default is 700). A run imports ~100 modules and makes many short-lived objects, freed by
reference counting: at 700 the collector ran ~20 times, 3-4 ms of a small ``check`` or
``extract``, and found nothing. A cycle still waits at most this many allocations."""


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    import gc

    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_GC_THRESHOLD), *older)
    _sane_environment()
    import _signal  # the C module: ``signal`` adds enums this needs not (~0.6 ms)

    if hasattr(_signal, "SIGPIPE"):
        # `claimcheck report | head`: a reader that stops early ends us quietly, as it ends
        # any Unix filter (exit 141 in the shell), never exit 1, which means "findings".
        _signal.signal(_signal.SIGPIPE, _signal.SIG_DFL)
    global CHECK_CACHE
    CHECK_CACHE = True
    try:
        cli.main(args=list(argv) if argv is not None else None, prog_name="claimcheck")
    except KeyboardInterrupt:
        click.echo("claimcheck: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: say so in one line, no traceback
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        click.echo(
            f"claimcheck: internal error: {type(exc).__name__}: {exc} "
            "(set CLAIMCHECK_DEBUG=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(2)
