"""``the first week of April``, ``the last week of March``, ``the second half of May``: one
date inside a named month.

TimeML marks the whole phrase as one expression; read apart, ``the first week`` and ``April``
would be two, one of them not in the gold. A week is the ISO week holding the first day of
that seven-day stretch of the month (``the second week of March 2021``: the week of March 8,
``2021-W10``); the last week holds the month's last day. TIMEX3 has no half-months, so a half
of a month is the month itself (``2021-05``), at month precision.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_lexicon import FULL_MONTH, MONTH, START, YEAR
from .timex_rules import Context, Reading, Rule, parse_day

__all__ = ["PART_OF_MONTH_RULES"]

_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 0, "final": 0}


def _part_of_month(match: re.Match[str], ctx: Context) -> Reading | None:
    month = parse_day(match["m"], ctx, allow_month=True, tense=ctx.tense())
    if month is None or not month.value or len(month.value) != 7:
        return None
    first = date.fromisoformat(month.value + "-01")
    if match["unit"].lower() == "half":
        if match["nth"].lower() not in ("first", "second", "last"):
            return None
        return Reading("DATE", month.value, "month")
    nth = _NTH[match["nth"].lower()]
    if nth:
        day = first + timedelta(weeks=nth - 1)
        if day.month != first.month:
            return None
    else:
        day = date(*cal.add_months(first.year, first.month, 1), 1) - timedelta(days=1)
    return Reading("DATE", cal.week_value(day), "week")


PART_OF_MONTH_RULES: tuple[Rule, ...] = (
    Rule("part_of_month", re.compile(
        START + r"(?P<t>(?i:the)[ \t]++(?P<nth>(?i:first|second|third|fourth|last|final))"
        r"[ \t]++(?P<unit>(?i:week|half))[ \t]++(?i:of)[ \t]++(?P<m>(?:" + MONTH + r",?[ \t]++"
        + YEAR + r")|" + FULL_MONTH.replace("<mon>", "<mon2>") + r"))(?![\w-])"),
         _part_of_month),
)
