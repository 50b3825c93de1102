"""``that day`` with nothing before it to point back to: a generic day, not a time expression.

``that day`` is anaphoric: it names the day the story last stood on. In ``On days when prices
tumble, dealers lose on trades made that day`` or ``You get bad news, and you have redemptions
that day`` no date came before it and the clause is not a past narrative: it speaks of any
such day, and TimeML marks no TIMEX3 for a generic time. The same holds where only a month
came before (``September's crash ... you have redemptions that day``): a day of that month
the text never names. In a past narrative (``Later that day, the police arrived``) the day is
a particular one even when the text never dated it, so the expression stays, valued None with
its relation (or the month's unnamed day).
"""

from __future__ import annotations

import re

from .timex_calendar import Tense
from .timex_rules import Reading

__all__ = ["generic_day"]

#: The relation a day-anaphor carries when no date or event came before it.
_NO_ANTECEDENT = ":the preceding date"
#: A day of a known month, which one untold (``2019-06-XX``).
_DAY_OF_MONTH = re.compile(r"^\d{4}-\d{2}-XX$")


def generic_day(expression: str, reading: Reading, tense: Tense | None) -> bool:
    """Whether ``expression`` (``that day``, ``that same day``), read as ``reading`` in a
    clause of ``tense``, points back to no day at all outside a past narrative."""
    words = expression.lower().split()
    if words[:1] != ["that"] or words[-1:] != ["day"]:
        return False
    if tense == "past":
        return False
    if reading.value is not None:
        # Only a month came before ("in September ... trades made that day"): a day of it
        # the text never names, which outside a past narrative is any such day as well.
        return _DAY_OF_MONTH.match(reading.value) is not None
    return (reading.relation or "").endswith(_NO_ANTECEDENT)
