"""Times told from the story's day or the day it last named
(:mod:`sitroom.annotate.timex_narrative`), and runs of units (``10 straight days``)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is two weeks from now.", ("two weeks from now", "DATE", "1998-W09")),
        ("Talks resume three days from today.",
         ("three days from today", "DATE", "1998-02-16")),
        ("Elections are due a year from now.", ("a year from now", "DATE", "1999")),
        ("A deal may come weeks from now.", ("weeks from now", "DATE", "FUTURE_REF")),
    ],
)
def test_an_amount_from_now_is_a_date_after_the_document_date(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_from_now_without_a_document_date_has_no_value() -> None:
    assert found("The vote is two weeks from now.", None) == [
        ("two weeks from now", "DATE", None)]


def test_that_night_is_the_night_of_the_day_last_named() -> None:
    text = "On Tuesday, troops entered the town. Later that night, shells fell."
    assert found(text) == [("Tuesday", "DATE", "1998-02-10"),
                           ("Later that night", "TIME", "1998-02-10TNI")]
    assert found("Shells fell that evening.") == [("that evening", "TIME", "1998-02-13TEV")]


def test_a_modified_part_of_day_is_that_part_of_the_day_meant() -> None:
    assert found("Gunfire erupted in the late afternoon.") == [
        ("the late afternoon", "TIME", "1998-02-13TAF")]


def test_units_to_come_are_a_stretch_ahead_of_unstated_length() -> None:
    assert found("Prices will rise in the weeks to come.") == [
        ("the weeks to come", "DURATION", "PXW")]
    assert found("He is expected to come home.") == []


def test_a_run_of_straight_or_consecutive_units_is_their_sum() -> None:
    assert found("Protests went on for 10 straight days.") == [
        ("10 straight days", "DURATION", "P10D")]
    assert found("Output fell for three consecutive months.") == [
        ("three consecutive months", "DURATION", "P3M")]


def test_that_before_a_compound_of_a_part_of_day_is_the_conjunction() -> None:
    assert found("The army warned that night raids would go on.") == []
