"""The places index as stored: two strings and their offsets, looked up where they lie.

Loading the index as Python dicts and tuples (52,000 names, 39,000 places) made ~100,000
objects on every run, about 25 ms, the largest part of extracting one article. Packed,
the stored file loads as four objects in a millisecond or two: the names sit in hash
buckets of one string (a name's bucket is its CRC-32, which every process computes
alike), the places' rows back to back in another, each with an array of offsets; the
few thousand lookups an article makes are answered from a bucket of a handful of names
and remembered. Both are stored as UTF-8 bytes, found in as bytes and decoded per row:
unmarshalling them as ``str`` decoded all 2 MB of them on every run (~4 ms).
"""

from __future__ import annotations

import zlib
from array import array
from typing import Any

__all__ = ["BUCKETS", "PackedNames", "PackedRows", "Span", "pack_names", "pack_rows"]

BUCKETS = 1 << 15
"""Name buckets (about 1.6 names each for today's gazetteer)."""
_REC = "\x1e"
_UNIT = "\x1f"
_REC_B = b"\x1e"
_UNIT_B = b"\x1f"
_UNSEEN: tuple[int, ...] = (-1,)
"""The memo's "not asked yet" (no name has a negative row)."""
_MEMO_CAP = 1 << 17
"""Distinct keys remembered before the memo starts afresh (a bound, never reached by news)."""


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _bucket(key: bytes) -> int:
    return zlib.crc32(key) & (BUCKETS - 1)


def _offsets(chunks: list[bytes]) -> bytes:
    out = array("I", [0])
    at = 0
    for chunk in chunks:
        at += len(chunk)
        out.append(at)
    return out.tobytes()


def pack_names(names: dict[str, int | tuple[int, ...]]) -> tuple[bytes, bytes]:
    """Each name and its places' row numbers, in the bucket of its hash: ``(blob, offsets)``."""
    buckets: list[list[str]] = [[] for _ in range(BUCKETS)]
    for key in sorted(names):
        if _REC in key or _UNIT in key:
            raise ValueError(f"place name holds a separator: {key!r}")
        hit = names[key]
        rows = str(hit) if isinstance(hit, int) else ",".join(str(i) for i in hit)
        buckets[_bucket(_utf8(key))].append(f"{_REC}{key}{_UNIT}{rows}")
    chunks = [_utf8("".join(b)) for b in buckets]
    return b"".join(chunks), _offsets(chunks)


def pack_rows(rows: list[str]) -> tuple[bytes, bytes]:
    """The rows back to back: ``(blob, offsets)``; row ``i`` lies between offsets i and i+1."""
    chunks = [_utf8(row) for row in rows]
    return b"".join(chunks), _offsets(chunks)


class Span:
    """``size`` bytes at ``start`` of a larger buffer (the mapped index file), sliced as
    ``bytes`` are: only the pages a lookup touches are ever read."""

    __slots__ = ("buf", "size", "start")

    def __init__(self, buf: Any, start: int, size: int) -> None:
        if start < 0 or size < 0 or start + size > len(buf):
            raise ValueError("span outside its buffer")
        self.buf, self.start, self.size = buf, start, size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, where: slice) -> bytes:
        data: bytes = self.buf[self.start + where.start : self.start + where.stop]
        return data


class PackedNames:
    """``get(name)``: the row numbers of the places so named, or None; as the dict it was."""

    def __init__(self, blob: bytes | Span, offsets: bytes) -> None:
        self.blob = blob
        self.offsets = memoryview(offsets).cast("I")
        if len(self.offsets) != BUCKETS + 1 or self.offsets[-1] != len(blob):
            raise ValueError("packed names do not match their offsets")
        self.memo: dict[str, tuple[int, ...] | None] = {}

    def get(self, key: str) -> tuple[int, ...] | None:
        found = self.memo.get(key, _UNSEEN)
        if found is not _UNSEEN:
            return found
        found = None
        if _REC not in key and _UNIT not in key:
            # UTF-8 never puts the ASCII separators inside a character: finding the
            # encoded name between them finds exactly the names the text search found
            encoded = _utf8(key)
            h = _bucket(encoded)
            chunk = self.blob[self.offsets[h] : self.offsets[h + 1]]
            i = chunk.find(_REC_B + encoded + _UNIT_B)
            if i >= 0:
                start = i + len(encoded) + 2
                end = chunk.find(_REC_B, start)
                rows = chunk[start:] if end < 0 else chunk[start:end]
                found = tuple(int(n) for n in rows.split(b","))
        if len(self.memo) >= _MEMO_CAP:
            self.memo.clear()
        self.memo[key] = found
        return found

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


class PackedRows:
    """``row(i)``: the i-th row as it was stored."""

    def __init__(self, blob: bytes | Span, offsets: bytes) -> None:
        self.blob = blob
        self.offsets = memoryview(offsets).cast("I")
        if len(self.offsets) < 1 or self.offsets[-1] != len(blob):
            raise ValueError("packed rows do not match their offsets")

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row(self, i: int) -> str:
        if not 0 <= i < len(self.offsets) - 1:
            raise IndexError(i)
        return self.blob[self.offsets[i] : self.offsets[i + 1]].decode("utf-8", "surrogatepass")
