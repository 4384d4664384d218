"""One self-contained HTML page: no request leaves it (CSP forbids it), every piece of
article text goes through ``html.escape``, and the output is byte-identical per input."""

from __future__ import annotations

import hashlib
import re
from html import escape
from importlib import resources

from claimcheck.model import Finding, Report
from claimcheck.render.common import (
    Index,
    Row,
    SubjectGroup,
    claim_value_text,
    difference_text,
    find_quote,
    fmt_interval,
    paragraph_around,
    review_text,
    safe_terminal_text,
    span_of,
    values_by_source,
)
from claimcheck.render.timeline import Layout, Mark, layout, year_ticks

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
SVG_W, LABEL_W, LANE_H, TOP, BOTTOM = 760, 150, 30, 10, 34


def e(s: str | None) -> str:
    """Escape for text and attribute values; control chars made visible."""
    return escape(safe_terminal_text(s or ""), quote=True)


def anchor(prefix: str, s: str) -> str:
    """A safe, unique id: claim ids are already tame, but never trust them."""
    clean = re.sub(r"[^A-Za-z0-9_-]", "_", s)
    if clean != s:
        clean += "-" + hashlib.sha1(s.encode()).hexdigest()[:8]
    return f"{prefix}-{clean}"


def _css() -> str:
    return resources.files("claimcheck.render").joinpath("assets/report.css").read_text("utf-8")


def render_html(report: Report) -> str:
    index = Index(report)
    groups = index.reading_order()
    findings = [f for g in groups for f in g.findings]
    open_n = sum(1 for f in findings if not f.reviewed)
    nprob = len(report.problems)
    title = f"claimcheck report: {report.claims_file.path}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="summary">{len(report.claims_file.sources)} sources, {len(index.claims)} '
        f"claims, {len(findings)} findings ({open_n} open, {len(findings) - open_n} reviewed), "
        f"{nprob} problem{'' if nprob == 1 else 's'}.</p>",
    ]
    if report.problems:
        parts.append('<h2>Problems</h2>\n<ul class="problems">')
        for p in sorted(report.problems):
            parts.append(
                f"<li><code>{e(str(p.location))}</code> {e(p.severity)}: "
                f"{e(p.message)}{' (hint: ' + e(p.hint) + ')' if p.hint else ''}</li>"
            )
        parts.append("</ul>")
    parts.append("<h2>Findings</h2>")
    if not findings:
        parts.append("<p>No findings.</p>")
    else:
        parts.append(_table(index, findings))
    parts.append("<h2>Timelines</h2>")
    for g in groups:
        lay = layout(g)
        parts.append(f'<h3 id="{anchor("subject", g.key)}">{e(g.title)}</h3>')
        parts.append(svg_timeline(g, lay) if lay else '<p class="muted">No dated claims.</p>')
    parts.append("<h2>Sources</h2>")
    parts += _sources(index)
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _table(index: Index, findings: list[Finding]) -> str:
    """One row per finding (subject | when | values by source | spread | tier | status);
    the evidence and the quotes follow the table, linked from the row."""
    out = [
        '<table class="findings">',
        "<thead><tr><th>subject</th><th>when</th><th>values by source</th>"
        "<th>spread</th><th>tier</th><th>status</th></tr></thead>",
        "<tbody>",
    ]
    details: list[str] = []
    for f in findings:
        rows = index.rows(f.claims)
        state = "reviewed" if f.reviewed else "open"
        values = "<br>".join(
            f"{e(src)}: <strong>{e(v)}</strong>" for src, v in values_by_source(rows)
        )
        mark = "✔" if f.reviewed else ("✖" if f.severity == "error" else "⚠")
        status = e(review_text(f))
        if f.new_since_review:
            status += "<br>reopened: new " + e(", ".join(f.new_since_review))
        out.append(
            f'<tr class="finding {state} {e(f.severity)}" id="{anchor("f", f.fingerprint)}">'
            f"<td>{e(f.subject)}</td><td>{e(fmt_interval(span_of(rows)))}</td>"
            f"<td>{values}</td><td>{e(difference_text(rows) or '—')}</td>"
            f'<td class="status">{mark} {e(f.tier)} '
            f'(<a href="#{anchor("d", f.fingerprint)}">quotes</a>)</td>'
            f"<td>{status}<br><code>{e(f.fingerprint)}</code></td></tr>"
        )
        details.append(f'<h3 id="{anchor("d", f.fingerprint)}">{e(f.subject)} '
                       f"<code>{e(f.fingerprint)}</code></h3>")
        details.append("<ul>")
        details += [f"<li>{e(line)}</li>" for line in (f.evidence or (f.message,))]
        details += [
            f'<li>{e(r.source_label)}: <a href="#{anchor("q", r.claim.id)}">'
            f"“{e(r.claim.quote)}”</a></li>"
            for r in rows
        ]
        details.append("</ul>")
    out += ["</tbody>", "</table>", *details]
    return "\n".join(out)


def _x(lay: Layout, d: object) -> float:
    from datetime import date

    assert isinstance(d, date)
    return LABEL_W + lay.frac(d) * (SVG_W - LABEL_W - 20)


