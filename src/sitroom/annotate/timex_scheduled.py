"""Days a plan is set for: ``a vote set for Thursday``, ``the debate is scheduled for Monday``.

News names the day of a coming event by what it is set for, often in the present tense or with
a bare participle (``a meeting set for Friday between the ministers``), which the clause's tense
would read as the Friday just gone. Written on a Wednesday, ``set for Friday`` means the coming
Friday: a plan reported as standing points ahead. Told as over (``the hearing, which was set
for Wednesday, was delayed``; ``had been scheduled for``), the plan may point either way, and
the clause's tense decides as before.
"""

from __future__ import annotations

import re

__all__ = ["set_for"]

#: "set for", "scheduled for", "slated for", "planned for", "due for", with "on"/"next" allowed
#: before the day; searched at the end of the text before the expression.
_SET_FOR = re.compile(r"\b(?P<aux>(?i:was|were|been)\s++)?(?i:set|scheduled|slated|planned"
                      r"|rescheduled)\s++(?i:for)\s++(?:(?i:on)\s++)?$")


def set_for(text: str, start: int) -> bool:
    """Whether the expression at ``start`` is the day a standing plan is set for (see the
    module docstring)."""
    found = _SET_FOR.search(text, max(0, start - 40), start)
    return found is not None and found["aux"] is None
