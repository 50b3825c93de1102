"""How often something happens, told as a count of times in a unit: TimeML sets.

:mod:`.timex_rules` reads ``twice a week`` and ``three times a day``; these read the forms it
leaves out:

- a vague count of times: ``several times a week``, ``many times a day``, ``a few times a
  year``: the set of weeks, days, years (``P1W``, ``P1D``, ``P1Y``) as with a number;
- a count before an adverb of frequency: ``twice daily``, ``three times weekly``: one
  expression (TimeML keeps the count inside the set), ``P1D``, ``P1W``. A bare ``daily`` after
  a number of things stays a rate (``10,000 barrels daily``), which TimeML leaves unmarked.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import START, UNIT_WORDS
from .timex_rules import Context, Handler, Reading, Rule

__all__ = ["FREQUENCY_RULES"]

_ADVERB_UNITS = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week",
                 "monthly": "month", "annually": "year", "yearly": "year"}

#: A count of occurrences: "twice", "three times", "several times".
_COUNT = (r"(?i:once|twice|thrice|(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten"
          r"|eleven|twelve|several|many|a\s++few|a\s++couple\s++of|a\s++number\s++of"
          r"|multiple|numerous|dozens\s++of|hundreds\s++of)\s++times)")


def _vague_times(match: re.Match[str], ctx: Context) -> Reading | None:
    """``several times a week``: every week, ``P1W``."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("SET", cal.duration_value("1", unit), "duration")


def _count_adverb(match: re.Match[str], ctx: Context) -> Reading | None:
    """``twice daily``: every day, ``P1D``; ``nightly`` keeps its part of day."""
    word = match["w"].lower()
    if word == "nightly":
        return Reading("SET", "XXXX-XX-XXTNI", "time")
    return Reading("SET", cal.duration_value("1", _ADVERB_UNITS[word]), "duration")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


FREQUENCY_RULES: tuple[Rule, ...] = (
    _rule("vague_times", START + r"(?P<t>(?i:several|many|a\s++few|a\s++couple\s++of"
          r"|a\s++number\s++of|multiple|numerous|dozens\s++of|hundreds\s++of)\s++(?i:times)"
          r"\s++(?i:a|an|per|each|every)\s++(?P<u>(?i:minute|hour|day|week|month|year)))"
          r"(?![\w-])", _vague_times),
    _rule("count_adverb", START + r"(?P<t>" + _COUNT + r"\s++(?P<w>(?i:hourly|daily|nightly"
          r"|weekly|monthly|annually|yearly)))(?![\w-])", _count_adverb),
)
