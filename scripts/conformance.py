"""Measure the recognizers against the shared conformance suites and our own news cases.

A measurement, not a gate: always exits 0. Scoring rules and exclusion rules are documented
in docs/recognizers.md; exclusions are general rules over a row's text, never row ids.

    python scripts/conformance.py [--conformance-dir PATH] [--cases PATH] [--failures N|NAME[:N]]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from claimcheck.recognize.dates import TimeMention, find_times
from claimcheck.recognize.numbers import AmountMention, find_amounts

REPO = Path(__file__).resolve().parent.parent
Row = dict[str, Any]

# ---------------------------------------------------------------- exclusion rules
# (name, why, predicate over the row). A row is excluded by the first rule that fires.

# Fractions a news text uses (half, third, quarter, fourth, vulgar-fraction signs) are NOT
# excluded: they are scored, and fail where we do not read them. Excluded are forms found in
# maths, not news: fractions of fifths and finer, scientific notation, spoken decimals, and
# "x over y" / "x out of y" / "1 in twenty-one" ratios.
_MINOR_FRACTIONS = re.compile(
    r"\b(?:fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?|thousandths?"
    r"|millionths?|trillionths?|twenty[- ]?firsts?|thirtieths?|twenty[- ]fifths?|\w+-fifths?)\b",
    re.IGNORECASE,
)
_SCIENTIFIC = re.compile(r"\^|\d[eE][+-]?\d|\dx10")
_SPOKEN_DECIMAL = re.compile(
    r"\bpoint\s+(?:zero|nought|naught|one|two|three|four|five|six|seven|eight|nine|eleven"
    r"|seventy)\b",
    re.IGNORECASE,
)
_RATIO = re.compile(
    r"\b(?:\d+|one|two|five|eight|twelve)\s+(?:(?:over|out of)\s+\d|(?:over|out of|in)\s+"
    r"(?:one|two|three|five|twenty))",
    re.IGNORECASE,
)
_REGIONAL = re.compile(
    r"\b(?:lakh|crore|dzs?|dozs?)\b|\d{1,2},\d{2},\d{3}|\d[ \u202f]\d{3}\b|\d\.\d{3},\d"
    r"|\b\d+,\d{1,2}\b(?!,?\d)|\b(?:nought|naught)\b",
    re.IGNORECASE,
)
_NOT_AMOUNT_DIGITS = re.compile(
    r"\d+\.\d+\.\d+|\d+/\d+/\d+|\+\d[\d-]{6,}|\d+-\d+-\d+|\b[A-Z]+-\d+\b|\d+\{"
)
_SIGNED = re.compile(r"(?:^|\s)-\s*\d|\b(?:minus|negative)\s+\w", re.IGNORECASE)
_GLUED_UNIT = re.compile(r"\d(?:ml|km|kg|cm|mm|mg|G)\b")

NUMBER_RULES: list[tuple[str, str, Callable[[Row], bool]]] = [
    ("minor-fractions", "fractions in fifths or finer ('three fifths', 'a hundredth'): maths, "
     "not news (halves, thirds and quarters are scored)",
     lambda r: bool(_MINOR_FRACTIONS.search(r["text"]))),
    ("scientific", "exponents and scientific notation ('1.1^23', '1e10', '1.3x10^6')",
     lambda r: bool(_SCIENTIFIC.search(r["text"]))),
    ("spoken-decimal", "decimals read aloud ('two hundred point zero three')",
     lambda r: bool(_SPOKEN_DECIMAL.search(r["text"]))),
    ("ratio", "'x over y', 'x out of y', '1 in twenty-one' read as a fraction",
     lambda r: bool(_RATIO.search(r["text"]))),
    ("regional", "lakh/crore, Indian or space digit grouping, decimal comma, dozen abbreviations",
     lambda r: bool(_REGIONAL.search(r["text"]))),
    ("digit-codes", "IP addresses, numeric dates, phone numbers, product codes (never amounts "
     "in a news claim, by design)", lambda r: bool(_NOT_AMOUNT_DIGITS.search(r["text"]))),
    ("signed", "negative numbers written with a minus sign or minus/negative (news states falls "
     "in words)", lambda r: bool(_SIGNED.search(r["text"]))),
]  # fmt: skip

_HOLIDAY = re.compile(
    r"\b(?:easter|christmas|xmas|thanksgiving|juneteenth|new year|labou?r day|memorial day"
    r"|halloween|valentine|mother'?s day|father'?s day|independence day|boxing day|freedom day"
    r"|jubilee|cinco de mayo|good friday|black friday|tomb sweeping|april fools?|martin luther"
    r"|inauguration day|veterans day|columbus day|groundhog|st\.? patrick|saint patrick"
    r"|earth day|workers'? day|may day|yuandan|mlk)",
    re.IGNORECASE,
)
# A date expression glued to a time of day: "tomorrow 8:00am", "Friday at noon", "tonight".
_TIME_OF_DAY = re.compile(
    r"\b\d{1,2}:\d{2}|\b\d{1,2}\s*(?:[ap]\.?m\b\.?)|\bo'?clock\b|\b(?:noon|midnight|tonight"
    r"|morning|afternoon|evening|night|hours?|minutes?|mins?)\b",
    re.IGNORECASE,
)
# Assistant arithmetic on relative anchors and chat shorthand: "three weeks from tomorrow",
# "the day after tomorrow", "two days before yesterday", "the week after next", "w/c Feb 4",
# "tmrw", "otd", "cy18", "OOO", business days / workweeks.
_ASSISTANT = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?|months?|years?)"
    r"\s+(?:from|after|before|since|starting)\s+(?!(?:19|20)\d\d\b)"
    r"|\bday\s+after\s+tomorrow\b|\bday\s+before\s+yesterday\b|\b(?:week|month|year)\s+after"
    r"\s+next\b|\bw/c\b|\btmrw\b|\botd\b|\bcy\s?\d|\booo\b|\bbusiness\s+days?\b"
    r"|\bwork(?:ing)?\s*week\b|\bfrom\s+(?:now|today|tomorrow)\b",
    re.IGNORECASE,
)
# Recurring sets: "every Monday", "each week", "daily", "on Tuesdays".
_RECURRING = re.compile(
    r"\b(?:every|each)\s+(?:other\s+)?(?:\d+\s+)?(?:day|week|month|year|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|morning|evening|night)|\b(?:daily|weekly|monthly"
    r"|annually|yearly)\b|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays"
    r"|sundays)\b",
    re.IGNORECASE,
)
# Days and years spelled out in words ("twenty third of September", "nineteen eighty six",
# "two thousand and ten", "fourth of July"): wire style writes these in digits.
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth)"
)
_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_SPOKEN_DATE = re.compile(
    rf"\b{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})?\s+(?:day\s+)?(?:of\s+)?{_MONTH_WORD}\b"
    rf"|\b{_MONTH_WORD}\s+(?:the\s+)?{_NUMBER_WORD}\b"
    rf"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+the\s+{_NUMBER_WORD}\b"
    r"|\b(?:nineteen|seventeen|eighteen|two\s+thousand|two\s+hundred)\b(?:[\s-]+\w+)?"
    r"|\bthe\s+(?:\w+[\s-])?\w+(?:th|st|nd|rd)\s+day\s+of\b(?=.*\bmonth\b)|\bnoughties\b",
    re.IGNORECASE,
)

DATE_RULES: list[tuple[str, str, Callable[[Row], bool]]] = [
    ("times-of-day", "a clock time or part of the day in the row (datetimes: the claim checker "
     "resolves days, not hours)", lambda r: bool(_TIME_OF_DAY.search(r["text"]))),
    ("holidays", "named holidays with no explicit date (need a holiday calendar)",
     lambda r: bool(_HOLIDAY.search(r["text"]))),
    ("recurring", "recurring sets ('every Monday', 'daily', 'on Fridays'): not one period",
     lambda r: bool(_RECURRING.search(r["text"]))),
    ("assistant-arithmetic", "scheduling arithmetic on relative anchors and chat shorthand "
     "('three weeks from tomorrow', 'the day after tomorrow', 'w/c', 'tmrw', 'cy18', business "
     "days)", lambda r: bool(_ASSISTANT.search(r["text"]))),
    ("spoken-dates", "days or years spelled in words ('twenty third of September', 'nineteen "
     "eighty six'); wire style writes them in digits",
     lambda r: bool(_SPOKEN_DATE.search(r["text"]))),
]  # fmt: skip


# ---------------------------------------------------------------- scoring helpers


@dataclass
class Tally:
    """Pass counts for one file."""

    total: int = 0
    passed: int = 0
    newsy_total: int = 0
    newsy_passed: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    convention: int = 0  # failures that are a documented convention difference (still failures)

    def add(self, row: Row, ok: bool, detail: str) -> None:
        self.total += 1
        self.passed += ok
        if row.get("newsy"):
            self.newsy_total += 1
            self.newsy_passed += ok
        if not ok:
            tag = ""
            if detail.startswith(CONVENTION_TAG):
                self.convention += 1
                tag = "[convention] "
            self.failures.append(f"{tag}{row.get('id', '?')}: {row['text']!r} -> {detail}")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _overlaps(a: tuple[int, int], b: Iterable[int]) -> bool:
    s, e = b
    return a[0] < e and s < a[1]


def _excluded(row: Row, rules: list[tuple[str, str, Callable[[Row], bool]]]) -> str | None:
    for name, _, pred in rules:
        if pred(row):
            return name
    return None


def _load(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# ---------------------------------------------------------------- numbers


def _score_numbers(row: Row) -> tuple[bool, str]:
    mentions = find_amounts(row["text"])
    used: set[int] = set()
    for exp in row["expected"]:
        hit = next(
            (
                i
                for i, m in enumerate(mentions)
                if i not in used
                and _overlaps((m.start, m.end), exp["span"])
                and any(_close(v, exp["value"]) for v in _readings(m))
            ),
            None,
        )
        if hit is None:
            return False, f"missing {exp['match']!r}={exp['value']}; got {_amounts(mentions)}"
        used.add(hit)
    extra = [m for i, m in enumerate(mentions) if i not in used]
    if extra:
        return False, f"extra {_amounts(extra)}"
    return True, ""


def _readings(m: AmountMention) -> tuple[float, ...]:
    """The values a mention states; a share in percent also as the fraction the suites use
    ("more than half" is 50 percent, and 0.5)."""
    a = m.amount
    if a.unit == "percent":
        return (a.low, a.high, a.low / 100, a.high / 100)
    return (a.low, a.high)


def _amounts(ms: list[AmountMention]) -> str:
    return ", ".join(f"{m.amount.text!r}({m.amount.qualifier} {m.amount.low:g})" for m in ms)


_ONE_SIDED = {
    "at_least": (True, False),
    "more_than": (False, False),
    "at_most": (False, True),
    "less_than": (False, False),
}


def _as_range(m: AmountMention) -> tuple[float | None, float | None, bool, bool] | None:
    a = m.amount
    if a.unit == "percent" and a.low <= 100 and a.high <= 100:  # shares as fractions
        a = type(a)(a.text, a.low / 100, a.high / 100, a.qualifier, None)
    if a.qualifier == "between":
        return a.low, a.high, True, True
    if a.qualifier in ("at_least", "more_than"):
        return a.low, None, a.qualifier == "at_least", False
    if a.qualifier in ("at_most", "less_than"):
        return None, a.high, False, a.qualifier == "at_most"
    return None


def _score_ranges(row: Row) -> tuple[bool, str]:
    mentions = find_amounts(row["text"])
    ranged = [(m, _as_range(m)) for m in mentions]
    used: set[int] = set()
    for exp in row["expected"]:
        hit = None
        for i, (m, rng) in enumerate(ranged):
            if i in used or not _overlaps((m.start, m.end), exp["span"]):
                continue
            if rng is None:
                if exp["low"] == exp["high"] and _close(m.amount.low, exp["low"]):
                    hit = i
                continue
            lo, hi, lo_inc, hi_inc = rng
            if not (_close(lo, exp["low"]) and _close(hi, exp["high"])):
                continue
            two_sided = lo is not None and hi is not None
            if two_sided or (lo_inc == exp["low_inclusive"] and hi_inc == exp["high_inclusive"]):
                hit = i
        if hit is None:
            return False, f"missing {exp['match']!r}={exp['spec']}; got {_amounts(mentions)}"
        used.add(hit)
    extra = [m for i, (m, rng) in enumerate(ranged) if i not in used and rng is not None]
    if extra:
        return False, f"extra {_amounts(extra)}"
    return True, ""


# ---------------------------------------------------------------- dates


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _exclusive(m: TimeMention) -> tuple[str | None, str | None] | None:
    if m.interval is None:
        return None
    # Our "since X" ends at the reference (time of writing); the spec leaves it open.
    open_end = m.mod == "since"
    end = m.interval.end + timedelta(days=1) if m.interval.end and not open_end else None
    return _iso(m.interval.start), _iso(end)


def _bump(end: str, unit: str | None) -> str:
    d = date.fromisoformat(end)
    if unit == "day" or unit is None:
        d += timedelta(days=1)
    elif unit == "week":
        d += timedelta(weeks=1)
    elif unit == "month":
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    else:
        d = date(d.year + 1, d.month, d.day)
    return d.isoformat()


def _accepted(exp: Row) -> list[tuple[str | None, str | None]]:
    readings = [(exp["start"], exp["end"])] + [
        (a.get("start"), a.get("end")) for a in exp.get("alternatives", [])
    ]
    out = list(readings)
    if exp.get("named_end"):
        out += [(s, _bump(e, exp.get("end_unit"))) for s, e in readings if e]
    return out


# Edges of periods: our product spec reads early/mid/late and beginning/middle/end as thirds
# (late 2018 = Sep-Dec) and "rest of X" up to X's last day; the upstream spec reads halves
# for some of them ("late last year" = Jul-Dec) and thirds for others ("end of 2000").
CONVENTION_TAG = "convention differs (edges of periods): "
# An edge word that names a part of the period after it ("late July", "end of 2008", "rest
# of the week"), not a comparison ("as late as", "no later than", "week beginning on").
_EDGE_WORDS = re.compile(
    r"\b(?:early|earlier|late|later|mid|middle|beginning|start|end|rest|remaining|remainder)"
    r"[-\s]+(?!as\b|than\b|on\b)\w|\beo[ymw]\b",
    re.IGNORECASE,
)


def _edge_convention(exp: Row, mentions: list[TimeMention]) -> bool:
    """The missed item names an edge of a period and we did resolve the same words, to other
    bounds: a convention difference, not a missed expression."""
    return bool(_EDGE_WORDS.search(exp["match"])) and any(
        m.interval is not None and _overlaps((m.start, m.end), exp["span"]) for m in mentions
    )


def _score_dates(row: Row) -> tuple[bool, str]:
    ok, detail = _score_dates_plain(row)
    if ok or not detail.startswith("missing"):
        return ok, detail
    ref = datetime.fromisoformat(row["reference"]).date()
    mentions = find_times(row["text"], ref)
    missed = [
        e
        for e in row["expected"]
        if not any(
            _overlaps((m.start, m.end), e["span"]) and _exclusive(m) in _accepted(e)
            for m in mentions
        )
    ]
    if missed and all(_edge_convention(e, mentions) for e in missed):
        return False, CONVENTION_TAG + detail
    return False, detail


def _score_dates_plain(row: Row) -> tuple[bool, str]:
    ref = datetime.fromisoformat(row["reference"]).date()
    mentions = find_times(row["text"], ref)
    used: set[int] = set()
    for exp in row["expected"]:
        ok_readings = _accepted(exp)
        hit = next(
            (
                i
                for i, m in enumerate(mentions)
                if i not in used
                and _overlaps((m.start, m.end), exp["span"])
                and _exclusive(m) in ok_readings
            ),
            None,
        )
        if hit is None:
            got = ", ".join(f"{m.text!r}{_exclusive(m)}" for m in mentions)
            return False, f"missing {exp['match']!r} {exp['start']}..{exp['end']}; got {got}"
        used.add(hit)
    if row.get("partial"):
        return True, ""
    spans = [e["span"] for e in row["expected"]] + [i["span"] for i in row.get("ignored", [])]
    extra = [
        m
        for i, m in enumerate(mentions)
        if i not in used and not any(_overlaps((m.start, m.end), s) for s in spans)
    ]
    if extra:
        return False, "extra " + ", ".join(f"{m.text!r}{_exclusive(m)}" for m in extra)
    return True, ""


# ---------------------------------------------------------------- our own cases


def score_case(case: Row) -> tuple[bool, str]:
    """One row of tests/data/recognize_cases.jsonl: the full list of mentions must match."""
    if case["kind"] == "amount":
        got = [
            {
                "text": m.amount.text,
                "low": m.amount.low,
                "high": m.amount.high,
                "qualifier": m.amount.qualifier,
                "unit": m.amount.unit,
            }
            for m in find_amounts(case["text"])
        ]
    else:
        ref = date.fromisoformat(case["reference"]) if case.get("reference") else None
        got = [
            {
                "text": m.text,
                "start": _iso(m.interval.start) if m.interval else None,
                "end": _iso(m.interval.end) if m.interval else None,
                "mod": m.mod,
                "resolved": m.interval is not None,
            }
            for m in find_times(case["text"], ref)
        ]
    want = [{**({"resolved": True} if case["kind"] == "time" else {}), **e} for e in case["expect"]]
    if case["kind"] == "amount":
        want = [{"qualifier": "exact", "unit": None, **e} for e in want]
        want = [{**e, "high": e.get("high", e["low"])} for e in want]
    else:
        want = [{"mod": None, **e} for e in want]
        for e in want:
            if e.get("start") is None and e.get("end") is None and "resolved" not in e:
                e["resolved"] = True
    ok = len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want, strict=False))
    return ok, "" if ok else f"got {got}"


def _same(got: Row, want: Row) -> bool:
    for key, value in want.items():
        if isinstance(value, float | int) and not isinstance(value, bool):
            if not _close(got.get(key), float(value)):
                return False
        elif got.get(key) != value:
            return False
    return True


# ---------------------------------------------------------------- main


def _run_file(
    path: Path,
    scorer: Callable[[Row], tuple[bool, str]],
    rules: list[tuple[str, str, Callable[[Row], bool]]],
) -> Tally:
    tally = Tally()
    for row in _load(path):
        rule = _excluded(row, rules)
        if rule:
            tally.excluded[rule] = tally.excluded.get(rule, 0) + 1
            continue
        ok, detail = scorer(row)
        tally.add(row, ok, detail)
    return tally


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def _failure_filter(spec: str) -> Callable[[str], int]:
    """'5' -> 5 per file; 'dates' -> all failures of files named dates*; 'dates:20' -> 20."""
    if spec.isdigit():
        return lambda _name: int(spec)
    prefix, _, count = spec.partition(":")
    limit = int(count) if count.isdigit() else 10**9
    return lambda name: limit if name.startswith(prefix) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conformance-dir", type=Path, default=REPO.parent / "shared/conformance")
    parser.add_argument("--cases", type=Path, default=REPO / "tests/data/recognize_cases.jsonl")
    parser.add_argument(
        "--failures",
        default="0",
        help="print failures: N per file, or NAME[:N] for files whose name starts with NAME "
        "(e.g. 'dates' = every failure of both date files)",
    )
    args = parser.parse_args(argv)
    show = _failure_filter(args.failures)
    cdir: Path = args.conformance_dir
    suites = [
        ("numbers.jsonl", _score_numbers, NUMBER_RULES),
        ("ranges.jsonl", _score_ranges, NUMBER_RULES),
        ("dates.jsonl", _score_dates, DATE_RULES),
        ("dates_parser_supplement.jsonl", _score_dates, DATE_RULES),
    ]
    total = passed = newsy_t = newsy_p = 0
    print(f"{'file':32} {'pass':>9} {'rate':>6}  {'newsy':>7} {'rate':>6}  excluded")
    for name, scorer, rules in suites:
        path = cdir / name
        if not path.exists():
            print(f"{name:32} missing ({path})")
            continue
        t = _run_file(path, scorer, rules)
        total, passed = total + t.total, passed + t.passed
        newsy_t, newsy_p = newsy_t + t.newsy_total, newsy_p + t.newsy_passed
        excl = ", ".join(f"{k}={v}" for k, v in sorted(t.excluded.items())) or "-"
        print(
            f"{name:32} {t.passed:4}/{t.total:<4} {_pct(t.passed, t.total)}  "
            f"{t.newsy_passed:3}/{t.newsy_total:<3} {_pct(t.newsy_passed, t.newsy_total)}  {excl}"
        )
        if t.convention:
            rest = t.total - t.convention
            print(
                f"{'':32} {CONVENTION_TAG.rstrip(': ')}: {t.convention} rows (counted as failures "
                f"above); without them {t.passed}/{rest} {_pct(t.passed, rest)}"
            )
        for line in t.failures[: show(name)]:
            print("   FAIL", line)
    print(
        f"{'overall':32} {passed:4}/{total:<4} {_pct(passed, total)}  "
        f"{newsy_p:3}/{newsy_t:<3} {_pct(newsy_p, newsy_t)}"
    )
    if args.cases.exists():
        cases = _load(args.cases)
        results = [(c, *score_case(c)) for c in cases]
        ok = sum(1 for _, good, _ in results if good)
        label = f"own cases ({args.cases.name})"
        print(f"{label:32} {ok:4}/{len(cases):<4} {_pct(ok, len(cases))}")
        for c, good, detail in results:
            if not good and show(label):
                print("   FAIL", repr(c["text"]), "->", detail)
    print("exclusion rules:")
    for name, why, _ in [*NUMBER_RULES, *DATE_RULES]:
        print(f"  {name}: {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
