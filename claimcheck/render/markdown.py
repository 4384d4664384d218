"""GitHub-flavoured Markdown report (PR comments, wikis) with Mermaid charts.

Article text is escaped so that it can neither end a table cell nor inject formatting,
links, HTML or Mermaid statements."""

from __future__ import annotations

import html
import math
import re
from functools import lru_cache

from claimcheck.model import Finding, Report, ValueInterval
from claimcheck.render.common import (
    Index,
    Row,
    SubjectGroup,
    difference_text,
    fmt_interval,
    midpoint,
    review_text,
    safe_terminal_text,
    span_of,
    values_by_source,
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


@lru_cache(maxsize=1 << 16)  # a big report's charts repeat their labels (day, outlet)
def mermaid_label(s: str, width: int = 40) -> str:
    """Quoted-label content with Mermaid syntax removed (quotes, ; : # brackets, %%)."""
    s = _MERMAID_KEEP.sub(" ", s)
    s = " ".join(s.split())
    return s[:width].strip() or "-"


def mermaid_chart(group: SubjectGroup) -> str | None:
    """Values over time for one subject, one unit per chart (the most common one).

    Exact figures are bars; when some figure is a range or a vague amount
    ("hundreds"), the chart draws its low and high ends as two lines instead
    of a bar at the low end."""
    units: dict[str, int] = {}
    for r in group.rows:
        units[r.claim.unit] = units.get(r.claim.unit, 0) + 1
    if not units:
        return None
    unit = min(units, key=lambda u: (-units[u], u))
    points: list[tuple[str, float, float]] = []
    for r in group.rows:
        if r.norm is None or r.claim.unit != unit:
            continue
        iv = _as_written(r.claim.to_value if r.claim.kind == "change" else r.claim.value)
        v = midpoint(iv)
        if v is None or iv is None:
            continue
        low = iv.low if iv.low is not None and math.isfinite(iv.low) else v
        high = iv.high if iv.high is not None and math.isfinite(iv.high) else v
        when = r.time.end if r.claim.kind == "target" and r.time else None
        when = when or (r.time.start if r.time else None) or (r.time.end if r.time else None)
        label = f"{when.isoformat() if when else 'undated'} {r.source_label}"
        points.append((mermaid_label(label), low, high))
    if not points:
        return None
    xs = ", ".join(f'"{label}"' for label, _, _ in points)
    ranged = any(lo != hi for _, lo, hi in points)
    if ranged:
        series = [
            f"    line [{', '.join(f'{lo:.6g}' for _, lo, _ in points)}]",
            f"    line [{', '.join(f'{hi:.6g}' for _, _, hi in points)}]",
        ]
    else:
        series = [f"    bar [{', '.join(f'{lo:.6g}' for _, lo, _ in points)}]"]
    return "\n".join(
        [
            "```mermaid",
            "xychart-beta",
            f'    title "{mermaid_label(group.title, 60)} ({mermaid_label(unit, 20)})"',
            f"    x-axis [{xs}]",
            f'    y-axis "{mermaid_label(unit)}"',
            *series,
            "```",
        ]
    )


@lru_cache(maxsize=1 << 16)  # a big report repeats its figures; the result is frozen
def _as_written(text: str | None) -> ValueInterval | None:
    """The figure as the words give it (no rounding, no hedge): a range only when said so."""
    from claimcheck.normalize.fastparse import amount_of as parse_amount
    from claimcheck.normalize.values import stated_interval

    amount = parse_amount(text) if text else None
    return stated_interval(amount) if amount is not None else None


HEADER = "| subject | when | values by source | spread | tier | status |"
RULE = "|---|---|---|---|---|---|"


def _anchor(f: Finding) -> str:
    return f"quotes-for-{f.fingerprint}"


def _row(index: Index, f: Finding) -> str:
    rows: list[Row] = index.rows(f.claims)
    values = "<br>".join(f"{md_text(src)}: {md_text(v)}" for src, v in values_by_source(rows))
    mark = "✔" if f.reviewed else ("✖" if f.severity == "error" else "⚠")
    status = md_text(review_text(f))
    if f.new_since_review:
        status += "<br>reopened: new " + md_text(", ".join(f.new_since_review))
    cells = [
        md_text(f.subject),
        md_text(fmt_interval(span_of(rows))),
        values,
        md_text(difference_text(rows) or "—"),
        f"{mark} {f.tier} ([quotes](#{_anchor(f)}))",
        f"{status}<br>{md_code(f.fingerprint)}",
    ]
    return "| " + " | ".join(cells) + " |"


def _quotes(index: Index, f: Finding) -> list[str]:
    """Below the table: the evidence and every quote of one finding."""
    out = [f"#### Quotes for {f.fingerprint}", ""]
    out += [f"- {md_text(line)}" for line in (f.evidence or (f.message,))]
    for r in index.rows(f.claims):
        out.append(f"- {md_text(r.source_label)}: “{md_text(r.claim.quote)}”")
    return [*out, ""]


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
        for f in g.findings:
            out += _quotes(index, f)
        chart = mermaid_chart(g) if g.has_discrepancy else None
        if chart:
            out += [chart, ""]
    return "\n".join(out).rstrip("\n") + "\n"
