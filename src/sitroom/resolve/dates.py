"""Time values at corpus level: undated articles within the corpus's coverage, re-anchoring,
and event-relative expressions once their event has a date.

The publication range an undated article's own dates allow is inferred in one place,
:mod:`sitroom.clean.dates` (before parsing from the text, after annotation from its time
mentions); this module places it within the coverage of the dated articles
(:func:`range_within_coverage`) and never lets a text push it past that coverage.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..annotate.times import normalize_text
from ..annotate.timex_calendar import shift
from ..clean.dates import WINDOW_DAYS, looks_ahead
from ..types import TimeMention

__all__ = [
    "WINDOW_DAYS",
    "coverage_window",
    "range_within_coverage",
    "resolve_event_relation",
    "resolve_relative",
]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _interval(value: str) -> tuple[date, date, int] | None:
    """First and last day a value covers, and its rank (0 day, 1 month, 2 year)."""
    if found := _DAY.match(value):
        day = date(int(found[1]), int(found[2]), int(found[3]))
        return day, day, 0
    if found := _MONTH.match(value):
        year, month = int(found[1]), int(found[2])
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last), 1
    if found := _YEAR.match(value):
        year = int(found[1])
        return date(year, 1, 1), date(year, 12, 31), 2
    return None


def resolve_relative(mention: TimeMention, anchor: date) -> TimeMention:
    """``mention`` with its value computed against ``anchor`` when it had none (it was
    extracted without a document date). The tense of its clause is not known here, so
    weekdays read as past; re-run extraction with the anchor for tense-aware values.
    Absolute and event-relative mentions come back unchanged."""
    if mention.value is not None or mention.relation is not None:
        return mention
    readings = normalize_text(mention.text, anchor)
    whole = [r for start, end, r in readings if start == 0 and end == len(mention.text)]
    if not whole or whole[0].value is None:
        return mention
    return replace(mention, value=whole[0].value, precision=whole[0].precision)


_OFFSET = re.compile(r"^P(T?)(\d+|X)(DE|CE|WE|[YMWDHS])$")
_UNIT_OF = {
    ("", "Y"): "year",
    ("", "M"): "month",
    ("", "W"): "week",
    ("", "D"): "day",
    ("", "DE"): "decade",
    ("", "CE"): "century",
    ("", "WE"): "weekend",
    ("T", "H"): "hour",
    ("T", "M"): "minute",
    ("T", "S"): "second",
}


def _relation_day(relation: str, event_date: date) -> tuple[date, str] | None:
    """The day (and unit) a relation names once its innermost event is on ``event_date``."""
    kind, _, rest = relation.partition(":")
    if kind == "ordinal":
        nth, _, rest = rest.partition(":")
        offset, _, _ = rest.partition(":")
        step = _parse_offset(offset)
        if step is None or not nth.isdigit():
            return None
        amount, unit = step
        if amount is None:
            return None
        return _move(event_date, amount * (int(nth) - 1), unit), unit
    if kind not in ("before", "after"):
        return None
    offset, _, inner = rest.partition(":")
    step = _parse_offset(offset)
    if step is None:
        return None
    base = event_date
    if inner.split(":", 1)[0] in ("before", "after", "ordinal"):
        nested = _relation_day(inner, event_date)
        if nested is None:
            return None
        base = nested[0]
    amount, unit = step
    if amount is None:
        # "hours before he fled": the same day, as far as a calendar can tell.
        return (base, "day") if unit in ("hour", "minute", "second") else None
    sign = 1 if kind == "after" else -1
    return _move(base, sign * amount, unit), unit


def _parse_offset(offset: str) -> tuple[int | None, str] | None:
    found = _OFFSET.match(offset)
    if found is None or (found[1], found[3]) not in _UNIT_OF:
        return None
    amount = None if found[2] == "X" else int(found[2])
    return amount, _UNIT_OF[found[1], found[3]]


def _move(day: date, amount: int, unit: str) -> date:
    if unit in ("hour", "minute", "second"):
        return day + timedelta(hours=amount) if unit == "hour" else day
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    years, months = {
        "month": (0, amount),
        "year": (amount, 0),
        "decade": (10 * amount, 0),
        "century": (100 * amount, 0),
    }[unit]
    index = (day.year + years) * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def resolve_event_relation(mention: TimeMention, event_date: date) -> TimeMention:
    """``mention`` with the value its relation gives once the event it hangs on happened on
    ``event_date`` (``before:P2D:Assad fled`` with 2024-12-08 gives 2024-12-06). The value
    has the precision of the offset's unit; relations that cannot be placed on a calendar
    (``start:PXD:the offensive``, ``before:PXY:...``) come back unchanged."""
    if mention.relation is None:
        return mention
    found = _relation_day(mention.relation, event_date)
    if found is None:
        return mention
    day, unit = found
    value = shift(day, 0, unit) if unit not in ("hour", "minute", "second") else day.isoformat()
    if value is None:
        return mention
    kind = "DATE" if mention.type == "DURATION" else mention.type  # "two days before X"
    precision = (
        "day"
        if unit in ("hour", "minute", "second", "day")
        else (
            "week"
            if unit in ("week", "weekend")
            else unit
            if unit in ("month", "year", "decade")
            else "decade"
        )
    )
    return replace(mention, type=kind, value=value, precision=precision)


# --------------------------------------------------------------------------- corpus window

_MONTH_DAY = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b"
)
_YEAR_IN_TEXT = re.compile(r"\b\d{4}\b")


def coverage_window(stated: Sequence[str]) -> tuple[date, date] | None:
    """The span of a corpus's coverage: from :data:`WINDOW_DAYS` before its earliest stated
    publication date to as many days after its latest; None when no article is dated."""
    days = sorted(date.fromisoformat(value) for value in stated)
    if not days:
        return None
    margin = timedelta(days=WINDOW_DAYS)
    return days[0] - margin, days[-1] + margin


def range_within_coverage(
    text_range: tuple[str, str] | None,
    times: Sequence[TimeMention],
    window: tuple[date, date],
    text: str | None = None,
) -> tuple[str, str]:
    """The publication interval of an undated article of a corpus about one situation.

    sitroom reads articles collected about one unfolding situation, so an undated one is
    taken to belong to the same coverage as the dated ones: its interval is what its own
    dates allow (``text_range``) intersected with the corpus's coverage window. Day-and-month
    mentions without a year (``on November 27``), which the article alone cannot place,
    are read in the year that puts them inside the window and, being reported, raise the
    lower bound. When the article's own dates fall before the window entirely, they win:
    the text is better evidence than the assumption (an old article in the pile). Dates that
    fall entirely *after* the coverage do not: an article does not appear after every dated
    article of its corpus by a month or more, so such dates are ones it looks ahead to
    (``by 2040``) and the window stands.
    """
    return range_from_yearless_days(text_range, yearless_days(times, text), window)


def yearless_days(times: Sequence[TimeMention], text: str | None = None
                  ) -> tuple[TimeMention, ...]:
    """The mentions of ``times`` that :func:`range_within_coverage` reads in the window's
    year: a day and month with no year and no value, not a date the text looks ahead to.
    Which they are does not depend on the window, so a build can keep them per article."""
    return tuple(
        mention for mention in times
        if mention.value is None and mention.relation is None
        and _MONTH_DAY.search(mention.text) and not _YEAR_IN_TEXT.search(mention.text)
        and not (text is not None and looks_ahead(text, mention.start))
    )


def range_from_yearless_days(
    text_range: tuple[str, str] | None,
    days: Sequence[TimeMention],
    window: tuple[date, date],
) -> tuple[str, str]:
    """:func:`range_within_coverage` of an article whose :func:`yearless_days` are
    ``days``."""
    lo, hi = window
    for mention in days:
        day = _day_in_window(resolve_relative(mention, hi), window)
        if day is not None and day > lo:
            lo = day
    if text_range is None:
        return lo.isoformat(), hi.isoformat()
    text_lo, text_hi = (date.fromisoformat(value) for value in text_range)
    both_lo, both_hi = max(lo, text_lo), min(hi, text_hi)
    if text_lo > hi:
        return lo.isoformat(), hi.isoformat()
    if both_lo > both_hi:
        return text_range
    return both_lo.isoformat(), both_hi.isoformat()


def _day_in_window(mention: TimeMention, window: tuple[date, date]) -> date | None:
    if mention.value is None or not _DAY.match(mention.value):
        return None
    interval = _interval(mention.value)
    if interval is None:
        return None
    day = interval[0]
    return day if window[0] <= day <= window[1] else None
