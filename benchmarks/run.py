"""Run every benchmark and write ``latest.md`` and ``latest.json``.

    python -m benchmarks.run                 # small sizes: 1k claims, 1 MB corpus
    python -m benchmarks.run --sizes all     # 1k/10k/100k claims, 1/10/100 MB

Each measured command runs in a fresh subprocess, reaped with ``os.wait4`` so its own
rusage (CPU time, peak RSS) is read, not the harness's. Inputs come from the seeded
generators and are cached under ``--data`` (regenerated when missing). Nothing here
gates on time: the targets are reported, met or not.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks import generate

REPO = Path(__file__).resolve().parent.parent
SIZES = {"small": ((1_000,), (1.0,)), "all": ((1_000, 10_000, 100_000), (1.0, 10.0, 100.0))}
PEER_SAMPLE_BYTES = 200_000
CACHE_CHECK_MAX_MB = 10.0
# Sizes past this are written as several files of whole cells and checked in one
# `claimcheck check` run (the loader reads files up to 1 GiB, about three million claims).
MAX_CLAIMS_PER_FILE = 1_000_000
PARSE_SCRIPT = (
    "import sys, ryml\nfor f in sys.argv[1:]:\n    ryml.parse_in_arena(open(f, 'rb').read())"
)
"""The fastest YAML parser measured on the registry (rapidyaml, C++), bare: a tree, no values."""

TARGETS = {
    "startup_ratio": 1.5,
    "check_100k_s": 5.0,
    "check_100k_peak_mb": 1024.0,
    "check_exponent_10k_100k": 1.15,
    "extract_mb_per_cpu_s": 5.0,
    "extract_vs_quantulum3": 20.0,
}


class CommandFailed(RuntimeError):
    """A measured command exited 2 or worse: the row is reported as an error, not timed."""


@dataclass
class Measure:
    """One run of one command: wall and CPU seconds, peak RSS in MB, exit code."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    rc: int


# A tiny launcher between the harness and the measured command. On Linux a child's
# ru_maxrss starts from the RSS of the process that forked it, so forking straight from
# the harness (which holds large JSON results) would inflate every peak; the launcher
# is small (python -S, no site), so the figure is the command's own.
LAUNCHER = r"""
import os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
t = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t
with open(out, "w") as f:
    rc = os.waitstatus_to_exitcode(status)
    f.write(f"{wall} {ru.ru_utime + ru.ru_stime} {ru.ru_maxrss} {rc}")
"""


