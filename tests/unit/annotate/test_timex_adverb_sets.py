"""``daily``, ``weekly`` as sets of days and weeks, and as the nouns for newspapers."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

THURSDAY = date(2003, 5, 8)


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, THURSDAY)]


@pytest.mark.parametrize(
    "text",
    [
        "The ruling party daily Pravda Vostoka printed the decree in full.",
        "A front-page editorial in the opposition weekly Zerkalo accused the minister.",
        "The state daily said on its front page that the talks had failed.",
    ],
)
def test_a_newspaper_called_a_daily_is_no_time(text: str) -> None:
    assert all(item[0] not in ("daily", "weekly") for item in found(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Relief flights land daily at the northern airstrip.", ("daily", "SET", "P1D")),
        ("The clinic opens daily Monday through Saturday.", ("daily", "SET", "P1D")),
        ("Inspectors visit the camp weekly.", ("weekly", "SET", "P1W")),
    ],
)
def test_daily_and_weekly_as_adverbs_are_sets(text: str,
                                              expected: tuple[str, str, str]) -> None:
    assert found(text)[0] == expected
