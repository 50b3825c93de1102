"""``will be redeemed in five years``: the time a stated stretch from now lands on.

In a clause that looks ahead, ``in`` before a counted stretch says when something will happen,
counted from the article's date, as ``five years from now`` does: TempEval-3 marks the stretch
(``five years``) as the DATE it lands on (``1994`` written in 1989), at the unit's own
precision. In a clause that tells what was (``his second letter in two weeks``), or after
``within`` (a deadline, read elsewhere), it stays a DURATION. Vague amounts (``in a few
years``) land nowhere certain, and are left to the duration rules.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, START, UNIT
from .timex_rules import Context, Reading, Rule, _amount, _unit

__all__ = ["IN_FUTURE_RULES"]

#: Units whose landing is a calendar value TempEval-3 writes (no clock units: "in two hours"
#: has no time of day to land on).
_LANDING_UNITS = frozenset({"day", "week", "month", "year"})


#: A counted amount in the words just before "in" ("will build 300 homes in two years", "$5
#: billion in three years"): the stretch is how long the amount takes, not when something
#: happens.
_AMOUNT = re.compile(r"\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|dozen"
                     r"|hundred|thousand|million|billion)\b")
_CLAUSE_BREAK = re.compile(r"[.;:!?,]")


def _amount_before(ctx: Context) -> bool:
    words = ctx.before(32)
    breaks = list(_CLAUSE_BREAK.finditer(words))
    return _AMOUNT.search(words, breaks[-1].end() if breaks else 0) is not None


def _in_future(match: re.Match[str], ctx: Context) -> Reading | None:
    amount = _amount(match["n"])
    unit, factor = _unit(match["u"])
    if amount is None or not float(amount).is_integer() or unit not in _LANDING_UNITS:
        return None
    if ctx.tense() != "future" or _amount_before(ctx):
        return None
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    return Reading("DATE", cal.shift(ctx.anchor, int(amount * factor), unit),
                   cal.UNIT_PRECISION[unit])


IN_FUTURE_RULES: tuple[Rule, ...] = (
    Rule("in_stretch_ahead", re.compile(
        START + r"(?i:in)[ \t]++(?P<t>" + NUMBER + r"[ \t]++" + UNIT + r")(?![\w-])"
        r"(?![ \t]++(?i:ago|before|after|later|earlier|of|from|since|to|or"
        r"|and[ \t]++a[ \t]++half)\b)"),
         _in_future),
)