def measure(
    cmd: list[str], *, cwd: Path, env: dict[str, str] | None = None, stdout: Path | None = None
) -> Measure:
    """Run ``cmd`` once in a fresh process (via the launcher) and read its own rusage."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        tempfile.TemporaryFile() as err,
        open(stdout or os.devnull, "wb") as out,
    ):
        report = Path(tmp) / "rusage"
        launcher = [sys.executable, "-S", "-c", LAUNCHER, str(report), *cmd]
        subprocess.run(launcher, cwd=cwd, env=env, stdout=out, stderr=err, check=False)
        wall, cpu, maxrss, rc = report.read_text().split()
        if int(rc) not in (0, 1):
            err.seek(0)
            tail = err.read()[-2000:].decode("utf-8", "replace")
            raise CommandFailed(f"{' '.join(cmd[-5:])} exited {rc}: {tail.strip()}")
    # ru_maxrss is KiB on Linux, bytes on macOS
    kib = int(maxrss) / 1024 if sys.platform == "darwin" else int(maxrss)
    return Measure(float(wall), float(cpu), kib / 1024, int(rc))


def median_measure(runs: list[Measure]) -> Measure:
    """The run with the median wall time (keeps CPU and memory of one real run)."""
    ordered = sorted(runs, key=lambda m: m.wall_s)
    return ordered[(len(ordered) - 1) // 2]


def claimcheck_cmd() -> list[str]:
    """The installed console script (what users run), else ``python -m claimcheck``."""
    script = Path(sys.executable).parent / "claimcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimcheck"]


def exponent(t1: float, t2: float, n1: float, n2: float) -> float | None:
    """Fitted growth exponent k in t ~ n^k between two sizes."""
    if min(t1, t2, n1, n2) <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    ).stdout.strip()
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "commit": commit or None,
    }


# ---------------------------------------------------------------------------
# inputs


def claims_input(data: Path, n: int, seed: int) -> Path:
    shards = -(-n // MAX_CLAIMS_PER_FILE)
    name = f"claims-{n}-s{seed}-v{generate.VERSION}" + ("" if shards == 1 else f"-x{shards}")
    folder = data / name
    if not (folder / "planted.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate.write_claims(n, seed, folder, shards)
    return folder


def corpus_input(data: Path, mb: float, seed: int) -> Path:
    folder = data / f"corpus-{mb:g}-s{seed}-v{generate.VERSION}"
    if not (folder / "corpus.json").exists():
        shutil.rmtree(folder, ignore_errors=True)
        generate.write_corpus(mb, seed, folder)
    return folder


def corpus_files(folder: Path) -> list[Path]:
    return sorted((folder / "articles").rglob("*.txt"))


# ---------------------------------------------------------------------------
# benchmarks


def found_vs_planted(folder: Path, check_json: Path) -> dict[str, Any]:
    """Which planted cells got a contradiction (or any finding), and which were not planted."""
    planted = json.loads((folder / "planted.json").read_text())
    doc = json.loads(check_json.read_text())
    docs = doc if isinstance(doc, list) else [doc]
    findings = [f for d in docs for f in d.get("findings", [])]
    by_tier: dict[str, int] = {}
    for f in findings:
        by_tier[f.get("kind", "?")] = by_tier.get(f.get("kind", "?"), 0) + 1
    hard = [set(f.get("claims", [])) for f in findings if f.get("kind") == "contradiction"]
    wrong = {p["conflicting"] for p in planted["planted"]}
    found = sum(1 for w in sorted(wrong) if any(w in h for h in hard))
    touched = [set(f.get("claims", [])) for f in findings]
    found_any = sum(1 for w in sorted(wrong) if any(w in h for h in touched))
    unplanted = sum(1 for h in hard if not h & wrong)
    return {
        "planted": planted["planted_discrepancies"],
        "found": found,
        "found_any_finding": found_any,
        "contradictions_not_planted": unplanted,
        "findings_by_kind": dict(sorted(by_tier.items())),
    }


def bench_claims(sizes: tuple[int, ...], data: Path, seed: int, log: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cc = claimcheck_cmd()
    for n in sizes:
        folder = claims_input(data, n, seed)
        try:
            rows += _claims_rows(cc, folder, n, log)
        except CommandFailed as exc:
            log(f"claims {n}: {exc}")
            rows.append({"claims": n, "command": "check", "error": str(exc)})
    _add_exponents(rows, "claims", "command")
    return rows


def _claims_rows(cc: list[str], folder: Path, n: int, log: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    files: list[str] = json.loads((folder / "planted.json").read_text())["files"]
    repeats = 3 if n <= 10_000 else 1
    log(f"claims {n}: check x{repeats} ({len(files)} file(s))")
    cold = [*cc, "check", "--no-cache", *files]  # the result cache would answer repeats
    check = median_measure([measure(cold, cwd=folder) for _ in range(repeats)])
    log(f"claims {n}: parse only, rapidyaml x{repeats}")
    bare = [sys.executable, "-c", PARSE_SCRIPT, *files]
    parse = median_measure([measure(bare, cwd=folder) for _ in range(repeats)])
    log(f"claims {n}: report --format markdown x{repeats}")
    report = median_measure([_report_all(cc, folder, files) for _ in range(repeats)])
    out = folder / "check.json"
    measure([*cc, "check", "--no-cache", *files, "--format", "json"], cwd=folder, stdout=out)
    accuracy = found_vs_planted(folder, out)
    log(f"claims {n}: check, unchanged re-run from the result cache")
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CLAIMCHECK_CACHE": cache}
        measure([*cc, "check", *files], cwd=folder, env=env)
        cached = measure([*cc, "check", *files], cwd=folder, env=env)
    named = (("check", check), ("check, unchanged (result cache)", cached))
    fastest = ("parse only: rapidyaml tree (python -c, fresh process)", parse)
    for name, m in (*named, ("report --format markdown", report), fastest):
        rows.append(
            {
                "claims": n,
                "files": len(files),
                "command": name,
                **asdict(m),
                "claims_per_s": n / m.wall_s,
                **({"accuracy": accuracy} if name == "check" else {}),
                **({"check_over_parse_cpu": check.cpu_s / parse.cpu_s} if name == "check" else {}),
            }
        )
    return rows


def _report_all(cc: list[str], folder: Path, files: list[str]) -> Measure:
    """``report`` takes one file: one process per file, times summed, peak the largest."""
    runs = [
        measure([*cc, "report", f, "--format", "markdown", "-o", f"{f}.report.md"], cwd=folder)
        for f in files
    ]
    return Measure(
        sum(m.wall_s for m in runs),
        sum(m.cpu_s for m in runs),
        max(m.peak_mb for m in runs),
        max(m.rc for m in runs),
    )


def bench_corpus(sizes: tuple[float, ...], data: Path, seed: int, log: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    cc = claimcheck_cmd()
    for mb in sizes:
        folder = corpus_input(data, mb, seed)
        meta = json.loads((folder / "corpus.json").read_text())
        try:
            rows.append(_corpus_row(cc, folder, mb, meta, log))
        except CommandFailed as exc:
            log(f"corpus {mb:g} MB: {exc}")
            rows.append(
                {"mb": mb, "bytes": meta["bytes"], "files": meta["files"], "error": str(exc)}
            )
    _add_exponents(rows, "bytes", None)
    _add_memory_growth(rows)
    return rows


def _corpus_row(
    cc: list[str], folder: Path, mb: float, meta: dict[str, Any], log: Any
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as warm_store:
        # Every row runs with the places index and regex programs already stored, as any
        # earlier run of claimcheck leaves them, in a store of its own: a shared one may
        # hold another install's index, and a rebuild (~3 s) is not the articles' cost.
        env = {**os.environ, "CLAIMCHECK_CACHE": warm_store}
        one = str(corpus_files(folder)[0])
        measure([*cc, "extract", "--no-cache", "--format", "json", one], cwd=folder, env=env)
        return _corpus_row_in(cc, folder, mb, meta, log, env)


def _corpus_row_in(
    cc: list[str], folder: Path, mb: float, meta: dict[str, Any], log: Any, env: dict[str, str]
) -> dict[str, Any]:
    size_mb = meta["bytes"] / 1e6
    cmd = [*cc, "extract", "articles", "--format", "json"]
    log(f"corpus {mb:g} MB: extract --no-cache")
    m = measure([*cmd, "--no-cache"], cwd=folder, stdout=folder / "extract.json", env=env)
    row: dict[str, Any] = {
        "mb": mb,
        "bytes": meta["bytes"],
        "files": meta["files"],
        **asdict(m),
        "mb_per_s": size_mb / m.wall_s,
        "mb_per_cpu_s": size_mb / m.cpu_s if m.cpu_s else None,
        "claims_found": _count_claims(folder / "extract.json"),
        "cache_warm_over_cold": None,
    }
    log(f"corpus {mb:g} MB: bare number regex over the same files")
    regex = _bare_regex(folder)
    row["regex_mb_per_cpu_s"] = regex
    row["regex_over_extract"] = regex / row["mb_per_cpu_s"] if row["mb_per_cpu_s"] else None
    log(f"corpus {mb:g} MB: extract --no-cache --jobs 2")
    two = measure([*cmd, "--no-cache", "--jobs", "2"], cwd=folder, env=env)
    row["jobs2_wall_s"] = two.wall_s
    row["jobs2_speedup"] = m.wall_s / two.wall_s
    if mb <= CACHE_CHECK_MAX_MB:
        log(f"corpus {mb:g} MB: extract with cache, cold then warm")
        # Cold is the articles' extraction into an empty result cache; the places index
        # and regex programs stay stored (see above). Ratios of CPU time: on a shared
        # machine wall time also counts waiting for a core.
        cold = measure(cmd, cwd=folder, env=env)
        warm = measure(cmd, cwd=folder, env=env)
        absolute = [*cc, "extract", str(folder / "articles"), "--format", "json"]
        other = measure(absolute, cwd=folder, env=env)
        row["cache_cold_s"] = cold.cpu_s
        row["cache_warm_s"] = warm.cpu_s
        row["cache_warm_over_cold"] = warm.cpu_s / cold.cpu_s if cold.cpu_s else None
        row["cache_absolute_path_over_cold"] = other.cpu_s / cold.cpu_s if cold.cpu_s else None
    return row


BARE_REGEX_SCRIPT = r"""
import re, sys, time
from pathlib import Path
t = time.process_time()
number = re.compile(r"\d+(?:[.,]\d+)*")
size = found = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = path.read_text(encoding="utf-8")
    size += len(text.encode("utf-8"))
    found += sum(1 for _ in number.finditer(text))
