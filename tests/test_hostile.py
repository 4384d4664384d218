"""Hostile inputs, one test per class (issue 12): nothing the user owns is destroyed,
nothing hides a contradiction, nothing blows up. Cases are our own (wildfires, strikes)."""

from __future__ import annotations

import difflib
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import cli
from claimcheck.errors import OutputError
from claimcheck.outputs import check_not_input, write_output

ARTICLE_A = """Wildfire forces evacuations in the hills
Date: August 12, 2025
Source: Ridge Courier
Firefighters said 3,400 people were evacuated from Lowmoor on Monday.
"""

ARTICLE_B = """Thousands flee hill fire
Date: August 13, 2025
Source: Basin Post
Officials said 1,200 people were evacuated from Lowmoor on Monday.
"""

CLAIMS = """\
version: 1
sources:
  courier:
    file: a.txt
    published: 2025-08-12
  post:
    file: b.txt
    published: 2025-08-13
claims:
  - id: courier-evac
    source: courier
    subject: people evacuated from Lowmoor
    kind: count
    value: "3,400"
    unit: people
    time: "2025-08-11"
    quote: Firefighters said 3,400 people were evacuated from Lowmoor on Monday.
  - id: post-evac
    source: post
    subject: people evacuated from Lowmoor
    kind: count
    value: "1,200"
    unit: people
    time: "2025-08-11"
    quote: Officials said 1,200 people were evacuated from Lowmoor on Monday.
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, args)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


# --- never destroy what the user owns ---------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["claims.yaml", "./claims.yaml", "sub/../claims.yaml", "a.txt", "hard.yaml", "link.yaml"],
)
def test_report_output_never_overwrites_an_input(project: Path, target: str) -> None:
    (project / "sub").mkdir()
    os.link(project / "claims.yaml", project / "hard.yaml")
    (project / "link.yaml").symlink_to("claims.yaml")
    before = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    code, _, err = run(["report", "claims.yaml", "--format", "json", "-o", target], project)
    assert code == 2
    assert "refused" in err and "--force" in err
    assert "Traceback" not in err
    after = {p.name: p.read_bytes() for p in project.iterdir() if p.is_file()}
    assert after == before
    assert (project / "link.yaml").is_symlink()


def test_force_lets_the_user_overwrite_an_input_on_purpose(project: Path) -> None:
    (project / "copy.yaml").write_text(CLAIMS, encoding="utf-8")
    code, _, _ = run(
        ["report", "copy.yaml", "--format", "json", "-o", "copy.yaml", "--force"], project
    )
    assert code == 0
    assert json.loads((project / "copy.yaml").read_text("utf-8"))["findings"]


def test_output_link_is_written_through_and_stays_a_link(project: Path) -> None:
    (project / "out").mkdir()
    (project / "report.json").symlink_to("out/real.json")
    code, _, _ = run(["report", "claims.yaml", "--format", "json", "-o", "report.json"], project)
    assert code == 0
    assert (project / "report.json").is_symlink()
    assert json.loads((project / "out" / "real.json").read_text("utf-8"))["findings"]
    assert not [p for p in (project / "out").iterdir() if p.name.endswith(".tmp")]


def test_devices_are_streams_never_replaced(project: Path) -> None:
    code, _, err = run(["report", "claims.yaml", "--format", "json", "-o", "/dev/null"], project)
    assert code == 0, err
    assert Path("/dev/null").is_char_device()


def test_fifo_is_written_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write_output(fifo, "streamed\n")
    out, _ = reader.communicate(timeout=10)
    assert out == b"streamed\n"
    assert fifo.is_fifo()


def test_missing_folder_and_folder_targets_are_clear_errors(project: Path) -> None:
    code, _, err = run(["report", "claims.yaml", "--format", "json", "-o", "no/x.json"], project)
    assert code == 2 and "does not exist" in err
    with pytest.raises(OutputError, match="folder"):
        write_output(project, "x")


def test_readonly_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_output(folder / "x.json", "x")
    finally:
        folder.chmod(0o700)


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk is full"):
        write_output(target, "new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


_SPELLINGS = st.lists(st.sampled_from(["./", "sub/../", "sub/./../", "linkdir/"]), max_size=3)


@settings(max_examples=40, deadline=None)
@given(prefix=_SPELLINGS, via=st.sampled_from(["plain", "symlink", "hardlink"]))
def test_any_spelling_of_an_input_is_refused(
    tmp_path_factory: pytest.TempPathFactory, prefix: list[str], via: str
) -> None:
    root = tmp_path_factory.mktemp("alias")
    (root / "sub").mkdir()
    (root / "linkdir").symlink_to(".")
    original = root / "claims.yaml"
    original.write_text("version: 1\n")
    name = {"plain": "claims.yaml", "symlink": "l.yaml", "hardlink": "h.yaml"}[via]
    if via == "symlink":
        (root / name).symlink_to("claims.yaml")
    elif via == "hardlink":
        os.link(original, root / name)
    spelled = root / ("".join(prefix) + name)
    with pytest.raises(OutputError, match="refused"):
        check_not_input(spelled, [original])
    check_not_input(root / "other.yaml", [original])  # a new file is fine


def test_extract_into_refuses_an_input_article(project: Path) -> None:
    before = (project / "a.txt").read_bytes()
    code, _, err = run(["extract", "a.txt", "b.txt", "--into", "b.txt", "--no-cache"], project)
    assert code == 2 and "refused" in err
    assert (project / "a.txt").read_bytes() == before


def test_extract_into_a_symlink_writes_the_target(project: Path) -> None:
    (project / "data").mkdir()
    (project / "data" / "real.yaml").write_text("version: 1\nsources: {}\nclaims: []\n")
    (project / "link.yaml").symlink_to("data/real.yaml")
    code, _, err = run(["extract", "a.txt", "--into", "link.yaml", "--no-cache"], project)
    assert code == 0, err
    assert (project / "link.yaml").is_symlink()
    text = (project / "data" / "real.yaml").read_text("utf-8")
    assert "file: ../a.txt" in text  # relative to the real file, so it still resolves


def test_merge_keeps_untouched_scalars_and_indentation(project: Path) -> None:
    hand = (
        "version: 1\n"
        "settings:\n    tolerance: .NaN\n"
        "sources:\n    courier:\n        file: a.txt   # checked by hand\n"
        "claims:\n"
        "-   id: courier-evac\n        # the first figure\n    source: courier\n"
        "    subject: people evacuated from Lowmoor\n    kind: count\n    value: +3400\n"
        "    quote: Firefighters said 3,400 people were evacuated from Lowmoor on Monday.\n"
        "\n# end of claims\n"
    )
    (project / "hand.yaml").write_text(hand, encoding="utf-8")
    (project / "c.txt").write_text(
        "Fire crews gain ground\nDate: August 14, 2025\n"
        "Crews said 2,100 homes were still threatened in Lowmoor on Wednesday.\n",
        encoding="utf-8",
    )
    code, _, err = run(["extract", "c.txt", "--into", "hand.yaml", "--no-cache"], project)
    assert code == 0, err
    after = (project / "hand.yaml").read_text("utf-8")
    ops = difflib.SequenceMatcher(a=hand.splitlines(), b=after.splitlines()).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}  # a merge only adds lines
    assert "+3400" in after and ".NaN" in after
    assert "\n    c:\n        file: c.txt" in after


def test_extract_into_a_device_is_refused(project: Path) -> None:
    code, _, err = run(["extract", "a.txt", "--into", "/dev/null", "--no-cache"], project)
    assert code == 2 and "not a regular file" in err
    assert Path("/dev/null").is_char_device()


# --- interrupts -------------------------------------------------------------------------


def test_ctrl_c_exits_130_with_interrupted(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.cli as cli_module

    def interrupted(*_args: object, **_kw: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module, "build_report", interrupted)
    code, _, err = run(["report", "claims.yaml"], project)
    assert code == 130
    assert "interrupted" in err and "Aborted" not in err


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        out.update(int(n) for n in text.split())
    return out


LAUNCH = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from claimcheck.cli import main; main(['extract', sys.argv[1], '-j', '2', '--no-cache'])"
)
"""The console script, with Ctrl-C's default handler (a test runner may ignore SIGINT)."""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signals_during_jobs_leave_no_workers(tmp_path: Path, signum: int) -> None:
    body = "Rescuers said 140 people were trapped in Carrow on Friday. " * 300
    for i in range(40):
        (tmp_path / f"art{i:02d}.txt").write_text(
            f"Quake story {i}\nDate: May 2, 2025\n{body}\n", encoding="utf-8"
        )
    proc = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers |= _children(proc.pid)
        time.sleep(0.05)
    if proc.poll() is not None or not workers:
        proc.communicate(timeout=20)
        pytest.skip("extraction finished before workers could be seen")
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=20)
    assert proc.returncode == (130 if signum == signal.SIGINT else 128 + signum)
    assert b"Traceback" not in err
    time.sleep(0.5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and _not_zombie(w)]
    assert alive == []


