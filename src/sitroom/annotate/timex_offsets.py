"""Counted offsets a story tells its time by: ``three days later``, ``an hour earlier``.

TimeML marks the amount alone as a DURATION (``three days``: ``P3D``) and leaves ``later`` or
``earlier`` outside the TIMEX3 as a signal; the day the offset lands on is a temporal link,
not the expression's value. TimeBank's news follows that (``Three days later, as of Friday's
close``, ``A few days later``, ``Just over an hour later``). So these readings are DURATIONs
whose ``relation`` keeps the day counted from (``after:P3D:1989-10-12``) when the text named
one, and :func:`landing_day` gives the day they land on, so that what the story tells next
(``the next day``, ``at 10 a.m.``) still counts from there.

Units a story's own days are told in (seconds to weeks) read this way; months and years only
when the text named no day to count from (``A year later, he resigned``). A figure compared
across time (``up from 7.8% a week earlier``, ``compared with 40 a day earlier``) names the
date compared with, a DATE; so does ``a year earlier`` in news, a comparison of periods (the
date rules read both).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["STORY_UNITS", "compares_figures", "landing_day", "tells_story"]

#: Units a story's own days are counted in.
STORY_UNITS = frozenset({"second", "minute", "hour", "day", "week"})

#: Before the offset: a comparison word and a figure ("from 7.8%", "with $2 million, or 12
#: cents a share,", "than 40"): the offset names the date the figure belongs to. The run
#: after the figure stops at a sentence's end; the caller passes a short window.
_FIGURE_BEFORE = re.compile(
    r"\b(?i:from|than|with|versus|vs\.?|against)\s++(?:(?i:about|roughly|nearly|some)\s++)?"
    r"[$£€]?\d(?:[^.;!?]|\.(?=\d)){0,40}$")

#: ``after:P3D:1989-10-12``: an offset from a named day.
_FROM_DAY = re.compile(r"^(?P<side>before|after):P(?P<clock>T?)(?P<n>\d+|X)(?P<u>[DWHMS])"
                       r":(?P<day>\d{4}-\d{2}-\d{2})$")


def compares_figures(text: str, start: int) -> bool:
    """Whether the offset starting at ``start`` follows a figure it dates (``from 7.8% a week
    earlier``) rather than telling the story on (``A week earlier, they had fled``)."""
    return _FIGURE_BEFORE.search(text, max(0, start - 60), start) is not None


def tells_story(unit: str, text: str, start: int, from_named_day: bool) -> bool:
    """Whether an offset in ``unit`` (canonical: ``day``, ``week``) starting at ``start``
    tells the story on, and so is a DURATION. Longer units do when no day was named to count
    from (``A year later, he resigned``, ``Nearly 10 months later``), as they always were
    then; from a named day they name a date, as in the comparisons news makes with them."""
    if compares_figures(text, start):
        return False
    return unit in STORY_UNITS or not from_named_day


def landing_day(relation: str | None) -> date | None:
    """The day an offset from a named day lands on (``after:P3D:1989-10-12``: 1989-10-15);
    None for any other relation and for days of unstated number. Clock units (``PT5H``,
    ``PTXH``) stay on the day counted from."""
    found = _FROM_DAY.match(relation or "")
    if found is None:
        return None
    base = date.fromisoformat(found["day"])
    if found["clock"]:
        return base  # "hours later", "an hour earlier": the same day
    if found["n"] == "X" or found["u"] not in "DW":
        return None  # "days later": no calendar day to land on
    days = int(found["n"]) * (7 if found["u"] == "W" else 1)
    return base + timedelta(days=days if found["side"] == "after" else -days)
