"""Units counted from the date a story stands on (:mod:`sitroom.annotate.timex_next_unit`
and the ``following``/``previous`` readings of :mod:`sitroom.annotate.timex_rules`):
``resigned the next year`` told in the past is the year after the one last named; ``the
following year`` counts from the last named year even when a day was named before it; ``the
previous year`` with nothing named counts from the article's date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times

WEDNESDAY = date(2021, 3, 17)


def readings(nlp: Any, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.type, m.value) for m in extract_times(nlp(text), "a1", WEDNESDAY)}


@pytest.mark.parametrize(
    ("text", "phrase", "reading"),
    [
        ("She was elected mayor in 2004 and stepped down the next year.", "the next year",
         ("DATE", "2005")),
        ("The levee failed on May 9, 2011, and the road was rebuilt the next month.",
         "the next month", ("DATE", "2011-06")),
        ("The ceasefire collapsed on Monday. The next week, the shelling resumed.",
         "The next week", ("DATE", "2021-W12")),
    ],
)
def test_the_next_unit_in_a_past_story_is_the_one_after_the_last_named(
        nlp: Any, text: str, phrase: str, reading: tuple[str, str]) -> None:
    assert readings(nlp, text)[phrase] == reading


@pytest.mark.parametrize(
    "text",
    [
        "The camps will be emptied over the next year.",
        "The agency will hire more staff the next year.",
        "She was elected mayor in 2004 and served over the next year.",
    ],
)
def test_the_next_unit_looking_ahead_or_after_a_preposition_is_a_stretch(
        nlp: Any, text: str) -> None:
    assert readings(nlp, text)["the next year"] == ("DURATION", "P1Y")


def test_the_following_year_counts_from_the_last_named_year_not_an_earlier_day(
        nlp: Any) -> None:
    text = ("Officials said on Friday that he joined the police in 1996 and left the following "
            "year.")
    assert readings(nlp, text)["the following year"] == ("DATE", "1997")


def test_the_following_year_after_a_season_of_a_year(nlp: Any) -> None:
    text = "Rents peaked in the summer of 2018 and fell the following year."
    assert readings(nlp, text)["the following year"] == ("DATE", "2019")


def test_the_previous_year_with_nothing_named_counts_from_the_article(nlp: Any) -> None:
    assert readings(nlp, "Exports rose 4% from the previous year.")["the previous year"] == (
        "DATE", "2020")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a month named after the last day: a day of that month, which one untold
        ("The clinic closed on Tuesday. The attack came last October, and the site was "
         "taken down that same day.", "2020-10-XX"),
        ("Floods hit the valley in June 2019; roads were cut that day.", "2019-06-XX"),
        # a day named after the month: that day
        ("In June 2019 the river rose, and on June 12, 2019, the roads were cut. The army "
         "arrived that day.", "2019-06-12"),
    ],
)
def test_that_day_after_a_named_month_is_a_day_of_that_month(
        nlp: Any, text: str, value: str) -> None:
    found = readings(nlp, text)
    assert found.get("that same day", found.get("that day")) == ("DATE", value)
