"""Counted stretches keep their article (:mod:`sitroom.annotate.timex_counted`)."""

from __future__ import annotations

from datetime import date

import pytest

from sitroom.annotate.times import normalize_text

ANCHOR = date(2012, 7, 20)


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[start:end], reading.type, reading.value)
            for start, end, reading in normalize_text(text, ANCHOR)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aid deliveries fell by half in the six months to June.",
         ("the six months", "DURATION", "P6M")),
        ("Income for the year-earlier nine months included a one-time gain.",
         ("the year-earlier nine months", "DURATION", "P9M")),
        ("Sales grew 4% in the latest three months.", ("the latest three months", "DURATION",
                                                       "P3M")),
        ("During the twelve days of the siege, no convoy reached the town.",
         ("the twelve days", "DURATION", "P12D")),
    ],
)
def test_a_counted_stretch_takes_its_article(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article belongs to the noun the length describes
        ("Officials praised the two-day visit.", ("two-day", "DURATION", "P2D")),
        ("The minister ended the three day tour in Goma.", ("three day", "DURATION", "P3D")),
    ],
)
def test_an_article_before_a_length_used_as_a_modifier_stays_out(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the decades that followed the ceasefire, the border stayed closed.",
         ("decades", "DURATION", "PXY")),
        ("In the weeks since, no aid has crossed the river.", ("weeks", "DURATION", "PXW")),
    ],
)
def test_a_stretch_the_story_tells_on_from_is_of_unstated_length(
        text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_stretch_counted_from_an_event_keeps_the_event() -> None:
    text = "In the three months following the earthquake, 40,000 people left the valley."
    [(start, end, reading)] = normalize_text(text, ANCHOR)
    assert (text[start:end], reading.value) == ("three months", "P3M")
    assert reading.relation == "after:P3M:the earthquake"


def test_an_amount_written_with_thousands_is_read_whole() -> None:
    assert found("The blockade has lasted more than 1,200 days.") == [
        ("more than 1,200 days", "DURATION", "P1200D")]
