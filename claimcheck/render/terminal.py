"""The human report on a terminal (rich). Article text is always wrapped in ``Text`` and
made inert with ``safe_terminal_text``; meaning is carried by symbols and words, so the
report reads the same without colour (NO_COLOR, pipes)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.model import Finding, Report
from claimcheck.render.common import (
    MAX_SOURCES_SHOWN,
    MISSING,
    Index,
    Row,
    SubjectGroup,
    claim_value_text,
    difference_text,
    fmt_interval,
    one_line,
    review_text,
    safe_terminal_text,
    span_of,
    truncate,
    values_by_source,
)
from claimcheck.render.timeline import Layout, Mark, flagged_ids, layout, year_ticks

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

QUOTE_WIDTH = 60
_SYMBOL = {"error": "✖", "warning": "⚠", "info": "ℹ"}
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def t(s: str | None, style: str = "") -> Text:
    """Untrusted text as an inert rich Text."""
    from rich.text import Text

    return Text(safe_terminal_text(s if s is not None else MISSING), style=style)


def _claims_table(group: SubjectGroup, flagged: set[str]) -> object:
    from rich import box
    from rich.table import Table

    table = Table(
        show_header=True, header_style="bold", expand=True, pad_edge=False, box=box.SIMPLE_HEAD
    )
    table.add_column("", overflow="fold")
    table.add_column("time", overflow="fold", max_width=16)
    table.add_column("source", overflow="fold", max_width=16)
    table.add_column("value", overflow="fold", max_width=16)
    table.add_column("quote", overflow="fold", ratio=1, min_width=20)
    for r in group.rows:
        flag = "!" if r.claim.id in flagged else ""
        table.add_row(
            t(flag, "bold red"),
            t(fmt_interval(r.time)),
            t(r.source_label),
            t(
                claim_value_text(r.claim)
                + ("" if r.claim.status == "active" else f" [{r.claim.status}]")
            ),
            _quote_cell(r),
        )
    return table


def _quote_cell(r: Row) -> Text:
    text = t(truncate(one_line(r.claim.quote), QUOTE_WIDTH))
    if r.claim.said_by:
        text.append_text(t(f" — {truncate(one_line(r.claim.said_by), 40)}", "dim"))
    return text


def _findings_table(index: Index, findings: list[Finding]) -> object:
    """One row per finding: subject | when | values by source | spread | tier | status."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=True, expand=False, box=box.SIMPLE)
    # Dates, spreads and tiers stay on one line; subjects and values wrap at words.
    table.add_column("subject", overflow="fold", ratio=1, min_width=12)
    table.add_column("when", no_wrap=True)
    table.add_column("values by source", overflow="fold", ratio=3, min_width=20)
    table.add_column("spread", no_wrap=True)
    table.add_column("tier", no_wrap=True)
    table.add_column("status", overflow="fold", min_width=12)
    for f in findings:
        rows = index.rows(f.claims)
        voices = values_by_source(rows)
        values = Text()
        for k, (src, v) in enumerate(voices[:MAX_SOURCES_SHOWN]):
            values.append_text(t(("\n" if k else "") + f"{src}: {v}"))
        if len(voices) > MAX_SOURCES_SHOWN:
            values.append_text(t(f"\n… and {len(voices) - MAX_SOURCES_SHOWN} more sources"))
        mark = "✔ " if f.reviewed else _SYMBOL.get(f.severity, "•") + " "
        tier = Text(mark + f.tier, style="green" if f.reviewed else _STYLE.get(f.severity, ""))
        status = t("open" if f.review is None else f"reviewed ({f.review.verdict})")
        if f.new_since_review:
            status.append_text(t("\nreopened: new " + ", ".join(f.new_since_review)))
        status.append_text(t(f"\n{f.fingerprint}", "dim"))
        table.add_row(
            t(one_line(f.subject)),
            t(fmt_interval(span_of(rows))),
            values,
            t(difference_text(rows) or MISSING),
            tier,
            status,
        )
    return table


def _finding(index: Index, f: Finding, console: Console) -> None:
    """Below the table: the arithmetic of the clashing pairs, then the quotes."""
    from rich.text import Text

    head = Text()
    head.append_text(t(f"{f.fingerprint} {one_line(f.subject)}", "bold"))
    head.append_text(t(f" ({f.rule})", "dim"))
    console.print(head, highlight=False)
    if f.review is not None:
        console.print(Text("  ").append_text(t(review_text(f), "green")), highlight=False)
    for line in f.evidence or (f.message,):
        console.print(Text("  · ").append_text(t(one_line(line))), highlight=False)
    rows = index.rows(f.claims)
    for r in rows[:MAX_SOURCES_SHOWN]:
        console.print(Text("    ").append_text(_evidence(r)), highlight=False)
    if len(rows) > MAX_SOURCES_SHOWN:
        console.print(t(f"    … and {len(rows) - MAX_SOURCES_SHOWN} more claims", "dim"))


def _evidence(r: Row) -> Text:
    from rich.text import Text

    text = Text()
    text.append_text(t(r.source_label, "bold"))
    text.append_text(t(f" · {claim_value_text(r.claim)} · {fmt_interval(r.time)} "))
    text.append_text(t(f"“{truncate(one_line(r.claim.quote), 200)}”", "italic"))
    if r.claim.said_by:
        text.append_text(t(f"\n— {one_line(r.claim.said_by)}", "dim"))
    return text


