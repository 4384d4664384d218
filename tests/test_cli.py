"""The CLI through click's CliRunner: exit codes, formats, filters, errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli

REPO = Path(__file__).resolve().parent.parent

ARTICLE_A = """Floods kill dozens in the valley
Date: March 3, 2024
Source: Valley Herald
At least 42 people were killed in the floods in Ruritania on Sunday, officials said.
"""

ARTICLE_B = """Flood toll rises
Date: March 4, 2024
Source: Capital Times
The floods killed 17 people in Ruritania on Sunday, according to the interior ministry.
"""

CLAIMS = """\
# yaml-language-server: $schema=./claims.schema.json
version: 1
sources:
  herald:
    file: a.txt
    publisher: Valley Herald
    published: 2024-03-03
  times:
    file: b.txt
    publisher: Capital Times
    published: 2024-03-04
claims:
  - id: herald-dead
    source: herald
    subject: people killed in floods in Ruritania
    kind: count
    value: at least 42
    unit: people
    time: "2024-03-03"
    quote: At least 42 people were killed in the floods in Ruritania on Sunday, officials said.
  - id: times-dead
    source: times
    subject: people killed in floods in Ruritania
    kind: count
    value: "17"
    unit: people
    time: "2024-03-03"
    quote: The floods killed 17 people in Ruritania on Sunday, according to the interior ministry.
