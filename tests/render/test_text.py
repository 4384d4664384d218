from __future__ import annotations

from claimcheck.model import Report
from claimcheck.render.text import render_check


def test_check_lists_unreviewed_discrepancies_sorted(report: Report) -> None:
    out = render_check(report).splitlines()
    assert out[0].startswith("news/claims.yaml:10:3: warning: unknown key")
    assert out[1].startswith("news/claims.yaml:70:5: error: 7,000 is outside")
    assert out[1].endswith("(see also line 80, line 90)")
    assert "b2c3d4e5f6a7" not in "\n".join(out)  # reviewed
    assert "c3d4e5f6a7b8" not in "\n".join(out)  # update tier
    assert out[-1] == "1 error, 1 warning (1 reviewed finding hidden)"
    assert len(out) == 3


def test_check_output_is_inert(report: Report) -> None:
    out = render_check(report)
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31m" in out
