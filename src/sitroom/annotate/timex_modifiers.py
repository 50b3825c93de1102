"""Where a duration's expression starts: with the word that bounds its amount.

TimeML puts a bounding modifier inside the TIMEX3 (and says what it does in ``mod``):
``nearly five months``, ``more than four hours``, ``at least 72 hours``, ``up to 180 days``,
``over a week`` are each one expression, as TempEval-3's news annotates them. ``over`` counts
only before an amount (``over a week``); before ``the`` it is the preposition (``over the
past four months``), which stays out. ``about`` and ``only``, which TempEval-3's annotators
left outside more often than not, and modifiers of sets (``almost daily``) are not taken in.
The value does not change: TIMEX3 writes the bound in ``mod``, not in the value.
"""

from __future__ import annotations

import re

__all__ = ["bounded_start"]

#: A bounding word (and the blanks after it) right before a duration's amount.
_BOUND_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?i:nearly|almost|more\s+than|less\s+than|fewer\s+than|no\s+more\s+than"
    r"|no\s+less\s+than|at\s+least|at\s+most|up\s+to|upwards\s+of|just\s+over|just\s+under"
    r"|well\s+over|over))\s+$")
#: What must follow "over" for it to bound an amount: a number or "a"/"an".
_AMOUNT_START = re.compile(r"(?i:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten"
                           r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)")


def bounded_start(text: str, start: int, end: int, kind: str, floor: int) -> int:
    """Where the ``kind`` expression at ``start:end`` begins once a bounding modifier before it
    is taken in; ``start`` when there is none. Never before ``floor`` (the end of the
    expression before it)."""
    if kind != "DURATION":
        return start
    found = _BOUND_BEFORE.search(text, max(floor, start - 24), start)
    if found is None:
        return start
    word = found.group().split()[-1].lower()
    if word == "over" and not _AMOUNT_START.match(text, start):
        return start  # "over the past four months": the preposition
    return found.start()
