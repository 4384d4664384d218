from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.normalize.subjects import SubjectFolder, canonical_keys, subject_key


def test_builtin_folds_and_place() -> None:
    assert subject_key("US troops in Iraq") == "us troops|iraq"
    assert subject_key("American forces in Iraq") == "us troops|iraq"
    assert subject_key("the number of U.S. service members in Iraq") == "us troops|iraq"


def test_actor_is_not_the_place() -> None:
    parts = SubjectFolder().parts("withdrawal of US troops from Iraq")
    assert parts.place == "iraq" and parts.actors == ("us",)
    assert SubjectFolder().parts("Iraqi forces in Iraq").actors == ("iraq",)
    assert SubjectFolder().parts("US defence budget").place is None


def test_demonym_and_implicit_place() -> None:
    assert SubjectFolder().parts("people killed in the Gaza Strip").place == "gaza"
    assert SubjectFolder().parts("Kenya budget deficit").place == "kenya"


def test_fuzzy_merge_within_place_and_actor_only() -> None:
    keys = canonical_keys([
        "US troops in Iraq", "American forces in Iraq", "US troop presence in Iraq",
        "US troops in Afghanistan", "Iraqi forces in Iraq", "troops in Iraq",
        "US troops return to Iraq to fight Daesh",
    ])
    iraq = keys["US troops in Iraq"][0]
    assert keys["American forces in Iraq"][0] == iraq
    assert keys["US troop presence in Iraq"][0] == iraq
    assert keys["US troops in Afghanistan"][0] != iraq
    assert keys["Iraqi forces in Iraq"][0] != iraq
    assert keys["troops in Iraq"][0] != iraq
    assert keys["US troops return to Iraq to fight Daesh"][0] != iraq


def test_aliases_canonical_first_name_whole_words() -> None:
    aliases = (("Daesh", "ISIS", "Islamic State"),)
    assert subject_key("attacks by ISIS in Syria", aliases) == subject_key(
        "attacks by Islamic State in Syria", aliases) == "attacks by daesh|syria"
    assert "daesh" not in subject_key("crisis in Syria", aliases)


def test_numbers_must_match() -> None:
    keys = canonical_keys(["72nd brigade soldiers in Iraq", "73rd brigade soldiers in Iraq"])
    assert keys["72nd brigade soldiers in Iraq"] != keys["73rd brigade soldiers in Iraq"]


def test_only_spelling_variants_and_aliases_merge() -> None:
    keys = canonical_keys([
        "labourers trapped in Kisumu", "laborers trapped in Kisumu",
        "flood deaths in Tacloban", "flood deaths in Ormoc", "flood deaths confirmed",
        "flood deaths", "Afghan survivors", "Afghan children",
        "people killed in Tacloban", "flood injured", "strikers in Marseille", "strikers in Lyon",
    ])
    assert keys["labourers trapped in Kisumu"] == keys["laborers trapped in Kisumu"]
    assert keys["flood deaths in Tacloban"] != keys["flood deaths in Ormoc"]
    assert keys["flood deaths"] != keys["flood deaths confirmed"]
    assert keys["flood deaths"] != keys["flood injured"]
    assert keys["Afghan survivors"] != keys["Afghan children"]
    assert keys["strikers in Marseille"] != keys["strikers in Lyon"]
    assert keys["people killed in Tacloban"][0] == "deaths|tacloban"


def test_merge_notes_say_why() -> None:
    from claimcheck.normalize.subjects import merge_notes

    notes = merge_notes(["labourers trapped in Kisumu", "laborers trapped in Kisumu", "x"])
    assert [n[1] for n in notes] == ["laborers trapped in Kisumu", "labourers trapped in Kisumu"]
    assert any("labourers ~ laborers" in n[2] for n in notes)


def test_loader_and_normalize_share_one_folder_per_alias_list() -> None:
    from claimcheck.normalize.subjects import SubjectFolder, folder_for

    a = folder_for([["Kyiv", "Kiev"]])
    assert folder_for((("Kyiv", "Kiev"),)) is a
    assert folder_for([["Mumbai", "Bombay"]]) is not a
    subject = "people evacuated in Kiev"
    assert a.parts(subject) == SubjectFolder([["Kyiv", "Kiev"]]).parts(subject)



@given(st.text(alphabet="AbZz09_% \t\n.'’-:ÉßİΣ\u200b", max_size=30))
def test_fold_text_plain_fast_path_equals_the_full_fold(text: str) -> None:
    """The shortcut for plain ASCII words must give what the full fold gives."""
    from claimcheck.normalize.subjects import _fold_full, fold_text

    assert fold_text(text) == _fold_full(text)


def test_synonyms_of_one_quantity_fold() -> None:
    keys = canonical_keys(
        ["rubble remaining in Chile", "debris remaining in Chile", "inmates escaped in Peru",
         "prisoners escaped in Peru", "debris remaining in Peru"]
    )  # fmt: skip
    assert keys["rubble remaining in Chile"] == keys["debris remaining in Chile"]
    assert keys["inmates escaped in Peru"] == keys["prisoners escaped in Peru"]
    assert keys["debris remaining in Chile"] != keys["debris remaining in Peru"]
