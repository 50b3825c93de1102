"""One whole unit of time: ``a full week``, ``an entire year``, ``a whole day``, ``weeklong``.

With the indefinite article these measure a stretch (TimeML DURATION: ``P1W``, ``P1Y``,
``P1D``), the adjective stressing that none of it is missing; TimeML keeps it inside the
expression. With ``the`` they name a period of the calendar instead (``sales for the full
year`` is the year reported), which other rules read, so only ``a``/``an`` is taken here.
The closed compounds American wire copy writes (``a weeklong visit``, ``a daylong strike``,
``the yearlong inquiry``) are one unit long too, as ``week-long`` is.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import START, UNIT_WORDS
from .timex_rules import Context, Handler, Reading, Rule

__all__ = ["WHOLE_RULES"]


def _whole_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a full week``: one week, ``P1W``."""
    unit = UNIT_WORDS[match["u"].lower()]
    amount = "2" if unit == "fortnight" else "1"
    return Reading("DURATION", cal.duration_value(amount, "week" if unit == "fortnight"
                                                  else unit), "duration")


def _unit_long(match: re.Match[str], ctx: Context) -> Reading | None:
    """``weeklong``: one week, ``P1W``."""
    return Reading("DURATION", cal.duration_value("1", UNIT_WORDS[match["u"].lower()]),
                   "duration")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


WHOLE_RULES: tuple[Rule, ...] = (
    _rule("whole_unit", START + r"(?P<t>(?i:a\s++full|a\s++whole|an\s++entire)\s++"
          r"(?P<u>(?i:minute|hour|day|week|fortnight|month|year|decade|century)))(?![\w-])",
          _whole_unit),
    _rule("closed_unit_long", START + r"(?P<t>(?P<u>(?i:hour|day|week|month|year|decade))"
          r"(?i:long))(?![\w-])", _unit_long),
)
