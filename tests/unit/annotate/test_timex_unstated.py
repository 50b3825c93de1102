"""Stretches of unstated length and hours with o'clock
(:mod:`sitroom.annotate.timex_unstated`), and ``or so`` inside an expression
(:mod:`sitroom.annotate.timex_approx`)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.timex_approx import approximate_end

from .test_timex_daytime import found

#: A Friday, so that "Tuesday" in a past clause is three days before it.
FRIDAY = date(1998, 2, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Engineers say the repairs could take months.", ("months", "DURATION", "PXM")),
        ("Families waited days for the first water trucks.", ("days", "DURATION", "PXD")),
        ("The poet spent years in exile.", ("years", "DURATION", "PXY")),
        ("It has been weeks since the last convoy got through.", ("weeks", "DURATION", "PXW")),
        ("It's been decades since the mill closed.", ("decades", "DURATION", "PXY")),
        ("The hearing lasted hours.", ("hours", "DURATION", "PTXH")),
        ("Some villages went days without power.", ("days", "DURATION", "PXD")),
    ],
)
def test_a_bare_plural_spent_is_a_stretch_of_unstated_length(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "There have been days when the border was shut.",  # "been" without "it": no stretch
        "She spent years' savings on the house.",  # a measure of money
    ],
)
def test_a_unit_that_is_part_of_something_else_is_left_out(text: str) -> None:
    assert [kind for _, kind, _ in found(text)] == []


def test_a_bare_plural_measuring_the_gap_between_two_events_is_left_out() -> None:
    assert found("The two blasts went off only minutes apart.") == []
    assert found("The outage lasted only minutes.") == [("minutes", "DURATION", "PTXM")]


def test_an_offset_after_a_spending_verb_keeps_its_own_reading() -> None:
    # "weeks later" is the offset rule's (the DURATION "weeks", "later" outside), not a
    # second expression of this module's
    assert found("The rains came and went weeks later.") == [("weeks", "DURATION", "PXW")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops will stay for a fairly lengthy period.",
         ("a fairly lengthy period", "DURATION", "PXX")),
        ("The crossing was closed for an indefinite period.",
         ("an indefinite period", "DURATION", "PXX")),
        ("After a brief spell of calm, fighting resumed.", ("a brief spell", "DURATION", "PXX")),
    ],
)
def test_a_period_told_only_by_its_length_is_a_duration_of_unknown_unit(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_period_of_a_stated_length_is_left_to_the_counted_rules() -> None:
    assert found("Prices rose over a three-year period.")[0][2] == "P3Y"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shops open at 10 o'clock.", ("10 o'clock", "TIME", "1998-02-13T10:00")),
        ("The train left at ten o'clock at night.",
         ("ten o'clock at night", "TIME", "1998-02-13T22:00")),
        ("The curfew starts at nine o'clock in the evening.",
         ("nine o'clock in the evening", "TIME", "1998-02-13T21:00")),
        ("The vote closed at twelve o’clock.", ("twelve o’clock", "TIME", "1998-02-13T12:00")),
    ],
)
def test_an_hour_with_oclock_is_a_time_of_that_day(text: str,
                                                   expected: tuple[str, str, str]) -> None:
    assert found(text, FRIDAY) == [expected]


def test_the_part_of_day_told_after_the_day_sets_the_half_of_the_day() -> None:
    text = "The vote began at eight o'clock Tuesday night."
    assert found(text, FRIDAY)[0] == ("eight o'clock", "TIME", "1998-02-10T20:00")
    text = "The vote began on Tuesday. It ends at ten o'clock tonight."
    assert found(text, FRIDAY)[1:] == [("ten o'clock", "TIME", "1998-02-13T22:00"),
                                       ("tonight", "TIME", "1998-02-13TNI")]


def test_a_five_oclock_shadow_is_stubble_not_a_time() -> None:
    assert found("He appeared on stage with a five o'clock shadow.") == []


def test_an_hour_with_oclock_falls_on_the_day_named_in_the_sentence() -> None:
    text = "The blast came on Tuesday at 11 o'clock."
    assert found(text, FRIDAY) == [("Tuesday", "DATE", "1998-02-10"),
                                   ("11 o'clock", "TIME", "1998-02-10T11:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices may stay high over the next two years or so.",
         ("the next two years or so", "DURATION", "P2Y")),
        ("Aid should arrive in a week or so, officials said.",
         ("a week or so", "DURATION", "P1W")),
    ],
)
def test_or_so_is_inside_the_expression_it_approximates(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_or_so_leaves_sets_and_other_words_alone() -> None:
    text = "It is reviewed weekly or so. Two weeks or so-called grace periods."
    assert approximate_end(text, text.index(" or so."), "SET") == text.index(" or so.")
    end = text.index(" or so-called")
    assert approximate_end(text, end, "DURATION") == end
