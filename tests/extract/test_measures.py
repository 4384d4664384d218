"""The fast cue scan (lowered ASCII text) finds exactly what the case-blind pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract.measures import _CUES, _TABLE, MEASURES, Cue, _all_cues, cues

_WORDS = [
    "Killed", "dead", "DEATH  toll", "toll", "crushed to death", "lost their lives", "injured",
    "wounded", "missing", "unaccounted for", "still in hospital", "in a critical condition",
    "rushed to hospital", "in hospital", "trapped", "buried alive", "rescued", "pulled out alive",
    "evacuated", "evacuation centres", "displaced", "fled", "in need of", "needs food aid",
    "arrested", "held in custody", "permitted", "crowds", "came to see", "turned out",
    "fully vaccinated", "double-jabbed", "had received their second doses", "has had",
    "population", "home to", "storm", "flood", "the", "voters", "Quake", "wildfire", "strike",
    "-", "--", ",", ".", "'", "9", "x",
]  # fmt: skip


def _reference(text: str) -> tuple[Cue, ...]:
    out = []
    for m in _CUES.finditer(text):
        name = _TABLE[int(str(m.lastgroup)[1:])][0]
        out.append(Cue(MEASURES[name], m.start(), m.end(), m.group(0)))
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "", "-", "\n", ", "]))))
def test_fast_scan_same_as_case_blind_pattern(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in parts)
    assert _all_cues.__wrapped__(text) == _reference(text)


@given(st.text(alphabet="adehiklnorstuvwxyz -'DKHT\u017f\u212a", max_size=60))
def test_any_letters_same_as_case_blind_pattern(text: str) -> None:
    assert _all_cues.__wrapped__(text) == _reference(text)


def test_measure_is_the_first_alternative_and_text_keeps_its_case() -> None:
    found = cues("Floods KILLED 12 and left 300 Homeless; 40 were rushed to hospital.")
    assert [(c.measure.name, c.text) for c in found] == [
        ("deaths", "KILLED"),
        ("people displaced", "Homeless"),
        ("people hospitalised", "rushed to hospital"),
    ]


def test_non_ascii_text_folds_like_the_case_blind_pattern() -> None:
    # "ſ" (long s) is "s" to a case-blind pattern; the ASCII fast path must not miss it
    found = cues("two bodieſ were found after the landslide")
    assert [c.text for c in found] == ["bodieſ"]
