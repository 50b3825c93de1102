"""A counted stretch after ``in`` in a clause that looks ahead is the DATE it lands on
(:mod:`sitroom.annotate.timex_in_future`); told in the past, after an amount, or vague, it stays
a DURATION."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times

WEDNESDAY = date(2021, 3, 17)


def reading(nlp: Any, text: str, phrase: str) -> tuple[str, str | None]:
    found = {m.text: (m.type, m.value) for m in extract_times(nlp(text), "a1", WEDNESDAY)}
    return found[phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The loans will be paid back in four years.", "four years", "2025"),
        ("The ferry link should reopen in two weeks.", "two weeks", "2021-W13"),
        ("The new wing will open in three months.", "three months", "2021-06"),
        ("The envoy will return in ten days.", "ten days", "2021-03-27"),
    ],
)
def test_a_stretch_ahead_lands_on_a_date(nlp: Any, text: str, phrase: str, value: str) -> None:
    assert reading(nlp, text, phrase) == ("DATE", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It was her third visit in two weeks.", "two weeks", "P2W"),
        ("The mill will turn out 500 tonnes in two days.", "two days", "P2D"),
        ("The project will be finished in a few years.", "a few years", "PXY"),
    ],
)
def test_a_stretch_told_in_the_past_or_after_an_amount_stays_a_duration(
        nlp: Any, text: str, phrase: str, value: str) -> None:
    assert reading(nlp, text, phrase) == ("DURATION", value)
