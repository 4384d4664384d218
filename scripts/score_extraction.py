"""Score automatic extraction on seeds/ against the curated claims.yaml.

recall    = share of curated numeric claims (level, change, target, duration, count)
            matched by an extracted claim;
precision = share of extracted claims matching some curated claim (any kind);
noise     = 1 - precision.

A match needs: same source, same kind family, same unit, same numbers (low and high
of value, or of from/to), the same subject group (counted noun; actor and place must
agree when both sides name one) and overlapping times (an unresolved time overlaps).

Usage: python scripts/score_extraction.py [claims.yaml] [--speed]
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.metadata import detect_metadata
from claimcheck.extract.subjects import is_locative, lexicon, name_mentions
from claimcheck.model import DateInterval
from claimcheck.recognize.numbers import parse_amount

NUMERIC = ("level", "change", "target", "duration", "count")
EVENT_NOUNS = ("withdrawal", "pullout", "ceasefire", "deployment", "mission", "election", "war")


@dataclass(frozen=True)
class Row:
    source: str
    kind: str
    subject: str
    value: str | None
    from_value: str | None
    to_value: str | None
    unit: str
    time: str | None
    published: date | None


def fold_subject(subject: str) -> tuple[str | None, str | None, str | None]:
    """(actor, counted noun group, place) of a subject string."""
    lex = lexicon()
    actor = place = None
    for m in name_mentions(subject):
        if is_locative(subject, m):
            place = place or m.canon
        elif m.is_place or actor is None:
            actor = actor or m.canon
    noun = None
    for w in re.findall(r"[A-Za-z]+", subject.lower()):
        if w in lex.nouns:
            noun = lex.nouns[w][0]
        elif w in EVENT_NOUNS:
            noun = "withdrawal" if w == "pullout" else w
        elif len(w) >= 4 and w.endswith("s") and not w.endswith("ss"):
            noun = w
        if noun:
            break
    return actor, noun, place


def _numbers(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    a = parse_amount(str(text))
    return (a.low, a.high) if a else None


def _interval(row: Row) -> DateInterval | None:
    try:
        from claimcheck.normalize.times import normalize_time
    except ImportError:
        return None
    interval, _ = normalize_time(row.time, row.published)
    return interval


def matches(x: Row, c: Row) -> bool:
    if x.source != c.source or x.kind != c.kind:
        return False
    if x.kind != "date" and x.unit != c.unit:
        return False
    has_value = x.value is not None or c.value is not None
    if has_value and (_numbers(x.value) != _numbers(c.value) or _numbers(x.value) is None):
        return False
    both_moves = (x.from_value, x.to_value) != (None, None) != (c.from_value, c.to_value)
    if both_moves and _numbers(x.to_value) != _numbers(c.to_value):
        return False
    xa, xn, xp = fold_subject(x.subject)
    ca, cn, cp = fold_subject(c.subject)
    if xn != cn or (xa and ca and xa != ca) or (xp and cp and xp != cp):
        return False
    xi, ci = _interval(x), _interval(c)
    return xi is None or ci is None or xi.overlaps(ci)


def load_curated(path: Path) -> tuple[dict[str, tuple[str, date | None]], list[Row]]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    sources: dict[str, tuple[str, date | None]] = {}
    for sid, s in data["sources"].items():
        pub = s.get("published")
        sources[sid] = (str(s["file"]), pub if isinstance(pub, date) else None)
    rows = [
        Row(c["source"], c["kind"], c["subject"], _s(c.get("value")), _s(c.get("from")),
            _s(c.get("to")), str(c.get("unit") or ""), _s(c.get("time")), sources[c["source"]][1])
        for c in data["claims"] if c.get("status", "active") == "active"
    ]  # fmt: skip
    return sources, rows


def _s(v: object) -> str | None:
    return None if v is None else str(v)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    claims_path = Path(argv[0]) if argv and not argv[0].startswith("-") else root / "claims.yaml"
    sources, curated = load_curated(claims_path)
    extracted: list[Row] = []
    for sid, (file, pub) in sorted(sources.items()):
        text = (claims_path.parent / file).read_text("utf-8")
        meta = detect_metadata(text, path=file)
        if meta.published != pub:
            print(f"date  {sid}: detected {meta.published}, curated {pub}")
        for c in extract_claims(text, source_id=sid, published=meta.published, title=meta.title):
            extracted.append(Row(sid, c.kind, c.subject, c.value, c.from_value, c.to_value,
                                 c.unit, c.time, pub))  # fmt: skip
    numeric = [c for c in curated if c.kind in NUMERIC]
    hit = [c for c in numeric if any(matches(x, c) for x in extracted)]
    good = [x for x in extracted if any(matches(x, c) for c in curated)]
    print(f"{'source':32} {'recall':>10} {'precision':>10}")
    for sid in sorted(sources):
        n = [c for c in numeric if c.source == sid]
        h = [c for c in hit if c.source == sid]
        e = [x for x in extracted if x.source == sid]
        g = [x for x in good if x.source == sid]
        print(f"{sid:32} {len(h):>4}/{len(n):<5} {len(g):>4}/{len(e):<5}")
    recall = len(hit) / len(numeric) if numeric else 1.0
    precision = len(good) / len(extracted) if extracted else 1.0
    print(f"\nrecall {recall:.1%} ({len(hit)}/{len(numeric)}), precision {precision:.1%} "
          f"({len(good)}/{len(extracted)}), noise {1 - precision:.1%}")  # fmt: skip
    print("\nmisses:")
    for c in numeric:
        if c not in hit:
            print(f"  {c.source} {c.kind} {c.value or (c.from_value, c.to_value)} "
                  f"{c.unit} | {c.subject} | {c.time}")  # fmt: skip
    print("noise:")
    for x in extracted:
        if x not in good:
            print(f"  {x.source} {x.kind} {x.value or (x.from_value, x.to_value)} "
                  f"{x.unit} | {x.subject} | {x.time}")  # fmt: skip
    if "--speed" in argv:
        speed()
    return 0


def speed(target_mb: float = 10.0) -> float:
    """MB/s of extract_claims (one core) on generated article-like text."""
    import random

    rng = random.Random(7)
    subjects = ["troops", "protesters", "migrants", "people", "civilians", "soldiers"]
    places = ["Iraq", "Syria", "Sudan", "Kenya", "France", "Peru", "Chile", "Yemen"]
    filler = ("The talks resumed after a long pause and officials met again in the capital. "
              "Critics said the plan lacked detail and would be hard to carry out. "
              "Residents described scenes of confusion as roads were closed and shops shut. "
              "The government has promised an inquiry, but opposition leaders remain sceptical. "
              "Analysts expect the dispute to dominate the next session of parliament. "
    )  # fmt: skip
    parts: list[str] = []
    size = 0
    while size < target_mb * 1_000_000:
        n = rng.randint(2, 90_000)
        s = (f"At least {n:,} {rng.choice(subjects)} were killed in {rng.choice(places)} last "
             f"month, officials said. There are currently about {n // 3:,} "
             f"{rng.choice(subjects)} in {rng.choice(places)}. {filler}\n\n")  # fmt: skip
        parts.append(s)
        size += len(s)
    text = "".join(parts)
    t0 = time.perf_counter()
    claims = extract_claims(text, source_id="gen", published=date(2021, 1, 1))
    dt = time.perf_counter() - t0
    mbps = len(text.encode()) / 1e6 / dt
    print(f"\nspeed: {len(text) / 1e6:.1f} MB, {len(claims)} claims in {dt:.1f} s: {mbps:.2f} MB/s")
    return mbps


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
