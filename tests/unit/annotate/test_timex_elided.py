"""The first of two joined amounts sharing one unit (:mod:`sitroom.annotate.timex_elided`):
``two`` in ``two to six days`` is a time expression of its own."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text
from sitroom.annotate.timex_elided import elided_amounts
from sitroom.annotate.timex_rules import Reading

FRIDAY = date(2019, 5, 17)


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, FRIDAY, "past")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry crossing took between two and four days in the storm.",
         [("two", "DURATION", "P2D"), ("four days", "DURATION", "P4D")]),
        ("Repairs need one or two weeks, the engineers said.",
         [("one", "DURATION", "P1W"), ("two weeks", "DURATION", "P2W")]),
        ("The siege lasted 10 to 12 hours.",
         [("10", "DURATION", "PT10H"), ("12 hours", "DURATION", "PT12H")]),
        ("Rebuilding may take two to three decades.",
         [("two", "DURATION", "P20Y"), ("three decades", "DURATION", "P30Y")]),
    ],
)
def test_the_first_amount_takes_the_unit_said_after_the_second(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_an_ordinal_before_shared_quarters_is_its_own_quarter() -> None:
    text = "Harvest sales usually peak in the second and fourth quarters."
    assert found(text) == [("second", "SET", "XXXX-Q2"), ("fourth quarters", "SET", "XXXX-Q4")]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout rose 5 and 6 percent in two years.",
        "Prisoners were freed two to three days after the vote.",
        "Aid flights landed 1,200 to 1,500 times in two years.",
    ],
)
def test_amounts_that_share_no_time_unit_or_hang_on_an_event_stay_unmarked(text: str) -> None:
    assert not any(item[0].isdigit() or item[0] in ("two", "5", "1,200")
                   for item in found(text) if " " not in item[0])


def test_an_amount_already_in_an_expression_is_not_taken_twice() -> None:
    text = "It rained for three days and four days later it snowed."
    readings = [(start, end, reading) for start, end, reading in normalize_text(text, FRIDAY)]
    assert elided_amounts(text, readings) == []
    assert elided_amounts("two to six days", [(7, 15, Reading("DURATION", "P6D", "duration"))]
                          ) == [(0, 3, Reading("DURATION", "P2D", "duration"))]
