"""Micro-benchmark of the recognizers: MB/s on one core. A measurement, not a test.

Texts: every ``*.txt`` under ``--corpus`` (e.g. the output of
``python -m benchmarks.generate corpus --mb 10 --out DIR``), or, without it, the seed
articles repeated with small variations up to ``--mb`` megabytes. Each article is passed
to the recognizer separately, as extraction does.

    python scripts/bench_recognizers.py [--corpus DIR] [--mb 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _seed_texts(mb: float) -> list[str]:
    """Seed articles repeated, with digits shuffled so no result is cached by accident."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    rng = random.Random(1)
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        text = seeds[len(out) % len(seeds)]
        text = "".join(rng.choice("0123456789") if ch.isdigit() else ch for ch in text)
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def _corpus_texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]


def _measure(name: str, fn: Callable[[str], object], texts: list[str], repeat: int) -> None:
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = sum(len(fn(t)) for t in texts)  # type: ignore[arg-type,misc]
        best = min(best, time.process_time() - t0)
    print(f"{name:14} {mb:7.2f} MB  {best:7.2f} s  {mb / best:7.2f} MB/s  {found} mentions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, help="directory of .txt articles")
    parser.add_argument("--mb", type=float, default=10.0, help="size of the seed-based text")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    args = parser.parse_args(argv)
    texts = _corpus_texts(args.corpus) if args.corpus else _seed_texts(args.mb)
    label = str(args.corpus) if args.corpus else f"seeds repeated to {args.mb:g} MB"
    print(f"texts: {len(texts)} articles ({label}); CPU time, best of {args.repeat}")

    from claimcheck.recognize.numbers import find_amounts

    _measure("find_amounts", find_amounts, texts, args.repeat)
    try:
        from claimcheck.recognize.dates import find_times
    except ImportError:  # pragma: no cover - dates recognizer absent
        return 0
    ref = date(2021, 1, 1)
    _measure("find_times", lambda t: find_times(t, ref), texts, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