def render_report(report: Report, console: Console, *, timeline: bool = True) -> None:
    from rich.rule import Rule
    from rich.text import Text

    index = Index(report)
    groups = index.groups()
    findings = [f for g in groups for f in g.findings]
    open_n = sum(1 for f in findings if not f.reviewed)
    console.print(t(f"claimcheck report: {report.claims_file.path}", "bold"), highlight=False)
    console.print(
        Text(
            f"{len(report.claims_file.sources)} sources, {len(index.claims)} claims, "
            f"{len(findings)} findings ({open_n} open, {len(findings) - open_n} reviewed), "
            f"{len(report.problems)} problem{'' if len(report.problems) == 1 else 's'}"
        ),
        highlight=False,
    )
    for p in sorted(report.problems):
        line = Text(_SYMBOL.get(p.severity, "•") + " ", style=_STYLE.get(p.severity, ""))
        line.append_text(t(p.format()))
        console.print(line, highlight=False)
    if findings:
        console.print()
        console.print(Rule(Text("findings", style="bold"), align="left"))
        ordered = sorted(findings, key=lambda f: (f.reviewed, *_finding_order(f)))
        console.print(_findings_table(index, ordered))
        for f in ordered:
            _finding(index, f, console)
    for g in index.reading_order():
        console.print()
        console.print(Rule(t(g.title, "bold"), align="left"))
        console.print(_claims_table(g, flagged_ids(g)))
        if timeline and sum(1 for r in g.rows if r.time is not None) >= 2:
            _timeline(g, console)


def _finding_order(f: Finding) -> tuple[int, str, str]:
    tiers = {"contradiction": 0, "discrepancy": 1, "update": 2}
    return (tiers.get(f.tier, 9), f.subject, f.fingerprint)


def render_timeline(report: Report, console: Console, subject: str | None = None) -> None:
    """Charts for every subject, or for the one whose key or title matches ``subject``."""
    groups = Index(report).reading_order()
    if subject is not None:
        want = subject.casefold()
        groups = [g for g in groups if want in (g.key.casefold(), g.title.casefold())]
    for g in groups:
        console.print(t(g.title, "bold"), highlight=False)
        _timeline(g, console)


def _timeline(group: SubjectGroup, console: Console) -> None:
    lay = layout(group)
    if lay is None:
        return
    for line in timeline_lines(lay, console.width):
        console.print(line, highlight=False, soft_wrap=True, overflow="ignore", crop=False)


def timeline_lines(lay: Layout, width: int) -> list[Text]:
    """Character-cell chart: one row per source, then the axis, then a legend."""
    from rich.text import Text

    label_w = min(max(len(lane.label) for lane in lay.lanes) + 2, 18)
    cols = max(width - label_w - 1, 20)

    def col(d: object) -> int:
        from datetime import date

        assert isinstance(d, date)
        return round(lay.frac(d) * (cols - 1))

    out: list[Text] = []
    legend: list[Text] = []
    for lane in lay.lanes:
        cells = [" "] * cols
        for m in lane.marks:
            _draw(cells, m, col(m.start), col(m.end))
        flagged = any(m.flagged for m in lane.marks)
        name = truncate(("!" if flagged else " ") + safe_terminal_text(lane.label), label_w - 1)
        line = Text(name.ljust(label_w), style="bold red" if flagged else "")
        line.append("".join(cells).rstrip())
        out.append(line)
        for m in lane.marks:
            legend.append(_legend(lane.label, m))
    axis = ["─"] * cols
    years = [" "] * cols
    free_from = 0  # first column a year label may use without touching the previous one
    for tick in year_ticks(lay.lo, lay.hi):
        c = col(tick)
        axis[c] = "┼"
        label = str(tick.year)
        if c >= free_from and c + len(label) <= cols:
            years[c : c + len(label)] = list(label)
            free_from = c + len(label) + 1
    out.append(Text(" " * label_w + "".join(axis)))
    lo, hi = lay.lo.isoformat(), lay.hi.isoformat()
    ends = lo + " " * max(cols - len(lo) - len(hi), 1) + hi
    if "".join(years).strip():
        out.append(Text(" " * label_w + "".join(years).rstrip()))
    out.append(Text(" " * label_w + ends))
    out.extend(legend)
    for r in lay.undated:
        out.append(t(f"  ? {r.source_label}: {claim_value_text(r.claim)} (no date)"))
    return out


def _draw(cells: list[str], m: Mark, a: int, b: int) -> None:
    if m.kind == "target":
        cells[b] = "○"
    elif m.kind == "change":
        if b > a:
            for i in range(a, b):
                cells[i] = "─"
        cells[b] = "→" if b > a else "↘"
    elif m.kind == "span" and b > a:
        cells[a] = "├"
        for i in range(a + 1, b):
            cells[i] = "─"
        cells[b] = "┤"
    else:
        cells[a] = "●"
    if m.flagged and b + 1 < len(cells) and cells[b + 1] == " ":
        cells[b + 1] = "!"


_GLYPH = {"target": "○ by", "change": "→", "span": "├┤", "point": "●"}


def _legend(source: str, m: Mark) -> Text:
    from rich.text import Text

    line = Text("  " + ("! " if m.flagged else "  "), style="bold red" if m.flagged else "")
    when = m.end.isoformat() if m.kind == "target" else fmt_interval(m.row.time)
    line.append_text(t(f"{_GLYPH[m.kind]} {source}: {m.label} ({when})"))
    return line
