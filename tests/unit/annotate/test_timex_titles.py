"""Time words inside titles and names (:mod:`sitroom.annotate.timex_titles`), a generic
``that day`` (:mod:`sitroom.annotate.timex_generic`), ``each of the last three years``
(:mod:`sitroom.annotate.timex_each_of`) and ``One day,`` opening a sentence."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_calendar import Tense
from sitroom.annotate.timex_generic import generic_day
from sitroom.annotate.timex_rules import Reading
from sitroom.annotate.timex_titles import capitalised_unit, in_quoted_title, model_year

WEDNESDAY = date(2015, 9, 16)


def found(text: str, tense: Tense | None = None) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, WEDNESDAY, tense)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The senator told 60 Minutes that the talks had failed.", []),
        ("Veterans of the 1973 Six-Day War marched to the square.", [("1973", "DATE", "1973")]),
        ("The Thirty Years War emptied whole provinces of the region.", []),
        ("She watched 28 Days Later with her cousins at the cinema.", []),
    ],
)
def test_a_capitalised_unit_in_running_prose_is_part_of_a_title(
        text: str, kept: list[tuple[str, str, str]]) -> None:
    assert found(text) == kept


def test_the_same_words_in_lower_case_are_durations() -> None:
    assert found("The envoy waited 60 minutes and then the talks lasted three days.") == [
        ("60 minutes", "DURATION", "PT60M"), ("three days", "DURATION", "P3D")]


def test_a_headline_in_title_case_keeps_its_durations() -> None:
    text = "Flood Waters Recede After Nine Days"
    assert found(text) == [("Nine Days", "DURATION", "P9D")]
    assert not capitalised_unit(text, text.index("Days"), len(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Times said the minister would resign.",
        "A columnist for the Mail on Sunday questioned the figures.",
        "The mayor defended the plan on the Today programme.",
    ],
)
def test_a_day_inside_a_listed_newspaper_or_programme_is_no_day(text: str) -> None:
    assert found(text) == []


def test_a_weekday_before_an_unlisted_word_is_still_a_day() -> None:
    assert found("Crowds gathered for Sunday Mass in the cathedral.") == [
        ("Sunday", "DATE", "2015-09-13")]


@pytest.mark.parametrize(
    "text",
    [
        'The festival opened with the film "Nine Days in Autumn" and a concert.',
        "Her memoir, ``A Winter in Kabul'', sold out within the month.",
        "He sang “Tuesday Afternoon” to the crowd outside the embassy.",
    ],
)
def test_a_time_inside_a_quoted_title_is_not_marked(text: str) -> None:
    word = next(word for word in ("Nine", "Winter", "Tuesday") if word in text)
    start = text.index(word)
    assert in_quoted_title(text, start, start + len(word))
    assert not any(word in expression for expression, _, _ in found(text))


@pytest.mark.parametrize(
    "text",
    [
        '"We will go back in September," the farmer said.',
        'He said "yes." In September "Harvest Moon" opened downtown.',
    ],
)
def test_speech_and_text_between_two_quotations_keep_their_times(text: str) -> None:
    start = text.index("September")
    assert not in_quoted_title(text, start, start + len("September"))
    assert [expression for expression, _, _ in found(text, "past")] == ["September"]


@pytest.mark.parametrize(
    ("text", "year_kept"),
    [
        ("Police found his 1994 Toyota abandoned near the border.", False),
        ("The suspect drove Kopp's 1987 Chevrolet to the airport.", False),
        ("In 1994 Toyota opened a plant in the valley.", True),
        ("The 1994 Toyota recall cost the firm dearly.", True),
    ],
)
def test_a_model_year_needs_an_owner_before_it_and_a_maker_after_it(
        text: str, year_kept: bool) -> None:
    assert any(item[0] == "1994" or item[0] == "1987" for item in found(text)) is year_kept
    year = text.index("19")
    assert model_year(text, year, year + 4) is not year_kept


def test_that_day_with_nothing_before_it_is_generic_outside_a_past_narrative() -> None:
    text = "When a fund reports losses, investors pull money out that day."
    assert found(text, "present") == []


def test_that_day_after_only_a_month_is_generic_outside_a_past_narrative() -> None:
    text = ("Markets slumped in August. When a fund reports losses, investors pull money out "
            "that day.")
    assert [item[0] for item in found(text, "present")] == ["August"]


def test_that_day_after_only_a_month_stays_in_a_past_narrative() -> None:
    text = "Floods hit the valley in August, and the roads were cut that day."
    assert found(text, "past")[-1] == ("that day", "DATE", "2015-08-XX")


def test_that_day_in_a_past_narrative_stays_even_undated() -> None:
    text = "Rebels shelled the market. Later that day, the army withdrew."
    assert [item[0] for item in found(text, "past")] == ["that day"]


def test_that_day_after_a_date_takes_its_value() -> None:
    text = "The dam breaks on March 3, 2015 in the drill. Rescuers reach the valley that day."
    assert found(text, "present")[-1] == ("that day", "DATE", "2015-03-03")


def test_generic_day_looks_only_at_unanchored_day_anaphors() -> None:
    unanchored = Reading("DATE", None, "day", "after:P0D:the preceding date")
    assert generic_day("that day", unanchored, "present")
    assert not generic_day("that day", unanchored, "past")
    assert not generic_day("the next day", unanchored, "present")
    assert not generic_day("that day", Reading("DATE", "2015-03-03", "day"), "present")
    month_only = Reading("DATE", "2015-08-XX", "day")
    assert generic_day("that day", month_only, "present")
    assert not generic_day("that day", month_only, "past")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Exports grew in each of the last three years.", "the last three years", "P1Y"),
        ("Prices rose in every one of the past 12 months.", "the past 12 months", "P1M"),
    ],
)
def test_each_of_a_counted_run_is_a_set_of_one_unit(text: str, expression: str,
                                                     value: str) -> None:
    assert found(text) == [(expression, "SET", value)]


def test_the_run_alone_stays_one_duration() -> None:
    assert found("Exports grew over the last three years.") == [
        ("the last three years", "DURATION", "P3Y")]


@pytest.mark.parametrize(
    "text",
    [
        "Athletes arrived for the Summer Olympics in the capital.",
        "Tourists crowded the Winter Palace in the old city.",
        "He fought in the Easter Rising as a young man.",
    ],
)
def test_a_capitalised_season_or_feast_that_runs_into_a_name_is_no_time(text: str) -> None:
    assert found(text) == []


def test_a_season_or_feast_told_as_a_time_stays() -> None:
    assert found("Talks resume in the spring and end before Easter Monday.", "future") == [
        ("the spring", "DATE", "2016-SP"), ("Easter Monday", "DATE", "2016-03-28")]
    assert found("Shops shut in the Summer of 2014.") == [
        ("the Summer of 2014", "DATE", "2014-SU")]


def test_one_day_opening_a_sentence_is_some_day_not_a_days_length() -> None:
    assert found("One day, the exiles say, they will go home.", "future") == [
        ("One day", "DATE", "FUTURE_REF")]
    assert found("One day, soldiers came to the village.", "past") == []
    assert found("The strike lasted one day, then ended.", "past") == [
        ("one day", "DURATION", "P1D")]