print(size / 1e6 / max(time.process_time() - t, 1e-9), found)
"""


def _bare_regex(folder: Path) -> float:
    """MB per CPU-second of reading the corpus and finding every digit run: the floor any
    extractor pays, measured in the same run so machines compare."""
    proc = subprocess.run(
        [sys.executable, "-c", BARE_REGEX_SCRIPT, str(folder / "articles")],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(proc.stdout.split()[0])


def _add_memory_growth(rows: list[dict[str, Any]]) -> None:
    """Peak MB gained per MB of articles since the smallest size (flat: near 0)."""
    done = [r for r in rows if "error" not in r]
    for row in done:
        first = done[0]
        grown = row["bytes"] - first["bytes"]
        row["peak_mb_per_mb"] = (
            (row["peak_mb"] - first["peak_mb"]) / (grown / 1e6) if grown > 0 else None
        )


def bench_extract_fixed(data: Path, seed: int, runs: int, log: Any) -> dict[str, Any] | None:
    """``extract`` of one article (the smallest corpus's first file), YAML and JSON, against
    a bare interpreter: medians of interleaved runs, each after an untimed warm-up with
    bytecode and the user cache folder (places index, regex programs) as an install has
    them; ``--no-cache`` so the article is extracted every time."""
    if runs <= 0:
        return None
    files = corpus_files(corpus_input(data, 0.05, seed))
    if not files:
        return None
    article = str(files[0])
    log(f"extract fixed cost: {runs} interleaved runs on one article")
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["CLAIMCHECK_CACHE"] = cache
        cc = claimcheck_cmd()
        cmds = {
            "yaml": [*cc, "extract", "--no-cache", article],
            "json": [*cc, "extract", "--no-cache", "--format", "json", article],
            "python": [sys.executable, "-c", "pass"],
        }
        for cmd in cmds.values():
            measure(cmd, cwd=REPO, env=env)
        runs_of: dict[str, list[Measure]] = {k: [] for k in cmds}
        for _ in range(runs):
            for name, cmd in cmds.items():
                runs_of[name].append(measure(cmd, cwd=REPO, env=env))
    med = {k: median_measure(v) for k, v in runs_of.items()}
    return {
        "runs": runs,
        "article_bytes": Path(article).stat().st_size,
        **{f"{k}_wall_s": v.wall_s for k, v in med.items()},
        **{f"{k}_cpu_s": v.cpu_s for k, v in med.items()},
    }


def _count_claims(path: Path) -> int | None:
    try:
        doc = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    claims = doc.get("claims") if isinstance(doc, dict) else None
    return len(claims) if isinstance(claims, list) else None


def _add_exponents(rows: list[dict[str, Any]], size_key: str, group_key: str | None) -> None:
    last: dict[Any, dict[str, Any]] = {}
    for row in rows:
        if "error" in row:
            continue
        group = row[group_key] if group_key else None
        prev = last.get(group)
        row["growth_exponent"] = (
            exponent(prev["wall_s"], row["wall_s"], prev[size_key], row[size_key]) if prev else None
        )
        last[group] = row


QUANTULUM_SCRIPT = r"""
import json, sys, time
t0 = time.perf_counter()
from quantulum3 import parser
t1 = time.perf_counter()
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
parser.parse("warm-up: 3 people")
t2 = time.perf_counter()
n = 0
for text in texts:
    n += len(parser.parse(text))
t3 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "first_call_s": t2 - t1, "parse_s": t3 - t2,
                  "bytes": sum(len(t.encode("utf-8")) for t in texts), "quantities": n}))
