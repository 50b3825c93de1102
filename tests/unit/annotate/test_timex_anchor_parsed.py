"""Tense read from the parse where it decides which day a bare weekday is."""

from __future__ import annotations

from datetime import date
from typing import Any

from sitroom.annotate.times import extract_times

SATURDAY = date(1999, 3, 13)


def values(nlp: Any, text: str, anchor: date = SATURDAY) -> dict[str, str | None]:
    return {m.text: m.value for m in extract_times(nlp(text), "a1", anchor)}


def test_an_infinitive_that_is_the_subject_of_a_past_verb_is_past(nlp: Any) -> None:
    text = ("Among the first three former Warsaw Pact countries to accede to NATO on Friday "
            "were also Poland and the Czech Republic.")
    assert values(nlp, text)["Friday"] == "1999-03-12"


def test_is_to_with_an_infinitive_still_points_ahead(nlp: Any) -> None:
    assert values(nlp, "The exchange is to resume trading on Tuesday.")["Tuesday"] == (
        "1999-03-16")


def test_a_month_modifying_a_noun_is_not_pushed_ahead_by_a_clause_looking_ahead(
        nlp: Any) -> None:
    text = ("Poughkeepsie said it is continuing to try to sell itself, under a June agreement "
            "with a dissident-shareholder group.")
    assert values(nlp, text, date(1989, 10, 27))["June"] == "1989-06"
