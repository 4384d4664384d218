"""The built-in sha256/sha1 give hashlib's digests (claim ids and index names unchanged)."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from claimcheck import _smallhash


@given(st.binary(max_size=300), st.binary(max_size=300))
def test_digests_are_hashlibs(first: bytes, more: bytes) -> None:
    for name in ("sha256", "sha1"):
        ours, theirs = getattr(_smallhash, name)(first), getattr(hashlib, name)(first)
        ours.update(more)
        theirs.update(more)
        assert ours.hexdigest() == theirs.hexdigest()
        assert ours.digest() == theirs.digest()
    assert _smallhash.sha256().hexdigest() == hashlib.sha256().hexdigest()
