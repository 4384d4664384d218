"""The hook works through pre-commit itself (``pre-commit try-repo``), not only on paper.

pre-commit builds the hook's own virtualenv from this repository (pip install),
so this test needs the package registry; it is skipped when pre-commit is absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import ARTICLE_A, ARTICLE_B, CLAIMS

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture()
def user_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    (repo / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (repo / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (repo / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    return repo


def _pre_commit() -> list[str]:
    """pre-commit from this interpreter's environment (the venv need not be on PATH)."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed")
    return [sys.executable, "-m", "pre_commit"]


def _try_repo(
    repo: Path, home: Path, files: tuple[str, ...] = ("claims.yaml",)
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run(
        [
            *_pre_commit(),
            "try-repo",
            str(REPO),
            "claimcheck",
            "--files",
            *files,
            "--color",
            "never",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_manifest_is_valid() -> None:
    proc = subprocess.run(
        [*_pre_commit(), "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_hook_fails_on_a_discrepancy_then_passes_once_reviewed(
    user_repo: Path, tmp_path: Path
) -> None:
    home = tmp_path / "pre-commit-home"
    proc = _try_repo(user_repo, home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "claims.yaml:" in proc.stdout and "error:" in proc.stdout
    fingerprint = proc.stdout.split("[value-conflict ")[1].split("]")[0]
    claims = user_repo / "claims.yaml"
    claims.write_text(
        claims.read_text(encoding="utf-8")
        + f"reviews:\n  - fingerprint: {fingerprint}\n    verdict: accepted\n",
        encoding="utf-8",
    )
    _git(user_repo, "add", ".")
    proc = _try_repo(user_repo, home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def _one_source(claims: str) -> str:
    """The shared claims file cut to its first source and claim: nothing to disagree with."""
    head, _, rest = claims.partition("  times:\n")
    rest = rest.split("claims:\n", 1)[1]
    first_claim = rest.split("  - id: times-dead", 1)[0]
    return head + "claims:\n" + first_claim


def test_hook_runs_when_only_an_article_changes(user_repo: Path, tmp_path: Path) -> None:
    """An edit to an article that breaks a quote fails the commit, though the claims file
    itself did not change (pass_filenames: false, articles in the files pattern)."""
    home = tmp_path / "pre-commit-home"
    (user_repo / "claims.yaml").write_text(_one_source(CLAIMS), encoding="utf-8")
    (user_repo / "b.txt").unlink()
    _git(user_repo, "add", "-A")
    proc = _try_repo(user_repo, home, ("a.txt",))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
    article = user_repo / "a.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("At least 42 people", "At least 40 people"),
        encoding="utf-8",
    )
    _git(user_repo, "add", "a.txt")
    proc = _try_repo(user_repo, home, ("a.txt",))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "claims.yaml:" in proc.stdout and "quote" in proc.stdout


def test_hook_is_not_run_for_unrelated_files(user_repo: Path, tmp_path: Path) -> None:
    """A change to a file neither claims nor article (a script) does not run the hook."""
    home = tmp_path / "pre-commit-home"
    (user_repo / "build.py").write_text("print('hello')\n", encoding="utf-8")
    _git(user_repo, "add", "build.py")
    proc = _try_repo(user_repo, home, ("build.py",))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no files to check" in proc.stdout.lower() or "Skipped" in proc.stdout
