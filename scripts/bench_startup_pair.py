"""``check`` start-up of two checkouts side by side, in one run (the machine is shared:
only ratios measured together mean anything).

    git worktree add /tmp/before <commit>
    python scripts/bench_startup_pair.py /tmp/before [--runs 10]

Each round runs, interleaved: ``import yaml, click``; the other checkout's ``check
claims.yaml``; this checkout's ``check --no-cache claims.yaml`` (first run on a changed
file set) and its ``check claims.yaml`` (unchanged re-run, from the result cache). The
checkouts are put first on PYTHONPATH (``python -P``: the working directory is not put
before it); bytecode caching is on for all, after a warm-up.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _run(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path, help="the other checkout (a git worktree)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache:
        base["CLAIMCHECK_CACHE"] = cache
        py = sys.executable
        cases = {
            "import yaml, click": ([py, "-c", "import yaml, click"], base),
            "before: check": (
                [py, "-P", "-m", "claimcheck", "check", "claims.yaml"],
                {**base, "PYTHONPATH": str(args.before.resolve())},
            ),
            "after: check --no-cache": (
                [py, "-P", "-m", "claimcheck", "check", "--no-cache", "claims.yaml"],
                {**base, "PYTHONPATH": str(REPO)},
            ),
            "after: check, unchanged": (
                [py, "-P", "-m", "claimcheck", "check", "claims.yaml"],
                {**base, "PYTHONPATH": str(REPO)},
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        for cmd, env in cases.values():
            _run(cmd, env)  # warm-up: bytecode, regex store, result cache
        for _ in range(args.runs):
            for name, (cmd, env) in cases.items():
                times[name].append(_run(cmd, env))
    ref = statistics.median(times["import yaml, click"])
    print(f"median of {args.runs} interleaved runs each")
    print("| command | median ms | × import yaml, click |\n|---|---:|---:|")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"| {name} | {med * 1000:.0f} | {med / ref:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
