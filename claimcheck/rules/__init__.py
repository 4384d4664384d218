"""Comparison rules, yamllint-style: one module per rule, each with ``ID`` and ``check``.

``check(group, settings) -> Iterator[RawFinding]`` sees one group of claims
(same subject key, kind family and unit) at a time; the engine stamps
severity, fingerprint and reviews. deadline-crossed is deliberately absent: a
level after a deadline that misses the target shows a plan that failed, not a
false claim, and two targets for one deadline are already value-conflict.
"""

from __future__ import annotations

from types import ModuleType

from claimcheck.rules import movement_endpoints, value_conflict, window_conflict
from claimcheck.rules._common import RawFinding

REGISTRY: dict[str, ModuleType] = {
    m.ID: m for m in (value_conflict, movement_endpoints, window_conflict)
}

__all__ = ["REGISTRY", "RawFinding"]
