"""A valid claims file is read in one YAML pass; refused ones get scan_events' words."""

from __future__ import annotations

import importlib

import pytest

from claimcheck.claimsfile.yamlnodes import MAX_DEPTH, scan_events
from claimcheck.errors import InputError

loading = importlib.import_module("claimcheck.claimsfile.load")  # the package's load() hides it

VALID = """\
version: 1
sources:
  gazette: {file: gazette.txt}
claims:
  - id: q1
    source: gazette
    subject: voters in Lakeshire
    kind: count
    value: 48,000
    time: 2019
    quote: "48,000 voters turned out."
"""

REFUSED = [
    VALID.replace("version: 1", "version: &v 1"),
    VALID + "extra: *v\n",
    VALID.replace("value: 48,000", "value: !!str 48,000"),
    VALID + "---\nversion: 1\n",
    "version: 1\nnested: " + "[" * (MAX_DEPTH + 3) + "]" * (MAX_DEPTH + 3) + "\n",
    VALID.replace("kind: count", "kind: [count"),  # a syntax error
]


def test_a_valid_file_is_never_scanned_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("second pass over a valid file")

    monkeypatch.setattr(loading, "scan_events", fail)
    doc = loading.parse_document(VALID, "poll.yaml")
    assert doc.data["claims"][0]["value"] == "48,000"
    assert doc.data["claims"][0]["time"] == "2019"


@pytest.mark.parametrize("text", REFUSED)
def test_refused_files_say_what_scan_events_says(text: str) -> None:
    with pytest.raises(InputError) as caught:
        loading.parse_document(text, "poll.yaml")
    expected = scan_events(text, "poll.yaml")
    assert expected
    assert [p.format() for p in caught.value.problems] == [p.format() for p in expected]
