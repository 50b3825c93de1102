"""Clauses that look ahead without a future auxiliary (:func:`sitroom.annotate.timex_tense.
tense_at`): passive infinitives and gerunds take the tense of the verb they complete (``is
expected to be released Friday``), ``is due to``, ``is set to`` and the timetable present
(``the court hears the case on Thursday``) point to the coming day; a finite passive, a verb of
saying and a past still tell what was done."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times

WEDNESDAY = date(2021, 3, 17)


def weekday_value(nlp: Any, text: str) -> str | None:
    values = [m.value for m in extract_times(nlp(text), "a1", WEDNESDAY)
              if m.text.endswith("day")]
    assert len(values) == 1, values
    return values[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The findings are expected to be published Friday.", "2021-03-19"),
        ("The two officers are to be sentenced on Thursday.", "2021-03-18"),
        ("The detainees are scheduled to be freed Saturday.", "2021-03-20"),
        ("He said the bill would have to be signed by Friday.", "2021-03-19"),
        ("The talks are being held on Friday in Geneva.", "2021-03-19"),
    ],
)
def test_a_passive_infinitive_looking_ahead_is_the_coming_day(
        nlp: Any, text: str, value: str) -> None:
    assert weekday_value(nlp, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The road was reopened on Friday.", "2021-03-12"),
        ("The camp has been evacuated since Monday.", "2021-03-15"),
        ("Supplies had to be flown in on Friday.", "2021-03-12"),
        ("The talks were being held on Friday when the shelling began.", "2021-03-12"),
    ],
)
def test_a_finite_passive_still_looks_back(nlp: Any, text: str, value: str) -> None:
    assert weekday_value(nlp, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The court hears the appeal on Thursday.", "2021-03-18"),
        ("Donors meet again in Geneva on Friday.", "2021-03-19"),
        ("The truce takes effect Monday.", "2021-03-22"),
        ("The envoy is due to arrive on Thursday.", "2021-03-18"),
        ("The council is set to approve the plan Friday.", "2021-03-19"),
        ("The assembly is poised to vote Monday on the budget.", "2021-03-22"),
    ],
)
def test_a_timetabled_or_planned_day_is_the_coming_one(
        nlp: Any, text: str, value: str) -> None:
    assert weekday_value(nlp, text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry says Monday that the camps are full.", "2021-03-15"),
        ("The envoy said Monday she and her staff are safe.", "2021-03-15"),
        ("The report follows a visit by the envoy Monday.", "2021-03-15"),
        ("Heavy selling hurt the shares on Friday.", "2021-03-12"),
        ("Bail was set Friday at a million dollars.", "2021-03-12"),
        ("The envoy was due to arrive on Thursday.", "2021-03-11"),
    ],
)
def test_saying_sequence_and_past_forms_still_look_back(
        nlp: Any, text: str, value: str) -> None:
    assert weekday_value(nlp, text) == value
