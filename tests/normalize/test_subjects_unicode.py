"""Subjects that differ only in how they were typed fold to one key (issue 12): look-alike
letters, invisible characters, full-width forms. Real non-Latin words stay words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize.subjects import canonical_keys, skeleton, subject_key

_TWINS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}
_UPPER_TWINS = {"A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "T": "Т"}
_INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e"]


def _full_width(s: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in s)


def test_cyrillic_look_alikes_fold_to_latin() -> None:
    plain = "homes destroyed by the wildfire in Carrow"
    disguised = "hоmеs dеstrоyеd by thе wildfirе in Саrrоw"
    assert disguised != plain
    assert subject_key(disguised) == subject_key(plain)


def test_greek_capitals_in_a_place_name_fold() -> None:
    assert subject_key("strikers in ΒΕΡΝΟ") == subject_key("strikers in BEPNO")


def test_invisible_and_full_width_forms_fold() -> None:
    plain = "miners on strike in Dunmore"
    assert subject_key("mi\u200bners on st\u00adrike in Dun\u2060more") == subject_key(plain)
    assert subject_key(_full_width("miners") + " on strike in Dunmore") == subject_key(plain)


def test_real_cyrillic_and_greek_words_are_kept_as_words() -> None:
    # letters with no Latin twin: a genuine word, not a disguise, and not an empty key
    assert subject_key("погибшие при наводнении") != subject_key("раненые при наводнении")
    assert subject_key("θύματα σεισμού").split("|")[0]


def test_all_disguised_subjects_share_one_canonical_key() -> None:
    subjects = [
        "voters turned out in Halden",
        "vоtеrs turned out in Наldеn",
        "vot\u200bers turned out in Halden",
    ]
    keys = {key for key, _place in canonical_keys(subjects).values()}
    assert len(keys) == 1


_WORDS = st.lists(
    st.text(alphabet="abcdeghiklmnoprstuwxy", min_size=2, max_size=9), min_size=1, max_size=5
)


@st.composite
def _disguise(draw: st.DrawFn, text: str) -> str:
    out = []
    for ch in text:
        choice = draw(st.integers(0, 3))
        if choice == 1 and ch in _TWINS:
            out.append(_TWINS[ch])
        elif choice == 1 and ch in _UPPER_TWINS:
            out.append(_UPPER_TWINS[ch])
        elif choice == 2:
            out.append(ch + draw(st.sampled_from(_INVISIBLES)))
        elif choice == 3:
            out.append(_full_width(ch))
        else:
            out.append(ch)
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), words=_WORDS, place=st.sampled_from(["Halden", "Carrow", "MOKE"]))
def test_any_disguise_of_a_subject_has_its_key(
    data: st.DataObject, words: list[str], place: str
) -> None:
    subject = " ".join(words) + " in " + place
    disguised = data.draw(_disguise(subject))
    assert skeleton(disguised) == skeleton(subject)
    assert subject_key(disguised) == subject_key(subject)


def test_ascii_skeleton_is_the_text_itself() -> None:
    """The ASCII shortcut of ``skeleton`` (no unicodedata import) is what NFKC and the
    invisible-character filter give: every ASCII character is kept as it is."""
    import unicodedata

    from claimcheck.normalize.subjects import _INVISIBLE

    every = "".join(map(chr, range(128)))
    assert unicodedata.normalize("NFKC", every) == every
    assert _INVISIBLE.sub("", every) == every
    assert skeleton(every) == every
