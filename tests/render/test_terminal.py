from __future__ import annotations

from rich.console import Console

from claimcheck.model import Report
from claimcheck.render.terminal import render_report, render_timeline


def _console() -> Console:
    return Console(record=True, width=100, color_system=None, force_terminal=False)


def test_report_shows_hostile_text_literally(report: Report) -> None:
    c = _console()
    render_report(report, c)
    out = c.export_text()
    assert "[bold red]x[/]" in out
    assert "[link=http://evil]y[/link]" in out
    assert "\\x1b[31mred" in out and "\x1b" not in out and "\x07" not in out
    assert "<script>alert(1)</script>" in out


def test_report_marks_findings_without_colour(report: Report) -> None:
    c = _console()
    render_report(report, c, timeline=False)
    out = c.export_text()
    assert "✖ contradiction" in out
    assert "reviewed (accepted: Sources count different days | see <desk>)" in out
    assert "├" not in out  # no timeline
    # one table row per finding, with the table's six columns
    header = next(line for line in out.splitlines() if "spread" in line)
    for name in ("subject", "when", "source", "spread", "tier", "status"):
        assert name in header
    # below the table: each claim's value and quote on one line
    assert any("City Herald ·" in line and "“" in line for line in out.splitlines())


def test_timeline_chart(report: Report) -> None:
    c = _console()
    render_timeline(report, c, subject="city budget")
    out = c.export_text()
    lines = out.splitlines()
    assert lines[0] == "city budget"
    herald = next(line for line in lines if line.startswith(" City Herald"))
    wire = next(line for line in lines if line.startswith(" Wire | Agency"))
    assert "├" in herald and "┤" in herald
    assert wire.rstrip().endswith("○")  # target at its deadline, the axis end
    assert "→" in out and "$1.2bn → $900m" in out
    assert "2021" in out and "2022-12-31" in out
    c2 = _console()
    render_timeline(report, c2, subject="protesters")
    out2 = c2.export_text()
    assert "!post" in out2 and "! ● post: about 5,000 (2021-04-03)" in out2


def test_timeline_width_respected(report: Report) -> None:
    c = Console(record=True, width=60, color_system=None, force_terminal=False)
    render_timeline(report, c)
    chart = [line for line in c.export_text().splitlines() if "├" in line or "┼" in line]
    assert chart and all(len(line) <= 60 for line in chart)
