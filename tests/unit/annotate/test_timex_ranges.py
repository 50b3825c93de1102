"""Ranges of days (each end a date of its own, as TimeML has them) and weeks named by a day."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

ANCHOR = date(1998, 2, 13)


def found(text: str) -> list[tuple[str, str | None]]:
    return [(text[start:end], reading.value) for start, end, reading in normalize_text(
        text, ANCHOR)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks are set between 6 and 8 December.",
         [("6", "1997-12-06"), ("8 December", "1997-12-08")]),
        ("The fair runs 6-8 December 2024.",
         [("6", "2024-12-06"), ("8 December 2024", "2024-12-08")]),
        ("It runs from March 6 to 8, 2000.",
         [("March 6", "2000-03-06"), ("8, 2000", "2000-03-08")]),
        ("Voting takes place March 6-8.", [("March 6", "1998-03-06"), ("8", "1998-03-08")]),
    ],
)
def test_both_ends_of_a_range_of_days_are_dated(text: str,
                                                expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_score_is_not_a_range_of_days() -> None:
    assert found("The vote went 10-3 December's way.") == []


def test_the_week_of_a_day_is_that_iso_week() -> None:
    assert found("Hearings open the week of March 6.") == [
        ("the week of March 6", "1998-W10")]
