"""Fuzz the whole pipeline with mutations of the real, shipped claims file.

Every mutated file must either load and go through the engine and every renderer,
or be refused with an InputError whose problems are located; nothing else may
escape. CI runs a fixed budget; ``CLAIMCHECK_FUZZ_SCALE=50 pytest
tests/test_fuzz_pipeline.py tests/claimsfile/test_fuzz.py`` is the longer run
(see docs/testing.md). Every failure found becomes a regression case in
``REGRESSIONS`` below.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import engine
from claimcheck.claimsfile.load import load
from claimcheck.errors import InputError
from claimcheck.render.github import render_github
from claimcheck.render.html import render_html
from claimcheck.render.json import render_json
from claimcheck.render.markdown import render_markdown
from claimcheck.render.sarif import render_sarif
from claimcheck.render.text import render_check

REPO = Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("CLAIMCHECK_FUZZ_SCALE", "1"))
REAL = (REPO / "claims.yaml").read_bytes()
LINES = REAL.split(b"\n")

# Inputs that once broke something (none so far); kept so they stay fixed.
REGRESSIONS: list[bytes] = [
    REAL.replace(b"value: 5,200", b"value: 1e309", 1),
    REAL.replace(b"value: 5,200", b"value: .nan", 1),
    REAL.replace(b"published: 2020-08-29", b"published: 2021-02-30", 1),
    REAL.replace(b"time: current", b"time: [1, 2]", 1),
    REAL.replace(b"claims:", b"claims: {}", 1),
]

FRAGMENTS = [
    b"", b"\t", b"- ", b": ", b"'", b'"', b"&a ", b"*a", b"!!python/object:os.system ",
    b"{", b"}", b"[", b"\x00", b"\xff", b"\r\n", b"null", b"~", b"-1", b"1e309", b".nan",
    b"2021-02-30", b"id: x", b"kind: level", b"value: about", b"time: by", b"#",
]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(REPO / "seeds", d / "seeds")
    return d


def _exercise(path: Path) -> None:
    try:
        cf = load(path)
    except InputError as exc:
        assert exc.problems
        assert all(p.location.line >= 1 and p.location.col >= 1 for p in exc.problems)
        return
    report = engine.run(cf)
    for render in (render_markdown, render_html, render_sarif, render_github, render_check):
        assert isinstance(render(report), str)
    render_json(report, command="check")


@pytest.mark.parametrize("data", REGRESSIONS)
def test_regressions(workdir: Path, data: bytes) -> None:
    path = workdir / "claims.yaml"
    path.write_bytes(data)
    _exercise(path)


edit = st.tuples(
    st.integers(min_value=0, max_value=len(LINES) - 1),
    st.integers(min_value=0, max_value=120),
    st.sampled_from(FRAGMENTS) | st.binary(max_size=6),
    st.integers(min_value=0, max_value=8),
)


@settings(
    max_examples=400 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(edit, min_size=1, max_size=4))
def test_mutated_real_file_never_crashes(
    workdir: Path, edits: list[tuple[int, int, bytes, int]]
) -> None:
    lines = list(LINES)
    for line, col, insert, remove in edits:
        text = lines[line]
        col = min(col, len(text))
        lines[line] = text[:col] + insert + text[col + remove :]
    path = workdir / "claims.yaml"
    path.write_bytes(b"\n".join(lines))
    _exercise(path)
