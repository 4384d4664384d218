"""Views of a Report shared by every renderer, so all formats agree on order and wording."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from functools import cached_property

from claimcheck.dataclassgen import dataclass
from claimcheck.model import (
    Claim,
    DateInterval,
    Finding,
    Location,
    NormalizedClaim,
    Report,
    Source,
    ValueInterval,
)
from claimcheck.recognize.lazyre import Lazy

_CONTROL = Lazy(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    r"\ud800-\udfff]"
)
"""Drawn as escapes: control characters (ESC, BEL, CR), line and paragraph separators,
bidi marks and overrides, and the invisible characters (zero-width, soft hyphen, BOM) a
subject could hide behind; lone surrogates (undecodable file names) too."""

MISSING = "—"


def safe_terminal_text(s: str) -> str:
    """Make article text inert on a terminal: control chars (ESC, BEL, CSI, bidi overrides)
    and invisible ones become visible escapes such as ``\\x1b`` or ``\\u200b``; newline
    and tab are kept."""

    def repl(m: re.Match[str]) -> str:
        code = ord(m.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CI_COMMAND.sub(r"\1\\x3a:", _CONTROL.sub(repl, s))


_CI_COMMAND = Lazy(r"^([ \t]*)::", re.M)
"""A line that starts with ``::`` is a GitHub Actions workflow command (the runner trims
the line first): text from an input never starts one, in any format."""


def one_line(s: str) -> str:
    """Collapse whitespace (newlines included) so a cell stays one line."""
    return " ".join(s.split())


def truncate(s: str, width: int) -> str:
    return s if len(s) <= width else s[: max(width - 1, 0)] + "…"


def fmt_number(x: float | None) -> str:
    """Numbers as news writes them: 5,200 / 2.5 / —; never 'nan' or 'inf'."""
    if x is None or not math.isfinite(x):
        return MISSING
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def fmt_date(d: date | None) -> str:
    return d.isoformat() if d else "…"


def fmt_interval(t: DateInterval | None) -> str:
    """An inclusive date interval in a compact form: 2020-08-29, 2018-09-01..2018-12-31."""
    if t is None or (t.start is None and t.end is None):
        return MISSING
    if t.start == t.end:
        return fmt_date(t.start)
    if t.start is not None and t.end is not None and t.start.day == 1 and _month_end(t.end):
        if t.start.month == 1 and t.end.month == 12:
            first, last = str(t.start.year), str(t.end.year)
        else:
            first, last = t.start.strftime("%Y-%m"), t.end.strftime("%Y-%m")
        return first if first == last else f"{first}..{last}"
    return f"{fmt_date(t.start)}..{fmt_date(t.end)}"


def _month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def claim_value_text(c: Claim) -> str:
    """The value as stated; a move reads ``5,300 → 2,500``."""
    if c.from_value and c.to_value:
        return f"{c.from_value} → {c.to_value}"
    if c.from_value and c.value:
        return f"{c.from_value} → {c.value}"
    if c.value:
        if c.kind == "duration" and c.unit and not re.search(r"[a-z]", c.value, re.I):
            return f"{c.value} {c.unit}"
        return c.value
    if c.to_value:
        return f"→ {c.to_value}"
    return c.time or MISSING


def qualifier_of(nc: NormalizedClaim | None, c: Claim) -> str | None:
    """The hedge: explicit override, else read back from the stated interval."""
    if c.qualifier:
        return c.qualifier
    if nc is None or nc.stated is None:
        return None
    s = nc.stated
    if s.low is not None and s.high is None:
        return "more_than" if s.low_open else "at_least"
    if s.high is not None and s.low is None:
        return "less_than" if s.high_open else "at_most"
    if s.low is not None and s.high is not None and s.low != s.high:
        return "between"
    if nc.value is not None and nc.value != s:
        return "about"
    return "exact"


def midpoint(v: ValueInterval | None) -> float | None:
    """A single number to plot for an interval; None when unbounded on both sides."""
    if v is None:
        return None
    vals = [x for x in (v.low, v.high) if x is not None and math.isfinite(x)]
    if not vals:
        return None
    return sum(vals) / len(vals)


def time_key(nc: NormalizedClaim | None) -> tuple[date, date]:
    """Sort key: claims without a time go last."""
    far = date.max
    if nc is None or nc.time is None:
        return (far, far)
    return (nc.time.start or nc.time.end or far, nc.time.end or nc.time.start or far)


@dataclass(frozen=True)
class Row:
    """One claim with everything a renderer shows next to it."""

    claim: Claim
    norm: NormalizedClaim | None
    source: Source | None

    @property
    def source_label(self) -> str:
        if self.source and self.source.publisher:
            return self.source.publisher
        return self.claim.source

    @property
    def time(self) -> DateInterval | None:
        return self.norm.time if self.norm else None

    @property
    def qualifier(self) -> str | None:
        return qualifier_of(self.norm, self.claim)

    def sort_key(self) -> tuple[date, date, str, str]:
        a, b = time_key(self.norm)
        return (a, b, self.claim.source, self.claim.id)


@dataclass(frozen=True)
class SubjectGroup:
    key: str
    title: str
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]

    @property
    def has_discrepancy(self) -> bool:
        return any(f.tier in ("contradiction", "discrepancy") for f in self.findings)


class Index:
    """Lookups from ids to claims, sources and normalized claims, built once per render."""

    def __init__(self, report: Report) -> None:
        self.report = report

    # Each lookup is made on first use: ``check``'s text output needs only the claims
    # of its findings, not three maps of a big file's every claim.
    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.report.claims_file.sources}

    @cached_property
    def norm(self) -> dict[str, NormalizedClaim]:
        return {n.claim.id: n for n in self.report.normalized}

    @cached_property
    def claims(self) -> dict[str, Claim]:
        """A filtered report holds fewer normalized claims than its file: only those."""
        return {n.claim.id: n.claim for n in self.report.normalized}

    def row(self, claim_id: str) -> Row | None:
        c = self.claims.get(claim_id)
        if c is None:
            n = self.norm.get(claim_id)
            if n is None:
                return None
            c = n.claim
        return Row(c, self.norm.get(c.id), self.sources.get(c.source))

    def rows(self, claim_ids: Iterable[str]) -> list[Row]:
        rows = [r for r in (self.row(i) for i in claim_ids) if r is not None]
        return sorted(rows, key=Row.sort_key)

    def subject_key(self, claim_id: str) -> str:
        n = self.norm.get(claim_id)
        if n is not None:
            return n.subject_key
        c = self.claims.get(claim_id)
        return one_line(c.subject).casefold() if c else claim_id

    def finding_key(self, f: Finding) -> str:
        keys = sorted({self.subject_key(i) for i in f.claims})
        return keys[0] if keys else one_line(f.subject).casefold()

    def location(self, claim_id: str) -> Location:
        c = self.claims.get(claim_id)
        if c is not None and c.location is not None:
            return c.location
        return Location(self.report.claims_file.path, 1, 1)

    def groups(self) -> list[SubjectGroup]:
        """Subjects in title order; each with its claims over time and its findings."""
        # each row with its _row_key and its place (a stable sort's tie order), made in
        # the pass that files it under its subject, and sorted as plain tuples
        by_key: dict[str, list[tuple[date, date, str, str, int, Row]]] = {}
        norm, sources = self.norm, self.sources
        new = object.__new__
        k = 0
        for cid, c in self.claims.items():  # row() and subject_key() of each, inlined
            n = norm.get(c.id)
            key = n.subject_key if n is not None else self.subject_key(cid)
            row = new(Row)  # built(): every field, without the generated __init__'s setattrs
            row.__dict__.update(claim=c, norm=n, source=sources.get(c.source))
            t = n.time if n is not None else None
            if t is None:
                entry = (_FAR, _FAR, c.source, c.id, k, row)
            else:
                start, end = t.start, t.end
                entry = (start or end or _FAR, end or start or _FAR, c.source, c.id, k, row)
            by_key.setdefault(key, []).append(entry)
            k += 1
        for cid in sorted(self.norm):
            if cid not in self.claims:
                r = self.row(cid)
                if r is not None:
                    entry = (*_row_key(r), k, r)
                    by_key.setdefault(self.subject_key(cid), []).append(entry)
                    k += 1
        f_by_key: dict[str, list[Finding]] = {}
        for f in sort_findings(self.report.findings):
            f_by_key.setdefault(self.finding_key(f), []).append(f)
            by_key.setdefault(self.finding_key(f), [])
        out = []
        for key in by_key:
            rows = [entry[5] for entry in sorted(by_key[key])]
            findings = f_by_key.get(key, [])
            out.append(SubjectGroup(key, _title(rows, findings, key), tuple(rows), tuple(findings)))
        return sorted(out, key=lambda g: (g.title.casefold(), g.key))

    def reading_order(self) -> list[SubjectGroup]:
        """Subjects with findings first, then the busiest: what an editor reads first."""
        return sorted(
            self.groups(), key=lambda g: (not g.findings, -len(g.rows), g.title.casefold(), g.key)
        )


def _title(rows: list[Row], findings: list[Finding], key: str) -> str:
    if findings:
        return one_line(findings[0].subject)
    if not rows:
        return key
    from operator import attrgetter

    counts: dict[str, int] = {}  # one_line of each distinct subject text, not of each row
    for subject, n in Counter(map(attrgetter("claim.subject"), rows)).items():
        line = one_line(subject)
        counts[line] = counts.get(line, 0) + n
    return max(sorted(counts), key=counts.__getitem__)  # the commonest; ties: first in order


_FAR = date.max


def _row_key(r: Row) -> tuple[date, date, str, str]:
    """``Row.sort_key`` without the calls (a big report sorts every claim by it)."""
    nc = r.norm
    t = nc.time if nc is not None else None
    if t is None:
        return (_FAR, _FAR, r.claim.source, r.claim.id)
    start, end = t.start, t.end
    return (start or end or _FAR, end or start or _FAR, r.claim.source, r.claim.id)


_TIER_ORDER = {"contradiction": 0, "discrepancy": 1, "update": 2}
_SEV_ORDER = {"error": 0, "warning": 1, "info": 2}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (
            _TIER_ORDER.get(f.tier, 9),
            _SEV_ORDER.get(f.severity, 9),
            f.subject,
            f.claims,
            f.fingerprint,
        ),
    )


def is_checked(f: Finding) -> bool:
    """Whether `claimcheck check` fails on it: an unreviewed contradiction or discrepancy."""
    return not f.reviewed and f.tier in ("contradiction", "discrepancy")


def review_text(f: Finding) -> str:
    if f.review is None:
        return "open"
    note = one_line(f.review.note)
    return f"reviewed ({f.review.verdict}: {note})" if note else f"reviewed ({f.review.verdict})"


def difference_text(rows: list[Row]) -> str:
    """Spread of the stated values: ``1,700 (33%)``; empty when not numeric."""
    mids = [m for m in (midpoint(r.norm.stated if r.norm else None) for r in rows) if m is not None]
    if len(mids) < 2:
        return ""
    lo, hi = min(mids), max(mids)
    diff = hi - lo
    if hi == 0:
        return fmt_number(diff)
    return f"{fmt_number(diff)} ({diff / abs(hi):.0%})"


def span_of(rows: list[Row]) -> DateInterval | None:
    starts = [r.time.start for r in rows if r.time and r.time.start]
    ends = [r.time.end for r in rows if r.time and r.time.end]
    if not starts and not ends:
        return None
    return DateInterval(min(starts) if starts else None, max(ends) if ends else None)


def find_quote(text: str, claim: Claim) -> tuple[int, int] | None:
    """Where the quote sits in the article: the recorded span if it still matches,
    else an exact find, else a whitespace- and case-insensitive match."""
    if claim.span is not None:
        a, b = claim.span
        if 0 <= a < b <= len(text):
            return (a, b)
    q = claim.quote.strip()
    if not q:
        return None
    i = text.find(q)
    if i >= 0:
        return (i, i + len(q))
    words = q.split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def paragraph_around(text: str, start: int, end: int, limit: int = 600) -> tuple[int, int]:
    """The blank-line-delimited paragraph holding text[start:end], capped at ``limit``
    characters each side."""
    a = text.rfind("\n\n", 0, start)
    a = 0 if a < 0 else a + 2
    b = text.find("\n\n", end)
    b = len(text) if b < 0 else b
    return (max(a, start - limit), min(b, end + limit))


MAX_SOURCES_SHOWN = 12  # a finding lists this many outlets, then says how many more


def values_by_source(rows: list[Row]) -> list[tuple[str, str]]:
    """(outlet, its figures with their times) in time order: one voice per outlet."""
    by: dict[str, list[str]] = {}
    for r in rows:
        text = f"{claim_value_text(r.claim)} ({fmt_interval(r.time)})"
        seen = by.setdefault(r.source_label, [])
        if text not in seen:
            seen.append(text)
    return [(src, ", ".join(vals)) for src, vals in by.items()]
