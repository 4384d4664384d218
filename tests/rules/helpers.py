"""Build claims files in memory for rule tests (no YAML involved)."""

from __future__ import annotations

from datetime import date
from typing import Any

from claimcheck.model import Claim, ClaimsFile, Review, Source


def source(sid: str, published: str, publisher: str | None = None) -> Source:
    return Source(id=sid, path=f"{sid}.txt", publisher=publisher or sid,
                  published=date.fromisoformat(published))


def claim(cid: str, src: str, subject: str, kind: str, value: str | None, unit: str,
          time: str | None = None, **kw: Any) -> Claim:
    return Claim(id=cid, source=src, subject=subject, kind=kind, value=value,  # type: ignore[arg-type]
                 unit=unit, quote=kw.pop("quote", f"quote of {cid}"), time=time, **kw)


def cfile(sources: list[Source], claims: list[Claim], reviews: tuple[Review, ...] = (),
          aliases: tuple[tuple[str, ...], ...] = ()) -> ClaimsFile:
    return ClaimsFile(path="claims.yaml", version=1, sources=tuple(sources), claims=tuple(claims),
                      aliases=aliases, reviews=reviews)
