"""``the spring of last year``, ``the winter of next year``: a season of a year named relative
to the article's date, one DATE as TimeML marks it.

Read apart, ``the spring`` took the clause's nearest spring and ``last year`` its own year, so
"rebels seized the town in the spring of last year", told in 2021, gave ``2021-SP``. The year
word picks the year and the season is that year's (``2020-SP``); a winter is named after the
year it starts in, as TimeML writes it (``2020-WI`` runs from December 2020).
"""

from __future__ import annotations

import re

from .timex_lexicon import SEASONS, START
from .timex_rules import Context, Reading, Rule

__all__ = ["SEASON_OF_YEAR_RULES"]

_STEP = {"last": -1, "previous": -1, "this": 0, "next": 1}


def _season_of_year(match: re.Match[str], ctx: Context) -> Reading:
    if ctx.anchor is None:
        return Reading("DATE", None, "season")
    year = ctx.anchor.year + _STEP[match["rel"].lower()]
    return Reading("DATE", f"{year:04d}-{SEASONS[match['s'].lower()]}", "season")


SEASON_OF_YEAR_RULES: tuple[Rule, ...] = (
    Rule("season_of_relative_year", re.compile(
        START + r"(?P<t>(?:(?i:(?:the\s++)?(?:early|late|mid)[\s-]++))?(?:(?i:the)\s++)?"
        r"(?P<s>(?i:spring|summer|autumn|fall|winter))\s++(?i:of)\s++"
        r"(?P<rel>(?i:last|previous|this|next))\s++(?i:year))(?![\w-])"), _season_of_year),
)
