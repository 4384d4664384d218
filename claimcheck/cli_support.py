"""Pieces of the command line shared by several commands, kept out of ``cli.py``.

The one vocabulary of options (``-o/--output``, ``-q/--quiet``, ``--color``), colour
decisions (``NO_COLOR``/``FORCE_COLOR``), standard input as ``-``, and the
configuration turned into click's default map. Like ``cli.py``, it imports rich and
the extractor only inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO, TypeVar

import click

from claimcheck.config import COLORS

if TYPE_CHECKING:
    from claimcheck.config import Config
    from claimcheck.filters import Filters

F = TypeVar("F", bound=Callable[..., Any])

STDIN_ARTICLE = "-"
MAX_STDIN_BYTES = 40 * 1024 * 1024


def output_options(func: F) -> F:
    """``-o/--output``, ``-q/--quiet`` and ``--color``, spelled the same on every command."""
    options = [
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, allow_dash=True),
            help="Write to FILE (atomically) instead of standard output ('-': stdout).",
        ),
        click.option(
            "-q",
            "--quiet",
            is_flag=True,
            help="Print the result only: no 'wrote FILE' line, summary line or review hint.",
        ),
        color_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


color_option = click.option(
    "--color",
    type=click.Choice(COLORS),
    default="auto",
    show_default=True,
    help="Colour in terminal output; auto honours NO_COLOR, FORCE_COLOR and whether "
    "the output is a terminal.",
)


def use_color(choice: str, stream: TextIO | None = None) -> bool:
    """always/never as said; auto: NO_COLOR (any value) off, FORCE_COLOR on, else a tty."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream: no colour
        return False


def console(color: str = "auto", *, stderr: bool = False) -> Any:
    """A rich Console whose colour follows ``--color`` rather than rich's own guess."""
    from rich.console import Console

    on = use_color(color, sys.stderr if stderr else sys.stdout)
    if on:
        return Console(
            highlight=False, stderr=stderr, soft_wrap=False, force_terminal=True,
            color_system="standard" if os.environ.get("TERM") in (None, "", "dumb") else "auto",
        )  # fmt: skip
    return Console(highlight=False, stderr=stderr, soft_wrap=False, color_system=None)


_SEVERITY = re.compile(r"^(\S.*?:\d+:\d+: )(error|warning|info)(:)", re.MULTILINE)
_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[36m"}


def colorize_check(text: str) -> str:
    """``path:line:col: error:`` with the severity word coloured, as compilers do. The text
    was made inert (no escape sequences of the article) before this adds its own."""
    return _SEVERITY.sub(lambda m: f"{m[1]}{_ANSI[m[2]]}{m[2]}\x1b[0m{m[3]}", text)


def drop_summary(text: str) -> str:
    """``check --quiet``: the problem lines without the closing count line."""
    lines = text.splitlines()
    return "".join(line + "\n" for line in lines[:-1])


def read_stdin() -> bytes:
    """Standard input, size-capped like a claims file or an article."""
    stream: BinaryIO | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (embedding): encode what it gives
        data = sys.stdin.read(MAX_STDIN_BYTES + 1).encode("utf-8", "surrogateescape")
    else:
        data = stream.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise click.UsageError(f"standard input is larger than {MAX_STDIN_BYTES >> 20} MB")
    return data


def stdin_article(folder: Path) -> Path:
    """Standard input saved as an article file in ``folder`` (``.html`` when it looks like a
    page, else ``.txt``) so that extraction reads it as it reads any file."""
    data = read_stdin()
    head = data[:2048].lstrip().lower()
    html = head.startswith((b"<!doctype html", b"<html")) or b"<body" in head
    path = folder / ("stdin.html" if html else "stdin.txt")
    path.write_bytes(data)
    return path


def default_map(cfg: Config) -> dict[str, dict[str, Any]]:
    """The configuration as click's default map: an option given on the command line
    still wins, and ``--help`` shows the configured default."""
    claims = cfg.claims_file()
    common = {"allow_outside": bool(cfg.get("allow_outside")), "color": cfg.get("color")}
    return {
        "report": {"fmt": cfg.get("report_format"), **common},  # its files: from the config
        "check": {"fmt": cfg.get("check_format"), **common},
        "show": {"claims_file": claims, **common},
        "config": {"claims_file": claims},
    }


def current_config() -> Config:
    """The configuration the group read for this invocation (or read it now)."""
    from claimcheck import config

    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(config.Config) if ctx else None
    return found if found is not None else config.load()


@contextlib.contextmanager
def stdin_paths(
    paths: tuple[str, ...], into: str | None
) -> Iterator[tuple[tuple[str, ...], Path | None]]:
    """``extract -``: the paths with ``-`` replaced by the piped article, saved in a
    temporary folder that is removed afterwards (and that file, or None)."""
    if "-" not in paths:
        yield paths, None
        return
    if into:
        raise click.UsageError(
            "an article from standard input cannot be merged with --into (its quotes "
            "could not be checked later): save it as a file first"
        )
    import tempfile

    with tempfile.TemporaryDirectory(prefix="claimcheck-stdin-") as tmp:
        piped = stdin_article(Path(tmp))
        yield tuple(str(piped) if p == "-" else p for p in paths), piped


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the schema to FILE; as claims.schema.json next to a claims file, the "
    "modeline `extract --into` writes points at it.",
)
@click.option("-q", "--quiet", is_flag=True, help="No 'wrote FILE' line.")
@click.option("--force", is_flag=True, help="Overwrite FILE even if it is not a schema.")
def schema(output: str | None, quiet: bool, force: bool) -> None:
    """Print the claims file's JSON Schema (for editors and other tools)."""
    from importlib.resources import files

    from claimcheck.claimsfile import SCHEMA_FILE

    text = files("claimcheck.claimsfile").joinpath(SCHEMA_FILE).read_text("utf-8")
    if output is None or output == "-":
        click.echo(text, nl=False)
        return
    target = Path(output)
    if not force and target.is_file() and not _is_schema(target):
        raise click.UsageError(
            f"{output}: exists and is not a JSON Schema; not overwritten "
            "(write the schema elsewhere, or pass --force)"
        )
    from claimcheck.claimsfile.write import atomic_write_text

    atomic_write_text(target, text)
    if not quiet:
        click.echo(f"wrote {output}", err=True)


