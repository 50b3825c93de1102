"""Publication ranges inferred from an article's dates: the latest past date it mentions,
plus 30 days, read from the text (infer_date_range) or its time mentions
(infer_publication_range)."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest

from sitroom.clean import clean_text, infer_date_range
from sitroom.clean.dates import WINDOW_DAYS, infer_publication_range
from sitroom.ingest.text import split_header
from sitroom.types import TimeMention


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


def mention(text: str, value: str | None, *, start: int = 0, type_: str = "DATE",
            precision: str = "day") -> TimeMention:
    return TimeMention("a1", start, start + len(text), text, type_, value, precision)


def test_range_starts_at_the_latest_past_date_and_spans_the_window() -> None:
    times = [
        mention("August 12, 2025", "2025-08-12"),
        mention("August 14", "2025-08-14"),
        mention("2019", "2019", precision="year"),
        mention("P4Y", "P4Y", type_="DURATION"),
    ]
    assert infer_publication_range(times) == ("2025-08-14", "2025-09-13")
    assert WINDOW_DAYS == 30


def test_future_dates_do_not_raise_the_lower_bound() -> None:
    text = "The breach came on August 12, 2025. A report is expected by October 1, 2025."
    times = [
        mention("August 12, 2025", "2025-08-12", start=text.index("August")),
        mention("October 1, 2025", "2025-10-01", start=text.index("October")),
    ]
    assert infer_publication_range(times, text) == ("2025-08-12", "2025-09-11")


def test_no_range_without_a_past_day() -> None:
    background = [
        mention("March 2011", "2011-03", precision="month"),
        mention("2015", "2015", precision="year"),
    ]
    assert infer_publication_range(background) is None
    assert infer_publication_range([mention("last week", None)]) is None
    assert infer_publication_range([]) is None


#: Crafted after an AllSides article (a study on heat deaths) that was dated 2040-08-14
#: because a yearless "Aug. 14" took its year from "by 2040".
FUTURE_LOOKING = (
    "A new study predicts there will be more than a million deaths a year from extreme heat "
    "by the next century. Having already seen 2,500 deaths in a heat wave in 2015, the "
    "future looks worse, researchers said. The study comes as energy use is expected to "
    "more than double by 2040. India could see 1.5 million deaths a year by 2050 "
    "(Climatewire, Aug. 14)."
)


def test_a_future_year_the_text_looks_ahead_to_never_dates_it(nlp: Any) -> None:
    from sitroom.annotate.times import extract_times

    times = extract_times(nlp(FUTURE_LOOKING), "a1", None)
    found = infer_publication_range(times, FUTURE_LOOKING)
    assert found is None or found[0] < "2040"
    assert infer_date_range(FUTURE_LOOKING) is None


def test_yearless_day_counts_only_in_a_year_given_as_past() -> None:
    text = "Output will double by 2040 (Climatewire, Aug. 14)."
    times = [
        mention("2040", "2040", start=text.index("2040"), precision="year"),
        mention("Aug. 14", "2040-08-14", start=text.index("Aug.")),
    ]
    assert infer_publication_range(times, text) is None
    assert infer_date_range("The plant will close by August 14, 2040.") is None
