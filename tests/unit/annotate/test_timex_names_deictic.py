"""Years inside names (:mod:`sitroom.annotate.timex_names`), ``until then`` and ``this
moment`` (:mod:`sitroom.annotate.timex_deictic`), and small reference rules: ``Now,`` after a
quotation, ``about the future``, ``a high for the year of $40``."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_names import year_in_name

THURSDAY = date(2011, 6, 2)


def found(text: str, anchor: date | None = THURSDAY) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, anchor)]


@pytest.mark.parametrize(
    "text",
    [
        "The two founded a seed company called Harvest 1975, which still trades.",
        "Troops joined an exercise dubbed Northern Shield 2016 on the coast.",
        "The plan, known as Vision 2030, was unveiled by the ministry.",
        "Donors gave to Rebuild 1998 Inc. for the schools.",
    ],
)
def test_a_year_closing_a_name_given_in_the_text_is_part_of_the_name(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Since 1975 the river has flooded twice.", "1975"),
        ("The Democratic 2016 candidate visited the camps.", "2016"),
        ("Reports describe the siege of Aleppo 2014 in detail.", "2014"),
        ("Spending rose in the U.S. 1975 budget, officials said.", "1975"),
        ("Water levels in Fiscal 1975 were low.", "1975"),
        ('The mayor said: "Harvest 1975 was poor."', "1975"),
        ("A storm called it a night in 1975, the film says.", "1975"),
    ],
)
def test_a_year_after_a_capitalised_word_not_announced_as_a_name_is_a_date(
        text: str, year: str) -> None:
    assert year in {value for _, _, value in found(text)}


def test_year_in_name_needs_exactly_one_space_before_the_year() -> None:
    text = "a venture called Orion 1980 and one called Orion, 1980 or called Orion  1980"
    starts = [index for index in range(len(text)) if text.startswith("1980", index)]
    assert [year_in_name(text, start) for start in starts] == [True, False, False]


def test_until_then_is_the_day_named_just_before() -> None:
    text = "The ceasefire ends on June 9. Until then, aid convoys may pass."
    assert found(text) == [("June 9", "DATE", "2011-06-09"), ("then", "DATE", "2011-06-09")]


def test_by_then_is_the_latest_time_named_even_a_bare_year_after_a_day() -> None:
    text = ("The dam was finished on 4 March 1990. In 1996 it cracked; by then the town had "
            "moved.")
    assert found(text)[-1] == ("then", "DATE", "1996")


def test_then_with_no_time_named_before_has_no_value_and_other_thens_are_left_alone() -> None:
    assert found("Until then, nobody will know.") == [("then", "DATE", None)]
    assert found("If the river rises, then the bridge closes.") == []


def test_now_after_a_closing_quotation_and_comma_is_a_turn_in_the_talk() -> None:
    text = 'He added: "The talks failed." Now, he says, "we wait for rain."'
    assert found(text) == []


def test_now_in_a_clause_after_a_quotation_is_still_the_present() -> None:
    text = 'He added: "The talks failed." Now the rivers are rising.'
    assert found(text) == [("Now", "DATE", "PRESENT_REF")]


@pytest.mark.parametrize("text", ["Farmers are worried about the future, the survey found.",
                                  "Farmers worry about the future and about prices.",
                                  "The agency is saving water for the future."])
def test_about_or_for_the_future_is_the_future(text: str) -> None:
    assert found(text) == [("the future", "DATE", "FUTURE_REF")]


@pytest.mark.parametrize("text", ["Farmers are worried about the future of the valley's crops.",
                                  "The floods bode ill for the future security of the dam."])
def test_the_future_of_something_or_before_a_noun_is_not_a_time(text: str) -> None:
    assert found(text) == []


def test_a_high_for_the_year_of_a_price_is_the_year_reported_on() -> None:
    text = "Shares rose to a high for the year of $42.50 in May."
    assert found(text)[0] == ("the year", "DATE", "2011")


@pytest.mark.parametrize("text", ["Aid is needed at this crucial moment, the agency said.",
                                  "This moment demands calm, the mayor said."])
def test_this_moment_is_the_present(text: str) -> None:
    assert [value for _, _, value in found(text)] == ["PRESENT_REF"]


def test_the_moment_of_an_event_is_not_a_time_expression() -> None:
    assert found("Sirens sounded the moment the dam gave way.") == []
