"""Words that point at a time by context: ``until then``, ``at this crucial moment``.

- ``then`` after ``until``, ``till`` or ``by`` stands for the time the text last named. TimeML
  marks an anaphoric ``then`` that points at a time, valued as that time: in "the rights
  terminate on Nov. 30. Until then, the stock remains convertible" it is ``1989-11-30``. The
  most precise of the day, month and year last named that still agree with one another is
  taken, so a later bare year ("in 1995 ... by then") wins over an older day. Where the text
  named no time before, the value is None (a time the text does not date), as for ``later
  that year``;
- ``this moment`` (``at this crucial moment``, ``at this very moment``) is the present,
  ``PRESENT_REF``, as ``now`` is. ``the moment``, ``a moment`` are left alone: they name an
  event's instant (``the moment the bombs went off``) or a short wait.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import START
from .timex_rules import Context, Reading, Rule

__all__ = ["DEICTIC_RULES"]


def _then(match: re.Match[str], ctx: Context) -> Reading:
    day, month, year = ctx.reference_day, ctx.reference_month, ctx.reference_year
    if day is not None and month == (day.year, day.month) and year in (None, day.year):
        return Reading("DATE", day.isoformat(), "day")
    if month is not None and year in (None, month[0]):
        return Reading("DATE", cal.month_value(*month), "month")
    if year is not None:
        return Reading("DATE", f"{year:04d}", "year")
    return Reading("DATE", None, "day")


DEICTIC_RULES: tuple[Rule, ...] = (
    Rule("then", re.compile(START + r"(?i:until|till|by)\s++(?P<t>(?i:then))(?![\w-])"), _then),
    Rule("this_moment", re.compile(START + r"(?P<t>(?i:this)\s++(?:(?i:very|crucial|critical"
                                   r"|difficult|important|historic|particular|precise|present"
                                   r"|current|decisive|delicate|sensitive)\s++)?(?i:moment))"
                                   r"(?![\w-])"),
         lambda match, ctx: Reading("DATE", "PRESENT_REF", "ref")),
)
