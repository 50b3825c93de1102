"""Reporting periods written as business news abbreviates them, and halves and quarters of a
year named relative to the document date."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

ANCHOR = date(2013, 3, 21)


def found(text: str) -> list[tuple[str, str | None]]:
    return [(text[start:end], reading.value)
            for start, end, reading in normalize_text(text, ANCHOR)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q3 2012 results beat forecasts.", [("Q3 2012", "2012-Q3")]),
        ("Sales rose 4% in 3Q 2012.", [("3Q 2012", "2012-Q3")]),
        ("The Q4 loss widened.", [("Q4", "2012-Q4")]),
        ("H1 2012 revenue fell.", [("H1 2012", "2012-H1")]),
        ("Guidance for FY2014 is unchanged.", [("FY2014", "2014")]),
        ("Revenue for FY 13 rose.", [("FY 13", "2013")]),
        ("Costs fell in the 2012 fiscal year.", [("the 2012 fiscal year", "2012")]),
        ("It closes in the first half of next year.",
         [("the first half of next year", "2014-H1")]),
        ("Profit fell in the fourth quarter of last year.",
         [("the fourth quarter of last year", "2012-Q4")]),
    ],
)
def test_abbreviated_and_relative_periods(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "He drives an Audi Q3 to work.",
    "Water is H2O, and H2 is a gas.",
])
def test_codes_that_are_not_periods(text: str) -> None:
    assert found(text) == []


def test_a_half_or_quarter_of_something_other_than_a_year_is_not_a_period() -> None:
    assert found("It changed in the second half of the 20th century.") == [
        ("the 20th century", "19")]
    assert found("He scored in the first quarter of the game.") == []
    assert found("Growth slowed in the second half of the year.") == [
        ("the second half of the year", "2013-H2")]


def test_a_quarter_followed_by_the_sum_it_reports_is_still_a_quarter() -> None:
    # Without a parse the tense is unknown, and this year's third quarter is the nearer one.
    assert found("It announced a loss for the third quarter of $226.3 million.") == [
        ("the third quarter", "2013-Q3")]
