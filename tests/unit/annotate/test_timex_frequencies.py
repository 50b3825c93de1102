"""How often, as a count of times in a unit (:mod:`sitroom.annotate.timex_frequencies`)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials visit the camp several times a week.",
         ("several times a week", "SET", "P1W")),
        ("Jets flew over many times a day.", ("many times a day", "SET", "P1D")),
        ("The border opens a few times a year.", ("a few times a year", "SET", "P1Y")),
    ],
)
def test_a_vague_count_of_times_in_a_unit_is_a_set(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Give the syrup twice daily.", ("twice daily", "SET", "P1D")),
        ("Ferries cross three times weekly.", ("three times weekly", "SET", "P1W")),
        ("Guards walk the fence twice nightly.", ("twice nightly", "SET", "XXXX-XX-XXTNI")),
    ],
)
def test_a_count_before_an_adverb_of_frequency_is_one_set(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_an_amount_of_things_daily_is_still_a_rate() -> None:
    assert found("The refinery makes 10,000 barrels daily.") == []
