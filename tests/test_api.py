"""The Python API: docs/api.md's examples run as written, and importing stays cheap."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"
_BLOCK = re.compile(r"```(python|text)\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str | None]]:
    """(code, the output block right after it, if any), in the order of the page."""
    blocks = _BLOCK.findall(DOC.read_text(encoding="utf-8"))
    out: list[tuple[str, str | None]] = []
    for i, (kind, body) in enumerate(blocks):
        if kind == "python":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            out.append((body, nxt[1] if nxt and nxt[0] == "text" else None))
    return out


def test_docs_api_examples_run_and_print_what_the_page_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    examples = _examples()
    assert len(examples) >= 4
    namespace: dict[str, object] = {}
    for code, expected in examples:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, str(DOC), "exec"), namespace)
        if expected is not None:
            assert buf.getvalue() == expected, code


def test_load_is_the_function_even_after_its_module_is_imported(tmp_path: Path) -> None:
    import claimcheck.claimsfile.load  # the submodule that used to shadow it
    from claimcheck.claimsfile import load

    assert callable(load)
    bad = tmp_path / "claims.yaml"
    bad.write_text("version: 1\nsources: {}\nclaims: []\n", encoding="utf-8")
    assert load(bad).claims == ()
    assert claimcheck.load is load


def test_model_types_and_errors_are_exposed() -> None:
    from claimcheck.errors import InputError
    from claimcheck.model import Claim, Report

    assert claimcheck.Claim is Claim and claimcheck.Report is Report
    assert claimcheck.InputError is InputError
    assert {"load", "run", "check", "extract_files", "Claim"} <= set(dir(claimcheck))
    with pytest.raises(AttributeError):
        _ = claimcheck.no_such_name  # type: ignore[attr-defined]


def test_import_claimcheck_loads_nothing_heavy() -> None:
    code = (
        "import sys, claimcheck\n"
        "heavy = [m for m in ('yaml', 'rich', 'rapidfuzz', 'ruamel', 'jsonschema', 'click',"
        " 'claimcheck.engine', 'claimcheck.model') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_check_verdict_matches_the_command(tmp_path: Path) -> None:
    """A reviewed finding passes; the same file without the review fails."""
    from tests.test_cli import ARTICLE_A, ARTICLE_B, CLAIMS

    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS, encoding="utf-8")
    report = claimcheck.run(claims)
    assert claimcheck.check(report) == 1
    reviews = "".join(
        f"  - fingerprint: {f.fingerprint}\n    verdict: accepted\n" for f in report.findings
    )
    claims.write_text(CLAIMS + "reviews:\n" + reviews, encoding="utf-8")
    assert claimcheck.check(claims) == 0
    assert claimcheck.check(claimcheck.load(claims)) == 0


def test_extract_files_reads_folders(tmp_path: Path) -> None:
    from tests.test_cli import ARTICLE_A, ARTICLE_B

    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = claimcheck.extract_files([tmp_path / "news"])
    assert [s.publisher for s in result.sources] == ["Valley Herald", "Capital Times"]
    assert {c.value.lower() for c in result.claims if c.value} >= {"at least 42", "17"}
