"""Counted offsets a story tells its time by (:mod:`sitroom.annotate.timex_offsets`):
``three days later`` is the DURATION ``three days``, and the story moves on to the day it
lands on."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_offsets import landing_day

FRIDAY = date(2021, 3, 12)


def found(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str, str | None, str | None]]:
    return [(text[start:end], reading.type, reading.value, reading.relation)
            for start, end, reading in normalize_text(text, anchor)]


def test_days_later_is_the_amount_counted_from_the_day_named() -> None:
    text = "The levee gave way on March 2. Four days later, the river crested."
    assert found(text)[1] == ("Four days", "DURATION", "P4D", "after:P4D:2021-03-02")


def test_an_hour_earlier_counts_back_and_keeps_its_bound() -> None:
    text = "The convoy left on Tuesday. Just over an hour earlier, shells hit the road."
    assert found(text)[1] == ("Just over an hour", "DURATION", "PT1H",
                              "before:PT1H:2021-03-09")


def test_the_story_moves_on_to_the_day_an_offset_lands_on() -> None:
    text = ("Talks opened on May 3, 2020. Two weeks later, the rebels walked out. "
            "The next day, fighting resumed.")
    readings = found(text, None)
    assert readings[1][:3] == ("Two weeks", "DURATION", "P2W")
    assert readings[2] == ("The next day", "DATE", "2020-05-18", None)


def test_without_a_named_day_the_offset_counts_from_the_preceding_date() -> None:
    assert found("A day later, the ceasefire collapsed.", None) == [
        ("A day", "DURATION", "P1D", "after:P1D:the preceding date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure compared with the same figure at an earlier date: the date compared with
        ("Prices stood at 4.1% on Tuesday, up from 3.8% a week earlier.",
         ("a week earlier", "DATE", "2021-W09")),
        ("Exports rose on Tuesday to $2 billion, compared with $1.7 billion a day earlier.",
         ("a day earlier", "DATE", "2021-03-08")),
    ],
)
def test_a_figure_compared_across_time_keeps_the_date(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text)[-1][:3] == expected


@pytest.mark.parametrize(
    ("relation", "day"),
    [
        ("after:P3D:1989-10-12", date(1989, 10, 15)),
        ("before:P2W:1989-10-12", date(1989, 9, 28)),
        ("after:PT5H:1989-10-12", date(1989, 10, 12)),
        ("after:PTXH:1989-10-12", date(1989, 10, 12)),
        ("after:PXD:1989-10-12", None),
        ("after:P3D:the preceding date", None),
        ("before:P2D:Assad fled", None),
        (None, None),
    ],
)
def test_landing_day(relation: str | None, day: date | None) -> None:
    assert landing_day(relation) == day


def test_months_later_with_no_day_named_is_the_duration_alone() -> None:
    assert found("Nearly ten months later, the inquiry closed.", None) == [
        ("Nearly ten months", "DURATION", "P10M", "after:P10M:the preceding date")]
