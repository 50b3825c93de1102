"""An unstated ``the week`` (:mod:`sitroom.annotate.timex_the_week`)."""

from __future__ import annotations

from datetime import date

import pytest

from .test_timex_daytime import found

#: A Monday of early January: its ISO week belongs to the same year.
MONDAY = date(2024, 1, 8)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("For the week, the bourse lost 2.4% as copper slid.", "the week"),
        ("Volume on Thursday was the week's heaviest.", "the week"),
        ("Refunds doubled in the week following the recall.", "the week"),
    ],
)
def test_the_week_alone_is_a_week_of_the_year_left_unstated(text: str, phrase: str) -> None:
    assert (phrase, "DATE", "2024-WXX") in found(text, MONDAY)


def test_without_an_anchor_the_week_has_no_value() -> None:
    assert ("the week", "DATE", None) in found("For the week, the bourse lost 2.4%.", None)


@pytest.mark.parametrize(
    "text",
    [
        "The hearing is set for the week of March 4.",
        "Deliveries rose in the week ended Jan. 5.",
        "Traders are wary about the week ahead.",
        "She writes a column for The Week.",
    ],
)
def test_a_dated_closed_or_coming_week_or_a_title_is_not_this_reading(text: str) -> None:
    assert all(value != "2024-WXX" for _, _, value in found(text, MONDAY))
