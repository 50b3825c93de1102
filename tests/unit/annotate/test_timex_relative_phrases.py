"""Phrases whose meaning leans on another: rates (``$5 a day``), parts of a named day (``the
early hours of Thursday``), vague offsets (``hours later``), a day beside a named day (``the
day before last Tuesday``) and ``one day`` meaning some day ahead."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times, normalize_text

ANCHOR = date(1999, 10, 8)  # a Friday


def found(text: str, anchor: date = ANCHOR) -> list[tuple[str, str, str | None, str | None]]:
    return [(text[start:end], reading.type, reading.value, reading.relation)
            for start, end, reading in normalize_text(text, anchor, "past")]


@pytest.mark.parametrize("text", [
    "Qantas will add four flights a week on the route.",
    "The cuts should save $500 million a year in costs.",
    "The new seats add nearly 700 seats a week.",
])
def test_a_unit_after_an_amount_is_a_rate_not_a_duration(text: str) -> None:
    assert found(text) == []


def test_a_unit_with_no_amount_before_it_stays_a_duration() -> None:
    assert found("The talks took a week.") == [("a week", "DURATION", "P1W", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Police arrested him in the early hours of Thursday morning.",
     ("Thursday morning", "TIME", "1999-10-07TMO", None)),
    ("He died in the early hours of Oct. 3 in Paris.", ("Oct. 3", "DATE", "1999-10-03", None)),
])
def test_the_early_hours_of_a_named_day_leave_the_day_alone(
        text: str, expected: tuple[str, str, str, None]) -> None:
    assert found(text) == [expected]


def test_the_first_hours_of_an_event_are_a_vague_duration_hanging_on_it() -> None:
    assert found("Thousands were taken in the first hours of the ground war.") == [
        ("the first hours", "DURATION", "PTXH", "start:PTXH:the ground war")]


def test_hours_later_is_a_vague_duration_on_the_day_last_named() -> None:
    # TimeML leaves "later" outside the TIMEX3; the relation keeps the day it stays on
    assert found("The dam broke on Monday. Hours later, the town flooded.") == [
        ("Monday", "DATE", "1999-10-04", None),
        ("Hours", "DURATION", "PTXH", "after:PTXH:1999-10-04")]


def test_days_later_is_a_stretch_of_unstated_length_from_the_day_last_named() -> None:
    assert found("The dam broke on Monday. Days later, the town flooded.")[1] == (
        "Days", "DURATION", "PXD", "after:PXD:the preceding date")


@pytest.mark.parametrize(("text", "expected"), [
    ("The day before last Tuesday's hearing, he flew in.",
     ("The day before last Tuesday", "DATE", "2000-01-17", None)),
    ("They flew in the day after Christmas.", ("the day after Christmas", "DATE",
                                               "1999-12-26", None)),
    ("They met the day after Jan. 5, 1999.", ("the day after Jan. 5, 1999", "DATE",
                                              "1999-01-06", None)),
])
def test_the_day_beside_a_named_day_is_one_expression(
        text: str, expected: tuple[str, str, str, None]) -> None:
    assert found(text, date(2000, 1, 20)) == [expected]


def test_one_day_after_a_modal_is_some_day_ahead() -> None:
    assert found("Islam will one day be the second largest religion here.") == [
        ("one day", "DATE", "FUTURE_REF", None)]
    assert found("The strike lasted one day.") == [("one day", "DURATION", "P1D", None)]
    # a contracted modal counts as well
    assert found("She hopes we'll one day rebuild the bridge.") == [
        ("one day", "DATE", "FUTURE_REF", None)]


def test_the_previous_weekday_counts_back_from_the_day_the_story_is_on() -> None:
    text = "Shares closed lower Friday. The index was down 4.5% from the previous Friday."
    assert found(text, date(1989, 10, 30)) == [("Friday", "DATE", "1989-10-27", None),
                                               ("previous Friday", "DATE", "1989-10-20", None)]


def test_a_feast_week_already_begun_is_this_years() -> None:
    # Palm Sunday 2000 was April 16 and Easter April 23: the week had begun when written.
    assert found("Protesters prayed as Easter week began.", date(2000, 4, 17)) == [
        ("Easter week", "DATE", "2000-W16", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Women's Day is this coming Sunday, March eighth.",
     ("Sunday, March eighth", "DATE", "1998-03-08", None)),
    ("The ceasefire began on the twenty-first of June, 1997.",
     ("the twenty-first of June, 1997", "DATE", "1997-06-21", None)),
])
def test_a_day_of_the_month_in_words_is_a_date(
        text: str, expected: tuple[str, str, str, None]) -> None:
    assert found(text, date(1998, 3, 5)) == [expected]


def test_a_season_of_a_year_said_in_words_is_one_date() -> None:
    assert found("Oil fell to the level we saw in the winter of nineteen ninety-four.",
                 date(1998, 2, 23)) == [("the winter of nineteen ninety-four", "DATE", "1994-WI",
                                         None)]


def test_the_latest_quarter_is_the_last_one_over_not_one_looked_ahead_to(nlp: Any) -> None:
    anchor = date(1989, 11, 2)

    def values(text: str) -> dict[str, str | None]:
        return {m.text: m.value for m in extract_times(nlp(text), "a1", anchor)}

    ahead = values("The quake will result in a fourth-quarter charge. Profit fell 59% in the "
                   "latest quarter.")
    assert ahead["the latest quarter"] == "1989-Q3"
    fiscal = values("Ralston reported a 47% decline in fourth-quarter earnings. It earned $45 "
                    "million, compared with $84.9 million a year earlier.")
    assert fiscal["a year earlier"] == "1988-Q4"


@pytest.mark.parametrize(("text", "expected"), [
    ("The crown has ruled for almost a hundred years.",
     ("almost a hundred years", "DURATION", "P100Y", None)),  # the bound inside, as TimeML
    ("They kept the secret for two thousand years.",
     ("two thousand years", "DURATION", "P2000Y", None)),
    ("They left their third day-long meeting.", ("day-long", "DURATION", "P1D", None)),
    ("He gave an hour-long speech.", ("hour-long", "DURATION", "PT1H", None)),
])
def test_long_amounts_and_unit_long_adjectives_are_durations(
        text: str, expected: tuple[str, str, str, None]) -> None:
    assert found(text) == [expected]


def test_the_last_half_of_a_year_is_its_second_half_and_last_quarter_stays_relative() -> None:
    anchor = date(1989, 10, 26)
    assert found("Earnings for the last half of 1989 will be lower.", anchor) == [
        ("the last half of 1989", "DATE", "1989-H2", None)]
    assert found("Sales fell last quarter.", anchor) == [("last quarter", "DATE", "1989-Q3",
                                                          None)]
