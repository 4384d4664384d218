"""The review command: one fingerprint from the command line, or a walk through open findings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli

CLAIMS = """\
# flood tolls, curated by the desk
version: 1
sources:
  herald:
    file: herald.txt
    publisher: Valley Herald
    published: 2024-05-12
  wire:
    file: wire.txt
    publisher: Wire
    published: 2024-05-12
claims:
  - id: herald-deaths
    source: herald
    subject: flood deaths in Porto Alegre
    kind: count
    value: "83"
    unit: people
    time: 2024-05-11
    quote: The floods have killed 83 people
  - id: wire-deaths
    source: wire
    subject: flood deaths in Porto Alegre
    kind: count
    value: "107"
    unit: people
    time: 2024-05-11
    quote: the death toll stood at 107
"""


def _setup(tmp_path: Path) -> Path:
    (tmp_path / "herald.txt").write_text("The floods have killed 83 people, officials said.\n")
    (tmp_path / "wire.txt").write_text("By Saturday the death toll stood at 107.\n")
    path = tmp_path / "claims.yaml"
    path.write_text(CLAIMS)
    return path


def _fingerprint(path: Path) -> str:
    import json

    out = CliRunner().invoke(cli, ["report", "--format", "json", str(path)])
    findings = json.loads(out.stdout)["findings"]
    assert len(findings) == 1
    return str(findings[0]["fingerprint"])


def test_failing_check_says_how_to_review_then_review_makes_it_pass(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    failed = CliRunner().invoke(cli, ["check", "--format", "text", str(path)])
    assert failed.exit_code == 1
    assert "claimcheck review FINGERPRINT --accept|--dismiss" in failed.output
    fp = _fingerprint(path)
    done = CliRunner().invoke(
        cli, ["review", fp, "--accept", "--note", "two counts, both reported", str(path)]
    )
    assert done.exit_code == 0, done.output
    text = path.read_text()
    assert text.startswith("# flood tolls, curated by the desk")  # comments kept
    assert f"fingerprint: {fp}" in text and "verdict: accepted" in text
    assert CliRunner().invoke(cli, ["check", str(path)]).exit_code == 0


def test_unknown_fingerprint_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    result = CliRunner().invoke(cli, ["review", "abcdef123456", "--dismiss", str(path)])
    assert result.exit_code == 2 and "no finding" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_walk_dismisses_with_a_note(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    result = CliRunner().invoke(cli, ["review", str(path)], input="d\nsame event, other day\n")
    assert result.exit_code == 0, result.output
    assert "Valley Herald" in result.output and "107" in result.output
    text = path.read_text()
    assert "verdict: dismissed" in text and "same event, other day" in text
    again = CliRunner().invoke(cli, ["review", str(path)], input="q\n")
    assert "no open findings" in again.output


def test_walk_skip_and_quit_write_nothing(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    before = path.read_bytes()
    assert CliRunner().invoke(cli, ["review", str(path)], input="s\n").exit_code == 0
    assert CliRunner().invoke(cli, ["review", str(path)], input="q\n").exit_code == 0
    assert path.read_bytes() == before


def test_show_says_which_written_subjects_were_merged(tmp_path: Path) -> None:
    path = _setup(tmp_path)
    path.write_text(
        CLAIMS.replace(
            "subject: flood deaths in Porto Alegre\n    kind: count\n    value: \"107\"",
            "subject: flood death toll in Porto Alegre\n    kind: count\n    value: \"107\"",
        )
    )
    result = CliRunner().invoke(cli, ["show", "flood deaths", str(path)])
    assert result.exit_code == 0, result.output
    assert "Subjects read as one quantity:" in result.output
    assert "flood death toll in Porto Alegre" in result.output


OLD_REVIEWS = """reviews:
  # As claimcheck 0.1.0 wrote them: one review per clashing pair.
  - fingerprint: e38278866eb4
    verdict: accepted
    note: >-
      Real disagreement on the starting level of the drawdown; kept both, flagged in the
      piece.
  - fingerprint: 5f3b6dd7595a
    verdict: accepted
    note: The 8 is a demand, not a competing account of the deal.
  - fingerprint: 72785473264a
    verdict: accepted
    note: Disputed window; both reported.
  - fingerprint: 3d41903b0018
    verdict: dismissed
    note: The 8-year period was a demand rejected in the negotiation.
"""


def test_migrate_rewrites_only_the_fingerprint_and_leaves_disagreeing_reviews(
    tmp_path: Path,
) -> None:
    """0.1.0 pair reviews: one maps to one finding and is re-keyed in place (its folded
    note untouched); three that now form one finding disagree (accepted and dismissed),
    so they are left for the editor."""
    import shutil

    repo = Path(__file__).resolve().parent.parent
    shutil.copytree(repo / "seeds", tmp_path / "seeds")
    claims = tmp_path / "claims.yaml"
    shipped = (repo / "claims.yaml").read_text("utf-8")
    claims.write_text(shipped[: shipped.index("reviews:")] + OLD_REVIEWS, "utf-8")
    before = claims.read_text("utf-8").splitlines()
    result = CliRunner().invoke(cli, ["review", "--migrate", str(claims)])
    assert result.exit_code == 0, result.output
    after = claims.read_text("utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].strip().startswith("- fingerprint:")
    assert "left as it is" in result.stderr
