"""Where a time expression ends: with ``or so`` after it, the approximation it carries.

TimeML puts an approximating word inside the TIMEX3 and says what it does in ``mod``
(``APPROX``): ``about three weeks`` is read elsewhere (:mod:`.timex_modifiers`); ``or so``
follows the expression instead, and belongs to it the same way: ``the next two years or so``
and ``a week or so`` are each one expression, as TempEval-3's news marks them. The value
does not change.
"""

from __future__ import annotations

import re

__all__ = ["approximate_end"]

#: "or so" right after an expression, then anything but a word going on ("or so-called").
_OR_SO_AFTER = re.compile(r"[ \t]++(?i:or)[ \t]++(?i:so)(?![\w'’-])")


def approximate_end(text: str, end: int, kind: str) -> int:
    """Where the ``kind`` expression ending at ``end`` ends once a following ``or so`` is
    taken in; ``end`` when there is none. Sets (``weekly or so``) are left as they are."""
    if kind == "SET":
        return end
    found = _OR_SO_AFTER.match(text, end)
    return found.end() if found else end
