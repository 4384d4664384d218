"""Several claims files in one ``check``: the output says they were checked apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import cli

FILE = """\
version: 1
sources:
  {src}:
    file: {src}.txt
    published: 2022-08-20
claims:
  - id: {src}-1
    source: {src}
    subject: hectares burned in Valdoro
    kind: count
    value: "{value}"
    time: "2022-08-19"
    quote: "Firefighters said {value} hectares had burned."
"""


@pytest.fixture
def two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for src, value in (("north", "2,000"), ("south", "9,500")):
        (tmp_path / f"{src}.yaml").write_text(FILE.format(src=src, value=value), "utf-8")
        (tmp_path / f"{src}.txt").write_text(
            f"Firefighters said {value} hectares had burned.\n", "utf-8"
        )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_two_files_are_said_to_be_checked_apart(two_files: Path) -> None:
    result = CliRunner().invoke(cli.cli, ["check", "north.yaml", "south.yaml"])
    assert result.exit_code == 0  # 2,000 against 9,500 is never compared
    assert "checked apart" in result.stderr


def test_one_file_or_quiet_says_nothing(two_files: Path) -> None:
    assert "apart" not in CliRunner().invoke(cli.cli, ["check", "north.yaml"]).stderr
    quiet = CliRunner().invoke(cli.cli, ["check", "-q", "north.yaml", "south.yaml"])
    assert "apart" not in quiet.stderr
