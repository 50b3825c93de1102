"""Reporting periods counted in quarters: ``the first two quarters of 1990`` is a half.

TimeML values two quarters at the start or end of a year as that half (``1990-H1``); the
calendar helpers that anchor other periods are in :mod:`.timex_anchor`.
"""

from __future__ import annotations

import re

from .timex_lexicon import START, YEAR
from .timex_rules import Context, Reading, Rule

__all__ = ["ANCHOR_RULES"]

_HALF_OF = {"first": 1, "last": 2, "final": 2, "second": 2, "latter": 2}


def _two_quarters(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the first two quarters of 1990``, ``the last two quarters of the year``: a half."""
    half = _HALF_OF[match["w"].lower()]
    if match["y"]:
        year: int | None = int(match["y"])
    elif ctx.anchor is None:
        year = None
    else:
        step = {"this": 0, "last": -1, "next": 1}[match["rel"].lower()] if match["rel"] else 0
        year = ctx.anchor.year + step
    return Reading("DATE", f"{year:04d}-H{half}" if year is not None else None, "season")


ANCHOR_RULES: tuple[Rule, ...] = (
    Rule("two_quarters", re.compile(
        START + r"(?P<t>(?i:the\s+)?(?P<w>(?i:first|last|final|second|latter))\s+(?i:two)\s+"
        r"(?i:quarters)\s+(?i:of)\s+(?:" + YEAR + r"|(?P<rel>(?i:this|last|next))\s+(?i:year)"
        r"|(?i:the\s+(?:current\s+)?year)))(?![\w-])"), _two_quarters),
)
