"""Dates on which something was said: ``officials said Monday the bridge would reopen``.

Agency copy puts the day of a statement straight after the verb of saying and often drops the
``that`` before what was said. The parser then may hang the day on the reported clause, whose
future (``would reopen``) would send ``Monday`` to the coming week. A day written right after
a past verb of saying tells when it was said, so it lies behind the moment of writing. A
possessive (``said Monday's vote would be close``) names the day of something else, and keeps
the clause's own reading. The same holds for a month (``said in January it would close the
plant in April``).
"""

from __future__ import annotations

import re

__all__ = ["said_on"]

#: A past verb of saying (perhaps with its one-word hearer: "told reporters") and an optional
#: "on" or "in" ("said in January"), searched at the end of the text before the date.
_SAID_BEFORE = re.compile(
    r"\b(?i:said|told(?:\s++[a-z]++)?|announced|reported|added|declared|stated|warned"
    r"|acknowledged|confirmed|disclosed|insisted|conceded|denied|predicted)\s++(?:(?i:on|in)\s++)?$")
_POSSESSIVE = re.compile(r"['’]s?\b")


def said_on(text: str, start: int, end: int) -> bool:
    """Whether the day at ``text[start:end]`` is the day a past verb of saying just before it
    was said on (see the module docstring)."""
    if _POSSESSIVE.match(text, end):
        return False
    return _SAID_BEFORE.search(text, max(0, start - 40), start) is not None
