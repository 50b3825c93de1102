"""``24 hours a day``, ``three days a week``: time spent in each period, a TimeML SET.

An amount of a small unit ``a``/``per``/``each``/``every`` larger unit is not a stretch of
time but a share of each period, recurring: TimeML marks the whole phrase as a SET whose value
is the larger period (``P1D`` for ``eight hours a day``, ``P1W`` for ``seven days a week``),
the amount being its ``freq``. Read alone, ``24 hours`` would be a 24-hour DURATION that never
happened. The larger unit must be the longer one (``a day a week``, never ``a week a day``).
"""

from __future__ import annotations

import re

from . import timex_calendar as cal
from .timex_lexicon import NUMBER, START, UNIT, UNIT_WORDS
from .timex_rules import Context, Reading, Rule

__all__ = ["TIME_RATE_RULES"]

#: Units from the shortest up: the period must stand later in this order than the amount.
_ORDER = ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year",
          "decade", "century")


def _time_rate(match: re.Match[str], ctx: Context) -> Reading | None:
    """``eight hours a day``: each day, ``P1D``."""
    amount_unit = UNIT_WORDS[match["u"].lower()]
    period = UNIT_WORDS[match["per"].lower()]
    if period not in _ORDER or amount_unit not in _ORDER or (
            _ORDER.index(period) <= _ORDER.index(amount_unit)):
        return None
    if period == "fortnight":
        return Reading("SET", cal.duration_value("2", "week"), "duration")
    return Reading("SET", cal.duration_value("1", period), "duration")


TIME_RATE_RULES: tuple[Rule, ...] = (
    Rule("time_rate", re.compile(
        START + r"(?P<t>" + NUMBER + r"\s++" + UNIT + r"\s++(?i:a|an|per|each|every)\s++"
        r"(?P<per>(?i:minute|hour|day|week|fortnight|month|quarter|year|decade|century))"
        r")(?![\w-])"), _time_rate),
)
