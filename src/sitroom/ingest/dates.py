"""Metadata dates in any common form to ``YYYY-MM-DD``.

Recognised directly (fast, and independent of locale and time zone):

- ISO 8601, with or without time and zone: ``2024-12-06``, ``2024-12-06T23:30:00-05:00``.
  The calendar date is taken *as written*, never converted to UTC: a story published late
  in the evening in New York was published on that day for its readers.
- ``YYYY/MM/DD`` and ``YYYYMMDD``.
- Slashed numeric dates are month first, as in US data (FA-KES writes ``4/5/17`` for
  5 April 2017), unless the first number cannot be a month (``25/12/2024``). Dotted numeric
  dates (``05.04.2017``) are day first, as in most of Europe. Two-digit years follow POSIX
  ``%y``: 69-99 are 19xx, 00-68 are 20xx.
- Month names in English: ``Wed 05 Apr 2017``, ``May 03, 2013``, ``3 May 2013``, and RFC 822
  dates from feeds (``Wed, 05 Apr 2017 09:14:00 +0000``).
- Unix epoch seconds (9-10 digits) or milliseconds (12-13 digits), read in UTC.

Anything else goes to dateparser with fixed settings (no relative dates such as
"yesterday", which would depend on the day the build runs). Dates before 1900 or more than a
year after today are implausible for a news article and give None.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_tz
from functools import lru_cache
from typing import Any

#: Month names and abbreviations, lower case, to month numbers (shared with the cleaner).
MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YEAR = r"(?P<year>\d{4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"

_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:$|[T\s_])")
_YMD_SLASH = re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})\b")
_COMPACT = re.compile(r"(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})$")
_SLASHED = re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{2}|\d{4})\b")
_DOTTED = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{2}|\d{4})\b")
_DAY_MONTH_YEAR = re.compile(rf"{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")
_MONTH_DAY_YEAR = re.compile(rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
_EPOCH = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")

# Fixed settings so that results never depend on the machine's locale, zone or clock.
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "DATE_ORDER": "MDY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "RELATIVE_BASE": datetime(2000, 1, 1),
    "STRICT_PARSING": True,
}

_EARLIEST = date(1900, 1, 1)


def normalize_date(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or None when it is empty, unparseable or implausible."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    found = _parse_known_forms(text)
    if found is None and not _EPOCH.fullmatch(text):
        found = _parse_with_dateparser(text)
    if found is None or not _plausible(found):
        return None
    return found.isoformat()


def _parse_known_forms(text: str) -> date | None:
    match = _ISO.match(text) or _YMD_SLASH.match(text) or _COMPACT.match(text)
    if match:
        return _make(match["year"], match["month"], match["day"])
    if _EPOCH.fullmatch(text):
        seconds = float(text) / (1000 if len(text) >= 12 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    match = _SLASHED.match(text)
    if match:
        first, second = int(match["a"]), int(match["b"])
        month, day = (second, first) if first > 12 else (first, second)
        return _make(_full_year(match["year"]), month, day)
    match = _DOTTED.match(text)
    if match:
        return _make(_full_year(match["year"]), match["month"], match["day"])
    rfc822 = parsedate_tz(text) if "," in text or ":" in text else None
    if rfc822 is not None:
        return _make(rfc822[0], rfc822[1], rfc822[2])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match and match["month"].lower() in MONTH_NUMBERS:
            return _make(match["year"], MONTH_NUMBERS[match["month"].lower()], match["day"])
    return None


def _full_year(year: str) -> int:
    if len(year) == 4:
        return int(year)
    short = int(year)
    return 1900 + short if short >= 69 else 2000 + short


def _make(year: int | str, month: int | str, day: int | str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse_with_dateparser(text: str) -> date | None:
    import dateparser  # slow to import; most metadata dates never need it

    try:
        parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    return parsed.date() if parsed is not None else None


def _plausible(found: date) -> bool:
    latest = datetime.now(tz=UTC).date() + timedelta(days=366)
    return _EARLIEST <= found <= latest
