"""A week or half inside a named month is one date (:mod:`sitroom.annotate.timex_part_of_month`):
the phrase is one expression, the week the ISO week of that stretch, a half the month; and
the end of the decade or century (``rest_of`` in :mod:`sitroom.annotate.timex_rules`) is the
current one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from sitroom.annotate.times import extract_times

WEDNESDAY = date(2021, 3, 17)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The donors meet in the first week of April.", "the first week of April", "2021-W13"),
        ("Aid arrived in the second week of March.", "the second week of March", "2021-W10"),
        ("The vote is due in the last week of April.", "the last week of April", "2021-W17"),
        ("Repairs will finish in the first half of June.", "the first half of June",
         "2021-06"),
        ("The camp filled in the second half of May 2019.", "the second half of May 2019",
         "2019-05"),
    ],
)
def test_a_part_of_a_named_month_is_one_date(
        nlp: Any, text: str, phrase: str, value: str) -> None:
    found = [(m.text, m.type, m.value) for m in extract_times(nlp(text), "a1", WEDNESDAY)]
    assert found == [(phrase, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("By the end of the decade, the town will have doubled.", "the end of the decade",
         "202"),
        ("Seas may rise a metre by the end of the century.", "the end of the century", "20"),
    ],
)
def test_the_end_of_the_decade_or_century_is_the_current_one(
        nlp: Any, text: str, phrase: str, value: str) -> None:
    found = [(m.text, m.type, m.value) for m in extract_times(nlp(text), "a1", WEDNESDAY)]
    assert found == [(phrase, "DATE", value)]
