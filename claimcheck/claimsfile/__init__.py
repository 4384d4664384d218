"""claims.yaml <-> ClaimsFile: load and validate with located problems; merge new claims.

``load`` is the function (``from claimcheck.claimsfile import load`` works): it is bound
here after its module is imported, so the submodule no longer shadows it. The writer
(``claimcheck.claimsfile.write``, ruamel.yaml) is never imported here, so ``check`` does
not pay for it.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck import __version__
from claimcheck.claimsfile.load import load
from claimcheck.errors import InputError
from claimcheck.model import ClaimsFile, Location, Problem

SCHEMA_FILE = "claims.schema.json"
"""The schema's file name: shipped in this package, and what ``claimcheck schema -o``
writes next to a claims file for the yaml-language-server modeline to find."""

SCHEMA_URL = (
    "https://raw.githubusercontent.com/claimcheck/claimcheck/"
    f"v{__version__}/claimcheck/claimsfile/{SCHEMA_FILE}"
)
"""Where the modeline points when no schema file sits next to the claims file: the
published schema of this release (the one place this address is written)."""

STDIN = "<stdin>"


def load_text(
    data: bytes, *, base: Path, display: str = STDIN, allow_outside: bool = False
) -> ClaimsFile:
    """A claims file given as bytes (``claimcheck check -``); source files resolve from
    ``base``. The same checks as ``load``, every problem located in ``display``."""
    from claimcheck.claimsfile.load import MAX_CLAIMS_FILE_BYTES, checked
    from claimcheck.sources import decode_bytes

    if len(data) > MAX_CLAIMS_FILE_BYTES:
        limit = MAX_CLAIMS_FILE_BYTES // (1024 * 1024)
        raise InputError(
            [Problem(Location(display), "error", f"refused: larger than {limit:,} MB", "too-large")]
        )
    text = decode_bytes(data, display=display, what="claims file")
    return checked(text, display, base, allow_outside=allow_outside)


__all__ = ["SCHEMA_FILE", "SCHEMA_URL", "STDIN", "load", "load_text"]
