"""The as-of view: only what articles published by a given day said.

An article counts when it was published on or before the day. An article dated only by
inference (an interval ``date_range``) counts when the whole interval ends by that day: only
then is it sure the article existed. An article with no date at all is left out, since
nothing shows it could have been read by then.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..errors import UsageError
from ..types import Article

__all__ = ["articles_as_of", "parse_day"]


def parse_day(value: str) -> str:
    """``value`` checked as a calendar day YYYY-MM-DD (the error names the fix)."""
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as err:
        raise UsageError(
            f"--as-of {value!r} is not a day", fix="give the day as YYYY-MM-DD, e.g. 2024-11-30"
        ) from err


def articles_as_of(articles: Sequence[Article], day: str) -> tuple[Article, ...]:
    """The articles an analyst could have read by the end of ``day`` (YYYY-MM-DD)."""
    cutoff = parse_day(day)
    kept: list[Article] = []
    for article in articles:
        if article.published:
            if article.published <= cutoff:
                kept.append(article)
        elif article.date_range and article.date_range[1] <= cutoff:
            kept.append(article)
    return tuple(kept)
