"""Ranges of days, and weeks named by one of their days.

TimeML has no range value: ``between 6 and 8 December`` is two dates, ``6`` and
``8 December``, each with its full value. The calendar rules read the end that carries the
month (``8 December``, ``March 6``); these rules read the bare number at the other end with the
month (and year) written beside it:

- ``6`` in ``6-8 December``, ``between 6 and 8 December 2024``, and ``8 December`` after the
  dash (where the calendar rules, which never start inside a word, do not look);
- ``8`` in ``March 6-8``, ``from March 6 to 8, 2000`` (with the year when one follows), and
  ``March 6`` there in that year;
- ``the week of March 6``: the ISO week holding that day (``2000-W10``).
"""

from __future__ import annotations

import re
from datetime import date

from . import timex_calendar as cal
from .timex_lexicon import MONTH, START
from .timex_rules import Context, Handler, Reading, Rule, parse_day

__all__ = ["RANGE_RULES"]

_DAY_A = r"(?P<a>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_DAY_B = r"(?P<b>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_LINK = r"\s*(?:-|–|—|\s(?i:and|to|through|until|till)\s)\s*"
_YEAR_AFTER = r"(?:,?\s+(?P<y>1[89]\d\d|20\d\d))?(?![\d\w])"


def _with_month(day: str, match: re.Match[str], ctx: Context) -> Reading | None:
    """``day`` read as a date in the month (and year) written at the range's other end."""
    phrase = f"{match['mon']} {int(day)}"
    if match["y"]:
        phrase += f", {match['y']}"
    return parse_day(phrase, ctx)


def _first_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """``6`` in ``6-8 December``: the month is the second day's."""
    if int(match["a"]) >= int(match["b"]):
        return None  # "10-3 December" is a score or a vote, not a range of days
    return _with_month(match["a"], match, ctx)


def _second_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """``8`` in ``March 6-8``: the month is the first day's."""
    if int(match["a"]) >= int(match["b"]):
        return None
    return _with_month(match["b"], match, ctx)


def _end_after_dash(match: re.Match[str], ctx: Context) -> Reading | None:
    """``8 December`` in ``6-8 December``, when the number before the dash is a smaller day."""
    before = re.search(r"(?<!\d)(\d{1,2})[-–]$", ctx.text[max(0, ctx.start - 3):ctx.start])
    if before is None or int(before[1]) >= int(match["b"]):
        return None
    return _with_month(match["b"], match, ctx)


def _first_of_dated(match: re.Match[str], ctx: Context) -> Reading | None:
    """``March 6`` in ``March 6-8, 2000``: the year written after the range."""
    if int(match["a"]) >= int(match["b"]):
        return None
    return _with_month(match["a"], match, ctx)


def _week_of(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the week of March 6``: the week that day falls in."""
    inner = parse_day(match["day"], ctx)
    if inner is None or inner.value is None or len(inner.value) != 10:
        return Reading("DATE", None, "week") if inner is not None else None
    return Reading("DATE", cal.week_value(date.fromisoformat(inner.value)), "week")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


RANGE_RULES: tuple[Rule, ...] = (
    _rule("range_first_day", START + r"(?P<t>" + _DAY_A + r")" + _LINK + _DAY_B
          + r"\s+(?:(?i:of)\s+)?" + MONTH + _YEAR_AFTER, _first_day),
    _rule("range_end_after_dash", r"(?<=\d[-–])(?P<t>" + _DAY_B + r"\s+(?:(?i:of)\s+)?" + MONTH
          + _YEAR_AFTER + r")", _end_after_dash),
    _rule("range_second_day", START + MONTH + r"\s+" + _DAY_A + _LINK + r"(?P<t>" + _DAY_B
          + _YEAR_AFTER + r")", _second_day),
    _rule("range_first_dated", START + r"(?P<t>" + MONTH + r"\s+" + _DAY_A + r")" + _LINK
          + _DAY_B + r",?\s+(?P<y>1[89]\d\d|20\d\d)(?![\d\w])", _first_of_dated),
    _rule("week_of", START + r"(?P<t>(?i:the\s+week\s+of)\s+(?P<day>" + MONTH.replace(
        "<mon>", "<mon2>") + r"\s+\d{1,2}(?:,\s+\d{4})?))(?![\d\w])", _week_of),
)
