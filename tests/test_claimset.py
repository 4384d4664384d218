"""Several claims files in one ``check`` are one set of claims (``claimcheck.claimset``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import cli
from claimcheck.claimset import combine
from claimcheck.claimsfile import load
from claimcheck.errors import InputError

FILE = """\
version: 1
sources:
  {src}:
    file: {file}
    published: 2022-08-20
claims:
  - id: {cid}
    source: {src}
    subject: hectares burned in Valdoro
    kind: count
    value: "{value}"
    time: "2022-08-19"
    quote: "Firefighters said {value} hectares had burned."
"""


def _write(folder: Path, name: str, *, src: str, value: str, cid: str = "", file: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    article = file or f"{src}.txt"
    (folder / article).write_text(f"Firefighters said {value} hectares had burned.\n", "utf-8")
    path = folder / name
    text = FILE.format(src=src, value=value, cid=cid or f"{src}-1", file=article)
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _write(tmp_path, "north.yaml", src="north", value="2,000")
    _write(tmp_path, "south.yaml", src="south", value="9,500")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_contradiction_across_two_files_is_found(two_files: Path) -> None:
    result = CliRunner().invoke(cli.cli, ["check", "north.yaml", "south.yaml"])
    assert result.exit_code == 1, result.output
    assert "north.yaml:" in result.stdout and "south.yaml" in result.stdout
    assert "apart" not in result.stderr


def test_apart_checks_each_file_on_its_own(two_files: Path) -> None:
    result = CliRunner().invoke(cli.cli, ["check", "--apart", "north.yaml", "south.yaml"])
    assert result.exit_code == 0, result.output  # 2,000 against 9,500 is never compared


def test_one_json_document_for_the_set(two_files: Path) -> None:
    result = CliRunner().invoke(cli.cli, ["check", "--format", "json", "north.yaml", "south.yaml"])
    doc = json.loads(result.stdout)
    assert isinstance(doc, dict)
    (finding,) = doc["findings"]
    assert sorted(finding["claims"]) == ["north-1", "south-1"]


def test_a_claim_id_in_two_files_is_refused_with_both_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "a.yaml", src="north", value="2,000", cid="fire-1")
    _write(tmp_path, "b.yaml", src="south", value="2,000", cid="fire-1")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.cli, ["check", "a.yaml", "b.yaml"])
    assert result.exit_code == 2
    assert "b.yaml:7:" in result.stderr and "a.yaml:7:" in result.stderr
    assert "--apart" in result.stderr
    assert "Traceback" not in result.output


def test_the_same_source_in_two_files_is_one_source(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", src="wire", value="2,000", cid="w-1")
    b = _write(tmp_path, "b.yaml", src="wire", value="2,000", cid="w-2")
    cf = combine([load(a), load(b)])
    assert [s.id for s in cf.sources] == ["wire"]
    assert [c.id for c in cf.claims] == ["w-1", "w-2"]


def test_one_source_id_for_two_articles_is_refused(tmp_path: Path) -> None:
    a = _write(tmp_path / "x", "a.yaml", src="wire", value="2,000", cid="w-1")
    b = _write(tmp_path / "y", "b.yaml", src="wire", value="2,000", cid="w-2")
    with pytest.raises(InputError) as err:
        combine([load(a), load(b)])
    assert "source id 'wire'" in str(err.value)


def test_files_in_other_folders_keep_their_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "2021", "claims.yaml", src="north", value="2,000", file="a.txt")
    _write(tmp_path / "2022", "claims.yaml", src="south", value="9,500", file="a.txt")
    monkeypatch.chdir(tmp_path)
    cf = combine([load("2021/claims.yaml"), load("2022/claims.yaml")])
    assert [s.path for s in cf.sources] == ["a.txt", "../2022/a.txt"]
    result = CliRunner().invoke(
        cli.cli, ["check", "--format", "json", "2021/claims.yaml", "2022/claims.yaml"]
    )
    assert result.exit_code == 1, result.output
    assert len(json.loads(result.stdout)["findings"]) == 1


def test_differing_settings_are_said_and_the_first_applies(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.yaml", src="north", value="2,000")
    b = _write(tmp_path, "b.yaml", src="south", value="2,000")
    for path, tol in ((a, "0.05"), (b, "0.2")):
        path.write_text(path.read_text("utf-8") + f"settings:\n  about_tolerance: {tol}\n", "utf-8")
    cf = combine([load(a), load(b)])
    assert cf.settings["about_tolerance"] == 0.05
    assert any("about_tolerance" in w.message and w.location.path == str(b) for w in cf.warnings)


def test_one_file_is_itself(tmp_path: Path) -> None:
    cf = load(_write(tmp_path, "a.yaml", src="north", value="2,000"))
    assert combine([cf]) is cf


def test_report_reads_several_files_as_one_set(two_files: Path) -> None:
    result = CliRunner().invoke(cli.cli, ["report", "--format", "json", "north.yaml", "south.yaml"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {c["source"] for c in doc["claims"]} == {"north", "south"}
    (finding,) = doc["findings"]
    assert sorted(finding["claims"]) == ["north-1", "south-1"]
