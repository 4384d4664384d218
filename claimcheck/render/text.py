"""`claimcheck check` output: one ``path:line:col: severity: message`` line per problem,
the format editors and CI log scanners already parse."""

from __future__ import annotations

from claimcheck.model import Finding, Location, Report
from claimcheck.render.common import Index, is_checked, one_line, safe_terminal_text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def finding_lines(index: Index, f: Finding) -> tuple[Location, str]:
    """Where a finding is reported (its first claim) and its message naming the others."""
    locs = sorted({index.location(i) for i in f.claims})
    first = locs[0] if locs else Location(index.report.claims_file.path)
    others = [loc for loc in locs[1:]]
    msg = one_line(f.message)
    msg += f" [{f.rule} {f.fingerprint}]"
    if others:
        refs = ", ".join(
            f"line {o.line}" if o.path == first.path else f"{o.path}:{o.line}" for o in others
        )
        msg += f" (see also {refs})"
    return first, msg


def render_check(report: Report) -> str:
    index = Index(report)
    entries: list[tuple[Location, str, str]] = []
    for p in report.problems:
        msg = one_line(p.message) + (f" (hint: {one_line(p.hint)})" if p.hint else "")
        entries.append((p.location, p.severity, msg))
    hidden = 0
    for f in report.findings:
        if f.reviewed:
            hidden += 1
        if not is_checked(f):
            continue
        loc, msg = finding_lines(index, f)
        entries.append((loc, f.severity, msg))
    entries.sort(key=lambda e: (e[0].path, e[0].line, e[0].col, e[1], e[2]))
    lines = [safe_terminal_text(f"{loc}: {sev}: {msg}") for loc, sev, msg in entries]
    errors = sum(1 for e in entries if e[1] == "error")
    warnings = sum(1 for e in entries if e[1] == "warning")
    summary = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    summary += f" ({_plural(hidden, 'reviewed finding')} hidden)"
    lines.append(summary)
    return "\n".join(lines) + "\n"
