"""Stretches of time whose length the text leaves unstated, and hours told with o'clock.

TimeML marks a stretch as a DURATION even when it gives no number: the value then writes
``X`` for the amount (``PXM``: some months). The main rules read the bare plural after
``for``, ``within`` or ``over`` (``for months``); these read the forms they leave out:

- a bare plural unit that a verb of spending time takes as its object: ``the repairs could
  take months``, ``residents waited days for water``, ``he spent years in exile``, ``it had
  been weeks since the last convoy``: ``PXM``, ``PXD``, ``PXY``, ``PXW``. Not when a word
  after it makes the unit part of something else: an offset (``weeks later``, ``days
  before``, ``years ago``), an age (``years old``), a compound (``months-long``);
- a period qualified only by its length: ``for a fairly lengthy period``, ``a brief spell``,
  ``an indefinite period``: ``PXX`` (TimeML's value when not even the unit is stated);
- an hour with ``o'clock``, in digits or words: ``at 10 o'clock``, ``ten o'clock``: a time of
  day (``T10:00``) on the day the sentence is about, as ``10 a.m.`` would be. The half of
  the day is not guessed when the text leaves it out; ``ten o'clock at night`` is
  ``T22:00``, and so is ``ten o'clock`` in ``ten o'clock Tuesday night`` or ``ten o'clock
  tonight``. ``a five o'clock shadow`` (stubble) is no time.
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import START, UNIT_WORDS
from .timex_rules import Context, Handler, Reading, Rule, _day_after, _reference_day

__all__ = ["UNSTATED_RULES"]

#: Verbs whose object can be a stretch of time spent: "take months", "waited days".
#: "been" only after "it" ("it has been weeks since"): "there have been days when" is not.
_SPENDING_VERB = (r"(?:(?i:take|takes|took|taken|taking|spend|spends|spent|spending|wait"
                  r"|waits|waited|waiting|lasted|lasts|lasting|go|goes|went|gone|going)"
                  r"|(?i:it)(?:['’]s|\s++(?i:has|had))\s++(?i:been))")
#: What may not follow the unit: an offset, an age, a compound, a possessive of measure.
_NOT_A_STRETCH_AFTER = (r"(?!\s++(?i:ago|later|earlier|before|after|apart|old|from"
                        r"|into)\b)(?![\w'’-])")

#: The part of the day told just after the hour and its day: "eight o'clock Tuesday night",
#: "ten o'clock tonight". It says which half of the day the hour is in.
_PART_AFTER = re.compile(r"[ \t]++(?:(?i:on)[ \t]++)?(?:(?:Monday|Tuesday|Wednesday|Thursday"
                         r"|Friday|Saturday|Sunday|(?i:today|yesterday|tomorrow))[ \t]++"
                         r"(?P<part>(?i:morning|afternoon|evening|night))|(?P<tonight>(?i:tonight)))(?!\w)")

_HOUR_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _unstated_units(match: re.Match[str], ctx: Context) -> Reading | None:
    """``could take months``: a stretch of unstated length in that unit."""
    unit = UNIT_WORDS[match["u"].lower()]
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


def _unstated_period(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a fairly lengthy period``: neither amount nor unit is stated."""
    return Reading("DURATION", "PXX", "duration")


def _oclock(match: re.Match[str], ctx: Context) -> Reading | None:
    """``at 10 o'clock``: that hour on the day the sentence is about; ``ten o'clock at
    night`` after noon (``two o'clock at night`` is past midnight, before it)."""
    written = match["h"].lower()
    hour = _HOUR_WORDS[written] if written in _HOUR_WORDS else int(written)
    part = (match["part"] or ("night" if match["night"] else "")).lower()
    later = _PART_AFTER.match(ctx.text, ctx.end)
    if not part and later is not None:
        part = (later["part"] or "night").lower()  # "eight o'clock Tuesday night"
    if part in ("afternoon", "evening") or (part == "night" and hour >= 6):
        hour = hour + 12 if hour < 12 else hour
    elif hour == 12 and part in ("morning", "night"):
        hour = 0
    if later is not None and later["tonight"]:
        day = ctx.anchor  # "ten o'clock tonight": the document's own day
    else:
        day = _day_after(ctx) or _reference_day(ctx)
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:00" if day else None, "time")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


UNSTATED_RULES: tuple[Rule, ...] = (
    _rule("unstated_units", START + _SPENDING_VERB + r"\s++(?P<t>(?P<u>(?i:minutes|hours|days"
          r"|weeks|months|years|decades)))" + _NOT_A_STRETCH_AFTER, _unstated_units),
    _rule("unstated_period", START + r"(?P<t>(?i:an?)\s++(?:(?i:fairly|very|relatively|rather"
          r"|quite|so|too)\s++)?(?i:long|lengthy|short|brief|extended|prolonged|limited"
          r"|indefinite|unspecified|undetermined)\s++(?i:period|spell|stretch)"
          r"(?:\s++(?i:of)\s++(?i:time))?)(?![\w-])", _unstated_period),
    _rule("oclock", START + r"(?P<t>(?P<h>1[0-2]|0?[1-9]|(?i:one|two|three|four|five|six|seven"
          r"|eight|nine|ten|eleven|twelve))\s++(?i:o['’]clock)(?:\s++(?:(?i:in\s++the)\s++"
          r"(?P<part>(?i:morning|afternoon|evening))|(?P<night>(?i:at\s++night))))?)(?![\w-])"
          r"(?!\s++(?i:shadow)\b)", _oclock),
)