def _not_zombie(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


# --- report on a partly broken file -----------------------------------------------------


def test_report_leaves_out_broken_claims_and_exits_2(project: Path) -> None:
    broken = CLAIMS + (
        "  - id: post-bad\n    source: post\n    subject: homes burned\n    kind: cuont\n"
        '    value: "9"\n    quote: nowhere in the article 9\n'
    )
    (project / "claims.yaml").write_text(broken, encoding="utf-8")
    code, out, err = run(["report", "claims.yaml", "--format", "json"], project)
    assert code == 2
    doc = json.loads(out)
    assert {c["id"] for c in doc["claims"]} == {"courier-evac", "post-evac"}
    assert doc["findings"], "the rest is still cross-checked"
    assert any(p["severity"] == "error" for p in doc["problems"])
    assert "left out" in err
    code, _, _ = run(["check", "claims.yaml"], project)
    assert code == 2  # check stays strict


def test_report_still_refuses_a_file_level_error(project: Path) -> None:
    (project / "claims.yaml").write_text(CLAIMS.replace("version: 1", "version: 7"))
    code, out, _ = run(["report", "claims.yaml", "--format", "json"], project)
    assert code == 2 and out == ""


# --- no injection into CI ---------------------------------------------------------------

HOSTILE_SUBJECT = "people evacuated from Lowmoor\\n::error file=x.py::pwned \\u202e\\u200b\\x1b[31m"


@pytest.mark.parametrize("fmt", ["github", "text"])
def test_no_input_starts_a_workflow_command(project: Path, fmt: str) -> None:
    hostile = CLAIMS.replace(
        "subject: people evacuated from Lowmoor", f'subject: "{HOSTILE_SUBJECT}"'
    )
    (project / "claims.yaml").write_text(hostile, encoding="utf-8")
    code, out, err = run(["check", "claims.yaml", "--format", fmt], project)
    assert code == 1, err
    command = re.compile(
        r"^::(error|warning|notice) file=[^:,\n]*,line=\d+,col=\d+,title=[^:,\n]*::[^\n]*$"
    )
    for line in (out + err).splitlines():
        if fmt == "github" and line.startswith("::"):
            assert command.match(line), line
        else:
            assert not line.lstrip().startswith("::"), line
        assert "\x1b" not in line and "\u202e" not in line and "\u200b" not in line


def test_file_names_in_warnings_are_escaped(tmp_path: Path) -> None:
    name = "undated\n::error::pwned\u202e.txt"
    (tmp_path / name).write_text(
        "Strike enters second week\nDockers said 800 workers walked out in Porthaven.\n",
        encoding="utf-8",
    )
    code, _, err = run(["extract", name, "--no-cache"], tmp_path)
    assert code == 0, err
    assert "\\n::error::pwned\\u202e.txt" in err
    assert not any(line.lstrip().startswith("::") for line in err.splitlines())


# --- cached extraction is verified before use -------------------------------------------


def _extract_json(folder: Path, cache: Path) -> dict[str, object]:
    code, out, err = run(["extract", "a.txt", "--format", "json"], folder)
    assert code == 0, err
    return dict(json.loads(out))


def _entries(cache: Path) -> list[Path]:
    """Extraction results (named by their content hash), not other caches in the folder."""
    return sorted(p for p in cache.glob("*.json") if re.fullmatch(r"[0-9a-f]{64}\.json", p.name))


def _corruptions(entry: dict[str, object]) -> list[object]:
    claims = entry["claims"]
    assert isinstance(claims, list) and claims
    first = claims[0]
    edited_quote = json.loads(json.dumps(entry))
    edited_quote["claims"][0]["quote"] = first["quote"].replace("3,400", "9,999")
    edited_value = json.loads(json.dumps(entry))
    edited_value["claims"][0]["span"] = [0, 1]
    wrong_type = json.loads(json.dumps(entry))
    wrong_type["claims"][0]["value"] = 3400
    foreign = json.loads(json.dumps(entry))
    foreign["source"]["id"] = "someone-else"
    extra = json.loads(json.dumps(entry))
    extra["claims"][0]["injected"] = True
    return [edited_quote, edited_value, wrong_type, foreign, extra, [], None, "x", {}]


@pytest.mark.parametrize("case", range(9))
def test_corrupt_cache_entries_are_rebuilt(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    case: int,
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(cache))
    fresh = _extract_json(project, cache)
    entries = _entries(cache)
    assert len(entries) == 1
    from claimcheck.extract.cache import entry_dict

    entry = entry_dict(entries[0].read_text("utf-8"))
    entries[0].write_text(json.dumps(_corruptions(entry)[case]), encoding="utf-8")
    assert _extract_json(project, cache) == fresh
    assert entry_dict(entries[0].read_text("utf-8")) == entry  # rebuilt


def test_emptied_cache_entry_and_unusable_cache_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(cache))
    fresh = _extract_json(project, cache)
    for entry in _entries(cache):
        entry.write_bytes(b"")
    assert _extract_json(project, cache) == fresh
    not_a_folder = project / "cache-file"
    not_a_folder.write_text("I am a file\n")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(not_a_folder))
    assert _extract_json(project, not_a_folder) == fresh  # runs without a cache


