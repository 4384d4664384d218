"""GitHub-flavoured Markdown report (PR comments, wikis) with Mermaid charts.

Article text is escaped so that it can neither end a table cell nor inject formatting,
links, HTML or Mermaid statements."""

from __future__ import annotations

import html
import re

from claimcheck.model import Finding, Report
from claimcheck.render.common import (
    Index,
    Row,
    SubjectGroup,
    claim_value_text,
    difference_text,
    fmt_interval,
    midpoint,
    review_text,
    safe_terminal_text,
    span_of,
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!~|$:])")


def md_text(s: str) -> str:
    """Inline text: HTML-escaped, Markdown punctuation backslash-escaped, lines joined by <br>."""
    s = safe_terminal_text(s)
    s = html.escape(s, quote=False)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    lines = [line.strip() for line in s.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "<br>".join(lines)


def md_code(s: str) -> str:
    """A code span that survives a table cell: ``|`` written ``\\|`` even inside it."""
    s = " ".join(safe_terminal_text(s).split()).replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{s}{pad}{fence}"


_MERMAID_KEEP = re.compile(r"[^\w .,/'+$€£-]")


def mermaid_label(s: str, width: int = 40) -> str:
    """Quoted-label content with Mermaid syntax removed (quotes, ; : # brackets, %%)."""
    s = _MERMAID_KEEP.sub(" ", s)
    s = " ".join(s.split())
    return s[:width].strip() or "-"


def mermaid_chart(group: SubjectGroup) -> str | None:
    """Values over time for one subject: one bar per claim, labelled date and source."""
    points = []
    for r in group.rows:
        if r.norm is None:
            continue
        v = midpoint(r.norm.stated) if r.claim.kind != "change" else midpoint(r.norm.to_value)
        if v is None:
            continue
        when = r.time.end if r.claim.kind == "target" and r.time else None
        when = when or (r.time.start if r.time else None) or (r.time.end if r.time else None)
        label = f"{when.isoformat() if when else 'undated'} {r.source_label}"
        points.append((mermaid_label(label), v))
    if not points:
        return None
    unit = mermaid_label(group.rows[0].claim.unit) if group.rows else "value"
    xs = ", ".join(f'"{label}"' for label, _ in points)
    ys = ", ".join(f"{v:.6g}" for _, v in points)
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f'    title "{mermaid_label(group.title, 60)}"',
            f"    x-axis [{xs}]",
            f'    y-axis "{unit}"',
            f"    bar [{ys}]",
            "```",
        ]
    )


HEADER = "| subject | time | values by source | difference | quotes | status / fingerprint |"
RULE = "|---|---|---|---|---|---|"


def _row(index: Index, f: Finding) -> str:
    rows: list[Row] = index.rows(f.claims)
    values = "<br>".join(
        f"{md_text(r.source_label)}: {md_text(claim_value_text(r.claim))}"
        f" ({md_text(fmt_interval(r.time))})"
        for r in rows
    )
    diff = difference_text(rows)
    difference = (md_text(diff) + "<br>" if diff else "") + md_text(f.message)
    quotes = "<br>".join(f"{md_text(r.source_label)}: “{md_text(r.claim.quote)}”" for r in rows)
    mark = "✔" if f.reviewed else ("✖" if f.severity == "error" else "⚠")
    status = f"{mark} {f.tier}, {md_text(review_text(f))}<br>{md_code(f.fingerprint)}"
    cells = [
        md_text(f.subject),
        md_text(fmt_interval(span_of(rows))),
        values,
        difference,
        quotes,
        status,
    ]
    return "| " + " | ".join(cells) + " |"


def render_markdown(report: Report) -> str:
    index = Index(report)
    groups = index.groups()
    findings = [f for g in groups for f in g.findings]
    open_n = sum(1 for f in findings if not f.reviewed)
    out = [f"# claimcheck report: {md_text(report.claims_file.path)}", ""]
    out.append(
        f"{len(report.claims_file.sources)} sources, {len(index.claims)} claims, "
        f"{len(findings)} findings ({open_n} open, {len(findings) - open_n} reviewed), "
        f"{len(report.problems)} problem{'' if len(report.problems) == 1 else 's'}."
    )
    out.append("")
    if report.problems:
        out += ["## Problems", ""]
        for p in sorted(report.problems):
            out.append(f"- {md_text(str(p.location))}: {p.severity}: {md_text(p.message)}")
        out.append("")
    out += ["## Findings", ""]
    if not findings:
        out += ["No findings.", ""]
    for g in groups:
        if not g.findings:
            continue
        out += [f"### {md_text(g.title)}", "", HEADER, RULE]
        out += [_row(index, f) for f in g.findings]
        out.append("")
        chart = mermaid_chart(g) if g.has_discrepancy else None
        if chart:
            out += [chart, ""]
    return "\n".join(out).rstrip("\n") + "\n"
