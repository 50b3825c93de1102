"""detect_language: ISO 639-1 codes, ``und`` when there is too little to go on."""

from __future__ import annotations

import pytest

from sitroom.clean import detect_language
from sitroom.clean.language import sample_windows


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The minister said the river broke the embankment before dawn.", "en"),
        ("Le gouvernement a annoncé une commission d'enquête sur la rupture de la digue.", "fr"),
        ("أعلنت الحكومة عن تشكيل لجنة تحقيق في انهيار السد", "ar"),
        ("Die Regierung hat eine Untersuchungskommission zum Dammbruch angekündigt.", "de"),
        ("El gobierno anunció una comisión para investigar la rotura del dique.", "es"),
    ],
)
def test_short_snippets_are_identified(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "OK", "Hello world", "41 dead", "Floods hit Sindh"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == "und"


def test_detection_is_deterministic_and_two_letter() -> None:
    text = "Rescue teams reached the flooded villages on Wednesday, officials said. " * 20
    results = {detect_language(text) for _ in range(3)}
    assert results == {"en"}
    assert all(
        len(detect_language(sample)) in (2, 3)
        for sample in ("Xin chào, hôm nay trời mưa rất to ở Hà Nội.", "Привет, как дела у вас?")
    )


_ENGLISH = "Rescue teams reached the flooded villages on Wednesday, officials said. "
_GERMAN = "Die Regierung hat eine Untersuchungskommission zum Dammbruch angekündigt. "


def test_an_english_opening_does_not_carry_a_long_text_in_another_language() -> None:
    # Only English is annotated: an English first page once decided for the whole text.
    text = _ENGLISH * 300 + _GERMAN * 3000  # about 22,000 then 225,000 characters
    assert detect_language(text[:20_000]) == "en"
    assert detect_language(text) == "de"


def test_english_windows_at_chosen_places_do_not_carry_the_rest() -> None:
    # English only at the start, the middle and the end: most of the letters are German.
    english, german = _ENGLISH * 60, _GERMAN * 600  # about 4,300 and 45,000 characters
    assert detect_language(english + german + english + german + english) == "de"


def test_a_long_text_in_one_language_keeps_it_and_every_character_is_in_a_window() -> None:
    text = _ENGLISH * 4000  # about 290,000 characters
    assert detect_language(text) == "en"
    windows = sample_windows(text)
    assert "".join(windows) == text and max(len(w) for w in windows) <= 4_000


def test_a_short_text_is_one_window() -> None:
    assert sample_windows(_ENGLISH) == [_ENGLISH]
