"""A publication date range inferred from the absolute dates an article mentions.

Used only when neither metadata nor a header gives the date. The rule, kept simple on
purpose (the time-expression work refines it with relative dates such as "on Monday"):

- Dates found: full dates in English (``August 12, 2025``, ``Aug. 12, 2025``,
  ``Monday, August 18, 2025``, ``12 August 2025``, ``12th of August, 2025``), ISO dates
  (``2025-08-12``), month and year (``August 2025``), and day and month without a year
  (``on August 14``) when the text also gives a year: of the years around the latest dated
  mention, the one that puts the day nearest to it (a January article recalling
  "December 28" means the previous year). Only capitalised month names count ("may" is a verb).
  Years outside 1900-2100 are ignored. Slashed numeric dates are ignored: ``4/5/2025`` is
  April or May depending on the writer.
- Mentions that look ahead are ignored: when the sentence before the date (up to 80
  characters back) holds a future cue (``will``, ``would``, ``scheduled``, ``expected``,
  ``planned``, ``set to``, ``until``, ``next`` ...), or the date is right after ``by``,
  ``until`` or ``till``.
- An article is published on or after every past date it mentions, so ``lo`` is the latest
  of them (the first day of the month for a month and year). ``hi`` is 30 days after the
  last day that mention covers: news reports recent events.
- A date labelled as the publication date in the text (``Published: 12 August 2025``,
  ``Posted on ...``) gives ``lo == hi``, that day.

Returns ``(lo, hi)`` as ISO dates, or None when the text mentions no usable date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..ingest.dates import MONTH_NUMBERS

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
    r"\b(?:will|would|shall|won't|scheduled|expected|planned|plans?|set (?:to|for)|slated"
    r"|upcoming|next|until|till|deadline|postponed|due (?:on|for|by)|is to|are to)\b|'ll\b",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(r"\b(?:by|until|till)\s+(?:\w+day,?\s+)?$", re.I)
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|first published)(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?$", re.I
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_LOOKBACK = 80
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_RECENT = timedelta(days=30)


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
            if day is not None and not _looks_ahead(text, match.start()):
                found.append(_Mention(day, day, _is_labelled(text, match.start())))
    for match in _MONTH_YEAR.finditer(text):
        if _overlaps(taken, match.start(), match.end()) or _looks_ahead(text, match.start()):
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
            if not options or _looks_ahead(text, match.start()):
                continue
            day = min(options, key=lambda option: abs(option - reference))
            found.append(_Mention(day, day))
    return found


def _looks_ahead(text: str, start: int) -> bool:
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
