"""Whatever bytes a claims file holds, load returns a ClaimsFile or raises InputError."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile.load import load
from claimcheck.errors import InputError
from claimcheck.model import ClaimsFile

BROKEN = Path(__file__).parent.parent / "data" / "broken"
VALID = (BROKEN / "valid.yaml").read_bytes()
LINES = VALID.split(b"\n")

byte_edit = st.tuples(
    st.integers(0, len(VALID) - 1),
    st.sampled_from(
        [
            b"",
            b"\t",
            b":",
            b"-",
            b'"',
            b"'",
            b"&a ",
            b"*a",
            b"!!",
            b"\x00",
            b"\xff",
            b"[",
            b"{",
            b"#",
            b"\n",
            b" ",
            b"1e309",
            b".nan",
            b"2021-02-30",
            b"---\n",
        ]
    ),
    st.integers(0, 3),
)
line_edit = st.tuples(
    st.sampled_from(["drop", "dup", "swap", "indent", "dedent"]),
    st.integers(0, len(LINES) - 1),
)


def mutate(byte_edits: list[tuple[int, bytes, int]], line_edits: list[tuple[str, int]]) -> bytes:
    lines = list(LINES)
    for op, i in line_edits:
        i %= len(lines) or 1
        if not lines:
            break
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "indent":
            lines[i] = b"  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:]
    data = b"\n".join(lines)
    for at, insert, remove in byte_edits:
        at %= len(data) + 1
        data = data[:at] + insert + data[at + remove :]
    return data


@settings(
    max_examples=300 * int(os.environ.get("CLAIMCHECK_FUZZ_SCALE", "1")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(byte_edit, max_size=4), st.lists(line_edit, max_size=3))
def test_load_never_crashes(
    tmp_path: Path, byte_edits: list[tuple[int, bytes, int]], line_edits: list[tuple[str, int]]
) -> None:
    if not (tmp_path / "article.txt").exists():
        shutil.copy(BROKEN / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "claims.yaml"
    path.write_bytes(mutate(byte_edits, line_edits))
    try:
        result = load(path)
    except InputError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.location.line >= 1 and problem.location.col >= 1
            assert problem.message
    else:
        assert isinstance(result, ClaimsFile)
