"""Publication dates inferred from the dates an article mentions: one rule, two readers.

Used only when neither metadata nor a header gives the date. An article is published on or
after every *past* date it reports, and news reports recent events, so:

- ``lo`` is the latest past date the article mentions (the first day of the month for a
  month and year), and ``hi`` is :data:`WINDOW_DAYS` after the last day that mention covers;
- a date labelled as the publication date in the text (``Published: 12 August 2025``,
  ``Posted on ...``) gives ``lo == hi``, that day;
- a mention that looks ahead says nothing about when the article was written and is skipped
  (:func:`looks_ahead`): the clause before it (up to 80 characters back) holds a future cue or
  a modal (``will``, ``would``, ``expected``, ``scheduled``, ``set to``, ``until``, ``next``,
  ``could``, ``may`` ...), or the date comes right after ``by``, ``until`` or ``till``
  (``energy use is expected to double by 2040``).

Two readers feed that rule, at the two moments a date can be inferred:

- :func:`infer_date_range` reads the cleaned text before any parsing (the clean stage):
  full dates in English (``August 12, 2025``, ``Aug. 12, 2025``, ``Monday, August 18, 2025``,
  ``12 August 2025``, ``12th of August, 2025``), ISO dates (``2025-08-12``), month and year
  (``August 2025``), and day and month without a year (``on August 14``) when the text also
  gives a year: of the years around the latest dated mention, the one that puts the day
  nearest to it (a January article recalling "December 28" means the previous year). Only
  capitalised month names count ("may" is a verb). Years outside 1900-2100 are ignored.
  Slashed numeric dates are ignored: ``4/5/2025`` is April or May depending on the writer.
- :func:`infer_publication_range` reads the time mentions extracted *without* an anchor
  (after annotation), so it also sees what the patterns above miss (``Tuesday, 12 Aug.``).
  Only day-precision values count: news often recalls months and bare years as background
  ("the war that began in March 2011"). A day written without its year (``Aug. 14``) took
  its year from the text around it; it counts only when that year is one the article gives
  for a past date, so a year the text looks ahead to (``by 2040``) never dates it.

Both return ``(lo, hi)`` as ISO dates, or None when the text gives no usable date.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import MONTH_NUMBERS
from ..types import TimeMention

__all__ = ["WINDOW_DAYS", "infer_date_range", "infer_publication_range", "looks_ahead"]

#: How long after the latest dated event an article may still appear.
WINDOW_DAYS = 30

# Dates in article prose are written with capitalised month names ("August 12, 2025").
_MONTH_NUMBERS = {name.capitalize(): number for name, number in MONTH_NUMBERS.items()}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)\b"
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}")
_DAY_MONTH_YEAR = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}")
_ISO = re.compile(r"\b(?P<year>(?:19|20|21)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}(?!,?\s*\d)")
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}")

_FUTURE_CUE = re.compile(
    r"\b(?i:will|would|shall|won't|scheduled|expected|expects?|planned|plans?|set (?:to|for)"
    r"|slated|upcoming|forthcoming|next|until|till|deadline|postponed|due (?:on|for|by|in)"
    r"|is to|are to|ahead of|projected|projects|predicts?|forecasts?)\b|'ll\b"
    # Modals, lower case only: "May 12" is a date.
    r"|\b(?:could|may|might|can|should|must)\b",
)
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:\w+day,?\s+)?$", re.I)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|first published)(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?$", re.I
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_LOOKBACK = 80
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_RECENT = timedelta(days=WINDOW_DAYS)


@dataclass(frozen=True, slots=True)
class _Mention:
    """A past date mentioned in the text: the span of days it may mean."""

    first: date
    last: date
    labelled: bool = False


def infer_date_range(text: str) -> tuple[str, str] | None:
    """``(lo, hi)`` ISO dates between which ``text`` was probably published (module doc)."""
    mentions = _mentions(text)
    labelled = [mention for mention in mentions if mention.labelled]
    if labelled:
        day = max(mention.first for mention in labelled)
        return day.isoformat(), day.isoformat()
    if not mentions:
        return None
    latest = max(mentions, key=lambda mention: (mention.first, mention.last))
    return latest.first.isoformat(), (latest.last + _RECENT).isoformat()


def _mentions(text: str) -> list[_Mention]:
    taken: list[tuple[int, int]] = []
    found: list[_Mention] = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR, _ISO):
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            taken.append((match.start(), match.end()))
            day = _make(match["year"], match["month"], match["day"])
            if day is not None and not looks_ahead(text, match.start()):
                found.append(_Mention(day, day, _is_labelled(text, match.start())))
    for match in _MONTH_YEAR.finditer(text):
        if _overlaps(taken, match.start(), match.end()) or looks_ahead(text, match.start()):
            continue
        taken.append((match.start(), match.end()))
        first = _make(match["year"], match["month"], 1)
        if first is not None:
            last_day = calendar.monthrange(first.year, first.month)[1]
            found.append(_Mention(first, first.replace(day=last_day)))
    if found:
        found.extend(_yearless(text, taken, max(mention.last for mention in found)))
    return found


def _yearless(text: str, taken: list[tuple[int, int]], reference: date) -> list[_Mention]:
    """Day-and-month mentions, in the year that puts them nearest ``reference``."""
    found: list[_Mention] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(text):
            if _overlaps(taken, match.start(), match.end()):
                continue
            taken.append((match.start(), match.end()))
            options = [
                option
                for year in (reference.year - 1, reference.year, reference.year + 1)
                if (option := _make(year, match["month"], match["day"])) is not None
            ]
            if not options or looks_ahead(text, match.start()):
                continue
            day = min(options, key=lambda option: abs(option - reference))
            found.append(_Mention(day, day))
    return found


def looks_ahead(text: str, start: int) -> bool:
    """Whether the date at ``start`` sits in a clause that looks ahead (module doc)."""
    before = text[max(0, start - _LOOKBACK) : start]
    stops = list(_SENTENCE_END.finditer(before))
    clause = before[stops[-1].end() :] if stops else before
    return bool(_FUTURE_CUE.search(clause) or _BOUND_BEFORE.search(clause))


def _is_labelled(text: str, start: int) -> bool:
    return _PUBLISHED_LABEL.search(text[max(0, start - 40) : start]) is not None


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def _make(year: int | str, month: int | str, day: int | str) -> date | None:
    """The date, or None when it does not exist or its year is implausible; ``month`` is a
    number or a month name."""
    month_number = int(month) if str(month).isdigit() else _MONTH_NUMBERS[str(month)]
    try:
        found = date(int(year), month_number, int(day))
    except ValueError:
        return None
    return found if _MIN_YEAR <= found.year <= _MAX_YEAR else None


# --------------------------------------------------------------------------- time mentions

_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR_OF_VALUE = re.compile(r"^(\d{4})(?:-|$)")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:1[89]|20|21)\d\d(?!\d)")


def infer_publication_range(
    times: Sequence[TimeMention], text: str | None = None
) -> tuple[str, str] | None:
    """An interval ``(lo, hi)`` of ISO dates the undated article was published in, read from
    its time mentions (extracted without an anchor); None when it mentions no past day.
    ``text`` (the text the offsets index) lets mentions that look ahead be skipped."""
    past = [m for m in times if m.value and m.type in ("DATE", "TIME")
            and not (text is not None and looks_ahead(text, m.start))]
    stated_years = {int(found[1]) for m in past if _WRITTEN_YEAR.search(m.text)
                    if (found := _YEAR_OF_VALUE.match(m.value or ""))}
    days: list[date] = []
    for mention in past:
        found = _DAY_VALUE.match(mention.value or "")
        if found is None:
            continue
        day = _make(found[1], found[2], found[3])
        if day is None:
            continue
        if not _WRITTEN_YEAR.search(mention.text) and day.year not in stated_years:
            continue  # its year came from a year the article does not give as past
        days.append(day)
    if not days:
        return None
    latest = max(days)
    return latest.isoformat(), (latest + _RECENT).isoformat()
