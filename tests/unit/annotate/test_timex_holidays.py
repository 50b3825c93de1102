"""Named holidays (:mod:`sitroom.annotate.timex_holidays`), ``the week before last``
(:mod:`sitroom.annotate.timex_twice_removed`), ``the spring of last year``
(:mod:`sitroom.annotate.timex_season_of_year`), ``Friday next week``
(:mod:`sitroom.annotate.timex_weekday_of_week`), ``the following Monday``
(:mod:`sitroom.annotate.timex_following_weekday`), and ``start``/``end`` as verbs before a date
(``MOD`` in :mod:`sitroom.annotate.timex_lexicon`)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_calendar import Tense
from sitroom.annotate.timex_holidays import HolidayRule, holiday_rules, parse_rule
from sitroom.errors import SitroomError

#: A Tuesday in mid-June: each holiday below has one behind it and one ahead within a year.
ANCHOR = date(2013, 6, 18)


def found(text: str, tense: Tense | None = "past",
          anchor: date | None = ANCHOR) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, anchor, tense)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Pickets stood outside the plant on Labor Day.", "Labor Day", "2012-09-03"),
        ("The parade was cancelled on Memorial Day.", "Memorial Day", "2013-05-27"),
        ("Turnout was low on Election Day.", "Election Day", "2012-11-06"),
        ("The ferry sank on Good Friday.", "Good Friday", "2013-03-29"),
        ("Rioting broke out on Bastille Day.", "Bastille Day", "2012-07-14"),
        ("Veterans marched on Armistice Day.", "Armistice Day", "2012-11-11"),
        ("The clinic opened on Presidents’ Day.", "Presidents’ Day", "2013-02-18"),
    ],
)
def test_a_holiday_in_a_past_clause_is_the_latest_one_by_the_article_date(
        text: str, span: str, value: str) -> None:
    assert found(text) == [(span, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Polls will close at eight on Election Day.", "2013-11-05"),
        ("Unions will rally on Labor Day.", "2013-09-02"),
        ("Shops will shut on Good Friday.", "2014-04-18"),
    ],
)
def test_a_holiday_in_a_future_clause_is_the_next_one(text: str, value: str) -> None:
    assert [v for _, _, v in found(text, "future")] == [value]


def test_a_year_after_the_name_fixes_which_one() -> None:
    assert found("The strike began on Labor Day 2009.") == [
        ("Labor Day 2009", "DATE", "2009-09-07")]
    assert found("It was Memorial Day, 2010, when the levee broke.") == [
        ("Memorial Day, 2010", "DATE", "2010-05-31")]


def test_last_and_next_before_a_holiday_count_from_the_article_date() -> None:
    assert found("Crowds were smaller than last May Day.") == [
        ("last May Day", "DATE", "2013-05-01")]
    assert found("The vote is due by next Veterans Day.", None) == [
        ("next Veterans Day", "DATE", "2013-11-11")]


def test_good_friday_is_the_holiday_not_the_last_friday() -> None:
    values = [value for _, _, value in found("Markets were closed on Good Friday.")]
    assert values == ["2013-03-29"]


def test_without_an_anchor_the_holiday_has_no_value() -> None:
    assert found("Pickets stood outside on Labor Day.", anchor=None) == [
        ("Labor Day", "DATE", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Some labor day-to-day disputes dragged on.",
        "The ship sent a mayday call before it sank.",
        "She had an epiphany about the camp's water supply.",
    ],
)
def test_lower_case_words_are_not_holidays(text: str) -> None:
    assert found(text) == []


def test_the_rules_find_each_kind_of_day() -> None:
    assert parse_rule("fixed:11-11").day_in(2020) == date(2020, 11, 11)
    assert parse_rule("weekday:-1:mon:5").day_in(2020) == date(2020, 5, 25)
    assert parse_rule("weekday:1:tue:11:2").day_in(2020) == date(2020, 11, 3)
    assert parse_rule("weekday:1:tue:11:2").day_in(2022) == date(2022, 11, 8)
    assert parse_rule("easter:-2").day_in(2020) == date(2020, 4, 10)
    assert parse_rule("weekday:-1:mon:12").day_in(2020) == date(2020, 12, 28)
    assert HolidayRule("fixed", month=2, day=29).day_in(2021) is None


@pytest.mark.parametrize("rule", ["fixed:13-01", "weekday:5:mon:5", "easter:x", "lunar:9:1",
                                  "weekday:1:xyz:3"])
def test_a_bad_rule_is_refused(rule: str) -> None:
    with pytest.raises(ValueError, match="not a holiday rule"):
        parse_rule(rule)


def test_a_bad_row_names_its_line() -> None:
    with pytest.raises(SitroomError, match="line 3"):
        holiday_rules("name,rule,where\nLabor Day,weekday:1:mon:9,US\nBad Day,fixed:99-99,x\n")


@pytest.mark.parametrize(
    ("text", "tense", "span", "value"),
    [
        ("The talks stalled the week before last.", "past", "the week before last", "2013-W23"),
        ("They will meet the week after next.", "future", "the week after next", "2013-W27"),
        ("Prices fell the month before last.", "past", "the month before last", "2013-04"),
        ("The dam cracked the year before last.", "past", "the year before last", "2011"),
        ("Elections are due the year after next.", "future", "the year after next", "2015"),
    ],
)
def test_two_units_away_from_the_article_date(text: str, tense: Tense, span: str,
                                              value: str) -> None:
    assert found(text, tense) == [(span, "DATE", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Shoppers queued outside the stores on Black Friday.",
        "Soldiers fired on marchers on Bloody Sunday.",
        "The senator swept the southern states on Super Tuesday.",
        "The Good Friday Agreement ended the fighting.",
        "Both sides signed the Good Friday peace accord.",
    ],
)
def test_a_weekday_inside_the_name_of_a_special_day_is_not_the_nearest_weekday(
        text: str) -> None:
    assert found(text) == []


def test_a_weekday_after_an_ordinary_word_is_still_a_weekday() -> None:
    assert found("The good news came on Friday.") == [("Friday", "DATE", "2013-06-14")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The rains usually start in June.", "June"),
        ("Talks start on Monday in the capital.", "Monday"),
        ("The mandate will end in March.", "March"),
        ("Aid arrived at the end of March.", "the end of March"),
        ("Aid arrived in mid-March.", "mid-March"),
    ],
)
def test_start_and_end_as_verbs_stay_outside_the_expression(text: str, span: str) -> None:
    assert [found_span for found_span, _, _ in found(text)] == [span]


@pytest.mark.parametrize(
    ("text", "tense", "span", "value"),
    [
        ("Rebels took the town in the spring of last year.", "past",
         "the spring of last year", "2012-SP"),
        ("The dam should be finished in the autumn of next year.", "future",
         "the autumn of next year", "2014-FA"),
        ("Rains came early in the summer of this year.", "past", "the summer of this year",
         "2013-SU"),
    ],
)
def test_a_season_of_a_relative_year_is_that_year_s_season(
        text: str, tense: Tense, span: str, value: str) -> None:
    assert found(text, tense) == [(span, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "tense", "span", "value"),
    [
        ("The talks resume on Friday next week.", "future", "Friday next week", "2013-06-28"),
        ("Envoys met on Tuesday of last week.", "past", "Tuesday of last week", "2013-06-11"),
        ("Voting closed Monday this week.", "past", "Monday this week", "2013-06-17"),
    ],
)
def test_a_weekday_of_a_relative_week_is_that_week_s_day(
        text: str, tense: Tense, span: str, value: str) -> None:
    assert found(text, tense) == [(span, "DATE", value)]


def test_the_following_weekday_counts_from_the_day_the_story_is_on() -> None:
    text = "The convoy left on May 2, 2013. It returned the following Monday."
    assert found(text)[-1] == ("the following Monday", "DATE", "2013-05-06")
    # The same weekday as the day in focus: a week on, not that day.
    text = "The convoy left on Monday, May 6, 2013. It returned the following Monday."
    assert found(text)[-1] == ("the following Monday", "DATE", "2013-05-13")