# --- nothing blows up ----------------------------------------------------------------------


def test_a_megabyte_sentence_is_skipped_quickly(tmp_path: Path) -> None:
    figures = " ".join(str(n * 37 % 99991) for n in range(150_000))
    (tmp_path / "dump.txt").write_text(
        "Table dump\nDate: May 2, 2025\n"
        + figures
        + "\nRescuers said 140 people were trapped in Carrow on Friday.\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    code, out, err = run(["extract", "dump.txt", "--no-cache", "--format", "json"], tmp_path)
    assert code == 0, err
    assert time.monotonic() - started < 30
    assert "dump.txt:3: skipped a sentence" in err
    quotes = [c["quote"] for c in json.loads(out)["claims"]]
    assert quotes == ["Rescuers said 140 people were trapped in Carrow on Friday."]


def test_oversized_article_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimcheck.sources

    monkeypatch.setattr(claimcheck.sources, "MAX_SOURCE_BYTES", 1000)
    (tmp_path / "big.txt").write_text("x" * 5000)
    (tmp_path / "ok.txt").write_text(ARTICLE_A)
    code, out, err = run(
        ["extract", "big.txt", "ok.txt", "--no-cache", "--format", "json"], tmp_path
    )
    assert code == 0, err
    assert "big.txt: skipped (refused: 5,000 bytes" in err
    assert [s["id"] for s in json.loads(out)["sources"]] == ["ok"]


@pytest.mark.parametrize("columns", ["0", "3", "10000000", "wide"])
def test_any_columns_value_draws_a_bounded_report(project: Path, columns: str) -> None:
    env = {**os.environ, "COLUMNS": columns, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "report", "claims.yaml", "--color", "always"],
        cwd=project,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"internal error" not in done.stderr
    assert b"Lowmoor" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) < 5000


