"""Vague references in adjectives, vague modifiers of length, elapsed bare units, and rates
written with ``per`` (:mod:`sitroom.annotate.timex_spans`, ``_set``)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

MONDAY = date(1989, 10, 30)


def found(text: str, anchor: date | None = MONDAY) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, anchor)]


@pytest.mark.parametrize(
    "text",
    [
        "The company said it was delaying construction because of current market conditions.",
        "Castro said Gonzalez would travel with his current wife and their son.",
        "Based on the current number of shares, that gives the holders 40%.",
    ],
)
def test_current_before_a_noun_is_the_present(text: str) -> None:
    assert found(text) == [("current", "DATE", "PRESENT_REF")]


def test_then_current_is_a_present_now_past() -> None:
    text = "Holders may buy shares at 50% of the then current market price."
    assert found(text) == [("then current", "DATE", "PAST_REF")]


@pytest.mark.parametrize(
    "text",
    [
        "The current account deficit widened again.",  # the balance of payments
        "Current assets exceeded current liabilities.",  # balance-sheet terms
        "The boat was swept away as the current of the river rose.",  # water, a noun
        "She edits Current Affairs for the network.",  # a title
    ],
)
def test_current_as_a_term_or_a_noun_is_not_a_time(text: str) -> None:
    assert found(text) == []


def test_current_before_a_unit_is_left_to_the_longer_expression() -> None:
    assert found("Sales will rise in the current year.") == [
        ("the current year", "DATE", "1989")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His appointment followed a several-year tenure as editor.",
         ("several-year", "DURATION", "PXY")),
        ("The union signed a multiyear contract.", ("multiyear", "DURATION", "PXY")),
        ("It ends a few-month slide in orders.", ("few-month", "DURATION", "PXM")),
    ],
)
def test_vague_amount_before_a_unit_is_a_duration_of_unstated_length(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The completion of the merger follows months of twists and turns.",
         ("months", "DURATION", "PXM")),
        ("After weeks of public sparring, the family agreed.", ("weeks", "DURATION", "PXW")),
        ("The talks came amid years of mistrust.", ("years", "DURATION", "PXY")),
    ],
)
def test_bare_units_of_elapsed_time_are_durations(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "With the passing of the heady days of swelling industry sales, prices fell.",  # an era
        "They were the worst weeks of his life.",  # which weeks, not how long
    ],
)
def test_bare_units_without_an_elapsed_cue_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_per_unit_after_an_amount_is_a_rate_not_a_set() -> None:
    assert found("Intel rates the chip at 15 million instructions per second.") == []
    assert found("Refugees are paid $5 per day.") == []
    assert found("Prices are reset per quarter.") == [("per quarter", "SET", "P1Q")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting lasted a half-hour.", ("a half-hour", "DURATION", "PT30M")),
        ("They waited three quarters of an hour.",
         ("three quarters of an hour", "DURATION", "PT45M")),
        ("Unemployment is near a quarter-century low.",
         ("a quarter-century", "DURATION", "P25Y")),
        ("Nothing changed for a quarter of a century.",
         ("a quarter of a century", "DURATION", "P25Y")),
    ],
)
def test_a_fraction_of_a_unit_is_a_duration_of_that_fraction(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_share_or_a_point_is_not_a_fraction_of_time() -> None:
    assert found("Rates rose a quarter point.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council meets every Monday morning.",
         ("every Monday morning", "SET", "XXXX-WXX-1TMO")),
        ("Protesters gather each Friday night.", ("each Friday night", "SET", "XXXX-WXX-5TNI")),
        ("The river floods every spring.", ("every spring", "SET", "XXXX-SP")),
    ],
)
def test_every_weekday_part_or_season_is_a_set(text: str,
                                               expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_plural_part_of_day_makes_both_coordinated_weekdays_sets() -> None:
    text = "Ferries will cross on Wednesday and Friday evenings until the bridge reopens."
    assert found(text) == [("Wednesday", "SET", "XXXX-WXX-3TEV"),
                           ("Friday evenings", "SET", "XXXX-WXX-5TEV")]


def test_a_singular_part_of_day_leaves_the_first_weekday_a_day() -> None:
    text = "They met on Wednesday and Friday evening."
    assert found(text)[0][:2] == ("Wednesday", "DATE")
