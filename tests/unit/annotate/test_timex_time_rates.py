"""Time spent in each period (:mod:`sitroom.annotate.timex_time_rates`): ``eight hours a
day`` is a SET of days, not an eight-hour stretch."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

MONDAY = date(2021, 3, 1)


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, MONDAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Volunteers staffed the shelter 24 hours a day.",
         [("24 hours a day", "SET", "P1D")]),
        ("Clinics open three days a week in the camps.",
         [("three days a week", "SET", "P1W")]),
        ("Pumps ran twenty minutes per hour during the flood.",
         [("twenty minutes per hour", "SET", "PT1H")]),
    ],
)
def test_an_amount_of_time_in_each_longer_period_is_a_set_of_that_period(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_a_period_no_longer_than_the_amount_makes_no_rate() -> None:
    assert found("The convoy waited two weeks a day's drive from the border.") == [
        ("two weeks", "DURATION", "P2W")]


def test_a_stretch_without_a_period_stays_a_duration() -> None:
    assert found("Volunteers staffed the shelter for 24 hours.") == [
        ("24 hours", "DURATION", "PT24H")]