# --- located messages, never an internal error ------------------------------------------


def test_check_with_filters_that_match_nothing_says_so(project: Path) -> None:
    code, _, err = run(["check", "claims.yaml", "--subject", "volcanic ash cloud"], project)
    assert code == 2
    assert "no claim matches --subject 'volcanic ash cloud'" in err
    code, _, _ = run(["check", "claims.yaml", "--source", "nobody"], project)
    assert code == 2
    code, _, _ = run(["check", "claims.yaml", "--subject", "evacuated lowmoor"], project)
    assert code == 1  # the filter matched: the real finding is reported


def test_calendar_edges_and_foreign_names_never_lose_the_batch(tmp_path: Path) -> None:
    (tmp_path / "far.txt").write_text(
        "Quake\nDate: December 31, 9999\nRescuers said 140 people were trapped next year.\n",
        encoding="utf-8",
    )
    (tmp_path / "first.txt").write_text(
        "Quake\nDate: January 1, 0001\nRescuers said 140 people were trapped last year.\n",
        encoding="utf-8",
    )
    (tmp_path / "ok.txt").write_text(ARTICLE_A, encoding="utf-8")
    os.close(os.open(os.fsencode(tmp_path) + b"/bad\xff.txt", os.O_CREAT | os.O_WRONLY))
    code, out, err = run(["extract", ".", "--no-cache", "--format", "json"], tmp_path)
    assert code == 0, err
    assert "internal error" not in err
    assert "bad\\xff.txt: skipped (the file name is not UTF-8" in err
    assert "ok" in [s["id"] for s in json.loads(out)["sources"]]


def test_one_article_reached_by_two_paths_is_one_source(project: Path) -> None:
    (project / "sub").mkdir()
    (project / "also.txt").symlink_to("a.txt")
    args = [
        "extract",
        "a.txt",
        "sub/../a.txt",
        "also.txt",
        "b.txt",
        "--no-cache",
        "--format",
        "json",
    ]
    code, out, err = run(args, project)
    assert code == 0, err
    assert [s["id"] for s in json.loads(out)["sources"]] == ["a", "b"]
    assert "also.txt: skipped (the same file as a.txt)" in err


def test_a_reader_that_stops_early_never_looks_like_findings(tmp_path: Path) -> None:
    """`claimcheck report | head`: the broken pipe ends the run as it ends any filter
    (SIGPIPE), not with exit 1, which means "findings"."""
    import signal
    import subprocess
    import sys

    if not hasattr(signal, "SIGPIPE"):
        return
    repo = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen(
        [sys.executable, "-c", "from claimcheck.cli import main; main()", "report"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100", "CLAIMCHECK_CACHE": str(tmp_path)},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    proc.wait(timeout=60)
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.returncode in (0, -signal.SIGPIPE)
    assert b"Traceback" not in err
