"""The rapidfuzz-free pre-check of fuzzy subject merging decides exactly what rapidfuzz
would: ``_closest`` must answer as the plain rapidfuzz search always did."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from claimcheck.normalize import subjects
from claimcheck.normalize.subjects import (
    _closest,
    _fuzzy_closest,
    _may_be_variant,
    spelling_variant,
)

# Few letters and short words, so that near spellings and shared words are common.
_word = st.text(alphabet="aeiorstnl1é", min_size=1, max_size=9)
_entity = st.lists(_word, min_size=1, max_size=4).map(" ".join)


@st.composite
def _variant(draw: st.DrawFn, entity: str) -> str:
    """An entity one letter away from ``entity`` in some of its words."""
    words = []
    for word in entity.split():
        i = draw(st.integers(0, len(word)))
        op = draw(st.sampled_from(["keep", "insert", "delete", "swap"]))
        ch = draw(st.sampled_from("aeiouyl"))
        if op == "insert":
            word = word[:i] + ch + word[i:]
        elif op == "delete" and len(word) > 1:
            word = word[:i] + word[i + 1 :]
        elif op == "swap" and i < len(word):
            word = word[:i] + ch + word[i + 1 :]
        words.append(word)
    return " ".join(words)


@settings(max_examples=400)
@given(
    st.data(),
    _entity,
    st.lists(_entity, min_size=1, max_size=6),
    st.sampled_from([0.0, 60.0, 85.0, 95.0]),
)
def test_closest_equals_the_rapidfuzz_search(
    data: st.DataObject, entity: str, reps: list[str], threshold: float
) -> None:
    near = data.draw(st.lists(_variant(entity), max_size=3))
    reps = sorted(set(reps + near) - {entity}, key=lambda r: data.draw(st.integers(0, 9)))
    if reps:
        searched = _fuzzy_closest(entity, reps, threshold)
        assert _closest(entity, reps, threshold) == searched
        if not any(_may_be_variant(entity, rep) for rep in reps):
            assert searched is None  # what the pre-check answers without rapidfuzz


@settings(max_examples=400)
@given(_entity, _entity)
def test_the_pre_check_never_rejects_a_variant(a: str, b: str) -> None:
    if not _may_be_variant(a, b):
        assert spelling_variant(a, b) is None


@given(
    st.text(alphabet="abcdelmnorstuy", min_size=1, max_size=12),
    st.text(alphabet="abcdelmnorstuy", min_size=1, max_size=12),
)
def test_could_reach_is_an_upper_bound_of_ratio(x: str, y: str) -> None:
    from collections import Counter

    if fuzz.ratio(x, y) >= subjects.SPELLING_RATIO:
        assert subjects._could_reach(Counter(x), x, y)


def test_spelling_variants_still_merge() -> None:
    assert _closest("laborers", ["labourers", "workers"], 85.0) == (
        "labourers",
        "spelling: laborers ~ labourers",
    )
    assert _closest("metres run", ["meters run"], 85.0) == (
        "meters run",
        "spelling: metres ~ meters",
    )


def test_clearly_different_words_are_decided_without_rapidfuzz() -> None:
    assert not _may_be_variant("us withdrawal", "us troops")
    assert not _may_be_variant("us invasion", "us withdrawal")
    assert not _may_be_variant("deaths in militia attacks", "return to fight daesh")
    assert not _may_be_variant("deaths", "deaths confirmed")  # a word more
    assert not _may_be_variant("deaths 2", "deaths 3")  # numbers
    assert _may_be_variant("labourers", "laborers")