def svg_timeline(group: SubjectGroup, lay: Layout) -> str:
    """Hand-written SVG: year ticks, a lane per source, spans as rects, targets as open
    circles at the deadline, changes as arrows; claims in open findings outlined red."""
    h = TOP + LANE_H * len(lay.lanes) + BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_W}" height="{h}" '
        f'viewBox="0 0 {SVG_W} {h}" role="img" aria-label="timeline of {e(group.title)}">',
        f"<title>timeline of {e(group.title)}</title>",
    ]
    axis_y = TOP + LANE_H * len(lay.lanes) + 4
    for tick in year_ticks(lay.lo, lay.hi):
        x = _x(lay, tick)
        out.append(f'<line class="tick" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{axis_y}"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="middle">{tick.year}</text>')
    out.append(f'<line class="axis" x1="{LABEL_W}" y1="{axis_y}" x2="{SVG_W - 20}" y2="{axis_y}"/>')
    out.append(f'<text x="{LABEL_W}" y="{axis_y + 28}">{lay.lo.isoformat()}</text>')
    out.append(
        f'<text x="{SVG_W - 20}" y="{axis_y + 28}" text-anchor="end">{lay.hi.isoformat()}</text>'
    )
    for i, lane in enumerate(lay.lanes):
        y = TOP + LANE_H * i + LANE_H / 2
        label = lane.label if len(lane.label) <= 22 else lane.label[:21] + "…"
        out.append(f'<text x="4" y="{y + 4:.1f}">{e(label)}</text>')
        for m in lane.marks:
            out.append(_svg_mark(lay, m, y))
    out.append("</svg>")
    return "\n".join(out)


def _svg_mark(lay: Layout, m: Mark, y: float) -> str:
    a, b = _x(lay, m.start), _x(lay, m.end)
    flag = " flagged" if m.flagged else ""
    tip = f"<title>{e(m.row.source_label)}: {e(m.label)} ({e(fmt_interval(m.row.time))})</title>"
    href = f'href="#{anchor("q", m.row.claim.id)}"'
    if m.kind == "target":
        shape = f'<circle class="target{flag}" cx="{b:.1f}" cy="{y:.1f}" r="6">{tip}</circle>'
        tx = b + 9
    elif m.kind == "change":
        a2 = min(a, b - 12)
        shape = (
            f'<g class="change-mark">{tip}'
            f'<line class="change{flag}" x1="{a2:.1f}" y1="{y:.1f}" x2="{b - 6:.1f}" y2="{y:.1f}"/>'
            f'<polygon class="arrowhead" points="{b - 8:.1f},{y - 5:.1f} {b:.1f},{y:.1f} '
            f'{b - 8:.1f},{y + 5:.1f}"/></g>'
        )
        tx = b + 4
    else:
        width = max(b - a, 4.0)
        cls = "span" if m.kind == "span" else "point"
        shape = (
            f'<rect class="{cls}{flag}" x="{a - (2 if width == 4 else 0):.1f}" y="{y - 6:.1f}" '
            f'width="{width:.1f}" height="12" rx="2">{tip}</rect>'
        )
        tx = a + 4
    label = f'<text x="{tx:.1f}" y="{y - 8:.1f}">{e(m.label)}</text>'
    bang = f'<text class="flag" x="{b + 3:.1f}" y="{y + 4:.1f}">!</text>' if m.flagged else ""
    return f"<a {href}>{shape}{label}{bang}</a>"


def _sources(index: Index) -> list[str]:
    out: list[str] = []
    texts = index.report.claims_file.texts
    for src in sorted(index.sources.values(), key=lambda s: s.id):
        head = e(src.publisher or src.id)
        meta = " · ".join(
            x
            for x in (
                e(src.title),
                src.published.isoformat() if src.published else "",
                f"<code>{e(src.path)}</code>",
            )
            if x
        )
        out.append(f'<section class="source" id="{anchor("src", src.id)}">')
        out.append(f'<h3>{head}</h3>\n<p class="muted">{meta}</p>')
        claims = sorted(
            (r for r in (index.row(c) for c in index.claims) if r and r.claim.source == src.id),
            key=Row.sort_key,
        )
        text = texts.get(src.id)
        for r in claims:
            out.append(_passage(r, text))
        out.append("</section>")
    return out


def _passage(r: Row, text: str | None) -> str:
    qid = anchor("q", r.claim.id)
    head = (
        f'<p id="{qid}"><strong>{e(claim_value_text(r.claim))}</strong> '
        f"({e(r.claim.kind)}, {e(fmt_interval(r.time))}) <code>{e(r.claim.id)}</code></p>"
    )
    where = find_quote(text, r.claim) if text else None
    if text is None or where is None:
        note = "source text not loaded" if text is None else "quote not found in source text"
        return (
            f"{head}\n<blockquote><mark>{e(r.claim.quote)}</mark></blockquote>\n"
            f'<p class="muted">{note}</p>'
        )
    a, b = where
    pa, pb = paragraph_around(text, a, b)
    before = ("…" if pa > 0 and text[pa - 1] != "\n" else "") + text[pa:a]
    after = text[b:pb] + ("…" if pb < len(text) and text[pb] != "\n" else "")
    return (
        f"{head}\n<blockquote>{e(before.lstrip())}<mark>{e(text[a:b])}</mark>"
        f"{e(after.rstrip())}</blockquote>"
    )
