"""Who a sentence's figures are attributed to."""

from __future__ import annotations

import pytest

from claimcheck.extract.subjects import said_by


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
