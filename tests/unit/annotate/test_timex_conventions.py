"""TIMEX3 conventions for durations, ages, centuries and seasons, and dates read from the
words around them (``since``, a plan told in the past perfect, the month named before)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times, normalize_text
from sitroom.annotate.timex_calendar import Tense

ANCHOR = date(1989, 10, 30)  # a Monday


def found(text: str, anchor: date = ANCHOR, tense: Tense | None = None,
          ) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, anchor, tense)]


def parsed(nlp: Any, text: str, anchor: date = ANCHOR) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_times(nlp(text), "a1", anchor)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices fell for eight trading days.", ("eight trading days", "DURATION", "P8D")),
        ("It took a minute and a half.", ("a minute and a half", "DURATION", "PT1M30S")),
        ("He waited a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
        ("They met a week or so ago.", ("a week or so ago", "DATE", "1989-W43")),
        ("It was built in the 20th century.", ("the 20th century", "DATE", "19")),
        ("Monks settled here in the eleventh century.",
         ("the eleventh century", "DATE", "10")),
        ("Sales peaked this past spring.", ("this past spring", "DATE", "1989-SP")),
    ],
)
def test_duration_and_date_conventions(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "Mr. Reupke, 52 years old, will retire.",
    "The plan is open to employees 55 years old or older.",
    "The boy, 6 years of age, was found.",
])
def test_an_age_is_not_a_duration(text: str) -> None:
    assert found(text) == []


def test_a_second_as_an_ordinal_is_not_a_second_of_time() -> None:
    assert found("A second group of directors bought shares.") == []
    assert found("It will be a second betrayal.") == []
    assert found("The lights failed for a second.") == [("a second", "DURATION", "PT1S")]


def test_the_following_month_counts_from_the_month_named_before() -> None:
    text = "A few days later it fell. In March, they got an offer. The following month, it sold."
    assert found(text, tense="past")[-2:] == [("March", "DATE", "1989-03"),
                                ("The following month", "DATE", "1989-04")]


def test_since_puts_a_day_behind_the_document_date(nlp: Any) -> None:
    # Oct. 23 is a week before the anchor and almost a year after; "since" picks the past one
    # even though the clause is in the present perfect.
    text = "Police have been searching for him since shortly after the Oct. 23 shooting."
    assert parsed(nlp, text, date(1999, 5, 6)) == {"Oct. 23": "1998-10-23"}


def test_a_plan_told_in_the_past_perfect_looks_back(nlp: Any) -> None:
    text = "The offer had been scheduled to expire at midnight Friday."
    assert parsed(nlp, text) == {"midnight Friday": "1989-10-27T24:00"}
    assert parsed(nlp, "The offer is scheduled to expire at midnight Friday.") == {
        "midnight Friday": "1989-11-03T24:00"}


def test_bare_clock_time_falls_on_the_day_named_in_the_sentence_before(nlp: Any) -> None:
    text = "Tokyo shares fell Friday. Dealers placed heavy buy orders in the morning."
    assert parsed(nlp, text) == {"Friday": "1989-10-27", "the morning": "1989-10-27TMO"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine was ruled from Moscow for centuries.", ("centuries", "DURATION", "PXC")),
        ("Over the years many more patients died.", ("the years", "DURATION", "PXY")),
        ("It is a decades-long battle.", ("decades-long", "DURATION", "PXY")),
        ("They will live without power for a while.", ("a while", "DURATION", "PXX")),
        ("Sales doubled over the past decade.", ("the past decade", "DURATION", "P10Y")),
        ("It was an event of the past century.", ("the past century", "DURATION", "P100Y")),
    ],
)
def test_stretches_of_unstated_or_round_length(text: str,
                                               expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_titles_and_idioms_are_not_times() -> None:
    assert found('Baker, speaking on ABC\'s "This Week," said so.') == []
    assert found('It showed a still from the film "High Noon."') == []
    assert found("This week the talks resume.") == [("This week", "DATE", "1989-W44")]
    assert found("They met at noon.") == [("noon", "TIME", "1989-10-30T12:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Numbers dropped through the nineties.", ("the nineties", "DATE", "199")),
        ("It was built in the late eighteen-nineties.",
         ("the late eighteen-nineties", "DATE", "189")),
        ("The post-1959 politics split families.", ("post-1959", "DATE", "1959")),
        ("Demand stayed high into the summer.", ("the summer", "DATE", "1989-SU")),
        ("Traders squared positions ahead of the weekend.",
         ("the weekend", "DATE", "1989-W44-WE")),
    ],
)
def test_decades_in_words_years_in_compounds_and_cued_seasons(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_that_year_is_the_year_named_before() -> None:
    text = "He fled in June 1988 and returned later that year."
    assert found(text) == [("June 1988", "DATE", "1988-06"), ("later that year", "DATE", "1988")]


def test_names_and_idioms_that_hold_time_words_are_left_alone() -> None:
    assert found("Even he tells the truth once in a while.") == []
    assert found("The Sixties Scoop was a practice of the state.") == []
    assert found("In the Sixties, things changed.") == [("the Sixties", "DATE", "196")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops will arrive by the end of the month.",
         ("the end of the month", "DATE", "1989-10")),
        ("Talks resume at the beginning of the week.",
         ("the beginning of the week", "DATE", "1989-W44")),
        ("Trucks come every other day.", ("every other day", "SET", "P2D")),
    ],
)
def test_parts_of_the_current_unit_and_alternate_sets(text: str,
                                                      expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "Revenue should increase by 20% annually.",
    "The plant would produce about 10,000 units annually.",
    "That is 5% of the average daily volume.",
])
def test_a_rate_per_period_is_not_a_set(text: str) -> None:
    assert found(text) == []


def test_a_recurring_event_is_still_a_set() -> None:
    assert found("Rallies are held here annually.") == [("annually", "SET", "P1Y")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Costs will weigh on profit in the near term.", ("the near term", "DATE", "FUTURE_REF")),
        ("It may seek financing at a later date.", ("a later date", "DATE", "FUTURE_REF")),
        ("Sales grew for the first time in years.", ("years", "DURATION", "PXY")),
    ],
)
def test_vague_times_ahead_and_behind(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize("text", [
    "The case is for today's youth what the blockade was for their parents.",
    "It makes no sense in today's world.",
    "If I were choosing the people of tomorrow, I would pick them.",
])
def test_today_and_tomorrow_as_eras_are_not_days(text: str) -> None:
    assert found(text) == []


def test_a_part_of_the_year_is_the_documents_year() -> None:
    assert found("Revenue fell through the first nine months of the year.") == [
        ("the first nine months", "DURATION", "P9M"), ("the year", "DATE", "1989")]


def test_a_period_that_ended_on_a_day_lies_behind() -> None:
    assert found("In the fiscal year ended Jan. 31, sales rose.", tense=None)[-1] == (
        "Jan. 31", "DATE", "1989-01-31")


def test_the_future_of_something_is_not_a_time() -> None:
    assert found("That is very important to the future of our peoples.") == []
    assert found("Air strikes may continue well into the future.") == [
        ("the future", "DATE", "FUTURE_REF")]


def test_several_quarters_of_losses_are_periods_but_three_quarters_of_a_vote_is_a_share() -> None:
    assert found("It returned to profit after several quarters of losses.") == [
        ("several quarters", "DURATION", "PXQ")]
    assert found("He won three quarters of the vote.") == []


@pytest.mark.parametrize("text", [
    "Prices fell. Now, Ms. Conlin said, the issue will have new resonance.",
    "Now for today's geography quiz.",
])
def test_now_opening_a_sentence_before_a_comma_or_for_is_a_discourse_marker(text: str) -> None:
    assert [expression for expression, *_ in found(text) if expression == "Now"] == []


def test_now_opening_a_sentence_as_a_time_is_still_the_present() -> None:
    assert found("Now officials are investigating the bombing.")[0][:3] == (
        "Now", "DATE", "PRESENT_REF")


def test_a_month_name_opening_a_named_event_is_not_a_month() -> None:
    assert found("Agents scanned the crowd at the annual March for Life.") == []
    assert found("He wrote in June for Reuters.") == [("June", "DATE", "1989-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill shut about two years ago.", ("about two years ago", "DURATION", "P2Y")),
        ("The rebels seized the port more than four decades ago.",
         ("more than four decades ago", "DURATION", "P40Y")),
        ("The canal flooded roughly three months ago.",
         ("roughly three months ago", "DURATION", "P3M")),
    ],
)
def test_a_rounded_or_bounded_distance_back_is_the_stretch_not_a_date(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill shut two years ago.", ("two years ago", "DATE", "1987")),
        ("The mill shut nearly two years ago.", ("nearly two years ago", "DATE", "1987")),
    ],
)
def test_an_exact_or_nearly_reached_distance_back_is_the_date(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Three clinics were attacked, most recently last October.",
        "The depot was shelled again recently, on Tuesday.",
    ],
)
def test_recently_before_a_date_leaves_the_time_to_the_date(text: str) -> None:
    phrases = [phrase for phrase, _, _ in found(text, tense="past")]
    assert "recently" not in phrases and len(phrases) == 1


def test_recently_on_its_own_is_the_past() -> None:
    assert found("The depot was shelled recently.", tense="past") == [
        ("recently", "DATE", "PAST_REF")]


@pytest.mark.parametrize(
    "text",
    [
        "Staff who leave early get a bonus equal to six months of base pay.",
        "The court awarded her a year's salary.",
        "Tenants owe three months' rent.",
    ],
)
def test_a_duration_measuring_pay_is_a_sum_not_a_time(text: str) -> None:
    assert found(text) == []
