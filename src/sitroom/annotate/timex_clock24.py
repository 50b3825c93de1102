"""Clock times written as four digits, the way wire services and armies write them.

``0600 GMT``, ``2100 GMT Sunday``, ``1400 local time``, ``at 0730 hours``: a time of day
(TIMEX3 ``TIME``, ``T06:00``) on the day named after it, else on the day the sentence is about,
as ``6 a.m.`` would be. Four digits alone are far more often a year (``in 1800``) or a count
(``1500 hours of work``), so the form is read only with what makes it a clock: a time zone or
``local time`` after it, or ``hours``/``hrs`` after a zero-led reading (``0730 hours``) or
after a preposition of time (``at 1500 hours``). A zone time in brackets just after a
clock time (``10:35 a.m. (0735 GMT)``) restates that moment, and TimeML leaves it unmarked.
The zone is kept in the expression but not in the value: TimeML's values give the clock time
as written (``14:00 GMT`` is ``T14:00``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_lexicon import WEEKDAY, WEEKDAYS
from .timex_rules import Context, Handler, Reading, Rule, _clause_tense, _reference_day

__all__ = ["CLOCK24_RULES"]

_DAY_WORD_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: A preposition of time just before "1500 hours": a clock, not a count of hours.
_TIME_CUE_BEFORE = re.compile(r"(?i:\b(?:at|by|from|until|till|around|about|before|after"
                              r"|since|to|between|and)\s+)$")


#: A clock time and an opening bracket just before: "10:35 a.m. (" then "0735 GMT)".
_GLOSS_BEFORE = re.compile(r"(?:\d\s*(?i:a\.?m\.?|p\.?m\.?)|\d:\d\d|(?i:noon|midnight))"
                           r"(?:\s+[A-Z]{2,4}|\s+(?i:local\s+time))?\s*\(\s*$")


def _clock24(match: re.Match[str], ctx: Context) -> Reading | None:
    """``0600 GMT``, ``2100 GMT Sunday``: the hour and minute on the day named or meant."""
    if match["hours"] and not (match["h"].startswith("0")
                               or _TIME_CUE_BEFORE.search(ctx.before(12))):
        return None  # "1500 hours of overtime": a count of hours
    if _GLOSS_BEFORE.search(ctx.before(24)) and ctx.text.startswith(")", ctx.end):
        return None  # "10:35 a.m. (0735 GMT)": the same moment again, which TimeML leaves
    hour, minute = int(match["h"]), int(match["min"])
    named = match["wd"] or match["dw"] or match["wd2"] or match["dw2"]
    day = _named_day(match, ctx) if named else _reference_day(ctx)
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None, "time")


def _named_day(match: re.Match[str], ctx: Context) -> date | None:
    if ctx.anchor is None:
        return None
    word = match["dw"] or match["dw2"]
    if word:
        return ctx.anchor + timedelta(days=_DAY_WORD_OFFSETS[word.lower()])
    weekday = match["wd"] or match["wd2"]
    return cal.weekday_date(ctx.anchor, WEEKDAYS[weekday.lower()], _clause_tense(ctx), None)


#: A day by name: a weekday, or today, yesterday, tomorrow.
_DAY = r"(?:" + WEEKDAY + r"|(?P<dw>(?i:today|yesterday|tomorrow)))"


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


CLOCK24_RULES: tuple[Rule, ...] = (
    _rule("clock24_zone", r"(?<![\w:.,$])(?P<t>(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*"
          r"(?:(?P<zone>GMT|UTC|Z(?!\w)|(?i:local\s+time))|(?P<hours>(?i:hours|hrs)\b))"
          r"(?P<named>,?\s+" + _DAY + r")?)(?![\w-])"
          # a day further on, outside the expression: "0600 GMT on Friday", "(0735 GMT) Friday"
          r"(?(named)|(?=\)?,?\s+(?:(?i:on)\s+)?" + _DAY.replace("?P<wd>", "?P<wd2>").replace(
              "?P<dw>", "?P<dw2>") + r"(?!\w))?)", _clock24),
)
