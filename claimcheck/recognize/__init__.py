"""Recognizers shared by extraction and the claims-file loader: amounts and times.

The names below load their module on first use (PEP 562): importing a light submodule
(``lazyre``, ``lexicon``) must not pull in the date and number recognizers, which a
``check`` of plain claims never needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "AmountMention": "numbers",
    "find_amounts": "numbers",
    "parse_amount": "numbers",
    "TimeMention": "dates",
    "find_times": "dates",
    "parse_time": "dates",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
