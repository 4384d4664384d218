from __future__ import annotations

from claimcheck.model import Report
from claimcheck.render.github import escape_data, escape_property, render_github


def test_escaping_rules() -> None:
    assert escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_one_annotation_per_claim_line(report: Report) -> None:
    lines = render_github(report).splitlines()
    assert len(lines) == 4  # 1 problem + 3 claims of the open contradiction
    assert lines[0].startswith("::warning file=news/claims.yaml,line=10,col=3,")
    errs = [x for x in lines if x.startswith("::error ")]
    assert [x.split(",")[1] for x in errs] == ["line=70", "line=80", "line=90"]
    assert "title=claimcheck value-conflict (contradiction)::" in errs[0]
    for line in lines:
        assert "\n" not in line and "\x1b" not in line
        assert line.count("::") == 2  # hostile text cannot start a second command
