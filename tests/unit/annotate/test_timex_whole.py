"""One whole unit of time (:mod:`sitroom.annotate.timex_whole`)."""

from __future__ import annotations

import pytest

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dockers struck for a full week.", ("a full week", "DURATION", "P1W")),
        ("The convoy waited an entire day at the border.", ("an entire day", "DURATION", "P1D")),
        ("The family spent a whole year in the camp.", ("a whole year", "DURATION", "P1Y")),
        ("Aid took a full fortnight to arrive.", ("a full fortnight", "DURATION", "P2W")),
    ],
)
def test_a_whole_unit_is_one_unit_long(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_the_full_year_is_left_to_the_calendar_rules() -> None:
    # with "the" it names the year a report covers, not a stretch of one year
    readings = found("The firm forecast higher sales for the full year.")
    assert all(kind != "DURATION" for _, kind, _ in readings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy began a weeklong tour.", ("weeklong", "DURATION", "P1W")),
        ("A daylong strike shut the port.", ("daylong", "DURATION", "P1D")),
        ("The yearlong inquiry ended.", ("yearlong", "DURATION", "P1Y")),
        ("An hourlong speech followed.", ("hourlong", "DURATION", "PT1H")),
    ],
)
def test_a_closed_compound_with_long_is_one_unit_long(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]

