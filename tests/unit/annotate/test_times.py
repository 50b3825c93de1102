"""Time expressions found in parsed text and normalised against the document date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times
from sitroom.types import TimeMention

THURSDAY = date(2024, 11, 28)


def times(nlp: Any, text: str, anchor: date | None = THURSDAY) -> list[TimeMention]:
    return list(extract_times(nlp(text), "a1", anchor))


def values(nlp: Any, text: str, anchor: date | None = THURSDAY) -> dict[str, str | None]:
    return {m.text: m.value for m in times(nlp, text, anchor)}


def test_past_weekday_is_the_previous_one(nlp: Any) -> None:
    found = times(nlp, "Rebels launched an attack on Wednesday.")
    assert [(m.text, m.type, m.value, m.precision) for m in found] == [
        ("Wednesday", "DATE", "2024-11-27", "day")]


def test_future_weekday_is_the_next_one(nlp: Any) -> None:
    assert values(nlp, "The ministers will meet on Tuesday.") == {"Tuesday": "2024-12-03"}


def test_weekday_of_the_anchor_is_the_anchor(nlp: Any) -> None:
    assert values(nlp, "He said on Thursday that talks had failed.") == {
        "Thursday": "2024-11-28"}


def test_weekday_with_part_of_day_is_a_time(nlp: Any) -> None:
    found = times(nlp, "Residents saw trucks late on Monday night.")
    assert [(m.text, m.type, m.value) for m in found] == [
        ("late on Monday night", "TIME", "2024-11-25TNI")]


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Clashes began early on November 27.", "early on November 27", "2024-11-27", "day"),
        ("Officials met last week.", "last week", "2024-W47", "week"),
        ("Prices rose last month.", "last month", "2024-10", "month"),
        ("He visited twice earlier this month.", "earlier this month", "2024-11", "month"),
        ("He was invited several times this year.", "this year", "2024", "year"),
        ("The talks collapsed in mid-November.", "mid-November", "2024-11", "month"),
        ("The deal was signed in 2019.", "2019", "2019", "year"),
        ("The ceasefire ended four years ago.", "four years ago", "2020", "year"),
        ("The town flooded this summer.", "this summer", "2024-SU", "season"),
        ("It was a boom town in the 1990s.", "the 1990s", "199", "decade"),
        ("The siege lasted for four years.", "four years", "P4Y", "duration"),
        ("The meeting took three hours.", "three hours", "PT3H", "duration"),
        ("The army is now at the gates.", "now", "PRESENT_REF", "ref"),
        ("The minister recently resigned.", "recently", "PAST_REF", "ref"),
        ("The vote was held on August 12, 2025.", "August 12, 2025", "2025-08-12", "day"),
        ("He spent 2 1/2 years in a camp.", "2 1/2 years", "P2Y6M", "duration"),
        ("The war lasted two decades.", "two decades", "P20Y", "duration"),
        ("Prices are published daily.", "daily", "P1D", "duration"),
        ("Orangemen march each July.", "each July", "XXXX-07", "month"),
        ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", "day"),
        ("Violence has grown in recent months.", "recent months", "PXM", "duration"),
        ("He was arrested in June last year.", "June last year", "2023-06", "month"),
        ("Talks broke off at 10 p.m. Wednesday.", "10 p.m. Wednesday", "2024-11-27T22:00",
         "time"),
        ("The deadline was extended until noon Saturday.", "noon Saturday", "2024-11-30T12:00",
         "time"),
        ("The newsletter arrives twice a month.", "twice a month", "P1M", "duration"),
        ("The breach opened shortly before 3 a.m. near the village.", "3 a.m.",
         "2024-11-28T03:00", "time"),
    ],
)
def test_expressions_and_values(nlp: Any, text: str, expression: str, value: str,
                                precision: str) -> None:
    found = {m.text: m for m in times(nlp, text)}
    assert expression in found, found
    assert (found[expression].value, found[expression].precision) == (value, precision)


def test_month_day_without_year_takes_the_year_before_the_anchor(nlp: Any) -> None:
    assert values(nlp, "The offensive began on November 27.", date(2025, 1, 5)) == {
        "November 27": "2024-11-27"}


def test_event_relative_expressions_keep_their_relation(nlp: Any) -> None:
    found = times(nlp, "Two days before Assad fled, his allies met. "
                       "By the second day of the offensive, jets were bombing.")
    relations = {m.text: (m.type, m.value, m.relation) for m in found}
    # TimeML marks the amount as a duration; the event it counts from waits in relation.
    assert relations["Two days"] == ("DURATION", "P2D", "before:P2D:Assad fled")
    assert relations["the second day"] == ("DATE", None, "ordinal:2:P1D:the offensive")


def test_ages_and_bare_units_are_not_time_expressions(nlp: Any) -> None:
    found = values(nlp, "A 54-year-old farmer drowned. He was found on Thanksgiving Day after "
                        "a boat capsized.")
    assert "54-year-old" not in found
    assert "Day" not in found


def test_quarters_follow_the_reported_period(nlp: Any) -> None:
    text = ("Acme said third-quarter profit fell 20% to $5 million, from $6.3 million a year "
            "earlier. Revenue in the quarter rose 3%. Year-earlier sales were restated.")
    found = values(nlp, text, date(1989, 10, 26))
    assert found["third-quarter"] == "1989-Q3"
    assert found["a year earlier"] == "1988-Q3"
    assert found["the quarter"] == "1989-Q3"
    assert found["Year-earlier"] == "1988-Q3"


def test_a_year_ago_without_a_quarter_is_the_year(nlp: Any) -> None:
    assert values(nlp, "The town flooded a year ago.")["a year ago"] == "2023"


def test_fourth_quarter_told_in_january_is_last_years(nlp: Any) -> None:
    found = values(nlp, "Sales fell in the fourth quarter.", date(1998, 1, 26))
    assert found["the fourth quarter"] == "1997-Q4"


def test_fiscal_years(nlp: Any) -> None:
    found = values(nlp, "Results for fiscal 1988 beat those of the current fiscal year.",
                   date(1989, 10, 26))
    assert found == {"fiscal 1988": "1988", "the current fiscal year": "1989"}


def test_words_that_point_ahead_override_a_past_verb(nlp: Any) -> None:
    found = values(nlp, "Officials postponed the hearing until Tuesday.")
    assert found["Tuesday"] == "2024-12-03"


def test_past_clause_about_a_coming_date_keeps_the_anchor_year(nlp: Any) -> None:
    found = values(nlp, "The board declared a dividend payable Dec. 7.", date(1989, 10, 27))
    assert found["Dec. 7"] == "1989-12-07"


def test_without_anchor_relative_values_wait_but_absolute_ones_resolve(nlp: Any) -> None:
    found = {m.text: m for m in times(nlp, "Officials met last week, as they did in 2019.",
                                      anchor=None)}
    assert found["last week"].value is None and found["last week"].type == "DATE"
    assert found["2019"].value == "2019"


def test_without_anchor_month_day_takes_the_year_of_a_full_date_before_it(nlp: Any) -> None:
    text = "The embankment broke on August 12, 2025. The Ledger reported on August 14 that ..."
    assert values(nlp, text, anchor=None)["August 14"] == "2025-08-14"


def test_words_that_only_look_like_dates_are_left_alone(nlp: Any) -> None:
    text = ("The council may adopt Resolution 2254. Some 2000 people marched in May. "
            "Speaking to Larkana Today, she said the march would go on.")
    found = values(nlp, text)
    assert "2254" not in found
    assert "2000" not in found
    assert "Today" not in found
    assert found.get("May") == "2024-05"


def test_offsets_index_the_text_exactly(nlp: Any) -> None:
    text = "On Monday, August 18, 2025, the NDMA said that for the first time in nine days..."
    doc = nlp(text)
    found = extract_times(doc, "a1", None)
    assert found
    for mention in found:
        assert doc.text[mention.start:mention.end] == mention.text
        assert mention.article == "a1"
    assert [(m.text, m.value) for m in found] == [
        ("Monday, August 18, 2025", "2025-08-18"), ("nine days", "P9D")]


def test_spoken_years_and_moving_holidays(nlp: Any) -> None:
    found = values(nlp, "January nineteen ninety-seven. Atlanta again. In the year two "
                        "thousand, he left. Two thousand people marched.", date(1998, 2, 27))
    assert found["January nineteen ninety-seven"] == "1997-01"
    assert found["the year two thousand"] == "2000"
    assert "Two thousand" not in found
    found = values(nlp, "He was rescued on Thanksgiving Day.", date(2000, 1, 6))
    assert found["Thanksgiving Day"] == "1999-11-25"


def test_easter_and_thanksgiving_dates() -> None:
    from sitroom.annotate.timex_words import easter, thanksgiving

    assert [easter(y) for y in (2000, 2024, 2025)] == [
        date(2000, 4, 23), date(2024, 3, 31), date(2025, 4, 20)]
    assert thanksgiving(1999) == date(1999, 11, 25)


def test_vague_stretches_ahead_and_shares_are_told_apart(nlp: Any) -> None:
    found = values(nlp, "Prices may rise in coming weeks, and three quarters of the vote "
                        "went to him over the past two quarters.")
    assert found["coming weeks"] == "PXW"
    assert found["the past two quarters"] == "P2Q"
    assert "three quarters" not in found
