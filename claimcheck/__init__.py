"""claimcheck: cross-check numeric and temporal claims in news articles."""

__version__ = "0.1.0"
