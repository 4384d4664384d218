"""claims.yaml <-> ClaimsFile: load and validate with located problems; merge new claims."""

from claimcheck.claimsfile.load import load
from claimcheck.claimsfile.write import MergeResult, atomic_write_text, merge_into

__all__ = ["MergeResult", "atomic_write_text", "load", "merge_into"]
