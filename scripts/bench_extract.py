"""Measure extraction speed (MB of text per CPU second, one core) over a corpus folder.

A measurement, not a test: it prints figures and never fails on them.

    python scripts/bench_extract.py /tmp/corpus10 [--limit-mb 10] [--peer-kb 200]

Reported, all in one run on the same files:

* ``extract``     -- ``extract_claims`` alone (publication date detected beforehand);
* ``recognizers`` -- the share of that time spent inside ``find_amounts``/``find_times``
  (timed by wrapping them), so extraction's own cost is ``extract - recognizers``;
* ``end to end``  -- ``detect_metadata`` + ``extract_claims`` per file;
* ``quantulum3``  -- if importable, ``quantulum3.parser.parse`` on the first ``--peer-kb``
  of the same files, and the ratio of our end-to-end MB/s to its MB/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.metadata import detect_metadata

SUFFIXES = (".txt", ".md")


def load_texts(folder: Path, limit_mb: float) -> list[tuple[str, str]]:
    """(name, text) of the corpus files in sorted order, up to ``limit_mb`` MB."""
    out: list[tuple[str, str]] = []
    size = 0
    for f in sorted(folder.rglob("*")):
        if not f.is_file() or f.suffix.lower() not in SUFFIXES:
            continue
        text = f.read_text("utf-8", errors="replace")
        out.append((f.stem, text))
        size += len(text.encode())
        if size >= limit_mb * 1e6:
            break
    return out


class _Timer:
    """Wraps a module function and adds up the CPU time spent inside it."""

    def __init__(self, module: Any, name: str) -> None:
        self.module, self.name = module, name
        self.original: Callable[..., Any] = getattr(module, name)
        self.seconds = 0.0

    def __enter__(self) -> _Timer:
        original = self.original

        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - t0

        setattr(self.module, self.name, timed)
        return self

    def __exit__(self, *exc: object) -> None:
        setattr(self.module, self.name, self.original)


def bench(texts: list[tuple[str, str]]) -> dict[str, float]:
    import claimcheck.recognize.dates as dates
    import claimcheck.recognize.numbers as numbers

    mb = sum(len(t.encode()) for _, t in texts) / 1e6
    t0 = time.process_time()
    metas = [detect_metadata(t, path=n) for n, t in texts]
    meta_s = time.process_time() - t0
    claims = 0
    with _Timer(numbers, "find_amounts") as ta, _Timer(dates, "find_times") as tt:
        t0 = time.process_time()
        for (name, text), meta in zip(texts, metas, strict=True):
            claims += len(
                extract_claims(text, source_id=name, published=meta.published, title=meta.title)
            )
        extract_s = time.process_time() - t0
    recog_s = ta.seconds + tt.seconds
    return {
        "mb": mb,
        "files": len(texts),
        "claims": claims,
        "extract_s": extract_s,
        "recognizers_s": recog_s,
        "amounts_s": ta.seconds,
        "times_s": tt.seconds,
        "meta_s": meta_s,
    }


def peer(texts: list[tuple[str, str]], kb: float) -> tuple[float, float, int] | None:
    """(MB, CPU seconds, quantities) of quantulum3 on the first ``kb`` KB, or None."""
    import warnings

    try:
        with warnings.catch_warnings():  # it warns that its optional classifier is missing
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except ImportError:
        return None
    sample: list[str] = []
    size = 0
    for _, t in texts:
        sample.append(t)
        size += len(t.encode())
        if size >= kb * 1000:
            break
    parser.parse("warm up 3 km")  # its first call loads its data files
    found = 0
    t0 = time.process_time()
    for t in sample:
        found += len(parser.parse(t))
    return size / 1e6, time.process_time() - t0, found


def ours_on(texts: list[tuple[str, str]], kb: float) -> tuple[float, float]:
    """(MB, CPU seconds) of detect_metadata + extract_claims on the same peer sample."""
    size = 0
    t0 = time.process_time()
    for name, t in texts:
        meta = detect_metadata(t, path=name)
        extract_claims(t, source_id=name, published=meta.published, title=meta.title)
        size += len(t.encode())
        if size >= kb * 1000:
            break
    return size / 1e6, time.process_time() - t0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit-mb", type=float, default=10.0)
    ap.add_argument("--peer-kb", type=float, default=200.0)
    args = ap.parse_args(argv)
    texts = load_texts(args.folder, args.limit_mb)
    if not texts:
        print(f"no .txt/.md files under {args.folder}", file=sys.stderr)
        return 2
    r = bench(texts)
    mb, ex, rec, meta = r["mb"], r["extract_s"], r["recognizers_s"], r["meta_s"]
    own = max(ex - rec, 1e-9)
    print(f"corpus: {args.folder} -- {int(r['files'])} files, {mb:.2f} MB, "
          f"{int(r['claims'])} claims")  # fmt: skip
    print(f"extract_claims      {ex:7.2f} s  {mb / ex:7.2f} MB/s")
    print(f"  in recognizers    {rec:7.2f} s  (find_amounts {r['amounts_s']:.2f} s, "
          f"find_times {r['times_s']:.2f} s)")  # fmt: skip
    print(f"  extraction's own  {own:7.2f} s  {mb / own:7.2f} MB/s")
    print(f"detect_metadata     {meta:7.2f} s  {mb / meta:7.2f} MB/s")
    e2e = mb / (ex + meta)
    print(f"end to end          {ex + meta:7.2f} s  {e2e:7.2f} MB/s  (target >= 5)")
    p = peer(texts, args.peer_kb)
    if p is None:
        print("quantulum3 not importable: peer comparison skipped")
        return 0
    pmb, ps, found = p
    omb, os_ = ours_on(texts, args.peer_kb)
    q_rate, o_rate = pmb / ps, omb / os_
    print(
        f"quantulum3 on {pmb * 1000:.0f} KB: {ps:.2f} s, {q_rate:.3f} MB/s ({found} quantities);"
        f" ours on the same: {o_rate:.2f} MB/s -> ratio {o_rate / q_rate:.1f}x (target >= 20)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
