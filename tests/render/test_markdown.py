from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from claimcheck.model import Report
from claimcheck.render.markdown import md_code, md_text, mermaid_label, render_markdown


def test_golden(report: Report, check_golden: Callable[[str, str], None]) -> None:
    check_golden("report.md", render_markdown(report))


def test_deterministic(report: Report) -> None:
    assert render_markdown(report) == render_markdown(report)


def test_cell_escaping() -> None:
    s = md_text("a|b\nc <script>&`x`*y*_z_[l](u) $1")
    assert "|" not in s.replace("\\|", "")
    assert "\n" not in s and "<br>" in s
    assert "<script>" not in s and "&lt;script&gt;" in s and "&amp;" in s
    assert "\\`x\\`" in s and "\\*y\\*" in s and "\\_z\\_" in s and "\\[l\\]" in s
    assert "\\$1" in s
    assert md_code("a|b") == "`a\\|b`"
    assert md_code("a`b") == "`` a`b ``"


def test_table_rows_keep_six_cells(report: Report) -> None:
    md = render_markdown(report)
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(rows) == 6  # 3 headers + 3 findings
    for row in rows:
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 8, row  # 6 cells between 7 pipes
    assert "<script>" not in md and "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md


def test_mermaid_blocks_are_sanitised(report: Report) -> None:
    md = render_markdown(report)
    blocks = re.findall(r"```mermaid\n(.*?)```", md, flags=re.S)
    assert len(blocks) == 2  # the two subjects with a contradiction/discrepancy
    for b in blocks:
        lines = b.strip().splitlines()
        assert lines[0] == "xychart-beta"
        assert re.fullmatch(r'    title "[^"\n]*"', lines[1])
        labels = re.fullmatch(r"    x-axis \[(.*)\]", lines[2])
        assert labels is not None
        assert re.fullmatch(r'"[^"\[\];:#%]*"(, "[^"\[\];:#%]*")*', labels.group(1))
        assert re.fullmatch(r"    bar \[[0-9., e+-]+\]", lines[4])
    assert mermaid_label('"]; click A call evil() #x %%y') == "click A call evil x y"


def test_mermaid_parses_with_mermaid(report: Report, tmp_path: Path) -> None:
    """Real parser check; needs MERMAID_DIR pointing at a folder with node_modules holding
    mermaid and jsdom (`npm install mermaid@10.9 jsdom`)."""
    where = os.environ.get("MERMAID_DIR")
    if not where or not shutil.which("node") or not Path(where, "node_modules", "mermaid").exists():
        pytest.skip("set MERMAID_DIR to a folder with mermaid and jsdom installed")
    script = Path(where) / "claimcheck_mermaid_check.mjs"
    shutil.copy(Path(__file__).with_name("mermaid_check.mjs"), script)
    md = tmp_path / "r.md"
    md.write_text(render_markdown(report), encoding="utf-8")
    run = subprocess.run(
        ["node", str(script), str(md)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "2 blocks, 0 bad" in run.stdout
