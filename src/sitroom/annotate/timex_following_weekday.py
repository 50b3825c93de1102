"""``the following Monday``: the first such weekday after the day the story stands on.

A narrative that has moved to a day ("the ship docked on March 3") goes on with "the following
Monday", the Monday after that day, not the one nearest the article's date. Without a day named
before, the phrase counts from the article's date, as ``next Monday`` does. (``the previous
Friday`` is read by the weekday rule of :mod:`.timex_rules`.)
"""

from __future__ import annotations

import re
from datetime import timedelta

from .timex_lexicon import START, WEEKDAY, WEEKDAYS
from .timex_rules import Context, Reading, Rule

__all__ = ["FOLLOWING_WEEKDAY_RULES"]


def _following_weekday(match: re.Match[str], ctx: Context) -> Reading:
    base = ctx.reference_day or ctx.anchor
    if base is None:
        return Reading("DATE", None, "day")
    ahead = (WEEKDAYS[match["wd"].lower()] - base.weekday() - 1) % 7 + 1  # 1..7 days on
    return Reading("DATE", (base + timedelta(days=ahead)).isoformat(), "day")


FOLLOWING_WEEKDAY_RULES: tuple[Rule, ...] = (
    Rule("following_weekday", re.compile(
        START + r"(?P<t>(?i:the)[ \t]++(?i:following)[ \t]++" + WEEKDAY + r")(?![\w-])"),
         _following_weekday),
)
