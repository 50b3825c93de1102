"""Which date a reporting period or a day refers to, where the ordinary rules would guess.

Small, pure helpers the period and day rules consult (:mod:`.timex_periods`, :mod:`.times`,
:mod:`.timex_rules`; rules of their own are in :mod:`.timex_anchor_rules`), gathered here so
each reading stays one rule of English news:

- a quarter named after ``after``, ``from``, ``than`` (``After a flat second quarter, ...``,
  ``up from the second quarter``) is the one a report compares with, not the one it reports:
  it does not become the quarter that later ``a year ago``, ``the latest period`` refer to;
- a fiscal quarter ``ended`` on a date (``the second quarter ended Oct. 31``) is that date's
  year's, counted back from the document date (a period told as ended is over);
- ``the quarter ended July 31`` covers May to July: TimeML values it as the calendar quarter
  holding most of those months (``Q2``);
- ``today is the eighth day of the blockade``, ``it's the second day of an offensive``: the
  ordinal day of an event, said to be today, is the document date;
- a month named as a noun's modifier (``under a June agreement``, ``the March vote``) has
  the time of that thing, not of the clause: a clause looking ahead (``is continuing``) does
  not push it to next year;
- a sentence that opens ``Until Thursday,`` takes the tense of its own clause (``Until
  Thursday, they had not called him a suspect``: the Thursday just past), where ``until``
  inside a clause points ahead (``postponed until Thursday``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .timex_calendar import latest_on_or_before
from .timex_lexicon import MONTHS, YEAR

__all__ = ["attributive", "compared_quarter", "ended_year", "fiscal_quarter", "fronted_until",
           "names_today"]

#: Words before a quarter that make it the one compared with: "After a flat second quarter",
#: "up from the second quarter", "than in the third quarter", "since the first quarter".
_COMPARED_BEFORE = re.compile(
    r"(?i:\b(?:after|following|from|than|since|over)\s+(?:in\s+)?"
    r"(?:(?:a|an|the|its|their|his|her)\s+)?(?:[a-z]+\s+)?)$")


def compared_quarter(text: str, start: int) -> bool:
    """Whether the quarter named at ``start`` follows a word of comparison (see the module
    docstring): such a quarter does not frame the report."""
    return bool(_COMPARED_BEFORE.search(text, max(0, start - 40), start))


#: "ended Oct. 31", "ending Sept. 30, 1989" just after a quarter's name.
_ENDED_ON = re.compile(
    r"(?:\s*,)?\s++(?i:that\s++)?(?i:ended|ending)\s++(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug"
    r"|sep|oct|nov|dec)[a-z]*\.?)\s+(?P<d>[0-3]?\d)(?!\d)(?:,?\s+" + YEAR + r")?")


def ended_year(text: str, end: int, anchor: date | None) -> int | None:
    """The year of the date a period named just before ``end`` is said to have ended on
    (``the second quarter ended Oct. 31``, told on Oct. 27, 1989: 1988), or None."""
    found = _ENDED_ON.match(text, end)
    if found is None:
        return None
    if found["y"]:
        return int(found["y"])
    if anchor is None or found["mon"][:3].lower() not in MONTHS:
        return None
    closed = latest_on_or_before(anchor, MONTHS[found["mon"][:3].lower()], int(found["d"]))
    return closed.year if closed else None


def fiscal_quarter(last_day: date) -> tuple[int, int]:
    """The calendar quarter holding most of the three months that end on ``last_day``: the
    one whose middle month they share (May-July is mostly the second quarter)."""
    middle = last_day - timedelta(days=45)
    return middle.year, (middle.month - 1) // 3 + 1


#: A fronted "Until Thursday," at the start of a sentence (the comma closes the phrase).
#: Possessive runs of blanks (``\s++``): the word after them is never blank, so giving
#: blanks back could not help a match, and not trying keeps the search linear. After a newline
#: only blanks of that line are taken: a later newline starts its own try, so a long run of
#: empty lines is crossed once rather than once from each of them.
_SENTENCE_UNTIL = re.compile(r"(?:^|[.!?]['\"”’]?\s++|\n[^\S\n]*+)(?i:until|till)\s++"
                             r"(?:on\s++)?$")


def fronted_until(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens its sentence after ``Until`` and a comma follows."""
    return bool(_SENTENCE_UNTIL.search(text, max(0, start - 12), start)) and (
        text[end:end + 1] == ",")


#: "Today is", "It's", "This marks" just before "the eighth day of ...".
_TODAY_IS = re.compile(r"(?:\b(?i:today|it|this)\s+(?i:is|marks)|\b(?i:it|today)['’]s)\s+$")


def names_today(text: str, start: int) -> bool:
    """Whether the expression at ``start`` (``the eighth day of ...``) is said to be today:
    ``Today is the eighth day``, ``It's the second day``."""
    return bool(_TODAY_IS.search(text, max(0, start - 16), start))


#: An article or possessive before the expression, a lowercase noun after it: "a June
#: agreement", "the March vote", "its December deadline".
_ARTICLE_BEFORE = re.compile(r"\b(?i:a|an|the|its|their|his|her|our|this|that)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|of|in|on|at|for|by|with|from|as|when|that|is"
                         r"|was|will|would|has|had|have|be)\b)[a-z][a-z-]+\b")


def attributive(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` modifies the noun after it (``a June agreement``)."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, start - 8), start)) and bool(
        _NOUN_AFTER.match(text, end))
