"""``the week`` on its own: a week of the article's year that the phrase does not pin down.

Market and business copy speaks of ``the week`` without saying which (``For the week, the
index fell 3%``, ``the week's most active session``, ``double the level of the week following
the crash``). The definite article points back to a week the reader is meant to know, but
nothing in the phrase names it: it may be the week just ended, the current one or one tied to
an event. TempEval-3's annotators value it as a week of the year with the week itself unstated
(``1989-WXX``), as they do for other weeks they cannot fix, so that is the value given here:
the anchor's year and ``WXX``. ``the week of March 6`` (a dated week), ``the week ended Oct.
20`` (the day rules read the date) and ``the week ahead`` (a stretch to come) are left to
other readings, as is ``The Week`` with a capital (a title).
"""

from __future__ import annotations

import re

from .timex_lexicon import START
from .timex_rules import Context, Reading, Rule

__all__ = ["THE_WEEK_RULES"]

#: What after ``the week`` makes it another expression: a dated week, a reporting week
#: closed by a date, a stretch ahead, a week counted from another (``the week before last``).
_NOT_ALONE_AFTER = re.compile(r"\s++(?i:of|ended|ending|ahead|before\s++last|after\s++next)\b")


def _the_week(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the week``: ``YYYY-WXX`` in the anchor's year."""
    if _NOT_ALONE_AFTER.match(ctx.text, ctx.end):
        return None
    if match["w"][0] == "W":
        return None  # "a column in The Week": a title
    if ctx.anchor is None:
        return Reading("DATE", None, "week")
    return Reading("DATE", f"{ctx.anchor.isocalendar()[0]:04d}-WXX", "week")


THE_WEEK_RULES: tuple[Rule, ...] = (
    Rule("the_week", re.compile(START + r"(?P<t>(?i:the)\s++(?P<w>[Ww]eek))(?![\w-])"),
         _the_week),
)
