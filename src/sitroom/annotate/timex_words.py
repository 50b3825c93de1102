"""Time expressions written in words: spoken years, moving holidays, vague stretches ahead.

Broadcast transcripts spell years out (``nineteen ninety-six``, ``January nineteen
ninety-seven``, ``the year two thousand``, ``the winter of nineteen ninety-four``) and days of
the month too (``March eighth``, ``the twenty-first of June``); feasts that move with the calendar
(``Thanksgiving``, ``Easter``) are computed for the year the clause points to; decades go by
their names (``the nineties`` is ``199``); and ``in coming
weeks``, ``the weeks ahead`` are TimeML durations of unspecified length (``PXW``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_lexicon import FULL_MONTH, SEASONS, START, WEEKDAY
from .timex_rules import (
    Context,
    Handler,
    Reading,
    Rule,
    _clause_tense,
    _dated_tense,
    _month,
    _unit,
)
from .timex_titles import name_goes_on

__all__ = ["WORD_RULES", "easter", "thanksgiving"]

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_VALUES = {**{w: i for i, w in enumerate(_ONES, 1)}, **{w: i for i, w in enumerate(_TEENS, 10)},
           **{w: 10 * i for i, w in enumerate(_TENS, 2)}}
_CENTURIES = {"eighteen": 18, "nineteen": 19, "twenty": 20}
_TWO_DIGITS = (r"(?:" + "|".join(_TEENS) + r"|(?:" + "|".join(_TENS) + r")(?:[- ](?:"
               + "|".join(_ONES) + r"))?|(?:oh|o)[- ](?:" + "|".join(_ONES) + r"))")
_SPOKEN_YEAR = (r"(?P<c>(?i:eighteen|nineteen|twenty))\s+(?P<yy>(?i:" + _TWO_DIGITS + r"))"
                r"|(?i:the\s+year\s+)?(?P<k>(?i:two\s+thousand))(?:\s+(?i:and\s+)?(?P<small>"
                r"(?i:" + "|".join(_ONES) + "|" + "|".join(_TEENS) + r")))?")
#: Words after a spoken number that make it a count, not a year.
_COUNTED = re.compile(r"\s*(?:%|(?i:per\s*cent|percent|people|dollars|troops|soldiers|votes"
                      r"|years|times|of\b))")


def _two_digits(words: str) -> int:
    parts = re.split(r"[- ]", words.lower())
    if parts[0] in ("oh", "o"):
        return _VALUES[parts[1]]
    return sum(_VALUES[part] for part in parts)


def spoken_year(match: re.Match[str]) -> int | None:
    if match.group("k"):
        small = match.group("small")
        return 2000 + (_VALUES[small.lower()] if small else 0)
    return _CENTURIES[match.group("c").lower()] * 100 + _two_digits(match.group("yy"))


def _spoken_season(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the winter of nineteen ninety-four``: a season of a year said in words."""
    year = spoken_year(match)
    return Reading("DATE", f"{year:04d}-{SEASONS[match['s'].lower()]}", "season") if year else None


def _spoken(match: re.Match[str], ctx: Context) -> Reading | None:
    if _COUNTED.match(ctx.text[ctx.end:ctx.end + 12]):
        return None
    if match.group("k") and not (match.group("t").lower().startswith("the year") or re.search(
            r"(?i:\b(?:in|since|by|until|of|year)\s+)$", ctx.before(12))):
        return None  # "two thousand" alone is a number
    year = spoken_year(match)
    if year is None:
        return None
    if match.groupdict().get("mon"):
        return Reading("DATE", cal.month_value(year, _month(match["mon"])), "month")
    return Reading("DATE", f"{year:04d}", "year")


