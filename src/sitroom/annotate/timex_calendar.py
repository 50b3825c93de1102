"""Calendar arithmetic and TIMEX3 value formatting for time expressions.

Pure functions over :class:`datetime.date`: no parsing here. The rules in
:mod:`.timex_rules` decide *what* an expression means (a weekday, a month three back, ...);
these functions turn that meaning into a TIMEX3 value (``2024-11-27``, ``2024-W47``,
``2024-SU``, ``199``, ``P4Y``) relative to an anchor date.

Tense decides the direction of under-specified dates: ``past`` picks the nearest occurrence
on or before the anchor, ``future`` the nearest on or after, ``None`` (unknown) the nearest
either way (weekdays are the exception: news reports mostly what happened, so an unknown tense
reads a bare weekday as past; see :func:`weekday_date`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "present", "future"]

#: TIMEX3 duration letters for each unit word's canonical name.
UNIT_LETTERS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
#: Units written after ``PT`` (clock time) rather than ``P``.
CLOCK_UNITS = frozenset({"second", "minute", "hour"})

#: The precision a value of each unit has, from the list TimeMention documents.
UNIT_PRECISION: dict[str, str] = {
    "second": "time",
    "minute": "time",
    "hour": "time",
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "season",
    "year": "year",
    "decade": "decade",
    "century": "decade",
}

#: Meteorological seasons (northern hemisphere, as TimeML assumes): season code -> months.
SEASON_MONTHS: dict[str, tuple[int, int, int]] = {
    "SP": (3, 4, 5),
    "SU": (6, 7, 8),
    "FA": (9, 10, 11),
    "WI": (12, 1, 2),
}


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    """The ISO week containing ``day`` (``2024-W47``)."""
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


#: Units TempEval-3 writes in years: ``two decades`` is ``P20Y``, ``this century`` ``P100Y``.
_YEARS_IN = {"decade": 10, "century": 100}
#: The next smaller unit, for a fractional amount (``2 1/2 years`` is ``P2Y6M``).
_SMALLER = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60),
            "minute": ("second", 60), "week": ("day", 7)}


def duration_value(amount: str, unit: str) -> str:
    """``P4Y``, ``PT3H``, ``PXD`` (amount ``X`` = unspecified), ``P20Y`` for two decades,
    ``P2Y6M`` for two and a half years, ``PXY`` for decades and ``PXC`` for centuries."""
    if unit in _YEARS_IN:
        if amount == "X":
            return "PXY" if unit == "decade" else "PXC"
        return duration_value(format_amount(float(amount) * _YEARS_IN[unit]), "year")
    letter = UNIT_LETTERS[unit]
    if amount != "X" and not float(amount).is_integer() and unit in _SMALLER:
        whole = int(float(amount))
        smaller, factor = _SMALLER[unit]
        rest = format_amount(round((float(amount) - whole) * factor, 3))
        if not whole:
            return duration_value(rest, smaller)
        if unit == "week":
            return duration_value(format_amount(float(amount) * 7), "day")
        head = f"P{whole}{letter}" if unit not in CLOCK_UNITS else f"PT{whole}{letter}"
        tail = f"{rest}{UNIT_LETTERS[smaller]}"
        if unit == "day":
            return f"{head}T{tail}"
        return head + tail
    return f"PT{amount}{letter}" if unit in CLOCK_UNITS else f"P{amount}{letter}"


def format_amount(amount: float | None) -> str:
    """A duration amount as TIMEX3 writes it: ``4``, ``1.5``, ``X`` when unspecified."""
    if amount is None:
        return "X"
    if float(amount).is_integer():
        return str(int(amount))
    return f"{amount:g}"


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift(anchor: date, amount: int, unit: str) -> str | None:
    """The value ``amount`` units after ``anchor`` (negative: before), at that unit's precision.

    Sub-day units give the anchor's day: without a clock time on the anchor, ``three hours
    ago`` is best known as "that day".
    """
    if unit in CLOCK_UNITS:
        return day_value(anchor)
    if unit == "day":
        return day_value(anchor + timedelta(days=amount))
    if unit in ("week", "weekend"):
        suffix = "-WE" if unit == "weekend" else ""
        return week_value(anchor + timedelta(weeks=amount)) + suffix
    if unit == "month":
        return month_value(*add_months(anchor.year, anchor.month, amount))
    if unit == "quarter":
        year, month = add_months(anchor.year, anchor.month, 3 * amount)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * amount) // 10:03d}"
    if unit == "century":
        return f"{(anchor.year + 100 * amount) // 100:02d}"
    return None


def weekday_date(anchor: date, weekday: int, tense: Tense | None, relative: str | None) -> date:
    """The date of ``weekday`` (0 = Monday) nearest ``anchor`` in the direction the context says.

    ``relative`` is the modifier written before the name (``last``, ``next``, ``this``,
    ``coming``) or None. A bare weekday that falls on the anchor's own weekday is the anchor
    itself, whatever the tense: a Friday article saying "he said Friday" means that day.
    ``last``/``next`` always move strictly before/after the anchor. An unknown or present
    tense reads as past, the usual case in news reports.
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if relative in ("last", "past", "previous"):
        return anchor - timedelta(days=back or 7)
    if relative in ("next", "coming"):
        return anchor + timedelta(days=ahead or 7)
    if relative == "this" or tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


