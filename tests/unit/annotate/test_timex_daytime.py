"""Times of day told in words, and sets of parts of days and weekends."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

FRIDAY = date(1998, 2, 13)


def found(text: str, anchor: date | None = FRIDAY) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He will leave at 4 in the morning.", ("4 in the morning", "TIME", "1998-02-13T04:00")),
        ("They met at 3 in the afternoon.", ("3 in the afternoon", "TIME", "1998-02-13T15:00")),
        ("The call came at 9 o'clock at night.",
         ("9 o'clock at night", "TIME", "1998-02-13T21:00")),
        ("Shots rang out at 2 at night.", ("2 at night", "TIME", "1998-02-13T02:00")),
    ],
)
def test_clock_hour_with_half_of_day_in_words(text: str,
                                              expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_part_of_day_before_the_day_it_belongs_to() -> None:
    assert found("In London at mid-afternoon yesterday, shares rose.") == [
        ("mid-afternoon yesterday", "TIME", "1998-02-12TAF")]
    assert found("Troops arrived late evening Tuesday.") == [
        ("late evening Tuesday", "TIME", "1998-02-10TEV")]


def test_midnight_is_not_read_as_the_night_of_a_day() -> None:
    assert found("The offer expires at midnight Friday.") == [
        ("midnight Friday", "TIME", "1998-02-13T24:00")]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Patrols go out every morning.", "every morning", "XXXX-XX-XXTMO"),
        ("Shelling resumed nightly.", "nightly", "XXXX-XX-XXTNI"),
        ("They meet each evening.", "each evening", "XXXX-XX-XXTEV"),
        ("The market opens every weekend.", "every weekend", "XXXX-WXX-WE"),
        ("The clinic is closed on weekends.", "weekends", "XXXX-WXX-WE"),
    ],
)
def test_sets_of_parts_of_days_and_weekends(text: str, expression: str, value: str) -> None:
    assert found(text) == [(expression, "SET", value)]


def test_clock_time_takes_the_weekday_written_after_a_bracketed_zone() -> None:
    # TimeML marks "10:35 a.m." and "Friday" apart; the time still falls on that Friday.
    assert found("The blast came at 10:35 a.m. (0735 GMT) Friday.", date(1998, 8, 8)) == [
        ("10:35 a.m.", "TIME", "1998-08-07T10:35"), ("Friday", "DATE", "1998-08-07")]


def test_without_a_document_date_a_time_of_day_has_no_value() -> None:
    assert found("He left at 4 in the morning.", None) == [("4 in the morning", "TIME", None)]


def test_a_programme_named_nightly_is_not_a_set() -> None:
    assert found("ABC World News and NBC Nightly News refused.") == []
    assert found("Nightly, the shelling resumed.") == [("Nightly", "SET", "XXXX-XX-XXTNI")]


def test_a_day_named_in_brackets_after_the_time_is_its_day() -> None:
    # the restatement in brackets names the day the hour falls on (here the coming Monday)
    text = "The ferry sails at 6 in the morning (6 a.m. GMT Monday), officials say."
    readings = [(text[start:end], reading.value)
                for start, end, reading in normalize_text(text, FRIDAY, "future")]
    assert readings == [("6 in the morning", "1998-02-16T06:00"),
                        ("6 a.m. GMT Monday", "1998-02-16T06:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Convoys crossed the border at midday Thursday.",
         ("midday Thursday", "TIME", "1998-02-12T12:00")),
        ("The ultimatum runs out at midnight tonight.",
         ("midnight tonight", "TIME", "1998-02-13T24:00")),
        ("Polls close at 8 p.m. tonight.", ("8 p.m. tonight", "TIME", "1998-02-13T20:00")),
    ],
)
def test_a_time_of_day_with_its_day_is_one_expression(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "She was a guest on the comedy show Saturday Night Live last year.",
        "He said on CBS This Morning that he would not run.",
    ],
)
def test_a_programme_named_after_a_time_of_day_is_no_time(text: str) -> None:
    assert all(item[1] != "TIME" for item in found(text))


def test_a_us_time_zone_written_without_daylight_letter_stays_in_the_time() -> None:
    assert found("Voting ends at 8 p.m. ET Tuesday.") == [
        ("8 p.m. ET Tuesday", "TIME", "1998-02-10T20:00")]
