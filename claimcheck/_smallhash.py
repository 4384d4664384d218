"""``hashlib.sha256`` and ``hashlib.sha1`` for short inputs, from CPython's built-in
implementations.

Loading OpenSSL's ``_hashlib`` costs ~2.5 ms of a one-article ``extract``, more than the
few short hashes it makes there (the places index's file name, claim ids). The built-in
modules give the same digests; long texts (cache keys over whole articles) keep
``hashlib``, whose OpenSSL is several times faster per byte. Used as ``from claimcheck
import _smallhash as hashlib``, so calls read as before.
"""

from __future__ import annotations

try:  # CPython 3.11 and before
    from _sha256 import sha256
except ImportError:  # pragma: no cover - 3.12+ names it _sha2; elsewhere, hashlib's
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

try:
    from _sha1 import sha1
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import sha1

__all__ = ["sha1", "sha256"]
