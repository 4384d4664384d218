"""Smoke test of the benchmark generators and harness: runs them, never judges a time."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import generate, run  # noqa: E402


def _digest(folder: Path) -> str:
    """One hash over every file's relative path and bytes."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def test_claims_generator_is_deterministic(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate.write_claims(300, 7, a)
    generate.write_claims(300, 7, b)
    generate.write_claims(300, 8, c)
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)


def test_claims_file_is_well_formed(tmp_path: Path) -> None:
    meta = generate.write_claims(400, 3, tmp_path)
    doc = yaml.safe_load((tmp_path / "claims.yaml").read_text(encoding="utf-8"))
    claims = doc["claims"]
    assert doc["version"] == 1
    assert len(claims) == 400 == meta["claims"]
    assert len({c["id"] for c in claims}) == 400
    kinds = {c["kind"] for c in claims}
    assert {"level", "count"} <= kinds
    for c in claims:
        source = doc["sources"][c["source"]]
        text = (tmp_path / source["file"]).read_text(encoding="utf-8")
        assert c["quote"] in text, c["id"]
    planted = json.loads((tmp_path / "planted.json").read_text())
    ids = {c["id"] for c in claims}
    for cell in planted["planted"]:
        assert cell["conflicting"] in cell["claims"]
        assert set(cell["claims"]) <= ids
    assert planted["planted_discrepancies"] == len(planted["planted"])


def test_shards_keep_every_claim_once(tmp_path: Path) -> None:
    meta = generate.write_claims(300, 7, tmp_path, shards=2)
    assert meta["files"] == ["claims-1.yaml", "claims-2.yaml"]
    ids: list[str] = []
    for name in ("claims-1.yaml", "claims-2.yaml"):
        doc = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
        assert {c["source"] for c in doc["claims"]} == set(doc["sources"])
        ids += [c["id"] for c in doc["claims"]]
    assert len(ids) == len(set(ids)) == 300


def test_planted_share_is_near_two_percent(tmp_path: Path) -> None:
    meta = generate.write_claims(5000, 11, tmp_path)
    share = int(meta["planted_discrepancies"]) / int(meta["cells"])  # type: ignore[call-overload]
    assert 0.005 < share < 0.04


def test_corpus_generator_is_deterministic_and_sized(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    meta = generate.write_corpus(0.05, 5, a)
    generate.write_corpus(0.05, 5, b)
    assert _digest(a) == _digest(b)
    files = sorted((a / "articles").rglob("*.txt"))
    assert len(files) == meta["files"]
    total = sum(f.stat().st_size for f in files)
    assert total == meta["bytes"]
    assert total >= 50_000
    assert all(3000 <= f.stat().st_size <= 9000 for f in files)


def test_stated_values_allow_the_true_value() -> None:
    """Agreeing claims must agree: every hedged rendering contains the true figure."""
    import random

    rng = random.Random(0)
    for _ in range(2000):
        x = int(generate.log_uniform(rng, 5, 200_000))
        text = generate.count_text(rng, x).replace(",", "")
        words = text.split()
        if words[0] in ("at", "more"):
            assert int(words[-1]) <= x
        elif words[0] == "between":
            assert int(words[1]) <= x <= int(words[3])
        elif "-" in text and text[0].isdigit():
            lo, hi = text.split("-")
            assert int(lo) <= x <= int(hi)
        elif text[0].isdigit() and "million" not in text:
            assert abs(int(text.split()[-1]) - x) <= 0.06 * x


def test_exponent() -> None:
    assert run.exponent(1.0, 10.0, 1000, 10000) == pytest.approx(1.0)
    assert run.exponent(1.0, 4.0, 10, 20) == pytest.approx(2.0)
    assert run.exponent(0.0, 1.0, 1, 2) is None


def test_measure_reads_the_childs_own_usage(tmp_path: Path) -> None:
    m = run.measure(
        [sys.executable, "-c", "b = bytearray(80_000_000); sum(range(2_000_000))"], cwd=tmp_path
    )
    assert m.rc == 0
    assert m.peak_mb >= 70
    assert m.cpu_s > 0
    with pytest.raises(run.CommandFailed):
        run.measure([sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path)


def test_harness_runs_on_the_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "results"
    run.main(
        [
            "--claims",
            "200",
            "--mb",
            "0.05",
            "--no-peers",
            "--startup-runs",
            "1",
            "--out",
            str(out),
            "--data",
            str(tmp_path / "data"),
        ]
    )
    md = (out / "latest.md").read_text(encoding="utf-8")
    result = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert "| claims | command | wall s | CPU s | peak MB | claims/s | growth exp." in md
    assert "| MB | files | wall s | CPU s | peak MB | MB/s | MB per CPU-s |" in md
    assert "## Targets (reported, not gated)" in md
    assert result["machine"]["python"]
    assert {r["claims"] for r in result["claims"]} == {200}
    assert len(result["corpus"]) == 1
    assert {t["target"] for t in result["targets"]} >= {"100k claims check, wall s"}


def test_harness_quantulum3_peer(tmp_path: Path) -> None:
    pytest.importorskip("quantulum3")
    data = tmp_path / "data"
    corpus = run.corpus_input(data, 0.02, 1)
    peers = run.bench_peers(corpus, lambda _msg: None)
    assert peers is not None
    assert peers["quantulum3"]["bytes"] > 0