def easter(year: int) -> date:
    """Western Easter Sunday (the Gregorian computus)."""
    golden = year % 19
    century, within = divmod(year, 100)
    skipped, leap = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (19 * golden + century - skipped - (century - correction + 1) // 3 + 15) % 30
    weekday = (32 + 2 * leap + 2 * (within // 4) - moon - within % 4) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def thanksgiving(year: int) -> date:
    """The fourth Thursday of November (the United States' Thanksgiving Day)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


_MOVING = {"easter": easter, "thanksgiving": thanksgiving}


def _moving_holiday(match: re.Match[str], ctx: Context) -> Reading | None:
    if match["t"] == match["h"] and name_goes_on(ctx.text, match.start("h"), match.end("h")):
        return None  # "the Easter Rising", "the Thanksgiving Parade": a name, not the feast
    feast = _MOVING[match["h"].lower()]
    week = bool(match.group("wk"))
    if match.group("y"):
        day = feast(int(match["y"]))
    elif ctx.anchor is None:
        return Reading("DATE", None, "week" if week else "day")
    else:
        options = [feast(year) for year in range(ctx.anchor.year - 1, ctx.anchor.year + 2)]
        relative = (match.group("rel") or "").lower()
        tense = _clause_tense(ctx)
        # "as Easter week began" on Palm Sunday: a feast's week has started before the feast.
        past = [d for d in options if d - timedelta(days=6 if week else 0) <= ctx.anchor]
        ahead = [d for d in options if d >= ctx.anchor]
        if relative == "last" or (tense == "past" and not relative):
            day = max(d for d in past if relative != "last" or d < ctx.anchor)
        elif relative == "next" or tense == "future":
            day = min(ahead)
        else:
            day = min(options, key=lambda d: abs((d - ctx.anchor).days) if ctx.anchor else 0)
    if week:
        return Reading("DATE", cal.week_value(day), "week")
    return Reading("DATE", day.isoformat(), "day")


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
#: Days of the month in words, as broadcast transcripts write them: ``March eighth``.
_DAY_ORDINALS = {
    **{word: number for number, word in enumerate(_ORDINAL_WORDS, 1)},
    "twentieth": 20, "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
    **{f"twenty{gap}{word}": 20 + number for number, word in enumerate(_ORDINAL_WORDS[:9], 1)
       for gap in ("-", " ")},
}
_DAY_WORD = (r"(?P<dw>(?i:" + "|".join(sorted((w.replace(" ", r"\s+") for w in _DAY_ORDINALS),
                                               key=len, reverse=True)) + r"))")


def _day_in_words(match: re.Match[str], ctx: Context) -> Reading | None:
    """``March eighth``, ``the eighth of March, 1998``: a day of the month in words."""
    month = _month(match["mon"] or match["mon2"])
    day_of_month = _DAY_ORDINALS[" ".join((match["dw"] or match["dw2"]).lower().split())]
    if match.group("y"):
        day = cal.safe_date(int(match["y"]), month, day_of_month)
    elif ctx.anchor is not None:
        day = cal.month_day_date(ctx.anchor, month, day_of_month, _dated_tense(ctx))
    else:
        return Reading("DATE", None, "day")
    return Reading("DATE", day.isoformat(), "day") if day else None


def _vague_ahead(match: re.Match[str], ctx: Context) -> Reading | None:
    """``in coming weeks``, ``the weeks ahead``: a stretch of unknown length from now."""
    unit, _ = _unit(match.group("u") or match.group("u2"))
    return Reading("DURATION", cal.duration_value("X", unit), "duration")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}


def _decade_in_words(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the nineties``, ``the nineteen-eighties``: a decade of the 1900s unless a century is
    named (``the eighteen-nineties``)."""
    if match["dw"][0].isupper() and re.match(r"\s+[A-Z]", ctx.text[ctx.end:ctx.end + 2]):
        return None  # "the Sixties Scoop": part of a name
    century = _CENTURIES.get((match.group("dc") or "nineteen").lower(), 19)
    return Reading("DATE", f"{century}{_DECADE_WORDS[match['dw'].lower()]}", "decade")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


_PLURAL_UNIT = r"(?P<u>(?i:days|weeks|months|years|decades))"

WORD_RULES: tuple[Rule, ...] = (
    _rule("spoken_year", r"(?<![\w-])(?P<t>(?:" + FULL_MONTH + r",?\s+)?(?:" + _SPOKEN_YEAR
          + r"))(?![\w-])", _spoken),
    _rule("spoken_season", START + r"(?P<t>(?:(?i:the)\s+)?(?P<s>(?i:spring|summer|autumn|fall"
          r"|winter))\s+(?:(?i:of)\s+)?(?:" + _SPOKEN_YEAR + r"))(?![\w-])", _spoken_season),
    _rule("moving_holiday", START + r"(?P<t>(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>Easter"
          r"|Thanksgiving)(?:\s+(?:Day|Sunday))?(?P<wk>\s+(?i:week))?(?:,?\s+(?P<y>(?:19|20)\d\d))?)"
          r"(?![\w-])", _moving_holiday),
    _rule("day_in_words", START + r"(?P<t>(?:(?:" + WEEKDAY + r",?\s+)?" + FULL_MONTH
          + r"\s+(?:(?i:the)\s+)?" + _DAY_WORD
          + r"|(?i:the\s+)?" + _DAY_WORD.replace("<dw>", "<dw2>") + r"\s+(?i:of)\s+"
          + FULL_MONTH.replace("<mon>", "<mon2>") + r")(?:,?\s+(?P<y>(?:1[89]|20)\d\d))?)"
          r"(?![\w-])", _day_in_words),
    _rule("decade_in_words", START + r"(?P<t>(?i:the)\s+(?:(?i:early|mid|late)[\s-]+)?"
          r"(?:(?P<dc>(?i:eighteen|nineteen))[\s-]+)?(?P<dw>(?i:twenties|thirties|forties|fifties"
          r"|sixties|seventies|eighties|nineties)))(?![\w-])", _decade_in_words),
    _rule("vague_ahead", START + r"(?P<t>(?:(?i:the)\s+)?(?:(?i:coming)\s+" + _PLURAL_UNIT
          + r"|" + _PLURAL_UNIT.replace("<u>", "<u2>") + r"\s+(?i:ahead)))(?![\w-])",
          _vague_ahead),
)

