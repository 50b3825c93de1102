"""The rule for counted offsets a story tells its time by (:mod:`.timex_offsets` says why):
``three days later`` is the DURATION ``three days`` counted from the day the text last named."""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, START, UNIT
from .timex_offsets import tells_story
from .timex_rules import Context, Reading, Rule, _amount, _unit

__all__ = ["OFFSET_RULES"]


def _story_offset(match: re.Match[str], ctx: Context) -> Reading | None:
    unit, multiplier = _unit(match["u"])
    if not tells_story(unit, ctx.text, ctx.start, ctx.reference_day is not None):
        return None  # "from 7.8% a week earlier": the date compared with (the "later" rule)
    amount = _amount(match["n"])
    side = "before" if match["dir"].lower() == "earlier" else "after"
    offset = cal.duration_value(
        cal.format_amount(amount * multiplier if amount is not None else None), unit)
    if ctx.reference_day is not None and amount is not None and amount.is_integer():
        counted_from = ctx.reference_day.isoformat()
    else:
        counted_from = ctx.reference_relation or "the preceding date"
    return Reading("DURATION", offset, "duration", relation=f"{side}:{offset}:{counted_from}")


OFFSET_RULES: tuple[Rule, ...] = (
    Rule("story_offset", re.compile(START + r"(?P<t>" + NUMBER + r"\s++" + UNIT + r")\s++"
                                    r"(?P<dir>(?i:later|earlier))(?!\w)"), _story_offset),
)
