"""Clock times written with a dot between hour and minute (``7.45 pm``), as much of the
world's English press writes them, and clock times without a.m./p.m. followed by their day
(:mod:`sitroom.annotate.timex_rules`, ``clock`` and ``_DAY_AFTER``)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blast came at 7.45 pm.", ("7.45 pm", "TIME", "1998-02-13T19:45")),
        ("Polls closed at 8.30 p.m. on Friday.",
         ("8.30 p.m. on Friday", "TIME", "1998-02-13T20:30")),
        ("The train left at 10.05 a.m. Thursday.",
         ("10.05 a.m. Thursday", "TIME", "1998-02-12T10:05")),
    ],
)
def test_a_dotted_clock_time_is_read_like_a_colon_one(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_decimal_without_am_or_pm_is_no_time() -> None:
    assert found("Shares rose 7.45 points.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quake struck at 9:45 on Tuesday.",
         [("9:45", "TIME", "1998-02-10T09:45"), ("Tuesday", "DATE", "1998-02-10")]),
        ("The plane landed at 14:30 local time on Wednesday.",
         [("14:30 local time", "TIME", "1998-02-11T14:30"), ("Wednesday", "DATE", "1998-02-11")]),
        ("The bomb went off at ten o'clock on Thursday.",
         [("ten o'clock", "TIME", "1998-02-12T10:00"), ("Thursday", "DATE", "1998-02-12")]),
    ],
)
def test_a_clock_time_without_am_or_pm_falls_on_the_day_named_after_it(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    # the day stays an expression of its own, as TimeML marks "2300 GMT on Wednesday"
    assert found(text) == expected


def test_the_day_after_a_clock_time_is_dated_where_the_weekday_stands() -> None:
    # "until" looks ahead from the clock time, but not from "Tuesday morning": both are the
    # Tuesday just past, as the weekday alone reads it
    assert found("The firm did not call until 7:40 Tuesday morning.") == [
        ("7:40", "TIME", "1998-02-10T07:40"), ("Tuesday morning", "TIME", "1998-02-10TMO")]
