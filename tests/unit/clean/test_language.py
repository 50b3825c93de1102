"""detect_language: ISO 639-1 codes, ``und`` when there is too little to go on."""

from __future__ import annotations

import pytest

from sitroom.clean import detect_language


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
