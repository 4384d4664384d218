"""merge_into appends without disturbing the file, atomically and under a lock."""

from __future__ import annotations

import difflib
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest

from claimcheck.claimsfile.load import load
from claimcheck.claimsfile.write import atomic_write_text, merge_into
from claimcheck.model import Claim, Source

BROKEN = Path(__file__).parent.parent / "data" / "broken"
ARTICLE = "Rescuers said 14 people were injured and at least 3 died in the fire on Tuesday.\n"

HAND_WRITTEN = """\
# yaml-language-server: $schema=./claims.schema.json
# Hand-curated: keep these comments.
version: 1

sources:
  herald:   # the morning paper
    file: article.txt
    published: 2023-05-14

claims:
  # --- crowd sizes
  - id: herald-crowd-officials
    source: herald
    subject: marchers in Lisbon
    kind: count
    value: about 12,000   # officials' figure
    unit: people
    time: on Saturday
    quote: "City officials said about 12,000 people marched on Saturday, \
while organisers put the crowd at more than 30,000."
    said_by: 'City officials'
"""


def new_source() -> Source:
    return Source(
        id="gazette", path="fire.txt", publisher="The Gazette", published=date(2023, 6, 1)
    )


def new_claim(n: int = 14, cid: str = "gazette-injured") -> Claim:
    return Claim(
        id=cid,
        source="gazette",
        subject="people injured in the fire",
        kind="count",
        value=str(n),
        unit="people",
        time="on Tuesday",
        quote="Rescuers said 14 people were injured and at least 3 died in the fire on Tuesday.",
        said_by="Rescuers",
        span=(0, 81),
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    shutil.copy(BROKEN / "article.txt", tmp_path / "article.txt")
    (tmp_path / "fire.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_existing_bytes_kept_and_new_entries_appended(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    result = merge_into(path, [new_source()], [new_claim()])
    assert result.added_sources == ("gazette",) and result.added_claims == ("gazette-injured",)
    text = path.read_text(encoding="utf-8")
    claims_at = HAND_WRITTEN.index("claims:")
    # everything before the appended source, and the whole claims list, is untouched
    assert text.startswith(HAND_WRITTEN[: HAND_WRITTEN.index("\nclaims:")].rstrip("\n"))
    assert HAND_WRITTEN[claims_at:] in text
    assert "  gazette:\n    file: fire.txt\n    publisher: The Gazette\n" in text
    assert "    span: [0, 81]\n" in text
    cf = load(path)
    assert [c.id for c in cf.claims] == ["herald-crowd-officials", "gazette-injured"]
    assert cf.claims[1].value == "14" and cf.claims[1].source == "gazette"


def test_merge_is_idempotent_byte_for_byte(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    merge_into(path, [new_source()], [new_claim()])
    first = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    again = merge_into(path, [new_source()], [new_claim()])
    assert not again.changed and again.skipped_claims == ("gazette-injured",)
    assert path.read_bytes() == first
    assert path.stat().st_mtime_ns == mtime  # not even rewritten


def test_trailing_comments_stay_below_appended_entries(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    original = HAND_WRITTEN + "\n# reviews follow\nreviews: []\n"
    path.write_text(original, encoding="utf-8")
    merge_into(path, [new_source()], [new_claim()])
    text = path.read_text(encoding="utf-8")
    assert "    published: 2023-06-01\n\nclaims:\n  # --- crowd sizes\n" in text
    assert text.endswith("    span: [0, 81]\n\n# reviews follow\nreviews: []\n")
    assert "    published: 2023-05-14\n  gazette:\n" in text


def test_curated_file_only_gains_lines(tmp_path: Path) -> None:
    curated = Path(__file__).parent.parent.parent / "claims.yaml"
    if not curated.exists():
        pytest.skip("no curated claims.yaml")
    path = tmp_path / "claims.yaml"
    shutil.copy(curated, path)
    merge_into(path, [Source(id="extra", path="extra.txt")], [new_claim(cid="extra-1")])
    before = curated.read_text(encoding="utf-8").splitlines()
    after = path.read_text(encoding="utf-8").splitlines()

    changes = [d for d in difflib.ndiff(before, after) if d[:1] in "+-"]
    assert not [d for d in changes if d.startswith("-")]
    assert len([d for d in changes if d.strip("+ ")]) == 12  # 2 source lines, 10 claim lines


def test_nothing_new_leaves_file_untouched(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    herald = Source(id="other-id", path="article.txt")
    result = merge_into(path, [herald], [])
    assert not result.changed
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_same_file_under_another_id_reuses_existing_source(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    claim = Claim(
        id="x-organisers",
        source="x",
        subject="marchers in Lisbon",
        kind="count",
        value="more than 30,000",
        unit="people",
        quote="organisers put the crowd at more than 30,000.",
    )
    merge_into(path, [Source(id="x", path="article.txt")], [claim])
    cf = load(path)
    assert [s.id for s in cf.sources] == ["herald"]
    assert cf.claims[-1].source == "herald"


def test_create_new_file_with_modeline(workdir: Path) -> None:
    path = workdir / "new.yaml"
    result = merge_into(path, [new_source()], [new_claim()], schema_ref="./schema.json")
    assert result.created
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./schema.json\nversion: 1\nsources:\n")
    assert [c.id for c in load(path).claims] == ["gazette-injured"]


def test_file_mode_preserved(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    path.chmod(0o640)
    merge_into(path, [new_source()], [new_claim()])
    assert path.stat().st_mode & 0o777 == 0o640


def test_crlf_file_stays_crlf(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_bytes(HAND_WRITTEN.replace("\n", "\r\n").encode())
    merge_into(path, [new_source()], [new_claim()])
    data = path.read_bytes()
    assert data.startswith(HAND_WRITTEN.replace("\n", "\r\n").encode()[:150])
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_atomic_write_text(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    atomic_write_text(path, "one\n")
    atomic_write_text(path, "two\n")
    assert path.read_text(encoding="utf-8") == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


MERGER = textwrap.dedent(
    """
    import sys
    from claimcheck.claimsfile.write import merge_into
    from claimcheck.model import Claim, Source
    path, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for n in range(first, first + count):
        claim = Claim(id=f"c{n}", source="gazette", subject="people injured", kind="count",
                      value="14", unit="people", quote="Rescuers said 14 people were injured")
        merge_into(path, [Source(id="gazette", path="fire.txt")], [claim])
    """
)


def _merger(path: Path, first: int, count: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", MERGER, str(path), str(first), str(count)])


@pytest.mark.slow
def test_sigkill_leaves_old_or_new_file(workdir: Path) -> None:
    """Kill a merging process at random moments: the file is always whole and parseable."""
    path = workdir / "claims.yaml"
    rng = random.Random(7)
    for _ in range(20):
        path.write_text(HAND_WRITTEN, encoding="utf-8")
        proc = _merger(path, 0, 40)
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        data = path.read_bytes().decode("utf-8")
        cf = load(path, check_quotes=False)  # parses, validates
        ids = [c.id for c in cf.claims]
        n = len(ids) - 1
        assert ids == ["herald-crowd-officials"] + [f"c{i}" for i in range(n)]
        assert data.startswith(HAND_WRITTEN[:100])


@pytest.mark.slow
def test_concurrent_merges_lose_nothing(workdir: Path) -> None:
    path = workdir / "claims.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    procs = [_merger(path, 0, 15), _merger(path, 100, 15), _merger(path, 200, 15)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    ids = {c.id for c in load(path, check_quotes=False).claims}
    wanted = {f"c{i}" for start in (0, 100, 200) for i in range(start, start + 15)}
    assert wanted <= ids and len(ids) == 46
    assert not [p for p in os.listdir(workdir) if p.endswith(".tmp")]
