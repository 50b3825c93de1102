"""The report's ``as_of``: the latest date it covers, never pushed past the stated dates by
a date an undated article looks ahead to."""

from __future__ import annotations

from sitroom.pipeline import _as_of
from sitroom.types import Article, DateBasis


def article(key: str, published: str | None, basis: DateBasis,
            date_range: tuple[str, str] | None = None) -> Article:
    return Article(key, "text", "outlet", None, None, published, basis, date_range, "en", 1)


def test_inferred_range_far_after_the_stated_dates_does_not_move_as_of() -> None:
    articles = [
        article("a", "2019-08-01", "metadata"),
        article("b", "2019-08-10", "header"),
        article("c", None, "inferred", ("2040-08-14", "2040-09-13")),
    ]
    assert _as_of(articles) == "2019-08-10"


def test_inferred_range_shortly_after_the_stated_dates_counts() -> None:
    articles = [
        article("a", "2019-08-10", "metadata"),
        article("c", None, "inferred", ("2019-08-20", "2019-09-19")),
    ]
    assert _as_of(articles) == "2019-08-20"


def test_without_stated_dates_inferred_ones_give_as_of() -> None:
    assert _as_of([article("c", None, "inferred", ("2019-08-20", "2019-09-19"))]) == (
        "2019-08-20")