"""


def bench_peers(corpus: Path, log: Any) -> dict[str, Any] | None:
    """quantulum3 vs claimcheck extract on the same fixed sample (the first 200 KB)."""
    probe = subprocess.run([sys.executable, "-c", "import quantulum3"], capture_output=True)
    if probe.returncode != 0:
        log("quantulum3 not installed: peer comparison skipped")
        return None
    sample: list[Path] = []
    total = 0
    for path in corpus_files(corpus):
        if total >= PEER_SAMPLE_BYTES:
            break
        sample.append(path)
        total += path.stat().st_size
    log(f"quantulum3 on {len(sample)} files ({total / 1000:.0f} KB)")
    proc = subprocess.run(
        [sys.executable, "-c", QUANTULUM_SCRIPT, *map(str, sample)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    q = json.loads(proc.stdout.strip().splitlines()[-1])
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(sample):
            shutil.copyfile(path, Path(tmp) / f"{i:05d}.txt")
        try:
            ours = measure(
                [*claimcheck_cmd(), "extract", tmp, "--format", "json", "--no-cache"], cwd=corpus
            )
        except CommandFailed as exc:
            return {"error": str(exc), "quantulum3": q}
    q_rate = q["bytes"] / 1e6 / q["parse_s"]
    ours_rate = total / 1e6 / ours.wall_s
    return {
        "sample_files": len(sample),
        "sample_bytes": total,
        "quantulum3": {**q, "mb_per_s": q_rate},
        "claimcheck_sample": {**asdict(ours), "mb_per_s": ours_rate},
        "ratio_same_sample": ours_rate / q_rate,
    }


def bench_startup(runs: int, log: Any) -> dict[str, Any] | None:
    """``claimcheck check`` on the repo's claims.yaml vs bare ``import yaml, click``: a
    first run (``--no-cache``) and an unchanged re-run answered by the result cache.

    Every command runs with bytecode caching on (PYTHONDONTWRITEBYTECODE removed) after
    an untimed warm-up, as for an installed package, whose modules pip byte-compiles:
    otherwise claimcheck would pay for compiling its sources and yaml/click would not.
    """
    claims = REPO / "claims.yaml"
    if not claims.exists():
        log("no claims.yaml at the repo root: start-up comparison skipped")
        return None
    log(f"start-up: {runs} interleaved runs each")
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["CLAIMCHECK_CACHE"] = cache
        cmds = {
            "check": [*claimcheck_cmd(), "check", "--no-cache", "claims.yaml"],
            "cached": [*claimcheck_cmd(), "check", "claims.yaml"],
            "import": [sys.executable, "-c", "import yaml, click"],
        }
        if importlib.util.find_spec("pre_commit") is not None:  # the hook runner itself
            cmds["pre-commit"] = [sys.executable, "-m", "pre_commit", "--version"]
        times: dict[str, list[float]] = {k: [] for k in cmds}
        for cmd in cmds.values():
            measure(cmd, cwd=REPO, env=env)
        for _ in range(runs):
            for name, cmd in cmds.items():
                times[name].append(measure(cmd, cwd=REPO, env=env).wall_s)
    o, c, b = (statistics.median(times[k]) for k in ("check", "cached", "import"))
    p = statistics.median(times["pre-commit"]) if "pre-commit" in times else None
    return {
        "runs": runs,
        "check_median_s": o,
        "cached_median_s": c,
        "import_median_s": b,
        "ratio": o / b,
        "cached_ratio": c / b,
        "precommit_median_s": p,
        "precommit_ratio": o / p if p else None,
        "precommit_cached_ratio": c / p if p else None,
    }


# ---------------------------------------------------------------------------
# report


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured figure; None when that size was not run."""
    out: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: float, higher_is_better: bool) -> None:
        met = None
        if value is not None:
            met = value >= limit if higher_is_better else value <= limit
        op = "≥" if higher_is_better else "≤"
        out.append({"target": name, "goal": f"{op} {limit:g}", "measured": value, "met": met})

    st = result.get("startup")
    add("check on claims.yaml / import yaml, click", st and st["ratio"], 1.5, False)
    add(
        "check on claims.yaml, unchanged re-run / import yaml, click",
        st and st.get("cached_ratio"),
        1.5,
        False,
    )
    add("check on claims.yaml / pre-commit --version", st and st.get("precommit_ratio"), 1.0, False)
    checks = {
        r["claims"]: r for r in result["claims"] if r["command"] == "check" and "error" not in r
    }
    big = checks.get(100_000)
    add("100k claims check, wall s", big and big["wall_s"], 5.0, False)
    add("100k claims check, peak MB", big and big["peak_mb"], 1024.0, False)
    add("check growth exponent 10k→100k", big and big["growth_exponent"], 1.15, False)
    ten = checks.get(10_000)
    add("check at 10k ÷ bare rapidyaml parse, CPU s", ten and ten.get("check_over_parse_cpu"),
        2.0, False)  # fmt: skip
    corpus = result["corpus"]
    best = max((r["mb_per_cpu_s"] or 0 for r in corpus if "error" not in r), default=None)
    add("extract MB per CPU-second (best size; aim 5)", best, 2.0, True)
    done = [r for r in corpus if "error" not in r]
    biggest = max(done, key=lambda r: r["bytes"]) if done else None
    add(
        "bare number regex ÷ extract, MB per CPU-second (largest size)",
        biggest and biggest.get("regex_over_extract"),
        10.0,
        False,
    )
    fx = result.get("extract_fixed")
    add("extract one article (JSON), wall s", fx and fx["json_wall_s"], 0.1, False)
    add("extract --jobs 2 wall speed-up (largest size)", biggest and biggest.get("jobs2_speedup"),
        1.8, True)  # fmt: skip
    add("extract peak MB per MB of articles (largest size)",
        biggest and biggest.get("peak_mb_per_mb"), 1.0, False)  # fmt: skip
    add("extract cached re-run / cold (largest size)",
        biggest and biggest.get("cache_warm_over_cold"), 0.05, False)  # fmt: skip
    peers = result.get("peers")
    add(
        "extract MB/s ÷ quantulum3 MB/s (same sample)",
        peers.get("ratio_same_sample") if peers else None,
        20,
        True,
    )
    return out


