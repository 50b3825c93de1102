"""Which quarter, half, year or day a report's under-specified expressions refer to."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_anchor import (
    attributive,
    compared_quarter,
    ended_year,
    fiscal_quarter,
    fronted_until,
    names_today,
)
from sitroom.annotate.timex_calendar import Tense

ANCHOR = date(1989, 11, 1)  # a Wednesday, in the fourth quarter


def values(text: str, tense: Tense | None = "past",
           anchor: date = ANCHOR) -> dict[str, str | None]:
    return {text[start:end]: reading.value
            for start, end, reading in normalize_text(text, anchor, tense)}


def test_a_quarter_named_in_a_comparison_does_not_become_the_one_reported() -> None:
    text = ("Net rose 20% in the third quarter. After a flat second quarter, the company "
            "cited its consumer lines. Charges were taken in the year-earlier period.")
    assert values(text)["the year-earlier period"] == "1988-Q3"
    assert compared_quarter(text, text.index("a flat second quarter"))
    assert not compared_quarter(text, text.index("the third quarter"))


def test_speaking_of_the_reported_quarter_keeps_it_in_view() -> None:
    # "the 1989 period" lies within QUARTER_REACH of "the third quarter", "a year ago" past it.
    filler = "The company cited higher prices for its products in many markets. " * 11
    text = (f"Net rose 20% in the third quarter. {filler}In the 1989 period, interest "
            "expense, tax rates and the costs of its plants and offices were all lower than "
            "a year ago.")
    found = values(text)
    assert found["the 1989 period"] == "1989-Q3"
    assert found["a year ago"] == "1988-Q3"


def test_far_from_any_quarter_a_year_ago_is_the_year() -> None:
    filler = "The company cited higher prices for its products in many markets. " * 13
    text = f"Net rose 20% in the third quarter. {filler}Costs were lower than a year ago."
    assert values(text)["a year ago"] == "1988"


def test_a_fiscal_quarter_ended_on_a_date_not_yet_reached_this_year_is_last_years() -> None:
    text = ("In the comparable period, the second quarter ended Oct. 31, the company had a "
            "loss. Results for that quarter included a write-down.")
    found = values(text, anchor=date(1989, 10, 27))
    assert found["the second quarter"] == "1988-Q2"
    assert found["that quarter"] == "1988-Q2"
    assert ended_year(" ended Oct. 31, 1990", 0, None) == 1990
    assert ended_year(" rose 5%", 0, ANCHOR) is None


def test_a_quarter_ended_on_a_date_is_the_calendar_quarter_most_of_it_lies_in() -> None:
    assert values("In the quarter ended July 31, it had 5.6 million shares.")[
        "the quarter"] == "1989-Q2"
    assert fiscal_quarter(date(1989, 9, 30)) == (1989, 3)
    assert fiscal_quarter(date(1989, 10, 31)) == (1989, 3)
    assert fiscal_quarter(date(1990, 1, 31)) == (1989, 4)


@pytest.mark.parametrize(("text", "expected"), [
    ("The slump will last through the first two quarters of 1990.",
     ("the first two quarters of 1990", "1990-H1")),
    ("Growth returns in the last two quarters of next year.",
     ("the last two quarters of next year", "1990-H2")),
])
def test_two_quarters_at_either_end_of_a_year_are_a_half(text: str,
                                                         expected: tuple[str, str]) -> None:
    assert expected in values(text, "future").items()


def test_for_the_year_alone_is_the_year_reported_and_with_an_end_date_a_stretch() -> None:
    assert values("For the year, pet food volume was flat.")["the year"] == "1989"
    assert values("For the year ended Sept. 30, it earned $422.5 million.")[
        "the year"] == "P1Y"


def test_this_quarter_in_a_report_on_an_earlier_quarter_is_that_one() -> None:
    text = "It lost $8.1 million in the third quarter. This quarter's loss includes charges."
    assert values(text)["This quarter"] == "1989-Q3"
    assert values("Sales should rise this quarter.", "future")["this quarter"] == "1989-Q4"


def test_a_quarter_still_running_told_in_the_present_does_not_frame_the_report() -> None:
    text = ("It has no estimate of the impact on fourth-quarter results. In the latest "
            "quarter, it had a loss.")
    assert values(text, "present")["the latest quarter"] == "1989-Q3"


def test_a_fronted_until_takes_the_tense_of_its_clause() -> None:
    anchor = date(1999, 5, 7)  # a Friday
    assert values("Until Thursday, they had not called him a suspect.", "past", anchor)[
        "Thursday"] == "1999-05-06"
    assert values("The talks were postponed until Thursday.", "past", anchor)[
        "Thursday"] == "1999-05-13"
    text = "Until Thursday, they waited."
    assert fronted_until(text, 6, 14)
    assert not fronted_until("They waited until Thursday, then left.", 18, 26)


def test_the_ordinal_day_of_an_event_said_to_be_today_is_the_document_date() -> None:
    assert values("Today is the eighth day of the blockade.", "present")[
        "the eighth day"] == "1989-11-01"
    assert values("It's the second day of an offensive by the army.", "present")[
        "the second day"] == "1989-11-01"
    text = "Troops crossed on the second day of the offensive."
    assert values(text)["the second day"] is None  # waits for the offensive's date
    assert not names_today(text, text.index("the second day"))


def test_a_month_before_a_noun_after_an_article_modifies_it() -> None:
    text = "The bank is continuing to try to sell itself under a June agreement."
    assert attributive(text, text.index("June"), text.index("June") + 4)
    assert not attributive("It resumes in June and", 13, 17)
    assert values("The talks will resume in June.", "future", date(1989, 10, 27))[
        "June"] == "1990-06"
