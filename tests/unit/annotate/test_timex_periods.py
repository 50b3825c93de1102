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


REPORT_ANCHOR = date(1989, 11, 2)


def reported(text: str) -> list[tuple[str, str | None]]:
    return [(text[start:end], reading.value)
            for start, end, reading in normalize_text(text, REPORT_ANCHOR, "past")]


def test_last_year_in_a_quarterly_comparison_is_that_quarter_a_year_back() -> None:
    text = ("Net rose 11% in the third quarter. The unit earned $24 million, compared with a "
            "loss of $3 million last year. Last year's results included a charge.")
    assert reported(text) == [("the third quarter", "1989-Q3"), ("last year", "1988-Q3"),
                              ("Last year", "1988-Q3")]


def test_last_year_outside_a_comparison_stays_a_year() -> None:
    text = "Net rose 11% in the third quarter. Last year, the company moved to Ohio."
    assert reported(text)[-1] == ("Last year", "1988")


def test_the_latest_quarter_frames_a_year_ago_but_a_year_ago_quarter_does_not() -> None:
    text = ("Profit fell in the latest quarter, against $6 million a year ago. In the "
            "year-ago quarter, costs rose; sales were higher a year earlier.")
    assert [value for _, value in reported(text)] == ["1989-Q3", "1988-Q3", "1988-Q3",
                                                      "1988-Q3"]


def test_after_a_nine_month_figure_a_year_earlier_is_the_year() -> None:
    text = ("Net rose in the third quarter. For the nine months, net was $2 billion, up from "
            "$1.7 billion a year earlier.")
    assert reported(text)[-1] == ("a year earlier", "1988")


@pytest.mark.parametrize("text", ["The plant should reopen by midyear.",
                                  "The fund cut its mid-year forecast."])
def test_midyear_is_the_year_of_the_article(text: str) -> None:
    assert [value for _, value in found(text)] == ["2013"]
