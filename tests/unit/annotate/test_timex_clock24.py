"""Four-digit clock times with a zone or ``hours`` (:mod:`sitroom.annotate.timex_clock24`)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ceasefire took effect at 0600 GMT.", ("0600 GMT", "TIME", "1998-02-13T06:00")),
        ("Polls close at 2000 UTC.", ("2000 UTC", "TIME", "1998-02-13T20:00")),
        ("Shelling resumed at 1400 local time.",
         ("1400 local time", "TIME", "1998-02-13T14:00")),
        ("The convoy left at 0730 hours.", ("0730 hours", "TIME", "1998-02-13T07:30")),
        ("The patrol returned at 1500 hours.", ("1500 hours", "TIME", "1998-02-13T15:00")),
    ],
)
def test_four_digit_clock_with_a_zone_or_hours_is_a_time_of_day(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_weekday_after_the_zone_is_the_day_of_the_time() -> None:
    assert found("Talks start at 2100 GMT Sunday.") == [
        ("2100 GMT Sunday", "TIME", "1998-02-08T21:00")]
    # "on Wednesday" stays an expression of its own (as TimeML marks it) but gives the day
    assert found("The strike began at 2300 GMT on Wednesday.") == [
        ("2300 GMT", "TIME", "1998-02-11T23:00"), ("Wednesday", "DATE", "1998-02-11")]


def test_a_zone_in_brackets_restating_a_clock_time_is_neither_a_time_nor_a_year() -> None:
    assert found("He spoke at 1 p.m. (1800 GMT).") == [("1 p.m.", "TIME", "1998-02-13T13:00")]
    assert found("He spoke at 1 p.m. (1800 GMT) Sunday.") == [
        ("1 p.m.", "TIME", "1998-02-08T13:00"), ("Sunday", "DATE", "1998-02-08")]
    assert found("The talks (1800 GMT) were delayed.") == [
        ("1800 GMT", "TIME", "1998-02-13T18:00")]


def test_a_count_of_hours_or_a_bare_number_is_not_a_clock() -> None:
    assert found("Pilots logged 1500 hours of flight time.") == [
        ("1500 hours", "DURATION", "PT1500H")]
    assert found("The fort was built in 1800.") == [("1800", "DATE", "1800")]


def test_without_a_document_date_the_named_day_is_unknown() -> None:
    assert found("Talks start at 2100 GMT Sunday.", None) == [
        ("2100 GMT Sunday", "TIME", None)]
