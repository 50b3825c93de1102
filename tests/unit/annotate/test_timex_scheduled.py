"""Days a standing plan is set for (:mod:`sitroom.annotate.timex_scheduled`): ``a vote set
for Thursday`` told on a Tuesday is the coming Thursday, whatever the clause's tense."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_calendar import Tense
from sitroom.annotate.timex_scheduled import set_for

TUESDAY = date(2021, 3, 16)


def values(text: str, tense: Tense | None) -> list[str | None]:
    return [reading.value for _, _, reading in normalize_text(text, TUESDAY, tense)]


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("A council vote set for Thursday will test the coalition.", "future", "2021-03-18"),
        ("The summit is scheduled for Friday in the capital.", "present", "2021-03-19"),
        ("Talks, slated for Monday, drew little notice.", "past", "2021-03-22"),
        ("Officials described the meeting planned for Saturday.", "past", "2021-03-20"),
        ("The hearing is set for March 30.", "present", "2021-03-30"),
        ("A runoff is set for November.", "present", "2021-11"),
    ],
)
def test_a_plan_set_for_a_day_points_ahead(text: str, tense: Tense, value: str) -> None:
    assert values(text, tense) == [value]


def test_a_plan_told_as_over_keeps_the_clause_tense() -> None:
    # "was set for Monday, was delayed": the Monday just gone, as the past clause says.
    assert values("The hearing, which was set for Monday, was delayed.", "past") == [
        "2021-03-15"]
    assert values("The game had been scheduled for Sunday.", "past") == ["2021-03-14"]


def test_without_the_cue_a_past_clause_still_looks_back() -> None:
    assert values("The council voted on Thursday.", "past") == ["2021-03-11"]


@pytest.mark.parametrize(
    ("before", "expected"),
    [("a vote set for ", True), ("it is scheduled for on ", True), ("it was set for ", False),
     ("had been planned for ", False), ("they set off ", False)],
)
def test_the_cue_is_read_just_before_the_day(before: str, expected: bool) -> None:
    text = before + "Friday"
    assert set_for(text, len(before)) is expected
