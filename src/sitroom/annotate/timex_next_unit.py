"""``the next year`` told in the past: the unit after the one the story stands on.

In a present or future clause, ``the next month`` is a stretch of time from now on (the DURATION
``P1M`` that :mod:`.timex_rules` reads). Told in the past with no preposition of extent before
it (``he was elected in 1995 and resigned the next year``), it names the calendar unit after
the one the text last named, as ``the following year`` does: ``1996``. ``Over the next year``
and ``within the next month`` stay stretches, and so does the phrase when the text has named no
date to count from.
"""

from __future__ import annotations

import re

from .timex_calendar import duration_value
from .timex_lexicon import START
from .timex_rules import Context, Reading, Rule, _from_reference_word

__all__ = ["NEXT_UNIT_RULES"]

#: Prepositions that make "the next year" a stretch ("over the next year"), searched at the
#: end of the text before the phrase.
_EXTENT_BEFORE = re.compile(r"\b(?i:over|in|within|during|for|through|throughout|across|into"
                            r"|until|till|by|of)\s++$")


def _next_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    if _EXTENT_BEFORE.search(ctx.before(16)) or ctx.tense() != "past":
        return None
    unit = match["u"].lower()
    counted_from = {"year": ctx.reference_year, "month": ctx.reference_month,
                    "week": ctx.reference_day}[unit]
    if counted_from is None or ctx.reference_relation is not None:
        # nothing named to count from (as when the rules are only being tried): a stretch
        return Reading("DURATION", duration_value("1", unit), "duration")
    return _from_reference_word(match, ctx)


NEXT_UNIT_RULES: tuple[Rule, ...] = (
    Rule("next_unit_in_story", re.compile(
        START + r"(?P<t>(?i:the)[ \t]++(?P<dir>(?i:next))[ \t]++(?P<u>(?i:week|month|year)))"
        r"(?![\w-])"), _next_unit),
)