def _f(x: Any, digits: int = 2) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    return f"{x:,}" if isinstance(x, int) else str(x)


def _files(row: dict[str, Any]) -> str:
    n = row.get("files", 1)
    return "" if n == 1 else f" ({n} files)"


def _cell(text: str) -> str:
    """Error text in one table cell: no pipes or newlines to break the row."""
    return text.replace("|", "\\|").replace("\n", " ")[:300]


def _extract_fixed_lines(fx: dict[str, Any] | None) -> list[str]:
    if not fx:
        return []
    return [
        "",
        f"Fixed cost: `claimcheck extract --no-cache` on one article ({fx['article_bytes']:,} "
        f"bytes), median of {fx['runs']} interleaved runs, bytecode and user cache warm.",
        "",
        "| command | wall ms | CPU ms |",
        "|---|---:|---:|",
        f"| extract (YAML) | {fx['yaml_wall_s'] * 1000:.0f} | {fx['yaml_cpu_s'] * 1000:.0f} |",
        f"| extract --format json | {fx['json_wall_s'] * 1000:.0f} "
        f"| {fx['json_cpu_s'] * 1000:.0f} |",
        f'| `python -c "pass"` | {fx["python_wall_s"] * 1000:.0f} '
        f"| {fx['python_cpu_s'] * 1000:.0f} |",
    ]


