"""Times of day told in words, and the sets of them.

The clock rules of :mod:`.timex_rules` read ``3 p.m.`` and ``noon Thursday``; these read the
forms that spell the half of the day out or put the part of day first:

- ``4 in the morning``, ``9 o'clock at night``: a clock time (``T04:00``, ``T21:00``) on the
  day the sentence is about, as ``4 a.m.`` would be;
- ``mid-afternoon yesterday``, ``late evening Tuesday``: the part of that day (``TAF``);
- ``every morning``, ``nightly``, ``each evening``: TimeML sets of a part of day
  (``XXXX-XX-XXTMO``), and ``every weekend``, ``on weekends`` (``XXXX-WXX-WE``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_lexicon import PARTS_OF_DAY, START, WEEKDAY, WEEKDAYS
from .timex_rules import (
    Context,
    Handler,
    Reading,
    Rule,
    _clause_tense,
    _day_after,
    _reference_day,
)

__all__ = ["DAYTIME_RULES"]

_DAY_WORD_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def _clock_in_part(match: re.Match[str], ctx: Context) -> Reading | None:
    """``4 in the morning``: hours of the morning are before noon, of the afternoon, evening
    and night after it (``2 at night`` is past midnight, so before noon too)."""
    hour, minute = int(match["h"]), int(match["min"] or 0)
    part = (match["part"] or "night").lower()
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour + 12 if hour < 12 else hour
    elif hour == 12:
        hour = 0 if part in ("morning", "night") else 12
    day = _day_after(ctx) or _reference_day(ctx)  # "(4 a.m. EDT Thursday)" names the day
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None, "time")


def _part_then_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """``mid-afternoon yesterday``, ``late morning Tuesday``: that part of that day."""
    code = PARTS_OF_DAY[match["part"].lower()]
    if ctx.anchor is None:
        return Reading("TIME", None, "time")
    word = match["dw"]
    day: date
    if word:
        day = ctx.anchor + timedelta(days=_DAY_WORD_OFFSETS[word.lower()])
    else:
        day = cal.weekday_date(ctx.anchor, WEEKDAYS[match["wd"].lower()], _clause_tense(ctx),
                               None)
    return Reading("TIME", f"{day.isoformat()}T{code}", "time")


def _part_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``every morning``, ``nightly``: the set of that part of every day (not ``NBC Nightly
    News``, a programme's name)."""
    if match["t"][0].isupper() and not re.search(r"(?:^|[.!?:\"“]\s*)$", ctx.before(3)):
        return None
    word = (match["part"] or "night").lower().rstrip("s")
    return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", "time")


def _weekend_set(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("SET", "XXXX-WXX-WE", "week")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"

DAYTIME_RULES: tuple[Rule, ...] = (
    _rule("clock_in_part", r"(?<![\w:.$])(?P<t>(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?"
          r"(?:\s+(?i:o['’]clock))?\s+(?:(?i:in\s+the)\s+(?P<part>(?i:morning|afternoon"
          r"|evening))|(?i:at\s+night)))(?![\w-])", _clock_in_part),
    _rule("part_then_day", START + r"(?P<t>(?:(?i:early|late)\s+|(?i:mid)(?:[- ]|(?=(?i:morning"
          r"|afternoon|evening))))?" + _PART + r"\s+(?:(?P<dw>(?i:today|yesterday|tomorrow))|"
          + WEEKDAY
          + r"))(?![\w-])", _part_then_day),
    _rule("part_set", START + r"(?P<t>(?i:every|each)\s+" + _PART + r"|(?i:nightly))(?![\w-])",
          _part_set),
    _rule("every_weekend", START + r"(?P<t>(?i:every|each)\s+(?i:weekend))(?![\w-])",
          _weekend_set),
    _rule("on_weekends", START + r"(?i:on|at)\s+(?P<t>(?i:weekends))(?![\w-])", _weekend_set),
)
