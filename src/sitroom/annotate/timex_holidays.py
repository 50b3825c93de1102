"""Named holidays (``Labor Day``, ``Good Friday``, ``Election Day``): the day each falls on.

TimeML marks a holiday as a DATE valued as its day. The holidays and the rule that finds each
one's day in a year are data (``data/timex/holidays.csv``, described in the README beside it):
a fixed date, the N-th weekday of a month, or a number of days from Easter. The year comes
from the expression (``Labor Day 1997``), from ``last``/``next``/``this`` before it, or from
the clause, as for a bare weekday: a past clause means the latest one on or before the
article's date, a future clause the next one, otherwise the nearest.

Without this, ``Good Friday`` read as the weekday ``Friday`` and the others went unmarked.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources

from ..errors import SitroomError
from . import timex_calendar as cal
from .timex_lexicon import START, WEEKDAYS, YEAR
from .timex_rules import Context, Reading, Rule, _clause_tense
from .timex_words import easter

__all__ = ["HOLIDAY_RULES", "HolidayRule", "holiday_rules", "parse_rule"]

DATA_FILE = "timex/holidays.csv"
_WEEKDAY_CODES = {name[:3]: number for name, number in WEEKDAYS.items()}


@dataclass(frozen=True, slots=True)
class HolidayRule:
    """How to find a holiday's day in a year: one of ``fixed``, ``weekday``, ``easter``."""

    kind: str
    month: int = 0
    day: int = 0
    nth: int = 0
    weekday: int = 0
    offset: int = 0

    def day_in(self, year: int) -> date | None:
        if self.kind == "fixed":
            return cal.safe_date(year, self.month, self.day)
        if self.kind == "easter":
            return easter(year) + timedelta(days=self.offset)
        if self.nth > 0:
            first = date(year, self.month, self.day)
            return first + timedelta(days=(self.weekday - first.weekday()) % 7
                                     + 7 * (self.nth - 1))
        following = self.month % 12 + 1
        last = date(year + (self.month == 12), following, 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - self.weekday) % 7)


def parse_rule(text: str) -> HolidayRule:
    """``fixed:11-11``, ``weekday:-1:mon:5``, ``weekday:1:tue:11:2``, ``easter:-2``."""
    kind, _, rest = text.strip().partition(":")
    parts = rest.split(":")
    if kind == "fixed" and len(parts) == 1 and re.fullmatch(r"\d\d-\d\d", parts[0]):
        month, day = (int(piece) for piece in parts[0].split("-"))
        if cal.safe_date(2024, month, day) is not None:  # 2024: a leap year
            return HolidayRule("fixed", month=month, day=day)
    elif kind == "easter" and len(parts) == 1 and re.fullmatch(r"[+-]?\d+", parts[0]):
        return HolidayRule("easter", offset=int(parts[0]))
    elif kind == "weekday" and len(parts) in (3, 4) and parts[1] in _WEEKDAY_CODES:
        nth, month = int(parts[0]), int(parts[2])
        start = int(parts[3]) if len(parts) == 4 else 1
        if nth in (-1, 1, 2, 3, 4) and 1 <= month <= 12 and 1 <= start <= 28 and not (
                nth == -1 and start != 1):
            return HolidayRule("weekday", month=month, day=start, nth=nth,
                               weekday=_WEEKDAY_CODES[parts[1]])
    raise ValueError(f"not a holiday rule: {text!r}")


def holiday_rules(text: str) -> dict[str, HolidayRule]:
    """The rows of a holidays CSV, keyed by name with blanks collapsed and ``’`` as ``'``."""
    rules: dict[str, HolidayRule] = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            rules[_key(row["name"])] = parse_rule(row["rule"])
        except (KeyError, ValueError, AttributeError) as error:
            raise SitroomError(f"{DATA_FILE} line {line}: {error}",
                               fix="write the rule as the README beside the file shows") from None
    return rules


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split())


@cache
def _rules() -> dict[str, HolidayRule]:
    text = resources.files("sitroom.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return holiday_rules(text)


def _name_pattern(name: str) -> str:
    """A name as a pattern: any blanks between words, either apostrophe."""
    words = (re.escape(word).replace("'", "['’]") for word in name.split())
    return r"[ \t]++".join(words)


#: After a holiday: a word that makes it the name of an accord (``the Good Friday Agreement``,
#: ``the Good Friday peace accord``), dated by its signing, not by the next holiday.
_ACCORD_AFTER = re.compile(r"[ \t]++(?i:agreement|accords?|peace|pact|deal)\b")


def _holiday(match: re.Match[str], ctx: Context) -> Reading | None:
    if _ACCORD_AFTER.match(ctx.text, match.end("h")):
        return None
    rule = _rules()[_key(match["h"])]
    if match["y"]:
        day = rule.day_in(int(match["y"]))
        return Reading("DATE", day.isoformat(), "day") if day else None
    if ctx.anchor is None:
        if ctx.reference_year is None or match["rel"]:
            return Reading("DATE", None, "day")
        day = rule.day_in(ctx.reference_year)
        return Reading("DATE", day.isoformat() if day else None, "day")
    anchor = ctx.anchor
    options = [d for year in range(anchor.year - 1, anchor.year + 2)
               if (d := rule.day_in(year)) is not None]
    relative = (match["rel"] or "").lower()
    tense = _clause_tense(ctx)
    if relative == "last":
        day = max(d for d in options if d < anchor)
    elif relative == "next":
        day = min(d for d in options if d > anchor)
    elif relative == "this":
        day = min(options, key=lambda d: (d.year != anchor.year, abs((d - anchor).days)))
    elif tense == "past":
        day = max(d for d in options if d <= anchor)
    elif tense == "future":
        day = min(d for d in options if d >= anchor)
    else:
        day = min(options, key=lambda d: abs((d - anchor).days))
    return Reading("DATE", day.isoformat(), "day")


def _pattern() -> re.Pattern[str]:
    names = sorted(_rules(), key=len, reverse=True)  # the longest name first
    return re.compile(START + r"(?P<t>(?:(?P<rel>(?i:last|next|this))[ \t]++)?(?P<h>"
                      + "|".join(_name_pattern(name) for name in names)
                      + r")(?![\w-])(?:,?[ \t]++" + YEAR + r")?)")


HOLIDAY_RULES: tuple[Rule, ...] = (Rule("named_holiday", _pattern(), _holiday),)
