"""``the week before last``, ``the year after next``: two units from the article's date.

English names the unit before the last one, or after the next one, with a fixed phrase; TimeML
marks the whole phrase as one DATE of that unit's granularity (told on a day of ISO week 11,
``the week before last`` is week 9; in 1998, ``the year after next`` is ``2000``). ``the day
before yesterday`` and ``the day after tomorrow`` are read in :mod:`.timex_rules`.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import START
from .timex_rules import Context, Reading, Rule

__all__ = ["TWICE_REMOVED_RULES"]


def _twice_removed(match: re.Match[str], ctx: Context) -> Reading:
    unit = match["u"].lower()
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    step = -2 if match["dir"] else 2  # "before last", else "after next"
    return Reading("DATE", cal.shift(ctx.anchor, step, unit), cal.UNIT_PRECISION[unit])


TWICE_REMOVED_RULES: tuple[Rule, ...] = (
    Rule("twice_removed", re.compile(
        START + r"(?P<t>(?i:the)[ \t]++(?P<u>(?i:week|month|year))[ \t]++(?:(?P<dir>(?i:before))"
        r"[ \t]++(?i:last)|(?i:after)[ \t]++(?i:next))(?![\w-]))"), _twice_removed),
)
