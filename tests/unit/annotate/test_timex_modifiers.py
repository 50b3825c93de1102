"""A duration's expression takes in the word that bounds its amount
(:mod:`sitroom.annotate.timex_modifiers`)."""

from __future__ import annotations

import pytest

from sitroom.annotate.timex_modifiers import bounded_start

from .test_timex_daytime import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He lived with his great-uncle for nearly five months.",
         ("nearly five months", "DURATION", "P5M")),
        ("The siege lasted more than four hours.", ("more than four hours", "DURATION", "PT4H")),
        ("Detainees may be held for up to 180 days.", ("up to 180 days", "DURATION", "P180D")),
        ("The inspection took over a week.", ("over a week", "DURATION", "P1W")),
        ("Talks must end in no more than sixty days.",
         ("no more than sixty days", "DURATION", "P60D")),
    ],
)
def test_a_bounding_word_is_part_of_the_duration(text: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_over_before_the_is_a_preposition_left_outside() -> None:
    assert found("Prices rose over the past four months.") == [
        ("the past four months", "DURATION", "P4M")]


def test_about_and_modifiers_of_sets_stay_outside() -> None:
    assert found("They stayed about two weeks.") == [("two weeks", "DURATION", "P2W")]
    assert found("They rallied almost daily.") == [("daily", "SET", "P1D")]


def test_the_bound_never_reaches_into_the_expression_before() -> None:
    text = "nearly five months"
    assert bounded_start(text, 7, len(text), "DURATION", 0) == 0
    assert bounded_start(text, 7, len(text), "DURATION", 3) == 7
    assert bounded_start(text, 7, len(text), "DATE", 0) == 7