def to_markdown(result: dict[str, Any]) -> str:
    m = result["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {result['date']} with `{result['command']}` (seed {result['seed']}).",
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['platform']}, Python {m['python']}, commit {m['commit']}.",
        "All commands single-process (one core); times are wall-clock of a fresh process, "
        "start-up included; CPU is user+system of that process; peak is its max RSS.",
        "",
        "## `claimcheck check` and `report` on generated claims files",
        "",
        "| claims | command | wall s | CPU s | peak MB | claims/s | growth exp. "
        "| planted found: error / any | other errors |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["claims"]:
        if "error" in r:
            lines.append(f"| {r['claims']:,} | {r['command']} | error: {_cell(r['error'])} |")
            continue
        acc = r.get("accuracy")
        found = f"{acc['found']} / {acc['found_any_finding']} of {acc['planted']}" if acc else ""
        other = _f(acc["contradictions_not_planted"]) if acc else ""
        lines.append(
            f"| {r['claims']:,}{_files(r)} | {r['command']} | {_f(r['wall_s'])} "
            f"| {_f(r['cpu_s'])} "
            f"| {_f(r['peak_mb'], 0)} | {_f(r['claims_per_s'], 0)} "
            f"| {_f(r['growth_exponent'])} | {found} | {other} |"
        )
    lines += [
        "",
        "## `claimcheck extract --no-cache --format json` on generated corpora",
        "",
        "| MB | files | wall s | CPU s | peak MB | MB/s | MB per CPU-s | growth exp. "
        "| claims | cached re-run / cold | same, absolute path / cold | bare regex MB per CPU-s "
        "| regex ÷ extract | --jobs 2 speed-up | peak MB per MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["corpus"]:
        if "error" in r:
            lines.append(
                f"| {r['bytes'] / 1e6:.1f} | {r['files']:,} | error: {_cell(r['error'])} |"
            )
            continue
        lines.append(
            f"| {r['bytes'] / 1e6:.1f} | {r['files']:,} | {_f(r['wall_s'])} | {_f(r['cpu_s'])} "
            f"| {_f(r['peak_mb'], 0)} | {_f(r['mb_per_s'])} | {_f(r['mb_per_cpu_s'])} "
            f"| {_f(r['growth_exponent'])} | {_f(r['claims_found'])} "
            f"| {_f(r['cache_warm_over_cold'], 3)} "
            f"| {_f(r.get('cache_absolute_path_over_cold'), 3)} "
            f"| {_f(r.get('regex_mb_per_cpu_s'))} | {_f(r.get('regex_over_extract'), 1)} "
            f"| {_f(r.get('jobs2_speedup'))} | {_f(r.get('peak_mb_per_mb'))} |"
        )
    lines += _extract_fixed_lines(result.get("extract_fixed"))
    p = result.get("peers")
    lines += ["", "## Peer: quantulum3", ""]
    if p and "error" in p:
        q = p["quantulum3"]
        rate = q["bytes"] / 1e6 / q["parse_s"]
        lines.append(f"quantulum3: {rate:.3f} MB/s on the sample; claimcheck failed: ")
        lines[-1] += _cell(p["error"])
    elif p:
        q = p["quantulum3"]
        c = p["claimcheck_sample"]
        lines += [
            f"Both on the same fixed sample: the first {p['sample_files']} files "
            f"({p['sample_bytes'] / 1000:.0f} KB) of the smallest corpus. quantulum3 is timed "
            f"in-process after import ({q['import_s']:.1f} s) and a warm-up call "
            f"({q['first_call_s']:.1f} s); claimcheck end to end, start-up included.",
            "",
            "| tool | seconds | MB/s | ratio |",
            "|---|---:|---:|---:|",
            f"| quantulum3 `parser.parse` per article | {q['parse_s']:.2f} "
            f"| {q['mb_per_s']:.3f} | 1 |",
            f"| claimcheck extract | {c['wall_s']:.2f} | {c['mb_per_s']:.3f} "
            f"| {p['ratio_same_sample']:.1f}× |",
        ]
        done = [r for r in result["corpus"] if "error" not in r]
        if done:
            big = max(done, key=lambda r: r["bytes"])
            lines.append(
                f"| claimcheck extract, {big['bytes'] / 1e6:.0f} MB corpus (start-up amortised) "
                f"| {big['wall_s']:.2f} | {big['mb_per_s']:.3f} "
                f"| {big['mb_per_s'] / q['mb_per_s']:.1f}× |"
            )
    else:
        lines.append("Skipped (quantulum3 not installed, or `--no-peers`).")
    s = result.get("startup")
    lines += ["", "## Start-up", ""]
    if s:
        lines += [
            f"Median of {s['runs']} interleaved runs each.",
            "",
            "| command | median ms |",
            "|---|---:|",
            f"| `claimcheck check --no-cache claims.yaml` (repo root) "
            f"| {s['check_median_s'] * 1000:.0f} |",
            *(
                [
                    "| `claimcheck check claims.yaml`, unchanged (result cache) "
                    f"| {s['cached_median_s'] * 1000:.0f} |"
                ]
                if "cached_median_s" in s
                else []
            ),
            f'| `python -c "import yaml, click"` | {s["import_median_s"] * 1000:.0f} |',
            f"| ratio, first run | {s['ratio']:.2f}× |",
            *(
                [f"| ratio, unchanged re-run | {s['cached_ratio']:.2f}× |"]
                if "cached_ratio" in s
                else []
            ),
            *(
                [
                    f"| `python -m pre_commit --version` | {s['precommit_median_s'] * 1000:.0f} |",
                    f"| first run ÷ pre-commit --version | {s['precommit_ratio']:.2f}× |",
                    "| unchanged re-run ÷ pre-commit --version "
                    f"| {s['precommit_cached_ratio']:.2f}× |",
                ]
                if s.get("precommit_median_s")
                else []
            ),
        ]
    else:
        lines.append("Skipped (no claims.yaml at the repo root).")
    lines += ["", "## Targets (reported, not gated)", "", "| target | goal | measured | met |"]
    lines.append("|---|---|---:|---|")
    for t in result["targets"]:
        met = {True: "yes", False: "**no**", None: "not run"}[t["met"]]
        lines.append(f"| {t['target']} | {t['goal']} | {_f(t['measured'])} | {met} |")
    return "\n".join(lines) + "\n"


def rerender(out: Path) -> None:
    """Rewrite latest.md from latest.json (after a change to the table layout)."""
    result = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    result["targets"] = targets(result)
    (out / "latest.md").write_text(to_markdown(result), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--sizes", choices=sorted(SIZES), default="small")
    parser.add_argument("--claims", help="override claim counts, comma-separated")
    parser.add_argument("--mb", help="override corpus sizes in MB, comma-separated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--data", type=Path, default=REPO / "benchmarks" / ".data")
    parser.add_argument("--no-peers", action="store_true", help="skip quantulum3")
    parser.add_argument("--startup-runs", type=int, default=10)
    args = parser.parse_args(argv)
    claim_sizes, mb_sizes = SIZES[args.sizes]
    if args.claims:
        claim_sizes = tuple(int(x) for x in args.claims.split(","))
    if args.mb:
        mb_sizes = tuple(float(x) for x in args.mb.split(","))

    def log(msg: str) -> None:
        print(f"[bench] {msg}", file=sys.stderr, flush=True)

    args.data.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "command": "python -m benchmarks.run " + " ".join(argv or sys.argv[1:]),
        "seed": args.seed,
        "machine": machine(),
    }
    result["startup"] = bench_startup(args.startup_runs, log) if args.startup_runs > 0 else None
    result["claims"] = bench_claims(claim_sizes, args.data, args.seed, log)
    result["corpus"] = bench_corpus(mb_sizes, args.data, args.seed, log)
    result["extract_fixed"] = bench_extract_fixed(args.data, args.seed, args.startup_runs, log)
    smallest = corpus_input(args.data, min(mb_sizes), args.seed)
    result["peers"] = None if args.no_peers else bench_peers(smallest, log)
    result["targets"] = targets(result)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(to_markdown(result), encoding="utf-8")
    log(f"wrote {args.out / 'latest.md'} and latest.json")


if __name__ == "__main__":
    main()
