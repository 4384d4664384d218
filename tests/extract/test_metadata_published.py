"""When a page shows no date: extraction says which claims wait for one, and the user gives it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.extract.run import extract_paths

UNDATED = (
    "Ferry capsizes off the coast\n\n"
    "At least 31 passengers drowned when the ferry capsized on Tuesday, the coast guard said.\n"
    "Divers were still searching for 12 missing passengers, officials said.\n"
)
DATED = "Ferry capsizes\nDate: 2022-04-09\n\nAt least 31 passengers drowned, police said.\n"


@pytest.fixture
def undated(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(UNDATED, "utf-8")
    return path


def test_undated_article_warns_with_the_claims_that_depend_on_it(undated: Path) -> None:
    result = extract_paths([undated])
    assert result.sources[0].published is None
    assert result.claims
    (warning,) = [w for w in result.warnings if "no publication date" in w]
    assert warning.startswith(f"{undated}: ")
    assert "--published" in warning
    for claim in result.claims:
        assert claim.id in warning


def test_published_option_dates_an_undated_article(undated: Path, tmp_path: Path) -> None:
    result = extract_paths([undated], published=date(2023, 5, 3), cache_dir=tmp_path / "c")
    assert result.sources[0].published == date(2023, 5, 3)
    assert not [w for w in result.warnings if "no publication date" in w]
    # The cache keys on the date: the same file with no date given is undated again.
    assert extract_paths([undated], cache_dir=tmp_path / "c").sources[0].published is None


def test_date_shown_on_the_page_wins_over_the_option(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text(DATED, "utf-8")
    result = extract_paths([path], published=date(2030, 1, 1))
    assert result.sources[0].published == date(2022, 4, 9)


def test_cli_published_option(undated: Path) -> None:
    args = ["extract", str(undated), "--format", "json", "--no-cache"]
    plain = CliRunner().invoke(cli, args)
    assert plain.exit_code == 0, plain.output
    assert "no publication date found" in plain.stderr
    given = CliRunner().invoke(cli, [*args, "--published", "2023-05-03"])
    assert given.exit_code == 0, given.output
    assert json.loads(given.stdout)["sources"][0]["published"] == "2023-05-03"
    assert "no publication date found" not in given.stderr


def test_cli_rejects_a_bad_published_date(undated: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(undated), "--published", "2023-13-40"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_published_added_in_the_claims_file_resolves_relative_times(
    undated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.claimsfile.load import load
    from claimcheck.normalize import normalize

    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(cli, ["extract", undated.name, "--into", "claims.yaml", "--no-cache"])
    assert run.exit_code == 0, run.output
    before = {n.claim.quote: n.time for n in normalize(load(Path("claims.yaml")))}
    assert before and all(t is None for t in before.values())
    lines = Path("claims.yaml").read_text("utf-8").splitlines()
    assert not any(ln.strip().startswith("published:") for ln in lines)
    at = next(i for i, ln in enumerate(lines) if ln.strip().startswith("file:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, f"{indent}published: 2023-05-04")  # what an editor adds
    Path("claims.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    after = {n.claim.quote: n.time for n in normalize(load(Path("claims.yaml")))}
    tuesday = [t for q, t in after.items() if "Tuesday" in q]
    assert tuesday and tuesday[0] is not None
    assert tuesday[0].start == tuesday[0].end == date(2023, 5, 2)  # the Tuesday before
    assert all(t is not None for t in after.values())


def test_published_option_reaches_parallel_workers(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(UNDATED, "utf-8")
    result = extract_paths([tmp_path], jobs=2, published=date(2023, 5, 3))
    assert [s.published for s in result.sources] == [date(2023, 5, 3)] * 2
