"""Which year a bare month name falls in, by the clause's tense
(:func:`sitroom.annotate.timex_calendar.month_year` fed by
:func:`sitroom.annotate.timex_tense.tense_at`): a past clause reaches at most one month past the
article's date (a deadline set in October "through November"), a present passive (``is
heard in May``) is not a past, and a past clause naming a month two or more ahead means the
one before."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times
from sitroom.annotate.timex_tense import tense_at

LATE_OCTOBER = date(2021, 10, 27)
LATE_MARCH = date(2021, 3, 29)


def month_value(nlp: Any, text: str, anchor: date) -> str | None:
    values = [m.value for m in extract_times(nlp(text), "a1", anchor) if m.type == "DATE"]
    assert len(values) == 1, values
    return values[0]


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("The insurer switched to a calendar year in December.", LATE_OCTOBER, "2020-12"),
        ("The bakery closed its second shop in January.", LATE_OCTOBER, "2021-01"),
        ("The regulator opened an inquiry in September.", LATE_OCTOBER, "2021-09"),
        ("The ferry operator cut its timetable in June.", LATE_MARCH, "2020-06"),
    ],
)
def test_a_past_clause_names_a_month_behind_the_article(
        nlp: Any, text: str, anchor: date, value: str) -> None:
    assert month_value(nlp, text, anchor) == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        # one month of slack: a past decision about the month just ahead
        ("The lenders extended the credit line through November.", LATE_OCTOBER, "2021-11"),
        # a present passive is no past: the nearest May is the coming one
        ("The landlord's appeal is heard in May at the district court.", LATE_MARCH,
         "2021-05"),
        ("The talks are supposed to end by May.", LATE_MARCH, "2021-05"),
    ],
)
def test_a_month_just_ahead_or_in_a_present_passive_is_the_coming_one(
        nlp: Any, text: str, anchor: date, value: str) -> None:
    assert month_value(nlp, text, anchor) == value


@pytest.mark.parametrize(
    ("text", "phrase", "tense"),
    [
        ("The appeal is heard in May.", "May", "present"),
        ("The ballots are counted on Sunday.", "Sunday", "present"),
        ("The appeal was heard in May.", "May", "past"),
        ("The appeal has been heard in May.", "May", "past"),
    ],
)
def test_the_present_passive_reads_as_present(
        nlp: Any, text: str, phrase: str, tense: str) -> None:
    start = text.index(phrase)
    assert tense_at(nlp(text), start, start + len(phrase)) == tense
