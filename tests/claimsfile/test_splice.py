"""A merge inserts lines and changes no byte of what was there (issue 12)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from claimcheck.claimsfile.write import merge_into
from claimcheck.model import Claim, Source

NEW_SOURCE = Source("gazette", "gazette.txt", "Hill Gazette", None, None)
NEW_CLAIM = Claim(
    id="gazette-burned",
    source="gazette",
    subject="homes burned in Carrow",
    kind="count",
    value="310",
    unit="homes",
    quote="Crews said 310 homes burned in Carrow.",
    span=(0, 38),
)

LAYOUTS = {
    "indented": (
        "version: 1\nsources:\n  post:\n    file: post.txt  # kept\n"
        "claims:\n  - id: post-burned\n    source: post\n    subject: homes burned in Carrow\n"
        "    kind: count\n    value: +290\n    quote: Some 290 homes burned.\n"
        "\n# trailing comment\nsettings:\n  tolerance: .NaN\n"
    ),
    "flush": (
        "version: 1\nsources:\n    post:\n        file: post.txt\n"
        "claims:\n-   id: post-burned\n    source: post\n    subject: homes burned in Carrow\n"
        "    kind: count\n    value: 0x1F\n    quote: 'Some 290 homes burned.'\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_merge_only_inserts_lines(tmp_path: Path, layout: str, newline: str) -> None:
    before = LAYOUTS[layout].replace("\n", newline)
    path = tmp_path / "claims.yaml"
    path.write_bytes(before.encode("utf-8"))
    merge_into(path, [NEW_SOURCE], [NEW_CLAIM])
    after = path.read_bytes().decode("utf-8")
    ops = difflib.SequenceMatcher(
        a=before.splitlines(keepends=True), b=after.splitlines(keepends=True)
    ).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}
    assert after.count("\r\n") == after.count("\n") if newline == "\r\n" else "\r" not in after
    data = yaml.safe_load(after)
    assert [c["id"] for c in data["claims"]] == ["post-burned", "gazette-burned"]
    assert set(data["sources"]) == {"post", "gazette"}


def test_flow_style_collections_fall_back_to_the_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\nsources: {}\nclaims: []\n", encoding="utf-8")
    merge_into(path, [NEW_SOURCE], [NEW_CLAIM])
    data = yaml.safe_load(path.read_text("utf-8"))
    assert [c["id"] for c in data["claims"]] == ["gazette-burned"]


@pytest.mark.parametrize("with_reviews", [False, True])
def test_a_new_review_only_inserts_lines(tmp_path: Path, with_reviews: bool) -> None:
    from claimcheck.claimsfile.write import write_review

    before = LAYOUTS["flush"]
    if with_reviews:
        before += "reviews:\n-   fingerprint: 0123456789ab\n    verdict: dismissed\n"
    path = tmp_path / "claims.yaml"
    path.write_text(before, encoding="utf-8")
    assert write_review(path, "a1b2c3d4e5f6", "accepted", "two counts at different hours")
    after = path.read_text("utf-8")
    ops = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines()).get_opcodes()
    assert {op for op, *_ in ops} == {"equal", "insert"}
    reviews = yaml.safe_load(after)["reviews"]
    assert reviews[-1] == {
        "fingerprint": "a1b2c3d4e5f6",
        "verdict": "accepted",
        "note": "two counts at different hours",
    }
    assert "-   fingerprint: a1b2c3d4e5f6" in after
