"""GitHub Actions workflow commands, so findings show up inline on a pull request."""

from __future__ import annotations

from claimcheck.model import Location, Report
from claimcheck.render.common import Index, is_checked, one_line, safe_terminal_text

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    """GitHub's escaping, after making control chars visible (the log renders ANSI)."""
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return safe_terminal_text(s)


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, loc: Location, title: str, message: str) -> str:
    props = f"file={escape_property(loc.path)},line={loc.line},col={loc.col}"
    props += f",title={escape_property(title)}"
    return f"::{_LEVEL.get(level, 'notice')} {props}::{escape_data(message)}"


def render_github(report: Report) -> str:
    index = Index(report)
    out: list[tuple[Location, str]] = []
    for p in sorted(report.problems):
        msg = p.message + (f" (hint: {p.hint})" if p.hint else "")
        out.append((p.location, annotation(p.severity, p.location, f"claimcheck {p.code}", msg)))
    for f in report.findings:
        if not is_checked(f):
            continue
        locs = sorted({index.location(i) for i in f.claims})
        title = f"claimcheck {f.rule} ({f.tier})"
        msg = f"{one_line(f.subject)}: {f.message} [{f.fingerprint}]"
        for loc in locs:
            others = [f"line {o.line}" for o in locs if o != loc]
            text = msg + (f" (see also {', '.join(others)})" if others else "")
            out.append((loc, annotation(f.severity, loc, title, text)))
    out.sort(key=lambda e: (e[0].path, e[0].line, e[0].col, e[1]))
    return "".join(line + "\n" for _, line in out)
