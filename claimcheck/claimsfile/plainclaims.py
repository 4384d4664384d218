"""The meaning checks of a claims list in one loop, with the common claim read inline.

A big archive's claims are nearly all alike: every value text, no ``from``/``to``, a
plain id, a known source, an active status, fields far under their limits, a readable
value copied from its quote, a plain time. ``Semantics._claim`` checks such a claim
through a dozen calls (about a third of ``check`` at 100k claims); here it is told by a
few tests made in place, and anything else (an error to report, a field to look at
closely) goes to ``_claim`` itself, which reports exactly as before. The tests made
here have no effect of their own but the id's first index, which ``_claim`` records
alike, so handing a claim over at any point gives the same result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimcheck.claimsfile.semantics import (
    _SPACE_OR_END,
    _UNLIMITED_ROOM,
    FIELD_LIMITS,
    _all_text,
    _amount_reading,
    _is_under,
    _plain_time,
    _verbatim,
)

if TYPE_CHECKING:
    from claimcheck.claimsfile.semantics import Semantics

_QUOTE_LIMIT = FIELD_LIMITS["quote"]
_ONLY_TEXT = frozenset({str})


def check_claims(sem: Semantics, claims: list[Any], source_ids: list[str], apart: bool) -> None:
    """``Semantics._claim`` for every checkable claim, in order (``apart``: the claims
    list was left out of the file's finite-number walk, each claim is walked here)."""
    seen: dict[str, int] = {}
    skip = sem.skip
    sources = sem._source_set(source_ids)
    texts = sem.texts if sem.check_quotes else None
    spans, units, unit_of = sem.spans, sem.units, sem._unit_of
    claim_check, plain_types = sem._claim, _ONLY_TEXT.issuperset
    for i, claim in enumerate(claims):
        if (
            apart
            and not skip
            and type(claim) is dict
            and plain_types(map(type, claim.values()))
            and "from" not in claim
            and "to" not in claim
        ):
            get = claim.get
            cid, sid, kind, quote = claim["id"], claim["source"], claim["kind"], claim["quote"]
            status = get("status")
            if (
                cid.isascii()
                and cid.isprintable()
                and cid == cid.strip()
                and sid in sources
                and (not status or status == "active" or get("status_reason"))
                and len(quote) <= _QUOTE_LIMIT
                # every field but the quote, id, source and kind surely under its limit
                and sum(map(len, claim.values())) - len(quote) - len(cid) - len(sid) - len(kind)
                <= _UNLIMITED_ROOM
                and seen.setdefault(cid, i) == i
            ):
                raw = get("value")
                reading = None if not raw else _amount_reading("value", raw, kind)
                time = get("time")
                if (
                    type(reading) is not tuple  # an unreadable value: _claim says why
                    and not (kind == "change" and not raw)
                    and not (kind == "date" and not time)
                ):
                    if reading is not None:
                        units[i] = unit_of(get("unit") or reading.unit)
                    if time and not _plain_time(time):
                        sem._time(("claims", i), claim)
                    if texts is not None:
                        if sid in texts:
                            _quote(sem, i, claim, sid, texts[sid], quote, spans)
                        if reading is not None and not _verbatim(str(raw), quote):
                            sem._quote_numbers(("claims", i), claim, {"value": reading})
                    continue
            claim_check(i, claim, source_ids, seen, True)
            continue
        plain = False
        if apart and type(claim) is not str and claim is not None:
            plain = _all_text(claim)
            if not plain:
                sem._finite_numbers(claim, ("claims", i))
        # no schema error anywhere (a big valid file): no per-claim path walk
        if isinstance(claim, dict) and (not skip or not _is_under(("claims", i), skip)):
            claim_check(i, claim, source_ids, seen, plain)


def _quote(
    sem: Semantics,
    i: int,
    claim: dict[str, Any],
    sid: str,
    text: str,
    quote: str,
    spans: dict[int, tuple[int, int]],
) -> None:
    """``Semantics._quote``, its common case (the quote stands between spaces) in place."""
    stripped = quote.strip()
    at = text.find(stripped) if stripped else -1
    if at >= 0 and (at == 0 or text[at - 1] in " \n"):
        end = at + len(stripped)
        if text[end : end + 1] in _SPACE_OR_END:
            spans[i] = (at, end)
            return
    sem._quote(i, claim, sid)
