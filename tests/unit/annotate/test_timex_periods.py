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
