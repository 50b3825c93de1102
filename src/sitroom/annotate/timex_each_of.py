"""``each of the last three years``: every one of a run of counted units, a TimeML SET.

``the last three years`` alone is one stretch of time (DURATION ``P3Y``). Quantified with
``each of`` or ``every one of`` it is no longer the stretch but each year in it, one after
another: TimeML marks that as a SET whose value is one unit (``P1Y``, with quant ``EACH``),
the way it marks ``each year``. The quantifier stays outside the expression, as ``each`` does
in TimeML's own examples of quantified sets.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, START, UNIT_WORDS
from .timex_rules import Context, Reading, Rule

__all__ = ["EACH_OF_RULES"]

#: Plural units only: "each of the last three years" (a singular cannot follow a count > 1).
_UNITS = r"(?P<u>(?i:seconds|minutes|hours|days|weeks|months|quarters|years|decades))(?!\w)"


def _each_of(match: re.Match[str], ctx: Context) -> Reading | None:
    """``each of the past five years``: each year, ``P1Y``."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("SET", cal.duration_value("1", unit), "duration")


EACH_OF_RULES: tuple[Rule, ...] = (
    Rule("each_of_the_units", re.compile(
        START + r"(?i:each|every\s++one)\s++(?i:of)\s++(?P<t>(?i:the)\s++(?:(?i:last|past|next"
        r"|previous|coming|first|final)\s++)?" + NUMBER + r"\s++" + _UNITS + ")"), _each_of),
)