"""


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_check_flags_an_unreviewed_contradiction(project: Path) -> None:
    code, out, _ = run("check", "--format", "text", str(project / "claims.yaml"))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{project / 'claims.yaml'}:")
    assert ": error: " in first
    assert "at least 42" in first and "17" in first


def test_check_passes_once_the_finding_is_reviewed(project: Path) -> None:
    claims = project / "claims.yaml"
    _, out, _ = run("check", "--format", "json", str(claims))
    fingerprint = json.loads(out)["findings"][0]["fingerprint"]
    claims.write_text(
        claims.read_text()
        + f"reviews:\n  - fingerprint: {fingerprint}\n    verdict: accepted\n"
        + "    note: early toll; ministry figure later revised\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", "--format", "text", str(claims))
    assert code == 0, out
    code, out, _ = run("report", "--format", "markdown", str(claims))
    assert code == 0
    assert "accepted" in out


def test_check_input_error_is_located_exit_2_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_text("version: 1\nsources:\n\tx: 1\n", encoding="utf-8")
    code, out, err = run("check", str(bad))
    assert code == 2
    assert err.startswith(f"{bad}:3:1: error:")
    assert "Traceback" not in err + out


def test_missing_claims_file_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in err


def test_report_formats_are_deterministic(project: Path) -> None:
    claims = str(project / "claims.yaml")
    for fmt in ("markdown", "json", "html", "terminal"):
        first = run("report", "--format", fmt, claims)
        second = run("report", "--format", fmt, claims)
        assert first == second
        assert first[0] == 0


def test_report_output_file_is_written(project: Path) -> None:
    out = project / "out.md"
    code, _, err = run(
        "report", "--format", "markdown", "-o", str(out), str(project / "claims.yaml")
    )
    assert code == 0
    assert out.read_text(encoding="utf-8").startswith("#")
    assert "wrote" in err


def test_check_github_and_sarif(project: Path) -> None:
    claims = str(project / "claims.yaml")
    code, out, _ = run("check", "--format", "github", claims)
    assert code == 1
    assert out.startswith("::error file=")
    code, out, _ = run("check", "--format", "sarif", claims)
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == "2.1.0"
    assert doc["runs"][0]["results"]


def test_check_auto_format_is_github_under_actions(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKFLOW", "ci")
    _, out, _ = run("check", str(project / "claims.yaml"))
    assert out.startswith("::")


def test_filters_subject_and_source(project: Path) -> None:
    claims = str(project / "claims.yaml")
    _, out, _ = run("report", "--format", "json", "--subject", "killed ruritania", claims)
    assert len(json.loads(out)["claims"]) == 2
    _, out, _ = run("report", "--format", "json", "--subject", "troops iraq", claims)
    assert json.loads(out)["claims"] == []
    _, out, _ = run("report", "--format", "json", "--source", "nosuch", claims)
    assert json.loads(out)["findings"] == []
    _, out, _ = run("report", "--format", "json", "--since", "2030-01-01", claims)
    assert json.loads(out)["claims"] == []


def test_bad_date_option_is_usage_error(project: Path) -> None:
    code, _, err = run("report", "--since", "yesterday", str(project / "claims.yaml"))
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_show_subject(project: Path) -> None:
    code, out, _ = run("show", "floods ruritania", str(project / "claims.yaml"))
    assert code == 0
    assert "Valley Herald" in out
    code, _, err = run("show", "budget of atlantis", str(project / "claims.yaml"))
    assert code == 2
    assert "no subject matches" in err


def test_schema_command_prints_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"].startswith("http://json-schema.org/draft-07")


def test_shipped_claims_file_passes_its_own_check() -> None:
    code, out, err = run("check", "--format", "text", str(REPO / "claims.yaml"))
    assert code == 0, out + err


def test_shipped_claims_file_report_shows_reviewed_seed_discrepancies() -> None:
    code, out, _ = run("report", "--format", "json", str(REPO / "claims.yaml"))
    assert code == 0
    findings = json.loads(out)["findings"]
    messages = " ".join(f["message"] for f in findings)
    assert "5,200 vs 5,300" in messages
    assert "3 years vs 8 years" in messages
    assert all(f["reviewed"] for f in findings if f["kind"] != "update")


def _run_subprocess(args: list[str], hashseed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hashseed, NO_COLOR="1", COLUMNS="100")
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        check=False,
    ).stdout


@pytest.mark.parametrize("fmt", ["markdown", "json", "terminal"])
def test_output_identical_across_hash_seeds(fmt: str) -> None:
    args = ["report", "--format", fmt, "claims.yaml"]
    first = _run_subprocess(args, "1")
    assert first
    assert first == _run_subprocess(args, "4242")


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "claims.yaml"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "check", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert str(bad) in proc.stderr


HOSTILE = (
    "Officials said [bold red]12[/] | people [link=http://evil.example]died[/link] "
    '\x1b[31m<script>alert(1)</script>\x1b]8;;http://evil\x07 `x` "]; click A call evil()'
)


def test_hostile_article_text_is_inert_in_every_format(tmp_path: Path) -> None:
    quote = "At least 12 people died in the blast, officials said."
    (tmp_path / "a.txt").write_text(f"{HOSTILE}\n{quote}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Exactly 30 people died in the blast.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\n"
        "sources:\n"
        "  a: {file: a.txt, published: 2022-05-01, title: '[bold]T[/] <b>x</b> | y'}\n"
        "  b: {file: b.txt, published: 2022-05-01}\n"
        "claims:\n"
        f"  - {{id: a1, source: a, subject: people killed in the blast in Freedonia, kind: count,"
        f" value: at least 12, unit: people, time: '2022-05-01', quote: '{quote}',"
        f' said_by: "[red]officials[/] \\x1b[2J"}}\n'
        "  - {id: b1, source: b, subject: people killed in the blast in Freedonia, kind: count,"
        " value: '30', unit: people, time: '2022-05-01',"
        " quote: 'Exactly 30 people died in the blast.'}\n",
        encoding="utf-8",
    )
    claims = str(tmp_path / "claims.yaml")
    for fmt in ("terminal", "markdown", "json", "html"):
        code, out, err = run("report", "--format", fmt, claims)
        assert code == 0, err
        assert "\x1b" not in out
        assert "<script>" not in out
    code, out, _ = run("report", "--format", "terminal", claims)
    assert "[red]" in out  # shown literally, not styled


def test_extract_prints_yaml_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    code, out, _ = run("extract", "--no-cache", "news")
    assert code == 0
    assert "value: at least 42" in out.lower()
    assert "file: news/a.txt" in out
    code, out, _ = run("extract", "--no-cache", "--format", "json", "news")
    doc = json.loads(out)
    claim = next(c for c in doc["claims"] if c["value"] == "At least 42")
    assert claim["low"] == 42 and claim["high"] is None and claim["qualifier"] == "at_least"
    text = (tmp_path / "news" / "a.txt").read_text(encoding="utf-8")
    assert text[claim["span"][0] : claim["span"][1]] == claim["quote"]
    assert doc["sources"][0]["published"] == "2024-03-03"


def test_extract_into_keeps_the_file_and_is_idempotent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS.replace("claims:\n", "claims:  # curated by hand\n"), "utf-8")
    before = claims.read_text(encoding="utf-8")
    code, _, err = run("extract", "--no-cache", "--into", "claims.yaml", "a.txt", "b.txt")
    assert code == 0, err
    after = claims.read_text(encoding="utf-8")
    assert after.startswith(before.split("\nclaims:")[0])  # sources kept as they were
    assert "claims:  # curated by hand" in after
    assert "id: herald-dead" in after
    code, _, _ = run("extract", "--no-cache", "--into", "claims.yaml", "a.txt", "b.txt")
    assert claims.read_text(encoding="utf-8") == after  # idempotent


def test_extract_seeds_into_fresh_file_finds_the_seed_discrepancies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("extract", "--no-cache", "seeds", "--into", "fresh.yaml")
    assert code == 0, err
    code, out, err = run("report", "--format", "json", "fresh.yaml")
    assert code == 0, err
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any("5,200 vs 5,300" in m for m in messages)
    assert any("vs 8 years" in m for m in messages)
    assert any("by the end of 2021" in m for m in messages)


def test_error_messages_quoting_article_text_are_inert(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops \x1b]8;;http://evil\x07left\x1b[2J today.\n", "utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\n"
        "sources:\n"
        "  a: {file: a.txt, published: 2022-05-01}\n"
        "claims:\n"
        "  - {id: a1, source: a, subject: troops in Mali, kind: level, value: '5',"
        " unit: troops, quote: 'Troops left today and 5 stayed.'}\n",
        encoding="utf-8",
    )
    code, _, err = run("check", str(tmp_path / "claims.yaml"))
    assert code == 2
    assert "closest passage" in err
    assert "\x1b" not in err and "\x07" not in err


# --- issue 13: one vocabulary, machine formats on bad input, stdin, locks, modeline ---


def _invoke(args: list[str], stdin: str | bytes | None = None, **env: str) -> tuple[int, str, str]:
    result = CliRunner(env=env or None).invoke(cli, args, input=stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _broken(project: Path) -> Path:
    """The claims file with a misspelt key and a quote its article does not contain."""
    claims = project / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    text = text.replace("    unit: people\n", "    unti: people\n", 1)
    claims.write_text(text.replace("on Sunday, according", "on Monday, according"), "utf-8")
    return claims


def test_machine_formats_print_input_problems(project: Path) -> None:
    claims = str(_broken(project))
    code, out, err = run("check", "--format", "json", claims)
    assert code == 2
    problems = json.loads(out)["problems"]
    assert {p["code"] for p in problems} >= {"schema"} or len(problems) >= 2
    assert all(p["location"]["path"] == claims and p["location"]["line"] > 1 for p in problems)
    assert "error:" in err  # the located lines still go to stderr
    code, out, _ = run("check", "--format", "sarif", claims)
    assert code == 2
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == len(problems)
    rule_ids = {r["id"] for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    for r in results:
        assert r["ruleId"] in rule_ids and r["level"] == "error"
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] > 1
    code, out, _ = run("check", "--format", "github", claims)
    assert code == 2
    lines = out.splitlines()
    assert len(lines) == len(problems)
    assert all(line.startswith(f"::error file={claims},line=") for line in lines)


def test_machine_format_of_a_missing_file_names_it(tmp_path: Path) -> None:
    code, out, _ = run("check", "--format", "sarif", str(tmp_path / "nope.yaml"))
    assert code == 2
    result = json.loads(out)["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("nope.yaml")


def test_text_is_accepted_by_report_and_every_format_by_check(project: Path) -> None:
    claims = str(project / "claims.yaml")
    code, out, _ = _invoke(["report", "--format", "text", "--color", "always", claims])
    assert code == 0 and "Valley Herald" in out
    assert "\x1b[" not in out  # text is the terminal drawing without colour
    for fmt in ("terminal", "markdown", "html", "github", "sarif"):
        code, out, _ = run("report", "--format", fmt, claims)
        assert code == 0 and out, fmt
    code, out, _ = run("check", "--format", "markdown", claims)
    assert code == 1 and out.startswith("#")
    code, terminal_out, _ = run("check", "--format", "terminal", claims)
    assert code == 1
    assert terminal_out == run("check", "--format", "text", claims)[1]


def test_check_output_file_and_quiet(project: Path) -> None:
    claims = str(project / "claims.yaml")
    target = project / "out.sarif"
    code, out, err = run("check", "--format", "sarif", "-o", str(target), claims)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert "wrote" in err
    code, out, err = run("check", "--format", "sarif", "--output", str(target), "-q", claims)
    assert code == 1 and "wrote" not in err and "review" not in err
    code, out, err = run("check", "--format", "text", "--quiet", claims)
    assert code == 1
    assert all(": error: " in line for line in out.splitlines())  # no summary line
    assert "review:" not in out + err


@pytest.mark.parametrize(
    ("flag", "env", "coloured"),
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),  # not a terminal
        ("auto", {"FORCE_COLOR": "1"}, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_color_option_and_environment(
    project: Path, flag: str, env: dict[str, str], coloured: bool
) -> None:
    claims = str(project / "claims.yaml")
    base = {"NO_COLOR": "", "FORCE_COLOR": ""}
    _, out, _ = _invoke(["check", "--format", "text", "--color", flag, claims], **{**base, **env})
    assert ("\x1b[" in out) is coloured
    _, out, _ = _invoke(["report", "--color", flag, claims], **{**base, **env})
    assert ("\x1b[" in out) is coloured


def test_version_short_and_long() -> None:
    from claimcheck import __version__

    for flag in ("-V", "--version"):
        code, out, _ = run(flag)
        assert code == 0 and __version__ in out


def test_every_option_has_help() -> None:
    import click

    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and "--help" not in param.opts:
                assert param.help, f"claimcheck {name} {'/'.join(param.opts)} has no help"


def test_show_takes_the_filters(project: Path) -> None:
    claims = str(project / "claims.yaml")
    code, out, _ = run("show", "floods ruritania", "--source", "times", claims)
    assert code == 0
    assert "Capital Times" in out
    code, _, err = run("show", "floods ruritania", "--since", "2030-01-01", claims)
    assert code == 2 and "no subject matches" in err


def test_extract_reads_an_article_from_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _invoke(["extract", "-"], stdin=ARTICLE_A)
    assert code == 0
    assert "file: '-'" in out or 'file: "-"' in out or "file: -" in out
    assert "value: At least 42" in out
    assert list(tmp_path.iterdir()) == []  # nothing left behind
    code, _, err = _invoke(["extract", "-", "--into", "claims.yaml"], stdin=ARTICLE_A)
    assert code == 2 and "standard input" in err
    assert not (tmp_path / "claims.yaml").exists()


def test_check_reads_a_claims_file_from_stdin(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    text = (project / "claims.yaml").read_text(encoding="utf-8")
    code, out, _ = _invoke(["check", "--format", "text", "-"], stdin=text)
    assert code == 1
    assert out.splitlines()[0].startswith("<stdin>:")
    code, _, err = _invoke(["check", "-"], stdin=text.replace("At least 42", "At most 42"))
    assert code == 2
    assert err.startswith("<stdin>:")


def test_extract_into_leaves_no_lock_in_the_checkout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    (work / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    code, _, err = run("extract", "--no-cache", "--into", "claims.yaml", "a.txt")
    assert code == 0, err
    assert sorted(p.name for p in work.iterdir()) == ["a.txt", "claims.yaml"]
    assert list((tmp_path / "cache" / "locks").glob("*.lock"))


def test_modeline_points_at_a_schema_every_checkout_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.claimsfile import SCHEMA_URL

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    code, _, _ = run("extract", "--no-cache", "--into", "first.yaml", "a.txt")
    first = (tmp_path / "first.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert ".venv" not in first and "site-packages" not in first
    code, _, err = run("schema", "-o", "claims.schema.json")
    assert code == 0 and "wrote" in err
    assert json.loads((tmp_path / "claims.schema.json").read_text("utf-8"))["$schema"]
    code, _, _ = run("extract", "--no-cache", "--into", "second.yaml", "a.txt")
    second = (tmp_path / "second.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert second == "# yaml-language-server: $schema=./claims.schema.json"


def test_extraction_progress_counts_files_then_names_the_merge() -> None:
    from rich.console import Console

    from claimcheck.cli_support import extraction_progress

    screen = io.StringIO()
    shown = Console(file=screen, force_terminal=True, width=120, color_system=None)
    with extraction_progress(3, enabled=True, to=shown) as stages:
        stages.advance("a.txt")
        stages.advance("b.txt")
        stages._progress.refresh()
        assert "2/3" in screen.getvalue() and "extracting" in screen.getvalue()
        stages.advance("c.txt")
        stages.stage("merging into claims.yaml")
        stages._progress.refresh()
    drawn = screen.getvalue()
    assert "3/3" in drawn and "merging into claims.yaml" in drawn
    assert "left" in drawn
    quiet = io.StringIO()
    with extraction_progress(3, enabled=False, to=Console(file=quiet)) as stages:
        stages.advance("a.txt")
        stages.stage("merging")
    assert quiet.getvalue() == ""


def _readme_commands() -> list[str]:
    """Every `claimcheck ...` line in README's code blocks (shell, CI steps, transcripts)."""
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found: list[str] = []
    for lang, block in re.findall(r"```([a-z]*)\n(.*?)```", readme, re.S):
        prefix = r"\$ " if lang == "text" else r"(?:- run: |\$ |.*&& )?"
        for line in block.splitlines():
            m = re.match(rf"\s*{prefix}(claimcheck (?:[^|#]*))", line)
            if m and "<" not in m.group(1):
                found.append(m.group(1).strip())
    return found


