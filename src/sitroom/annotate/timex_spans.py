"""Time expressions the main rules leave out: vague references in adjectives, stretches of
unstated length written as modifiers, and bare plural units that count a span of time.

TimeML (and TempEval-3's annotation of news) marks these as TIMEX3:

- ``current`` before a noun (``current market conditions``, ``his current wife``) is the
  present, ``PRESENT_REF``; ``then current`` (``the then current market price``) a present
  now past, ``PAST_REF``. Terms of accounting and physics (``current account``, ``current
  assets``, ``electric current``) are not times, nor is ``current`` used as a noun;
- ``several-year``, ``multiyear``, ``few-month`` before a noun are durations of unstated
  length (``a several-year tenure``: ``PXY``), as ``two-year`` is one of two years;
- ``months of talks``, ``after weeks of sparring``: a bare plural unit that counts how long
  something went on is a duration of unstated length (``PXM``, ``PXW``). Only after a word
  that frames it as elapsed time (``after``, ``follows``, ``despite``, ``amid``...), so that
  ``the heady days of`` (an era) and ``within days of`` (an event-relative offset, read by
  the main rules) stay out;
- a fraction of a unit is a duration (``a half-hour``, ``a quarter century``, ``three quarters
  of an hour``: ``PT30M``, ``P25Y``, ``PT45M``);
- ``every Monday morning`` and ``each summer`` are sets (``XXXX-WXX-1TMO``, ``XXXX-SU``), as
  ``every morning`` and ``each July`` are; so is ``Monday`` in ``Monday and Tuesday nights``,
  whose plural part of day belongs to both weekdays.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import PARTS_OF_DAY, SEASONS, START, UNIT_WORDS, WEEKDAY, WEEKDAYS
from .timex_rules import Context, Handler, Reading, Rule

__all__ = ["SPAN_RULES"]

#: Words after ``current`` that make it a term of art or a noun, not the present.
_NOT_PRESENT_AFTER = frozenset({
    # accounting and finance: the balance-sheet sense ("due within a year"), not "now"
    "account", "accounts", "asset", "assets", "liabilities", "liability", "dollars",
    "yield", "yields", "ratio",
    # physics: the flow of charge or water
    "flow", "flows", "flowing", "density", "meter",
    # "current" as a noun ("the current of the river", "the current is strong")
    "of", "is", "was", "and", "or", "to", "in", "on", "at", "that", "which", "from", "by",
    "for", "with", "as", "will", "has", "had", "would", "carried", "swept",
})


def _current(match: re.Match[str], ctx: Context) -> Reading | None:
    """``current market conditions``: the present; ``then current``: a past present."""
    word = match["cur"]
    if word[0].isupper() and not _starts_sentence(ctx.before(3)) and not match["then"]:
        return None  # "Current Affairs", "Current Biology": a title
    if match["next"].lower() in _NOT_PRESENT_AFTER:
        return None
    return Reading("DATE", "PAST_REF" if match["then"] else "PRESENT_REF", "ref")


def _starts_sentence(before: str) -> bool:
    return not before.strip() or bool(re.search(r"[.!?:\"“'‘`(]\s*$", before))


def _vague_modifier(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a several-year tenure``, ``a multiyear contract``: a duration of unstated length."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


def _elapsed_units(match: re.Match[str], ctx: Context) -> Reading | None:
    """``follows months of twists and turns``: a stretch of unstated length."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75, "three quarter": 0.75}


def _fraction_of_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a half-hour``: half of one hour, ``PT30M``; ``a quarter century``: ``P25Y``."""
    fraction = _FRACTIONS[" ".join(match["frac"].lower().replace("-", " ").split())]
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("DURATION", cal.duration_value(cal.format_amount(fraction), unit),
                   "duration")


def _weekday_part_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``every Monday morning``: that part of every such weekday."""
    weekday = WEEKDAYS[match["wd"].lower()] + 1
    return Reading("SET", f"XXXX-WXX-{weekday}T{PARTS_OF_DAY[match['part'].lower()]}", "time")


def _shared_part_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``Monday and Tuesday nights``: the plural part of day belongs to both weekdays, so
    the first is a set too (``XXXX-WXX-1TNI``); the second is read with its part."""
    weekday = WEEKDAYS[match["wd"].lower()] + 1
    part = match["part"].lower().rstrip("s")
    return Reading("SET", f"XXXX-WXX-{weekday}T{PARTS_OF_DAY[part]}", "time")


def _season_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``every summer``: the season of every year."""
    return Reading("SET", f"XXXX-{SEASONS[match['s'].lower()]}", "season")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


#: Words that frame a bare "months of ..." as time gone by.
_ELAPSED_CUE = (r"(?i:after|following|follows|followed|follow|despite|amid|amidst|through"
                r"|ending|ended|ends|end|endured|spent|spend|spending|took|takes|take)")

SPAN_RULES: tuple[Rule, ...] = (
    _rule("current_ref", START + r"(?P<t>(?:(?P<then>(?i:then))[\s-]+)?(?P<cur>(?i:current)))"
          r"\s+(?P<next>[A-Za-z][\w-]*)", _current),
    _rule("vague_modifier", START + r"(?P<t>(?i:(?:several|few|many)-|multi-?)"
          r"(?P<u>(?i:minute|hour|day|week|month|year|decade)))(?![\w-])", _vague_modifier),
    _rule("fraction_of_unit", START + r"(?P<t>(?:(?i:a|an|one)\s+)?(?P<frac>(?i:half|quarter"
          r"|three[- ]quarters?))(?:[- ]|\s+|\s+(?i:of)\s+(?i:a|an)\s+)"
          r"(?P<u>(?i:minute|hour|day|week|month|year|decade|century)))(?![\w-])",
          _fraction_of_unit),
    _rule("weekday_part_set", START + r"(?P<t>(?i:every|each)\s+" + WEEKDAY
          + r"\s+(?P<part>(?i:morning|afternoon|evening|night)))(?![\w-])", _weekday_part_set),
    _rule("shared_part_set", START + r"(?P<t>" + WEEKDAY + r")(?:\s*+,)?\s++(?i:and|or|&)\s++"
          r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s++"
          r"(?P<part>(?i:mornings|afternoons|evenings|nights))(?![\w-])", _shared_part_set),
    _rule("season_set", START + r"(?P<t>(?i:every|each)\s+(?P<s>(?i:spring|summer|autumn|fall"
          r"|winter)))(?![\w-])", _season_set),
    _rule("elapsed_units", START + _ELAPSED_CUE + r"\s+(?P<t>(?P<u>(?i:minutes|hours|days"
          r"|weeks|months|years|decades)))\s+(?i:of)\s+(?=[a-z])", _elapsed_units),
)
