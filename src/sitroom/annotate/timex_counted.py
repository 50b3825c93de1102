"""Counted stretches with their article: ``the nine months``, ``the latest six months``,
``the year-earlier nine months``.

TimeML takes the determiner of a duration's noun phrase into the TIMEX3, as TimeBank's news
does (``the nine months ended Sept. 30``, ``the four days he first considered``); a
comparison adjective between them (``the year-earlier nine months``: the same stretch a year
before) stays in too, and the value is still the stretch's length (``P9M``). Only plural
units head such a phrase: in ``the two-day visit`` or ``the two day visit`` the article
belongs to the noun after, and the bare duration rule reads ``two-day`` alone.
"""

from __future__ import annotations

import re

from .timex_lexicon import NUMBER, START
from .timex_rules import Context, Reading, Rule, _plain_duration

__all__ = ["COUNTED_RULES"]

#: Adjectives that may stand between the article and the amount without changing the length.
_BETWEEN = (r"(?i:latest|year-earlier|year-ago|prior-year|comparable|corresponding|same"
            r"|remaining|intervening|ensuing)")
_PLURAL_UNIT = (r"(?P<u>(?i:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years"
                r"|decades|centuries))")


def _counted(match: re.Match[str], ctx: Context) -> Reading | None:
    return _plain_duration(match, ctx)


COUNTED_RULES: tuple[Rule, ...] = (
    Rule("counted_with_article", re.compile(
        START + r"(?P<t>(?i:the)\s++(?:" + _BETWEEN + r"\s++)?" + NUMBER + r"\s++" + _PLURAL_UNIT
        + r")(?![\w'’-])"), _counted),
)
