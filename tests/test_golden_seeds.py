"""Golden files of the reports on the bundled seeds: a diff here is a behaviour change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("fmt", "golden"), [("markdown", "seeds_report.md"), ("json", "seeds_report.json")]
)
def test_report_of_the_seeds(
    fmt: str, golden: str, check_golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # paths in the report are as given on the command line
    result = CliRunner().invoke(cli, ["report", "--format", fmt, "claims.yaml"])
    assert result.exit_code == 0, result.stderr
    check_golden(golden, result.stdout)
