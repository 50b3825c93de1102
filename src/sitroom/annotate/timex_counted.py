"""Stretches of time named as noun phrases: counted ones with their article (``the nine
months``, ``the year-earlier nine months``) and unstated ones a story tells on from (``in
the years that followed``).

TimeML takes the determiner of a duration's noun phrase into the TIMEX3, as TimeBank's news
does (``the nine months ended Sept. 30``, ``the four days he first considered``); a
comparison adjective between them (``the year-earlier nine months``: the same stretch a year
before) stays in too, and the value is still the stretch's length (``P9M``). Only plural
units head such a phrase: in ``the two-day visit`` or ``the two day visit`` the article
belongs to the noun after, and the bare duration rule reads ``two-day`` alone.

``In the years that followed``, ``the months since``: a stretch of unstated length after
what the story just told, a DURATION (``PXY``) as ``for years`` is. The TIMEX3 is the unit
word (TimeBank's news marks ``years`` there); the relative clause after it is no part of it.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, START, UNIT_WORDS
from .timex_rules import Context, Reading, Rule, _plain_duration

__all__ = ["COUNTED_RULES"]

#: Adjectives that may stand between the article and the amount without changing the length.
_BETWEEN = (r"(?i:latest|year-earlier|year-ago|prior-year|comparable|corresponding|same"
            r"|remaining|intervening|ensuing)")
_PLURAL_UNIT = (r"(?P<u>(?i:seconds|minutes|hours|days|weeks|fortnights|months|quarters|years"
                r"|decades|centuries))")


#: After the stretch: an event it is counted from ("the three months following the attack"),
#: which the event-relative rule reads (keeping the event in ``relation``).
_EVENT_AFTER = re.compile(r"\s++(?i:before|after|following|prior\s++to|into)\b")


def _counted(match: re.Match[str], ctx: Context) -> Reading | None:
    if _EVENT_AFTER.match(ctx.text, ctx.end):
        return None
    return _plain_duration(match, ctx)


def _stretch_after(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the years that followed``: a stretch of unstated length."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


COUNTED_RULES: tuple[Rule, ...] = (
    Rule("counted_with_article", re.compile(
        START + r"(?P<t>(?i:the)\s++(?:" + _BETWEEN + r"\s++)?" + NUMBER + r"\s++" + _PLURAL_UNIT
        + r")(?![\w'’-])"), _counted),
    Rule("stretch_that_followed", re.compile(
        START + r"(?i:the)\s++(?P<t>(?P<u>(?i:days|weeks|months|years|decades)))\s++"
        r"(?:(?i:that|which)\s++(?:followed|follow|came\s++after)\b|(?i:since|afterwards?)"
        r"(?=\s*+[,.;:]))"), _stretch_after),
)
