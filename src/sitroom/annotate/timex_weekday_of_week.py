"""``Friday next week``, ``Tuesday of last week``: a weekday of a week named relative to the
article's date, one DATE.

Read apart, the weekday took the clause's nearest one and the week its own value, so "the talks
resume on Friday next week", told on a Wednesday in a past clause, gave the Friday just gone.
The week word picks the ISO week (the anchor's, the one before or the one after) and the day is
that week's weekday.
"""

from __future__ import annotations

import re
from datetime import timedelta

from .timex_lexicon import START, WEEKDAY, WEEKDAYS
from .timex_rules import Context, Reading, Rule

__all__ = ["WEEKDAY_OF_WEEK_RULES"]

_STEP = {"last": -1, "previous": -1, "this": 0, "next": 1}


def _weekday_of_week(match: re.Match[str], ctx: Context) -> Reading:
    if ctx.anchor is None:
        return Reading("DATE", None, "day")
    monday = ctx.anchor - timedelta(days=ctx.anchor.weekday())
    day = monday + timedelta(weeks=_STEP[match["rel"].lower()],
                             days=WEEKDAYS[match["wd"].lower()])
    return Reading("DATE", day.isoformat(), "day")


WEEKDAY_OF_WEEK_RULES: tuple[Rule, ...] = (
    Rule("weekday_of_relative_week", re.compile(
        START + r"(?P<t>" + WEEKDAY + r"[ \t]++(?:(?i:of)[ \t]++)?"
        r"(?P<rel>(?i:last|previous|this|next))[ \t]++(?i:week))(?![\w-])"), _weekday_of_week),
)
