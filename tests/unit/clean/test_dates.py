"""infer_date_range: the latest past date an article mentions, plus 30 days."""

from __future__ import annotations

from importlib import resources

import pytest

from sitroom.clean import clean_text, infer_date_range
from sitroom.ingest.text import split_header


def _demo_text(name: str) -> str:
    raw = resources.files("sitroom.data").joinpath("demo", name).read_text(encoding="utf-8")
    return clean_text(raw[split_header(raw)[1] :]).text


def test_demo_05_is_dated_from_its_full_date() -> None:
    found = infer_date_range(_demo_text("05_commission_announcement.txt"))
    assert found == ("2025-08-18", "2025-09-17")


def test_demo_06_is_dated_after_the_dates_it_recalls() -> None:
    """06 names "August 12, 2025" and, without a year, "August 14"; it was written on or
    after 19 August (MANIFEST.md), which the range must contain."""
    found = infer_date_range(_demo_text("06_opinion_embankments.txt"))
    assert found is not None
    lo, hi = found
    assert lo == "2025-08-14"
    assert lo <= "2025-08-19" <= hi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dam failed on August 12, 2025, officials said.", ("2025-08-12", "2025-09-11")),
        ("The dam failed on 12 August 2025.", ("2025-08-12", "2025-09-11")),
        ("It failed on Tuesday, Aug. 12, 2025 at night.", ("2025-08-12", "2025-09-11")),
        ("It failed on the 12th of August, 2025.", ("2025-08-12", "2025-09-11")),
        ("Filed 2025-08-12 by the desk.", ("2025-08-12", "2025-09-11")),
        ("Rains began in July 2025 and went on.", ("2025-07-01", "2025-08-30")),
        (
            "Talks began on March 3, 2024 and collapsed on June 9, 2024. A truce held in May 2024.",
            ("2024-06-09", "2024-07-09"),
        ),
    ],
)
def test_absolute_dates_give_the_range(text: str, expected: tuple[str, str]) -> None:
    assert infer_date_range(text) == expected


def test_dates_looking_ahead_are_ignored() -> None:
    text = (
        "The levee broke on August 12, 2025. The commission will report on October 30, 2025, "
        "and elections are scheduled for November 16, 2025. Aid is promised by September 1, 2025."
    )
    assert infer_date_range(text) == ("2025-08-12", "2025-09-11")


def test_a_day_without_year_takes_the_year_of_the_dated_mentions() -> None:
    text = "In a report dated December 30, 2024, the agency warned. On January 4 it rained."
    assert infer_date_range(text) == ("2025-01-04", "2025-02-03")


def test_a_day_without_year_alone_gives_nothing() -> None:
    assert infer_date_range("The clashes began early on November 27, witnesses said.") is None


def test_a_labelled_publication_date_is_exact() -> None:
    text = "Published: 14 August 2025\nThe minister denied the claims made on August 12, 2025."
    assert infer_date_range(text) == ("2025-08-14", "2025-08-14")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No dates here at all.",
        "The accord of 2019 still holds.",
        "It may 5 times be said.",
        "The meeting on February 30, 2025 never happened.",
        "A date of 4/5/2025 is ambiguous.",
    ],
)
def test_no_usable_date_gives_none(text: str) -> None:
    assert infer_date_range(text) is None
