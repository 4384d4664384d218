"""Seeded generators for benchmark inputs: a claims file with its sources, and a corpus.

Same seed and size give byte-identical output (one ``random.Random(seed)`` drives
every choice; nothing iterates over sets or dicts whose order could vary), so a
benchmark run can be repeated and its inputs regenerated rather than stored.

    python -m benchmarks.generate claims --claims 10000 --seed 1 --out /tmp/c10k
    python -m benchmarks.generate corpus --mb 10 --seed 1 --out /tmp/corpus10

Claims: subjects are (actor x counted noun x place) cells; each subject-time cell gets
one to five claims from different sources that agree (the same figure stated with
different hedges), and a known share of cells get an extra, conflicting figure from
another source. The planted count goes to ``planted.json`` beside ``claims.yaml``.
Cells never overlap within one (place, family), so every planted conflict is the only
conflict a correct engine should find there, even if it folds similar subjects together.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from benchmarks import words as W

VERSION = 3  # bump when output changes, so cached benchmark inputs are regenerated
FIRST_YEAR = 1980
LAST_YEAR = 2025
DISCREPANCY_SHARE = 0.02
CLAIMS_PER_SOURCE = 20
FILES_PER_DIR = 500

# family -> (weight, slot granularity): "month" families state day-exact times only,
# so a (place, month) cell cannot overlap another; the rest use (place, year).
FAMILIES: tuple[tuple[str, int, str], ...] = (
    ("victims", 40, "month"),
    ("troops", 25, "year"),
    ("crowd", 12, "month"),
    ("budget", 12, "year"),
    ("duration", 11, "year"),
)


# ---------------------------------------------------------------------------
# numbers and times as news writes them


def round2(x: float) -> int:
    """Two significant figures: what a hedged figure is usually rounded to."""
    if x < 100:
        return max(1, round(x))
    mag: int = 10 ** max(0, int(math.log10(x)) - 1)
    return int(round(x / mag) * mag)


def floor2(x: int) -> int:
    if x < 100:
        return x
    mag: int = 10 ** max(0, int(math.log10(x)) - 1)
    return (x // mag) * mag


def ceil2(x: int) -> int:
    if x < 100:
        return x
    mag: int = 10 ** max(0, int(math.log10(x)) - 1)
    return -(-x // mag) * mag


def fmt(x: int) -> str:
    return f"{x:,}"


def spell(x: int) -> str | None:
    """Words for the figures news spells out ("three", "five thousand"), else None."""
    if x < len(W.SMALL_WORDS):
        return W.SMALL_WORDS[x]
    if x % 1000 == 0 and x // 1000 < len(W.SMALL_WORDS) and x >= 2000:
        return f"{W.SMALL_WORDS[x // 1000]} thousand"
    return None


def count_text(rng: random.Random, x: int) -> str:
    """A stated count that allows the true value ``x`` (hedges included)."""
    lo, hi = floor2(x), ceil2(x)
    style = rng.randrange(10)
    if style == 0 and spell(x):
        return str(spell(x))
    if style in (1, 2):
        hedge = rng.choice(("about", "around", "roughly", "an estimated", "nearly"))
        if hedge == "nearly":  # news's "nearly 3,800" is at most 3,800: round up, not off
            return f"nearly {fmt(hi)}"
        return f"{hedge} {fmt(round2(x))}"
    if style == 3 and lo < x:
        return f"more than {fmt(lo)}"
    if style == 4:
        return f"at least {fmt(lo)}"
    if style == 5 and lo < hi:
        if rng.random() < 0.7:
            return f"between {fmt(lo)} and {fmt(hi)}"
        return f"{fmt(lo)}-{fmt(hi)}"
    if style == 6 and x >= 1_000_000:
        return f"{round2(x) / 1_000_000:g} million"
    return fmt(x)


def money_text(rng: random.Random, millions: int) -> str:
    """A dollar amount as stated ("$1.2bn", "$850 million", "about $3.4 billion")."""
    if millions >= 1000:
        body = rng.choice((f"${millions / 1000:g}bn", f"${millions / 1000:g} billion"))
    else:
        body = rng.choice((f"${millions}m", f"${millions} million"))
    return f"about {body}" if rng.random() < 0.25 else body


def log_uniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def day_text(rng: random.Random, d: date) -> tuple[str, str]:
    """(time field, phrase in the quote) for a day."""
    human = f"{d.day} {W.MONTHS[d.month - 1]} {d.year}"
    field_text = rng.choice((d.isoformat(), human, f"{W.MONTHS[d.month - 1][:3]} {d.day} {d.year}"))
    return field_text, f"on {human}"


def year_period(rng: random.Random, year: int) -> tuple[str, str]:
    """(time field, phrase) for a time inside ``year``: the year, a part of it, or a month."""
    style = rng.randrange(4)
    if style == 0:
        return str(year), f"in {year}"
    if style == 1:
        part = rng.choice(("late", "early"))
        return f"{part} {year}", f"in {part} {year}"
    if style == 2:
        return f"mid-{year}", f"in mid-{year}"
    month = W.MONTHS[rng.randrange(12)]
    return f"{month} {year}", f"in {month} {year}"


# ---------------------------------------------------------------------------
# claims file


@dataclass
class Source:
    id: str
    publisher: str
    published: date
    sentences: list[str] = field(default_factory=list)
    title: str = ""


@dataclass
class Claim:
    source: str
    subject: str
    kind: str
    value: str
    unit: str
    time: str
    quote: str
    said_by: str | None = None
    from_value: str | None = None
    id: str = ""
    shard: int = 0


@dataclass
class Cell:
    """One subject at one time: the claims about it should agree unless planted."""

    family: str
    place: str
    subject: str
    claims: list[Claim]
    planted: bool = False


@dataclass
class Stated:
    """What one claim says: value text, time field, and the quote sentence."""

    value: str
    time: str
    quote: str
    said_by: str | None
    from_value: str | None = None


class Say(Protocol):
    def __call__(self, x: int, rel: bool, exact: bool = False) -> Stated: ...


# what a family builder returns: place, subject, say, kind, unit, true value
Made = tuple[str, str, Say, str, str, int]


def _speaker(rng: random.Random) -> tuple[str, str]:
    said = rng.choice(W.SPEAKERS)
    who = said.rsplit(" ", 1)[0]
    return said, who


class ClaimsGenerator:
    """Builds cells until ``n`` claims exist; all randomness from one seeded RNG."""

    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.used: set[tuple[str, str, int, int]] = set()
        self.sources = self._make_sources(max(3, n // CLAIMS_PER_SOURCE))
        self.cells: list[Cell] = []

    def _make_sources(self, count: int) -> list[Source]:
        rng = self.rng
        span = (date(LAST_YEAR, 12, 31) - date(FIRST_YEAR, 1, 1)).days
        days = sorted(rng.randrange(span) for _ in range(count))
        first = date(FIRST_YEAR, 1, 1)
        return [
            Source(f"src{i:05d}", rng.choice(W.PUBLISHERS), first + timedelta(days=d))
            for i, d in enumerate(days)
        ]

    def _slot(self, family: str, place: str, d: date) -> tuple[str, str, int, int]:
        gran = next(g for f, _, g in FAMILIES if f == family)
        return (family, place, d.year, d.month if gran == "month" else 0)

    def _claim_slot(self, family: str, place: str, d: date) -> bool:
        key = self._slot(family, place, d)
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def generate(self) -> None:
        rng = self.rng
        fams = [f for f, _, _ in FAMILIES]
        weights = [w for _, w, _ in FAMILIES]
        total = 0
        while total < self.n:
            family = rng.choices(fams, weights)[0]
            cell = self._cell(family)
            if cell is None:
                continue
            room = self.n - total
            del cell.claims[room:]
            if cell.planted and len(cell.claims) < 2:
                cell.planted = False
            total += len(cell.claims)
            self.cells.append(cell)

    def _cell(self, family: str) -> Cell | None:
        """A new cell, or None when the random slot is already taken."""
        rng = self.rng
        k = rng.choice((1, 1, 2, 2, 2, 3, 3, 4, 5))
        # sources are in date order: the others report on the same events within weeks
        idx = rng.randrange(len(self.sources))
        first = self.sources[idx]
        near = self.sources[max(0, idx - 15) : idx] + self.sources[idx + 1 : idx + 16]
        picked = [first, *rng.sample(near, min(k, len(near)))]
        relative = rng.random() < 0.25
        builder = getattr(self, f"_{family}")
        made = builder(first, relative)
        if made is None:
            return None
        place, subject, say, kind, unit, truth = made
        claims = []
        for i, src in enumerate(picked[:k]):
            st = say(truth, relative and i == 0)
            claims.append(self._claim(src, subject, kind, unit, st))
        cell = Cell(family, place, subject, claims)
        if rng.random() < DISCREPANCY_SHARE and len(picked) > k:
            wrong = max(1, round2(truth * rng.uniform(0.3, 0.55)))
            st = say(wrong, False, exact=True)
            cell.claims.append(self._claim(picked[k], subject, kind, unit, st))
            cell.planted = True
        return cell

    def _claim(self, src: Source, subject: str, kind: str, unit: str, st: Stated) -> Claim:
        src.sentences.append(st.quote)
        if not src.title:
            src.title = f"{subject[0].upper()}{subject[1:]}: what we know"
        return Claim(
            src.id, subject, kind, st.value, unit, st.time, st.quote, st.said_by, st.from_value
        )

    # -- families: each returns (place, subject, say(value, relative, exact=False), kind,
    #    unit, true value) or None when the (place, slot) is taken.

    def _victims(self, first: Source, relative: bool) -> Made | None:
        rng = self.rng
        noun, verb = rng.choice(W.VICTIMS)
        place = rng.choice(W.COUNTRIES + W.CITIES)
        if relative:
            anchor = first.published - timedelta(days=rng.randint(1, 6))
        else:
            anchor = first.published - timedelta(days=rng.randint(7, 90))
        if not self._claim_slot("victims", place, anchor):
            return None
        truth = int(log_uniform(rng, 5, 3000))
        who = noun.split()[0].capitalize()

        def say(x: int, rel: bool, exact: bool = False) -> Stated:
            value = fmt(x) if exact else count_text(rng, x)
            if rel:
                time = f"on {W.WEEKDAYS[anchor.weekday()]}"
                phrase = time
            else:
                time, phrase = day_text(rng, anchor)
            said, by = _speaker(rng)
            v = value[0].upper() + value[1:]
            quote = f"{v} {who.lower()} {verb} in {place} {phrase}, {said}."
            if v[0].isdigit():
                quote = f"Officials said {value} {who.lower()} {verb} in {place} {phrase}."
                by = "officials"
            return Stated(value, time, quote, by)

        return place, f"{noun} in {place}", say, "count", "people", truth

    def _troops(self, first: Source, relative: bool) -> Made | None:
        rng = self.rng
        army = rng.choice(W.ARMIES)
        place = rng.choice([c for c in W.COUNTRIES if c != W.GOVERNMENT[army]])
        gov = W.GOVERNMENT[army]
        kind = rng.choice(("level", "level", "target", "change"))
        if kind == "target" and relative:
            pub = first.published
            if pub.month > 10:
                return None
            year, time_rel, time_abs = pub.year, "by November", f"by November {pub.year}"
        else:
            pub = first.published
            year = pub.year + (rng.randint(0, 2) if kind == "target" else -rng.randint(0, 1))
            time_rel = time_abs = ""
        if relative and kind == "level":
            pub = first.published
            year = pub.year
        if not self._claim_slot("troops", place, date(year, 1, 1)):
            return None
        truth = int(log_uniform(rng, 200, 150_000))
        current = round2(truth * rng.uniform(1.3, 2.5))
        period = year_period(rng, year)
        if relative and kind == "level":
            iso, phrase = day_text(rng, pub)
            period = (iso, phrase.replace("on ", "as of ", 1))
        deadline = (f"by the end of {year}", f"by the end of {year}")
        subject = f"{army} troops in {place}"

        def say(x: int, rel: bool, exact: bool = False) -> Stated:
            value = fmt(x) if exact else count_text(rng, x)
            said, by = _speaker(rng)
            if kind == "level":
                if rel:
                    q = f"There are currently {value} {army} troops in {place}, {said}."
                    return Stated(value, "current", q, by)
                time, phrase = period
                q = f"{gov} had {value} troops in {place} {phrase}, {said}."
                return Stated(value, time, q, by)
            if kind == "target":
                if time_rel:
                    t = time_rel if rel else time_abs
                    q = (
                        f"{gov} plans to reduce its military force in {place} from the current "
                        f"{fmt(current)} to {value} {t}, {said}."
                    )
                    return Stated(value, t, q, by, fmt(current) if rel else None)
                t = deadline[0]
                q = f"{gov} aims to cut its force in {place} to {value} troops {t}, {said}."
                return Stated(value, t, q, by)
            time, phrase = period
            q = f"{gov} sent an additional {value} troops to {place} {phrase}, {said}."
            return Stated(value, time, q, by)

        return place, subject, say, kind, "troops", truth

    def _crowd(self, first: Source, relative: bool) -> Made | None:
        rng = self.rng
        place = rng.choice(W.CITIES)
        if relative:
            anchor = first.published - timedelta(days=rng.randint(1, 6))
        else:
            anchor = first.published - timedelta(days=rng.randint(7, 90))
        if not self._claim_slot("crowd", place, anchor):
            return None
        truth = int(log_uniform(rng, 300, 500_000))

        def say(x: int, rel: bool, exact: bool = False) -> Stated:
            value = fmt(x) if exact else count_text(rng, x)
            if rel:
                time = f"on {W.WEEKDAYS[anchor.weekday()]}"
                phrase = time
            else:
                time, phrase = day_text(rng, anchor)
            said, by = _speaker(rng)
            q = f"Police estimated that {value} protesters marched through {place} {phrase}."
            if rng.random() < 0.5:
                q = f"In {place}, {value} protesters took to the streets {phrase}, {said}."
            else:
                by = "police"
            return Stated(value, time, q, by)

        return place, f"protesters in {place}", say, "level", "protesters", truth

    def _budget(self, first: Source, relative: bool) -> Made | None:
        rng = self.rng
        place = rng.choice(W.COUNTRIES)
        budget = rng.choice(W.BUDGETS)
        year = first.published.year + rng.randint(0, 1)
        if not self._claim_slot("budget", place, date(year, 1, 1)):
            return None
        truth = round2(log_uniform(rng, 50, 900_000))

        def say(x: int, rel: bool, exact: bool = False) -> Stated:
            x = round2(x)
            value = money_text(rng, x)
            if exact and value.startswith("about "):
                value = value[len("about ") :]
            said, by = _speaker(rng)
            q = f"The {budget} of {place} for {year} was set at {value}, {said}."
            return Stated(value, str(year), q, by)

        return place, f"{budget} of {place}", say, "level", "USD", truth

    def _duration(self, first: Source, relative: bool) -> Made | None:
        rng = self.rng
        place = rng.choice(W.CITIES)
        year = first.published.year - rng.randint(0, 2)
        if not self._claim_slot("duration", place, date(year, 1, 1)):
            return None
        unit = rng.choice(("days", "weeks", "months"))
        truth = int(log_uniform(rng, 5, 60))
        month = W.MONTHS[rng.randrange(12)]
        event = rng.choice(("siege", "curfew", "blockade", "strike"))

        def say(x: int, rel: bool, exact: bool = False) -> Stated:
            value = fmt(x) if exact else rng.choice((fmt(x), f"about {x}", f"more than {x - 1}"))
            said, by = _speaker(rng)
            q = f"The {event} of {place} lasted {value} {unit} from {month} {year}, {said}."
            return Stated(value, f"{month} {year}", q, by)

        return place, f"{event} of {place}", say, "duration", unit, truth


def _q(s: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def _article(src: Source, rng: random.Random) -> str:
    lines = [
        f"Date: {W.MONTHS[src.published.month - 1][:3]} {src.published.day}, {src.published.year}",
        f"Source: {src.publisher}",
        src.title,
        "",
    ]
    for sentence in src.sentences:
        para = [sentence, *rng.sample(W.FILLER, rng.randint(0, 2))]
        lines.append(" ".join(para))
        lines.append("")
        if rng.random() < 0.1:
            lines += [rng.choice(W.FURNITURE), ""]
    return "\n".join(lines)


def write_claims(n: int, seed: int, out: Path, shards: int = 1) -> dict[str, object]:
    """Write ``claims.yaml``, ``sources/*.txt`` and ``planted.json`` under ``out``.

    With ``shards`` > 1 the claims go to ``claims-1.yaml``... instead, whole cells per
    file (the loader caps one file's size; comparisons stay within a file).
    """
    gen = ClaimsGenerator(n, seed)
    gen.generate()
    for i, cell in enumerate(gen.cells):
        for c in cell.claims:
            c.shard = i * shards // len(gen.cells)
    order = {s.id: i for i, s in enumerate(gen.sources)}
    claims = [c for cell in gen.cells for c in cell.claims]
    claims.sort(key=lambda c: order[c.source])  # stable: keeps cell order within a source
    for i, c in enumerate(claims):
        c.id = f"{c.source}-{c.kind}-{i:06d}"
    (out / "sources").mkdir(parents=True, exist_ok=True)
    used_sources = [s for s in gen.sources if s.sentences]
    rng = random.Random(seed + 1)
    for s in used_sources:
        (out / "sources" / f"{s.id}.txt").write_text(_article(s, rng), encoding="utf-8")
    names = ["claims.yaml"] if shards == 1 else [f"claims-{k + 1}.yaml" for k in range(shards)]
    for k, name in enumerate(names):
        part = [c for c in claims if c.shard == k]
        ids = {c.source for c in part}
        text = _claims_yaml([s for s in used_sources if s.id in ids], part)
        (out / name).write_text(text, encoding="utf-8")
    planted = [cell for cell in gen.cells if cell.planted]
    meta: dict[str, object] = {
        "claims": len(claims),
        "seed": seed,
        "sources": len(used_sources),
        "cells": len(gen.cells),
        "files": names,
        "planted_discrepancies": len(planted),
        "planted": [
            {
                "subject": cell.subject,
                "conflicting": cell.claims[-1].id,
                "claims": sorted(c.id for c in cell.claims),
            }
            for cell in planted
        ],
    }
    (out / "planted.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def _claims_yaml(sources: list[Source], claims: list[Claim]) -> str:
    out = ["# Generated by benchmarks/generate.py: synthetic claims for benchmarks.", "version: 1"]
    out.append("aliases:\n  - [Kyiv, Kiev]\n  - [Mumbai, Bombay]")
    out.append("sources:")
    for s in sources:
        out.append(f"  {s.id}:")
        out.append(f"    file: sources/{s.id}.txt")
        out.append(f"    publisher: {_q(s.publisher)}")
        out.append(f"    title: {_q(s.title)}")
        out.append(f"    published: {s.published.isoformat()}")
    out.append("claims:")
    for c in claims:
        out.append(f"  - id: {c.id}")
        out.append(f"    source: {c.source}")
        out.append(f"    subject: {_q(c.subject)}")
        out.append(f"    kind: {c.kind}")
        out.append(f"    value: {_q(c.value)}")
        if c.from_value:
            out.append(f"    from: {_q(c.from_value)}")
        out.append(f"    unit: {c.unit}")
        out.append(f"    time: {_q(c.time)}")
        out.append(f"    quote: {_q(c.quote)}")
        if c.said_by:
            out.append(f"    said_by: {_q(c.said_by)}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# corpus


def _noise(rng: random.Random) -> str:
    """Sentences with numbers an extractor must not take for claims."""
    return rng.choice(
        (
            f"Call {rng.randint(200, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)} "
            "for more information.",
            f"The meeting began at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} a.m. local time.",
            f"It was the {rng.choice(('3rd', '21st', '42nd', '101st'))} such incident this year.",
            f"Page {rng.randint(1, 40)} of {rng.randint(40, 90)}",
            f"Updated {rng.randint(1, 28)} {rng.choice(W.MONTHS)} {rng.randint(2000, 2025)}, "
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT",
            f'"We will not give up," said {rng.choice(W.SPEAKER_NAMES)}, '
            f"{rng.randint(30, 70)}, a local resident.",
            f"Copyright {rng.randint(1995, 2025)} {rng.choice(W.PUBLISHERS)}.",
        )
    )


def _corpus_article(gen: ClaimsGenerator, size: int) -> str:
    rng = gen.rng
    src = rng.choice(gen.sources)
    d = src.published
    header = [
        rng.choice(W.FURNITURE),
        rng.choice(
            (
                f"Date: {W.MONTHS[d.month - 1][:3]} {d.day}, {d.year}",
                f"{W.WEEKDAYS[d.weekday()].upper()[:3]} {d.day:02d} - {d.month:02d} - {d.year}",
                f"Published {d.isoformat()}",
            )
        ),
        f"Source: {src.publisher}",
        "",
    ]
    parts = ["\n".join(header)]
    length = len(parts[0])
    fams = [f for f, _, _ in FAMILIES]
    weights = [w for _, w, _ in FAMILIES]
    gen.used.clear()  # corpus cells need not be disjoint
    while length < size:
        para: list[str] = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.45:
                made = getattr(gen, f"_{rng.choices(fams, weights)[0]}")(src, rng.random() < 0.3)
                if made is not None:
                    _, _, say, _, _, truth = made
                    para.append(say(truth, rng.random() < 0.3).quote)
            elif roll < 0.75:
                para.append(rng.choice(W.FILLER))
            else:
                para.append(_noise(rng))
        text = " ".join(para) + "\n\n"
        parts.append(text)
        length += len(text)
    return "".join(parts)


def write_corpus(mb: float, seed: int, out: Path) -> dict[str, object]:
    """Write article files of 3-8 KB, about ``mb`` MB (10^6 bytes) in all, under ``out``."""
    gen = ClaimsGenerator(500 * CLAIMS_PER_SOURCE, seed)  # 500 sources: dates, publishers
    rng = gen.rng
    target = int(mb * 1_000_000)
    total = 0
    i = 0
    while total < target:
        size = rng.randint(3000, 8000)
        text = _corpus_article(gen, size)
        folder = out / "articles" / f"{i // FILES_PER_DIR:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        (folder / f"a{i:06d}.txt").write_bytes(data)
        total += len(data)
        i += 1
    meta: dict[str, object] = {"mb": mb, "seed": seed, "files": i, "bytes": total}
    (out / "corpus.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    p_claims = sub.add_parser("claims", help="a claims file with its source articles")
    p_claims.add_argument("--claims", type=int, required=True)
    p_claims.add_argument("--shards", type=int, default=1, help="split into this many files")
    p_corpus = sub.add_parser("corpus", help="article-like text files")
    p_corpus.add_argument("--mb", type=float, required=True)
    for p in (p_claims, p_corpus):
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.what == "claims":
        meta = write_claims(args.claims, args.seed, args.out, args.shards)
    else:
        meta = write_corpus(args.mb, args.seed, args.out)
    print(json.dumps({k: v for k, v in meta.items() if k != "planted"}))


if __name__ == "__main__":
    main()
