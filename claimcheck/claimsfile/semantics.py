"""Meaning checks of a claims file's items (``Semantics``), run after the structure checks:
ids unique, sources readable and inside the file's folder, each quote in its source, each
value and time readable and in its quote, reviews pointing at claims. Every check reports
and carries on; items that failed the schema are skipped here instead of crashing."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from claimcheck.claimsfile import quotes
from claimcheck.claimsfile.refusals import backwards, bad_id, short, whole, whole_find
from claimcheck.claimsfile.validate import did_you_mean, dotted
from claimcheck.claimsfile.yamlnodes import Doc, Path_
from claimcheck.errors import InputError
from claimcheck.model import Problem

NON_NEGATIVE_KINDS = frozenset({"level", "target", "duration", "count"})
VALUE_EXAMPLES = (
    "write it as news does: 5,200, 14 500, about 3,500, more than 100, 2.5 million, three, "
    "dozens, more than half, 40-45"
)
TIME_EXAMPLES = "e.g. 2021-01-15, 2020-08, late 2018, by November, last month"
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _verbatim(value: str, quote: str) -> bool:
    """``value`` stands in ``quote`` as written, not inside a longer number (5,200 in 15,200)."""
    needle = value.strip()
    if not needle:
        return False
    start = quote.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = quote[start - 1] if start else " "
        after = quote[end : end + 2]
        if not (before.isalnum() or before in ".,-") and not (
            after[:1].isalnum() or (after[:1] in ".," and after[1:2].isdigit())
        ):
            return True
        start = quote.find(needle, start + 1)
    return False


def _is_under(path: Path_, bad: set[Path_]) -> bool:
    """True when a schema error sits inside ``path`` or on one of its (non-root) ancestors."""
    return any(b[: len(path)] == path or (b and path[: len(b)] == b) for b in bad)


class Semantics:
    """Checks that need meaning: ids, dates, values, source files, quotes."""

    def __init__(
        self,
        doc: Doc,
        claims_dir: Path,
        *,
        allow_outside: bool,
        check_quotes: bool,
        skip: set[Path_],
    ) -> None:
        self.doc = doc
        self.claims_dir = claims_dir
        self.allow_outside = allow_outside
        self.check_quotes = check_quotes
        self.skip = skip
        self.problems: list[Problem] = []
        self.published: dict[str, date] = {}
        self.texts: dict[str, str] = {}
        self.folded: dict[str, quotes.Folded] = {}
        self.spans: dict[int, tuple[int, int]] = {}
        self.error_paths: list[Path_] = []
        self.files: dict[tuple[int, int], str] = {}
        self.units: dict[int, str] = {}
        """Where each error is, so a partial load can drop just the claims they are in."""
        self._sources: tuple[list[str], frozenset[str]] | None = None
        self._unit_of: Callable[[str | None], str] = _unit_of

    def error(
        self, path: Path_, message: str, hint: str | None = None, code: str = "input"
    ) -> None:
        self.error_paths.append(path)
        self.problems.append(Problem(self.doc.at(path), "error", message, code=code, hint=hint))

    def warn(self, path: Path_, message: str, hint: str | None = None, code: str = "input") -> None:
        self.problems.append(Problem(self.doc.at(path), "warning", message, code=code, hint=hint))

    def check(self) -> list[Problem]:
        data = self.doc.data
        if not isinstance(data, dict):
            return []
        claims = data.get("claims")
        # a claims list is walked once, below: each claim's finite-number walk and its
        # all-text test (which lets its checks skip per-field type tests) together
        apart = type(claims) is list and not ({(), ("claims",)} & self.skip)
        self._finite_numbers(
            {k: v for k, v in data.items() if k != "claims"} if apart else data, ()
        )
        sources = data.get("sources")
        if isinstance(sources, dict):
            for sid in sorted(sources):
                bad = bad_id(str(sid))
                if bad is not None:
                    self.error(("sources", sid), f"source id {str(sid)!r} {bad}", code="id")
                if not _is_under(("sources", sid), self.skip):
                    self._source(sid, sources[sid])
        if isinstance(claims, list):
            from claimcheck.normalize.values import normalize_unit

            self._unit_of = normalize_unit
            from claimcheck.claimsfile.plainclaims import check_claims

            check_claims(self, claims, sorted(sources) if isinstance(sources, dict) else [], apart)
            self._units_apart(claims, data.get("aliases"))
        reviews = data.get("reviews")
        if isinstance(reviews, list):
            self._reviews(reviews)
        return sorted(self.problems)

    def _oversized(self, at: Path_, claim: dict[str, Any]) -> bool:
        """Fields far longer than any real one are refused before the recognizers and the
        fuzzy quote search see them (their cost grows faster than the length)."""
        over = [
            key
            for key, value in claim.items()
            if isinstance(value, str)
            and len(value) > _LEAST_LIMIT  # most fields are short: no limit looked up
            and len(value) > FIELD_LIMITS.get(key, _NO_LIMIT)
        ]
        for key in sorted(over, key=_FIELD_ORDER.__getitem__):  # in the limits' order
            limit = FIELD_LIMITS[key]
            self.error(
                (*at, key),
                f"{key} is {len(claim[key]):,} characters, over the {limit:,} limit",
                "a quote is the sentence that states the figure" if key == "quote" else None,
                code="too-large",
            )
        return bool(over)

    def _units_apart(self, claims: list[Any], aliases: Any) -> None:
        from claimcheck.claimsfile.apart import units_apart

        groups = aliases if isinstance(aliases, list) else []
        names = [[str(n) for n in g] for g in groups if isinstance(g, list)]
        for i, message in units_apart(claims, self.units, names):
            self.warn(
                ("claims", i, "unit"),
                message,
                "give both the same unit, or make them different subjects",
                code="units-apart",
            )

    def _finite_numbers(self, value: Any, path: Path_) -> None:
        if path in self.skip:
            return
        if isinstance(value, float) and not math.isfinite(value):
            self.error(path, f"{dotted(path)}: {value} is not a finite number", code="number")
        elif isinstance(value, dict):
            for key, item in value.items():
                if type(item) is not str and item is not None:  # text is never a number
                    self._finite_numbers(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if type(item) is not str and item is not None and not _all_text(item):
                    self._finite_numbers(item, (*path, i))

    # sources ---------------------------------------------------------------

    def _source(self, sid: str, src: dict[str, Any]) -> None:
        from claimcheck.sources import read_source_text, resolve_source_path

        published = src.get("published")
        if isinstance(published, str):
            day = _real_date(published)
            if day is None:
                self.error(
                    ("sources", sid, "published"),
                    f"sources.{sid}.published: {published} is not a real date",
                    "check the day and month",
                    code="date",
                )
            else:
                self.published[sid] = day
        file = src["file"]
        where = self.doc.at(("sources", sid, "file"))
        try:
            resolved = resolve_source_path(
                self.claims_dir, file, allow_outside=self.allow_outside, where=where
            )
        except InputError as exc:
            self.problems.extend(exc.problems)
            return
        if not resolved.exists():
            self.error(
                ("sources", sid, "file"),
                f"source file not found: {resolved.absolute()}",
                "the path is relative to the claims file",
                code="source-missing",
            )
            return
        same = self._same_file(sid, resolved)
        if same is not None:
            self.error(
                ("sources", sid, "file"),
                f"source '{sid}' is the same article as source '{same}' ({file})",
                "one source per article: two ids would count one outlet as two voices",
                code="duplicate-source",
            )
            return
        try:
            self.texts[sid] = read_source_text(resolved, display=str(resolved))
        except InputError as exc:
            self.problems.extend(exc.problems)

    def _same_file(self, sid: str, resolved: Path) -> str | None:
        """The source id that already reads this file (same inode: ``..``, links)."""
        import os

        try:
            st = os.stat(resolved)
        except OSError:
            return None
        key = (st.st_dev, st.st_ino)
        first = self.files.setdefault(key, sid)
        return None if first == sid else first

    # claims ----------------------------------------------------------------

    def _claim(
        self,
        i: int,
        claim: dict[str, Any],
        source_ids: list[str],
        seen: dict[str, int],
        plain: bool = False,
    ) -> None:
        """``plain``: every value of the claim is text or empty (a big file's nearly all are)."""
        at: Path_ = ("claims", i)
        cid = claim["id"]
        text_id = str(cid)
        # the common id (plain printable ASCII, no edge spaces) without a call
        if not (text_id.isascii() and text_id.isprintable() and text_id == text_id.strip()):
            bad = bad_id(text_id)
            if bad is not None:
                self.error(
                    (*at, "id"),
                    f"claim id {text_id!r} {bad}",
                    "ids are plain words, e.g. courier-evacuated-1",
                    code="id",
                )
        first_at = seen.setdefault(cid, i)
        if first_at != i:
            first = self.doc.at(("claims", first_at, "id")).line
            self.error(
                (*at, "id"),
                f"duplicate claim id '{cid}' (first at line {first})",
                "give each claim its own id",
                code="duplicate-id",
            )
        sid = claim["source"]
        if sid not in self._source_set(source_ids):
            guess = did_you_mean(sid, source_ids)
            hint = f"did you mean '{guess}'?" if guess else "add it under `sources:`"
            self.error((*at, "source"), f"unknown source '{sid}'", hint, code="unknown-source")
        status = claim.get("status") or "active"
        if status != "active" and not claim.get("status_reason"):
            self.error(
                (*at, "status"),
                f"status '{status}' needs a status_reason",
                "say why, e.g. `status_reason: corrected in a later article`",
                code="status",
            )
        if not (plain and _short(claim, text_id, sid)) and self._oversized(at, claim):
            return
        if plain and "from" not in claim and "to" not in claim:
            amounts = self._value_only(at, claim)  # most claims: no loop over the three
        else:
            amounts = self._amounts(at, claim)
        if "value" in amounts:
            self.units[i] = self._unit_of(claim.get("unit") or amounts["value"].unit)
        raw_time = claim.get("time")
        if raw_time is not None and raw_time != "" and not _plain_time(str(raw_time)):
            self._time(at, claim)  # plain times (most) have nothing to say: no call
        kind = claim["kind"]
        if kind == "change" and not any(
            claim.get(k) not in (None, "") for k in ("value", "from", "to")
        ):
            self.error(at, "a change needs a value, or from/to", code="value")
        if kind == "date" and not raw_time:
            self.error(at, "a claim of kind date needs a time", code="time")
        if self.check_quotes:
            if sid in self.texts:
                self._quote(i, claim, sid)
            if amounts and not (
                plain and len(amounts) == 1 and "value" in amounts
                and _verbatim(claim["value"], claim["quote"])
            ):  # fmt: skip
                self._quote_numbers(at, claim, amounts)  # a value copied as written: no call

    def _source_set(self, source_ids: list[str]) -> frozenset[str]:
        """The ids as a set, made once: a claim's source is looked up in constant time."""
        if self._sources is None or self._sources[0] is not source_ids:
            self._sources = (source_ids, frozenset(source_ids))
        return self._sources[1]

    def _amounts(self, at: Path_, claim: dict[str, Any]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key in ("value", "from", "to"):
            raw = claim.get(key)
            if raw is None or raw == "":
                continue
            reading = _amount_reading(key, str(raw), claim["kind"])
            if type(reading) is tuple:
                self.error((*at, key), *reading)
            else:
                found[key] = reading
        return found

    def _value_only(self, at: Path_, claim: dict[str, Any]) -> dict[str, Any]:
        """``_amounts`` of a claim of text that gives no ``from`` or ``to``."""
        raw = claim.get("value")
        if raw is None or raw == "":
            return {}
        reading = _amount_reading("value", raw, claim["kind"])
        if type(reading) is tuple:
            self.error((*at, "value"), *reading)
            return {}
        return {"value": reading}

    def _time(self, at: Path_, claim: dict[str, Any]) -> None:
        raw = claim.get("time")
        if raw is None or raw == "":
            return
        text = str(raw)
        if _plain_time(text):
            return  # a real date, read alike for every reference: nothing to say
        from claimcheck.normalize.memo import time_of as parse_time

        iso = _unreal_day(text)
        if iso is not None:
            self.error(
                (*at, "time"),
                f"time {text!r}: {iso} is not a real date",
                "check the day and month",
                code="date",
            )
            return
        published = self.published.get(str(claim["source"]))
        try:
            mention = parse_time(text, published)
            reversed_range = backwards(text, published)
        except (ValueError, OverflowError):  # "in 7999 years" from 9999-12-31
            self.error(
                (*at, "time"),
                f"time {text!r} falls outside the calendar (years 1 to 9999)",
                "write the date it means",
                code="time",
            )
            return
        if reversed_range is not None:
            self.error(
                (*at, "time"),
                f"time {text!r} runs backwards: {reversed_range}",
                "write the earlier end first, e.g. 2021-03-01/2021-03-15",
                code="time",
            )
        elif mention is None:
            self.error((*at, "time"), f"cannot read time {text!r}", TIME_EXAMPLES, code="time")
        elif mention.interval is None and published is not None:
            # Recognised, but relative to another event ("two months later"): kept as
            # written and left out of time comparisons rather than guessed.
            self.warn(
                (*at, "time"),
                f"time {text!r} is relative to another event; left unresolved",
                "write the date it refers to, e.g. 2020-03 or late 2018",
                code="time-unresolved",
            )

    def _quote(self, i: int, claim: dict[str, Any], sid: str) -> None:
        text = self.texts[sid]
        quote = str(claim["quote"])
        stripped = quote.strip()
        exact = _between_spaces(text, stripped)
        if exact >= 0:  # the common case: no boundary checks, no folding
            self.spans[i] = (exact, exact + len(stripped))
            return
        exact = whole_find(text, stripped)
        if exact >= 0:  # copied verbatim: the common case needs no folding
            self.spans[i] = (exact, exact + len(stripped))
            return
        folded = self.folded.get(sid)
        if folded is None:
            folded = self.folded[sid] = quotes.fold(text)
        span = quotes.locate(quote, text, folded)
        if span is not None and whole(text, *span):
            self.spans[i] = span
            return
        if span is not None or (quote.strip() and quote.strip() in text):
            self.error(
                ("claims", i, "quote"),
                f"quote {short(quote)!r} is found only inside a longer word or number of "
                f"source '{sid}'",
                "quote the whole sentence that states the figure",
                code="quote",
            )
            return
        file = self.doc.data["sources"][sid]["file"]
        message = f"quote not found in source '{sid}' ({file})"
        # the search for the closest passage costs quote x article: bounded, never minutes
        affordable = len(quote) * len(text) <= CLOSEST_PASSAGE_BUDGET
        closest = quotes.closest_passage(quote, text, folded) if affordable else None
        if closest is not None:
            message += (
                f"; closest passage (line {closest.line}, {closest.score:.0f}% similar): "
                f'"{closest.passage}"'
            )
        self.error(
            ("claims", i, "quote"),
            message,
            "copy the sentence from the article exactly",
            code="quote",
        )

    def _quote_numbers(self, at: Path_, claim: dict[str, Any], amounts: dict[str, Any]) -> None:
        """Each number of value/from/to must be among the numbers its quote states."""
        quote = str(claim["quote"])
        folded = None
        for key in ("value", "from", "to"):
            if amounts.get(key) is None:
                continue
            text = str(claim[key])
            if _verbatim(text, quote):
                continue
            if folded is None:
                folded = quote.lower()
            if not _verbatim(text.lower(), folded):
                break
        else:
            # copied from the quote as written (a sentence's capital aside): no need to read
            # the quote's numbers
            return
        from claimcheck.normalize.memo import amounts_in

        # a figure restated in brackets in another unit may be the one the value gives
        mentions = amounts_in(quote)
        stated = [n for m in mentions for n in (m.amount.low, m.amount.high)]
        for key in ("value", "from", "to"):
            amount = amounts.get(key)
            if amount is None:
                continue
            wanted = {amount.low, amount.high}
            if all(any(math.isclose(w, s, rel_tol=1e-9) for s in stated) for w in wanted):
                continue
            said = ", ".join(dict.fromkeys(m.amount.text for m in mentions))
            if not said:
                # "reduced troops to the same number": the value comes from context.
                self.warn(
                    (*at, key),
                    f"{key} {claim[key]} cannot be checked: its quote states no number",
                    "quote the sentence that states the figure, or note where it comes from",
                    code="value-quote",
                )
                continue
            says = f"the quote says {said}"
            self.error(
                (*at, key),
                f"{key} {claim[key]} is not in its quote ({says})",
                "fix the value or the quote",
                code="value-quote",
            )

    def _reviews(self, reviews: list[Any]) -> None:
        seen: dict[str, int] = {}
        for i, review in enumerate(reviews):
            if not isinstance(review, dict) or _is_under(("reviews", i), self.skip):
                continue
            fingerprint = review["fingerprint"]
            if fingerprint in seen:
                first = self.doc.at(("reviews", seen[fingerprint])).line
                self.error(
                    ("reviews", i, "fingerprint"),
                    f"duplicate review of finding {fingerprint} (first at line {first})",
                    "keep one verdict per finding",
                    code="duplicate-review",
                )
            else:
                seen[fingerprint] = i


_SPACE_OR_END = ("", " ", "\n")


def _between_spaces(text: str, quote: str) -> int:
    """Where ``quote`` first stands in ``text`` when that occurrence has a space or line
    end on both sides (it is then whole, and ``whole_find``'s answer), else -1 (ask it)."""
    at = text.find(quote) if quote else -1
    if at < 0 or (at > 0 and text[at - 1] not in " \n"):
        return -1
    end = at + len(quote)
    return at if text[end : end + 1] in _SPACE_OR_END else -1


CLOSEST_PASSAGE_BUDGET = 20_000_000
"""quote length x article length up to which a missing quote gets its closest passage."""

FIELD_LIMITS = {
    "quote": 5000, "subject": 500, "value": 200, "from": 200, "to": 200, "time": 200,
    "unit": 100, "said_by": 500, "note": 20000, "status_reason": 20000,
}  # fmt: skip
"""Characters per claim field; a news sentence is a few hundred."""


_NO_LIMIT = 1 << 62
_LEAST_LIMIT = min(FIELD_LIMITS.values())
_FIELD_ORDER = {key: i for i, key in enumerate(FIELD_LIMITS)}


def _unit_of(unit: str | None) -> str:
    from claimcheck.normalize.values import normalize_unit

    return normalize_unit(unit)


_UNLIMITED_ROOM = _LEAST_LIMIT
"""What the fields with a limit may hold together, quote aside, and surely be under
every limit (each is at least this)."""


def _short(claim: dict[str, Any], cid: str, sid: str) -> bool:
    """A claim's fields surely all under their limits, told by their total length (one
    C call): the quote under its own, the rest, less the unlimited id, source and kind,
    under the least limit. False only means "look field by field"."""
    quote = claim["quote"]
    try:
        total = sum(map(len, claim.values()))
    except TypeError:  # an empty field (None): looked at field by field
        return False
    rest = total - len(quote) - len(cid) - len(sid) - len(claim["kind"])
    return len(quote) <= FIELD_LIMITS["quote"] and rest <= _UNLIMITED_ROOM


def _all_text(item: Any) -> bool:
    """A mapping whose values are all text or empty (a claim, usually): it holds no
    number, so the finite-number walk need not enter it."""
    return type(item) is dict and _TEXT_OR_NONE.issuperset(map(type, item.values()))


_TEXT_OR_NONE = frozenset({str, type(None)})


@lru_cache(maxsize=1 << 16)
def _unreal_day(text: str) -> str | None:
    """The first YYYY-MM-DD in a time that is no real day; once per distinct time text."""
    for iso in _ISO_DAY.findall(text):
        if _real_date(iso) is None:
            return str(iso)
    return None


@lru_cache(maxsize=1 << 17)
def _plain_time(text: str) -> bool:
    """The time is one of the plain shapes read without the recognizer ("2021-01-15",
    "March 2021"), not a range and no unreal day: ``_time`` finds nothing to report
    for it, whatever its source's date; once per distinct text."""
    from claimcheck.claimsfile.refusals import range_ends
    from claimcheck.normalize.fastparse import MISS, fast_time

    return fast_time(text) is not MISS and range_ends(text) is None and _unreal_day(text) is None


@lru_cache(maxsize=1 << 16)
def _amount_reading(key: str, text: str, kind: str) -> Any:
    """A claim's value/from/to read as an Amount, or the (message, hint, code) of its
    error; once per distinct (field, text, kind): archives repeat their figures."""
    from claimcheck.normalize.fastparse import amount_of as parse_amount

    amount = parse_amount(text)
    unsigned = text.lstrip()[1:]
    if amount is None and text.lstrip()[:1] in ("-", "−") and parse_amount(unsigned):
        return (
            f"{key} {text!r} is negative; a {kind} cannot be",
            "write the amount as stated; a decrease is a change from X to Y",
            "number",
        )
    if amount is None:
        return (f"cannot read {key} {text!r} as an amount", VALUE_EXAMPLES, "value")
    if not (math.isfinite(amount.low) and math.isfinite(amount.high)):
        return (f"{key} {text!r} is not a finite number", None, "number")
    if kind in NON_NEGATIVE_KINDS and min(amount.low, amount.high) < 0:
        return (
            f"{key} {text!r} is negative; a {kind} cannot be",
            "a decrease is a claim of kind change",
            "number",
        )
    return amount


def _real_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