def test_readme_usage_lines_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README's commands run as written on the shipped claims file (offline ones: the
    install lines need the registry and are covered by .ci/run)."""
    import shlex
    import shutil

    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    shutil.copy(REPO / "claims.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / ".cache"))
    commands = _readme_commands()
    assert any(c.startswith("claimcheck check --format sarif -o") for c in commands)
    assert any(c.startswith("claimcheck schema -o") for c in commands)
    for command in commands:
        result = CliRunner().invoke(cli, shlex.split(command)[1:])
        assert result.exit_code in (0, 1), (command, result.output, result.exception)
    assert json.loads((tmp_path / "claimcheck.sarif").read_text(encoding="utf-8"))["runs"]


def test_readme_installs_our_distribution_name() -> None:
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    name = re.search(r'^name = "([^"]+)"', pyproject, re.M)
    assert name and name.group(1) == "claimcheck-news"
    assert f"pip install {name.group(1)}" in readme
    blocks = "".join(re.findall(r"```[a-z]*\n(.*?)```", readme, re.S))
    assert not re.search(r"pip install claimcheck(\s|$)", blocks)  # another project's name
    tags = subprocess.run(
        ["git", "tag", "--list"], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout.split()
    for rev in re.findall(r"rev: (\S+)", readme):
        if tags:  # a shallow CI clone may carry no tags
            assert rev in tags, f"README names rev {rev}, which the repository lacks"


def test_stdin_html_article_is_read_as_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    body = "".join(f"<p>{line}</p>" for line in ARTICLE_A.splitlines())
    page = f"<!DOCTYPE html><html><head><title>Floods</title></head><body>{body}</body></html>"
    result = CliRunner().invoke(cli, ["extract", "--format", "json", "-"], input=page)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    source = doc["sources"][0]
    assert "-" in (source.get("file"), source.get("path")), source
    quotes = [c["quote"] for c in doc["claims"]]
    assert any(q.startswith("At least 42 people") for q in quotes), quotes  # text, not tags
    assert "claimcheck-stdin" not in result.output  # no temporary path leaks out
    assert "<p>" not in json.dumps(doc["claims"])


def test_schema_output_never_overwrites_a_claims_file(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text("version: 1\nsources: {}\nclaims: []\n", "utf-8")
    code, _, err = run("schema", "-o", str(claims))
    assert code == 2 and "not a JSON Schema" in err
    assert claims.read_text("utf-8").startswith("version: 1")
    schema_file = tmp_path / "claims.schema.json"
    assert run("schema", "-o", str(schema_file))[0] == 0
    assert run("schema", "-o", str(schema_file))[0] == 0  # rewriting a schema is fine