def _is_schema(path: Path) -> bool:
    """A file a previous `schema -o` wrote (so rewriting it loses nothing)."""
    import json

    try:
        head = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return isinstance(head, dict) and "$schema" in head


@click.command("config")
@click.argument("claims_file", default="claims.yaml", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["toml", "json"]),
    default="toml",
    show_default=True,
    help="toml: paste-ready lines, each with its origin; json: key -> {value, origin}.",
)
def config_command(claims_file: str, fmt: str) -> None:
    """Show the effective settings and where each came from (default, the configuration
    file, the claims file's own settings)."""
    from claimcheck import config
    from claimcheck.render.common import safe_terminal_text

    settings: dict[str, float] | None = None
    if Path(claims_file).is_file():
        from claimcheck.claimsfile import load

        settings = load(claims_file, allow_outside=True, check_quotes=False).settings
    rows = config.effective(current_config(), settings, claims_file)
    if fmt == "json":
        import json

        doc = {k: {"value": v, "origin": o} for k, v, o in rows}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    click.echo(safe_terminal_text(config.to_toml(rows)), nl=False)


class Stages:
    """What a long extraction is doing, for the person watching: files done of the total
    with time left, then each later stage (the merge, the write) by name. Does nothing
    when progress is not shown (not a terminal, or --quiet)."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._progress = progress
        self._task = task

    def advance(self, _path: str = "") -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def stage(self, text: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=text)


@contextlib.contextmanager
def extraction_progress(total: int, *, enabled: bool, to: Any = None) -> Iterator[Stages]:
    """A transient progress bar on stderr for ``extract``: ``extracting 12/40 files``,
    elapsed and remaining time, kept up through the merge and the write."""
    if not enabled:
        yield Stages()
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    shown = to if to is not None else console("auto", stderr=True)
    with Progress(*columns, console=shown, transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        yield Stages(progress, task)


def inert(text: str) -> str:
    """Messages can quote article text (the closest passage to a missing quote): never
    let its escape sequences reach the terminal."""
    from claimcheck.render.common import safe_terminal_text

    return safe_terminal_text(text.replace("\r", "\\r").replace("\n", "\\n"))


SEVERITIES = ("info", "warning", "error")


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def filter_options(func: F) -> F:
    """The filters shared by report, check and show."""
    options = [
        click.option(
            "--subject",
            "subjects",
            multiple=True,
            help="Only this subject (fuzzy: 'troops iraq'). Repeatable.",
        ),
        click.option("--source", "sources", multiple=True, help="Only this source id. Repeatable."),
        click.option("--since", callback=parse_date, help="Only claims at or after YYYY-MM-DD."),
        click.option("--until", callback=parse_date, help="Only claims up to YYYY-MM-DD."),
        click.option(
            "--severity",
            type=click.Choice(SEVERITIES),
            help="Only findings of this severity or worse.",
        ),
        click.option(
            "--allow-outside",
            is_flag=True,
            help="Allow source files outside the claims file's directory.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters_of(kw: dict[str, Any]) -> Filters:
    from claimcheck.filters import Filters

    return Filters(
        subjects=kw.get("subjects", ()),
        sources=kw.get("sources", ()),
        since=kw.get("since"),
        until=kw.get("until"),
        severity=kw.get("severity"),
    )
