"""Who a sentence's figures are attributed to."""

from __future__ import annotations

import pytest

from claimcheck.extract.speakers import said_by


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Officials in Valparaiso said 40 homes burned.", "Officials"),
        ("Health officials in Chile said 14 people had died.", "Health officials"),
        ("Police at Heathrow said 3 people were arrested.", "Police"),
        ("The fire service said 40 homes burned.", "fire service"),
        ("Chile's health ministry said 14 people had died.", "Chile's health ministry"),
    ],
)
def test_a_place_after_the_speaker_is_not_the_speaker(sentence: str, speaker: str) -> None:
    assert said_by(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Chile's seismology centre estimated 40 aftershocks.", "Chile's seismology centre"),
        ("The national statistics bureau reported 3,100 deaths.", "national statistics bureau"),
        ("Kenya's meteorological department confirmed 210 mm of rain.",
         "Kenya's meteorological department"),
    ],
)
def test_institutions_speak_for_their_figures(sentence: str, speaker: str) -> None:
    assert said_by(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to rescuers, 14 climbers are still missing.", "rescuers"),
        ("According to the coastguard in Crete, 31 were saved.", "coastguard"),
        ("Organisers of the vigil in Leipzig said 8,000 came.", None),  # Leipzig is where
        ("Police in Leipzig said 3,000 came.", "Police"),
    ],
)
def test_a_sentence_opening_with_according_to_and_places_that_are_not_speakers(
    sentence: str, speaker: str | None
) -> None:
    assert said_by(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Nineteen were rescued, the mayor of Tobermory said.", "mayor of Tobermory"),
        ("Six people died, local media reported.", "local media"),
        ("At least 12 died, the governor of Jalisco state told reporters.",
         "governor of Jalisco state"),
        ("State television said 40 people had died.", "State television"),
    ],
)
def test_officeholders_and_media_speak(sentence: str, speaker: str) -> None:
    assert said_by(sentence) == speaker