#: How far past the anchor a past-tense clause may still point: news tells past decisions
#: about coming dates ("the offer was extended to Nov. 20", written
#: on Nov. 2), so a past clause does not push a date a year back when it falls a few months
#: ahead. A bare month gets one month of slack ("extended through November" written in
#: October), not two: "changed to a calendar year in December", written in late October, is
#: the December before, and a past clause naming a month two ahead is a plan the tense reader
#: should see (``is heard in May``: a present passive).
TENSE_SLACK_DAYS = 120
TENSE_SLACK_MONTHS = 1


def latest_on_or_before(anchor: date, month: int, day: int) -> date | None:
    """The last ``month``/``day`` on or before ``anchor`` (None for a day no year has)."""
    for year in (anchor.year, anchor.year - 1, anchor.year - 2, anchor.year - 3,
                 anchor.year - 4):
        found = safe_date(year, month, day)
        if found is not None and found <= anchor:
            return found
    return None


def month_day_date(anchor: date, month: int, day: int, tense: Tense | None) -> date | None:
    """``November 27`` with the year chosen from the anchor.

    Past tense: the latest such day no later than :data:`TENSE_SLACK_DAYS` after the anchor;
    future: the earliest on or after it; otherwise the nearest to the anchor.
    """
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := safe_date(y, month, day)) is not None]
    if not options:
        return None
    slack = timedelta(days=TENSE_SLACK_DAYS)
    if tense == "past":
        before = [d for d in options if d <= anchor + slack]
        if before:
            return max(before)
    if tense == "future":
        after = [d for d in options if d >= anchor]
        if after:
            return min(after)
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def month_year(anchor: date, month: int, tense: Tense | None, relative: str | None) -> int:
    """The year of a bare month name (``in November``, ``last March``)."""
    here = anchor.year * 12 + anchor.month - 1
    options = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if relative in ("last", "past", "previous"):
        # "last June" said in October is this June; "last February" said in March is not the
        # month just gone (that is "last month") but the February of the year before.
        return max(o for o in options if o < here - 1) // 12
    if relative in ("next", "coming"):
        pick = min(o for o in options if o > here)
    elif relative == "this":
        pick = anchor.year * 12 + month - 1
    elif tense == "past":
        pick = max(o for o in options if o <= here + TENSE_SLACK_MONTHS)
    elif tense == "future":
        pick = min(o for o in options if o >= here)
    else:
        pick = min(options, key=lambda o: (abs(o - here), o > here))
    return pick // 12


def _season_span(year: int, season: str) -> tuple[date, date]:
    """First and last day of a season; winter ``year`` runs December ``year`` to February."""
    if season == "WI":
        end = date(year + 1, 3, 1) - timedelta(days=1)
        return date(year, 12, 1), end
    first, _, last = SEASON_MONTHS[season]
    end = (date(year, last + 1, 1) if last < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return date(year, first, 1), end


def season_value(anchor: date, season: str, tense: Tense | None, relative: str | None) -> str:
    """``2024-SU`` for ``this summer`` / ``last summer`` / ``in the winter`` near ``anchor``."""
    spans = [(y, *_season_span(y, season)) for y in range(anchor.year - 2, anchor.year + 2)]
    current = [y for y, first, last in spans if first <= anchor <= last]
    past = [y for y, _, last in spans if last < anchor]
    future = [y for y, first, _ in spans if first > anchor]
    if relative in ("last", "past", "previous"):
        # "last spring" is the previous year's, as "last year" is (a winter is named after
        # the year it starts in).
        year = anchor.year - 1 if season != "WI" or anchor.month >= 3 else anchor.year - 2
    elif relative in ("next", "coming"):
        year = min(future)
    elif relative == "just past":  # "this past summer": the latest one already over
        year = max(past)
    elif current:
        year = current[0]
    elif relative == "this":  # the season of the anchor's year (a winter spans two)
        year = anchor.year - 1 if season == "WI" and anchor.month < 3 else anchor.year
    elif tense == "past":
        year = max(past)
    elif tense == "future":
        year = min(future)
    else:  # unknown tense: whichever occurrence is closer to the anchor
        starts = {y: first for y, first, _ in spans}
        ends = {y: last for y, _, last in spans}
        year = min((max(past), min(future)), key=lambda y: min(
            abs((starts[y] - anchor).days), abs((ends[y] - anchor).days)))
    return f"{year:04d}-{season}"


def weekend_value(anchor: date, tense: Tense | None, relative: str | None) -> str:
    """The ISO week of ``this weekend`` / ``last weekend`` / ``over the weekend``."""
    weekend_now = anchor.weekday() >= 5
    if relative in ("last", "past", "previous"):
        day = anchor - timedelta(days=7) if weekend_now else anchor - timedelta(
            days=anchor.weekday() + 1)
    elif relative in ("next", "coming"):
        day = anchor + timedelta(days=7) if weekend_now else anchor
    elif weekend_now or relative == "this" or tense == "future":
        day = anchor
    else:  # past or unknown: the weekend just gone
        day = anchor - timedelta(days=anchor.weekday() + 1)
    return week_value(day) + "-WE"
