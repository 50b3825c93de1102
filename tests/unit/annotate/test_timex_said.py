"""A day or month written right after a past verb of saying is when it was said
(:mod:`sitroom.annotate.timex_said`), even when the reported clause that follows without
``that`` looks ahead and the parser hangs the day on it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times
from sitroom.annotate.timex_said import said_on

WEDNESDAY = date(2021, 3, 17)


def day_values(nlp: Any, text: str) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_times(nlp(text), "a1", WEDNESDAY)}


@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        ("Port officials said Monday the ferry would sail again soon.", "Monday", "2021-03-15"),
        ("The union said Tuesday the strike will go on.", "Tuesday", "2021-03-16"),
        ("Two commanders told reporters Monday they would pull back.", "Monday", "2021-03-15"),
        ("The mayor announced on Monday the market will reopen.", "Monday", "2021-03-15"),
        ("The carmaker said in January it would shut the plant.", "January", "2021-01"),
    ],
)
def test_the_day_after_said_is_the_day_it_was_said(
        nlp: Any, text: str, day: str, value: str) -> None:
    assert day_values(nlp, text)[day] == value


@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        # the day of something else, which the reported clause dates
        ("Observers said Monday's runoff would be close.", "Monday", "2021-03-22"),
        # not after the verb of saying: the clause's own future
        ("The spokesman said the talks will resume Monday.", "Monday", "2021-03-22"),
    ],
)
def test_other_days_keep_their_clause_reading(
        nlp: Any, text: str, day: str, value: str) -> None:
    assert day_values(nlp, text)[day] == value


def test_said_on_reads_only_the_words_just_before_the_day() -> None:
    text = "He said on Friday."
    assert said_on(text, text.index("Friday"), text.index("Friday") + 6)
    text = "He said it would be Friday."
    assert not said_on(text, text.index("Friday"), text.index("Friday") + 6)
