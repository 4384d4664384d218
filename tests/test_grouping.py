from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from claimcheck.grouping import group
from claimcheck.normalize import normalize

_spec = importlib.util.spec_from_file_location(
    "rule_helpers", Path(__file__).parent / "rules" / "helpers.py"
)
assert _spec and _spec.loader
h = importlib.util.module_from_spec(_spec)
sys.modules["rule_helpers"] = h
_spec.loader.exec_module(h)


def test_blocks_by_subject_family_unit_and_skips_inactive() -> None:
    cf = h.cfile([h.source("a", "2021-01-01")], [
        h.claim("1", "a", "US troops in Iraq", "level", "5", "soldiers", "2020"),
        h.claim("2", "a", "American forces in Iraq", "level", "6", "troops", "2020"),
        h.claim("3", "a", "US troops in Iraq", "target", "4", "troops", "by 2021"),
        h.claim("4", "a", "US troops in Iraq", "change", None, "troops", "2020",
                from_value="6", to_value="4"),
        h.claim("5", "a", "US withdrawal from Iraq", "duration", "3", "years"),
        h.claim("6", "a", "US withdrawal from Iraq", "date", None, "", "2021"),
        h.claim("7", "a", "US troops in Iraq", "level", "9", "troops", "2020",
                status="deprecated", status_reason="typo"),
    ])
    groups = group(normalize(cf))
    summary = [(g.subject, g.family, g.unit, [m.claim.id for m in g.members]) for g in groups]
    assert summary == [
        ("us troops|iraq", "level", "troops", ["1", "2"]),
        ("us troops|iraq", "movement", "troops", ["4", "3"]),
        ("us withdrawal|iraq", "window", "", ["5", "6"]),
    ]
    assert groups[0].label == "American forces in Iraq" or groups[0].label == "US troops in Iraq"
