"""What `extract --into` writes, `check` reads: on generated and mutated news articles.

One claim the loader refuses stops a whole report, so every file extraction writes
must load with no input error, whatever figures, hedges, units and times the
articles hold.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.claimsfile.load import load
from claimcheck.cli import cli

SCALE = int(os.environ.get("CLAIMCHECK_FUZZ_SCALE", "1"))

HEDGES = ["", "about ", "at least ", "more than ", "nearly ", "some ", "up to ", "over ",
          "an estimated ", "fewer than ", "almost "]  # fmt: skip
FIGURES = ["12", "1,250", "3.5 million", "two dozen", "dozens", "hundreds", "thousands",
           "thirty-five hundred", "half a million", "15+", "40-45", "14 500", "100m",
           "2.3bn", "One hundred and forty-two", "scores", "a handful of", "several", "0",
           "1e9"]  # fmt: skip
NOUNS = ["people were killed", "people were injured", "people are missing",
         "residents were evacuated", "miners are trapped", "houses were damaged",
         "protesters gathered", "doses were given", "metres of mud remain",
         "families fled", "percent of voters turned out", "km of road were flooded",
         "days of rain fell", "children were rescued"]  # fmt: skip
TIMES = ["", " on Monday", " on 3 March", " since Friday", " by the end of June", " last week",
         " in 2019", " overnight", " as of Tuesday evening"]  # fmt: skip
FRAMES = ["{h}{f} {n}{t}, officials said.", "Police said {h}{f} {n}{t}.",
          "{h}{f} {n} in the town of Ruritania{t}.", "The toll rose to {h}{f}{t}.",
          "{F}{t}: {h}{f} {n}"]  # fmt: skip
MUTATIONS = ["", "\x00", "\u202e", "\t", "  ", "(", ")", "\u2013", "%", "$", "—", "\n", "’s"]

sentence = st.builds(
    lambda frame, h, f, n, t: frame.format(h=h, f=f, n=n, t=t, F=f.upper()),
    st.sampled_from(FRAMES), st.sampled_from(HEDGES), st.sampled_from(FIGURES),
    st.sampled_from(NOUNS), st.sampled_from(TIMES),
)  # fmt: skip


@st.composite
def article(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["Date: 2023-05-04\n", "By Ana Ruiz May 4, 2023\n", ""]))
    body = draw(st.lists(sentence, min_size=1, max_size=6))
    text = head + "\n".join(body) + "\n"
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(MUTATIONS)) + text[at:]
    return text


@settings(
    max_examples=25 * SCALE,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=st.lists(article(), min_size=1, max_size=3))
def test_every_file_extract_writes_loads_without_input_errors(
    tmp_path: Path, texts: list[str]
) -> None:
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    (work / "news").mkdir()
    for i, text in enumerate(texts):
        (work / "news" / f"a{i}.txt").write_text(text, encoding="utf-8")
    claims = work / "claims.yaml"
    runner = CliRunner()
    result = runner.invoke(
        cli, ["extract", "--no-cache", str(work / "news"), "--into", str(claims)]
    )
    assert result.exit_code in (0, 1), result.output
    if claims.exists():
        cf = load(str(claims))  # raises InputError, failing the test, on any input error
        assert all(c.time_source in (None, "stated", "publication", "event") for c in cf.claims)
