"""Calendar arithmetic behind TIMEX3 values."""

from __future__ import annotations

from datetime import date

from sitroom.annotate import timex_calendar as cal

THURSDAY = date(2024, 11, 28)


def test_weekday_direction_follows_tense_and_modifier() -> None:
    assert cal.weekday_date(THURSDAY, 2, "past", None) == date(2024, 11, 27)
    assert cal.weekday_date(THURSDAY, 2, "future", None) == date(2024, 12, 4)
    assert cal.weekday_date(THURSDAY, 2, None, None) == date(2024, 11, 27)
    assert cal.weekday_date(THURSDAY, 3, "past", "last") == date(2024, 11, 21)
    assert cal.weekday_date(THURSDAY, 3, "future", "next") == date(2024, 12, 5)


def test_month_day_year_choice() -> None:
    january = date(2025, 1, 5)
    assert cal.month_day_date(january, 12, 28, "past") == date(2024, 12, 28)
    assert cal.month_day_date(january, 12, 28, "future") == date(2025, 12, 28)
    assert cal.month_day_date(january, 1, 20, None) == date(2025, 1, 20)
    # A past clause may announce a date a few months ahead ("payable Dec. 7", said Oct. 27).
    assert cal.month_day_date(date(1989, 10, 27), 12, 7, "past") == date(1989, 12, 7)


def test_shift_formats_each_unit() -> None:
    assert cal.shift(THURSDAY, -1, "week") == "2024-W47"
    assert cal.shift(THURSDAY, -4, "year") == "2020"
    assert cal.shift(THURSDAY, -1, "month") == "2024-10"
    assert cal.shift(THURSDAY, -1, "decade") == "201"
    assert cal.shift(THURSDAY, -1, "century") == "19"
    assert cal.shift(THURSDAY, 0, "quarter") == "2024-Q4"


def test_seasons_and_weekends() -> None:
    assert cal.season_value(THURSDAY, "SU", None, "this") == "2024-SU"
    assert cal.season_value(THURSDAY, "SU", None, "next") == "2025-SU"
    assert cal.season_value(THURSDAY, "FA", None, None) == "2024-FA"
    assert cal.weekend_value(THURSDAY, "past", None) == "2024-W47-WE"
    assert cal.weekend_value(THURSDAY, "future", None) == "2024-W48-WE"


def test_durations() -> None:
    assert cal.duration_value(cal.format_amount(4), "year") == "P4Y"
    assert cal.duration_value(cal.format_amount(3), "hour") == "PT3H"
    assert cal.duration_value(cal.format_amount(None), "day") == "PXD"
    assert cal.duration_value(cal.format_amount(1.5), "year") == "P1Y6M"
    assert cal.duration_value(cal.format_amount(2), "decade") == "P20Y"
    assert cal.duration_value(cal.format_amount(0.5), "hour") == "PT30M"
