"""Times that a story tells from its own day or from the day it last named.

- ``two weeks from now``, ``a year from today``: the day (week, month, year) that far after the
  document date, one DATE as TimeML writes it (``1998-W09``); ``weeks from now``, with no
  amount, is some time ahead (``FUTURE_REF``);
- ``that night``, ``later that morning``: that part of the day the text last named (else of
  the document date), a TIME (``1998-02-12TNI``), as ``that day`` is a DATE;
- ``in the late afternoon``, ``during the early morning``: the part of the day the sentence is
  about, as ``in the afternoon`` is (the modifier stays in the expression);
- ``the weeks to come``: a stretch of unstated length ahead (``PXW``), as ``the coming weeks``.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, PARTS_OF_DAY, START, UNIT
from .timex_rules import Context, Handler, Reading, Rule, _amount, _reference_day, _unit

__all__ = ["NARRATIVE_RULES"]


def _from_now(match: re.Match[str], ctx: Context) -> Reading | None:
    """``two weeks from now``: that far after the document date."""
    unit, multiplier = _unit(match["u"])
    amount = _amount(match["n"]) if match["n"] else None
    if amount is None or not amount.is_integer():
        if match["n"] is None and not match["u"].lower().endswith("s"):
            return None  # "week from now" without an amount is not English news
        return Reading("DATE", "FUTURE_REF", "ref")
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    value = cal.shift(ctx.anchor, int(amount * multiplier), unit)
    return Reading("DATE", value, "day" if unit in cal.CLOCK_UNITS else cal.UNIT_PRECISION[unit])


#: After "that night", "that morning": a noun the part of day modifies ("warned that night
#: raids would go on"), where "that" is the conjunction and no day is meant.
_COMPOUND_AFTER = re.compile(
    r"\s+(?:raids?|attacks?|strikes?|patrols?|flights?|shifts?|sessions?|trading|prayers?"
    r"|news|editions?|shows?|programs?|programmes?|classes|curfews?|rush|services?|markets?"
    r"|clubs?|life|sky|skies|vision|time|fighting|operations?|bombings?|shelling)\b")


def _that_part(match: re.Match[str], ctx: Context) -> Reading | None:
    """``later that night``: that part of the day last named."""
    if _COMPOUND_AFTER.match(ctx.text, ctx.end):
        return None
    day = ctx.reference_day or _reference_day(ctx)
    code = PARTS_OF_DAY[match["part"].lower()]
    return Reading("TIME", f"{day.isoformat()}T{code}" if day else None, "time")


def _modified_part(match: re.Match[str], ctx: Context) -> Reading | None:
    """``in the late afternoon``: that part of the day the sentence is about."""
    day = _reference_day(ctx)
    code = PARTS_OF_DAY[match["part"].lower()]
    return Reading("TIME", f"{day.isoformat()}T{code}" if day else None, "time")


def _to_come(match: re.Match[str], ctx: Context) -> Reading | None:
    unit, _ = _unit(match["u"])
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"

NARRATIVE_RULES: tuple[Rule, ...] = (
    _rule("from_now", START + r"(?P<t>(?:" + NUMBER + r"\s+)?" + UNIT
          + r"\s+(?i:from\s+(?:now|today)))(?![\w-])", _from_now),
    _rule("that_part", START + r"(?P<t>(?:(?i:later|earlier)\s+)?(?i:that)\s+(?:(?i:same)\s+)?"
          + _PART + r")(?![\w-])", _that_part),
    _rule("modified_part", START + r"(?i:in|during|by|until|through|throughout)\s+(?P<t>"
          r"(?i:the)\s+(?i:early|late|mid)[- ]?" + _PART + r")(?![\w-])", _modified_part),
    _rule("to_come", START + r"(?P<t>(?i:the)\s+(?P<u>(?i:days|weeks|months|years|decades))\s+"
          r"(?i:to\s+come))(?![\w-])", _to_come),
)
