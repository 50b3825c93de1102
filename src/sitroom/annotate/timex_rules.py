"""The rules that recognise English time expressions and say what each one means.

Each :class:`Rule` pairs one precompiled pattern with a handler that turns a match into a
:class:`Reading` (TIMEX3 type, value, precision, and the event relation when the expression
hangs on an event). A pattern may name a group ``t``: the characters of the expression proper
(``Wednesday`` in ``on Wednesday``); otherwise the whole match is the expression.

Handlers are pure functions of the match and a :class:`Context` (anchor date, tense, the
last day the text mentioned); they return None to reject a match (``May`` the verb, a number
that only looks like a year). The rules follow HeidelTime's English resources in spirit:
explicit dates, dates relative to the document date, dates relative to the last mentioned
date, durations, sets, and the ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF`` references.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_anchor import attributive, fronted_until, names_today
from .timex_calendar import Tense
from .timex_day_names import weekday_in_name
from .timex_lexicon import (
    DAY,
    FULL_MONTH,
    MOD,
    MONTH,
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    ORDINALS,
    PART,
    PARTS_OF_DAY,
    RELATIVE,
    SEASONS,
    START,
    UNIT,
    UNIT_WORDS,
    VAGUE_NUMBERS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)
from .timex_names import year_in_name
from .timex_offsets import tells_story
from .timex_said import said_on
from .timex_scheduled import set_for
from .timex_titles import in_listed_title, model_year, name_goes_on


@dataclass(frozen=True, slots=True)
class Reading:
    """What one expression means. ``value`` None with ``relation`` set: it depends on an event
    not yet dated; ``value`` None without relation: it needs a document date we lack."""

    type: str
    value: str | None
    precision: str
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a handler may know about where its match sits."""

    text: str
    start: int
    end: int
    anchor: date | None
    reference_day: date | None = None
    reference_year: int | None = None
    reference_relation: str | None = None
    sentence_day: date | None = None
    in_entity: bool = False
    tense_of: Callable[[int, int], Tense | None] | None = None
    #: The last calendar quarter the text named (``1989-Q3``) and where it ended: financial
    #: news says "the quarter", "a year earlier" of the quarter it reports.
    reference_quarter: tuple[int, str] | None = None
    #: The last month the text named, as (year, month): "the following month" counts from it
    #: when no day was named.
    reference_month: tuple[int, int] | None = None

    def tense(self) -> Tense | None:
        return self.tense_of(self.start, self.end) if self.tense_of else None

    def before(self, width: int = 30) -> str:
        return self.text[max(0, self.start - width): self.start]


Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def span_of(match: re.Match[str]) -> tuple[int, int]:
    """The expression's characters: group ``t`` when the pattern names it."""
    if "t" in match.re.groupindex and match.group("t") is not None:
        return match.span("t")
    return match.span()


# --------------------------------------------------------------------------- small helpers


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _amount(words: str | None) -> float | None:
    """The number a cardinal phrase names; None for vague quantities (TIMEX3 ``X``)."""
    if not words:
        return 1.0
    text = " ".join(words.lower().split())
    if text in VAGUE_NUMBERS:
        return None
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text.endswith(" 1/2") and text[:-4].isdigit():
        return int(text[:-4]) + 0.5  # "2 1/2 years"
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(",", ""))  # "1,200 days"
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", text):
        if part not in NUMBER_WORDS:
            return None
        if part in ("hundred", "thousand"):
            total = max(total, 1.0) * NUMBER_WORDS[part]  # "a hundred", "two thousand"
        else:
            total += float(NUMBER_WORDS[part])
    return total


def _unit(word: str) -> tuple[str, float]:
    """Canonical unit and multiplier (a fortnight is two weeks)."""
    unit = UNIT_WORDS[word.lower()]
    return ("week", 2.0) if unit == "fortnight" else (unit, 1.0)


def _duration(amount: float | None, unit: str) -> str:
    return cal.duration_value(cal.format_amount(amount), unit)


def _day_reading(day: date | None, part: str | None = None) -> Reading:
    if day is None:
        return Reading("TIME" if part else "DATE", None, "time" if part else "day")
    if part:
        return Reading("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "time")
    return Reading("DATE", day.isoformat(), "day")


def _relative_word(match: re.Match[str]) -> str | None:
    rel = match.groupdict().get("rel")
    return rel.lower() if rel else None


def _two_digit_year(text: str) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    return 1900 + value if value >= 69 else 2000 + value


# --------------------------------------------------------------------------- explicit dates


def _iso(match: re.Match[str], ctx: Context) -> Reading | None:
    day = cal.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return _day_reading(day) if day else None


def _numeric(match: re.Match[str], ctx: Context) -> Reading | None:
    first, second = int(match["a"]), int(match["b"])
    month, day_of_month = (first, second) if first <= 12 else (second, first)
    day = cal.safe_date(_two_digit_year(match["y"]), month, day_of_month)
    return _day_reading(day) if day else None


def _full_date(match: re.Match[str], ctx: Context) -> Reading | None:
    day = cal.safe_date(int(match["y"]), _month(match["mon"]), int(match["d"]))
    return _day_reading(day) if day else None


def _month_day(match: re.Match[str], ctx: Context) -> Reading | None:
    month, day_of_month = _month(match["mon"]), int(match["d"])
    if cal.safe_date(2024, month, day_of_month) is None:  # 2024: a leap year, Feb 29 exists
        return None
    weekday = match.groupdict().get("wd")
    anchor = ctx.anchor
    if anchor is not None and weekday:
        # "Tuesday 26 November": the year whose November 26 is a Tuesday, nearest the anchor.
        fitting = [d for y in range(anchor.year - 1, anchor.year + 2)
                   if (d := cal.safe_date(y, month, day_of_month)) is not None
                   and d.weekday() == WEEKDAYS[weekday.lower()]]
        if fitting:
            return _day_reading(min(fitting, key=lambda d: abs((d - anchor).days)))
    if ctx.anchor is not None and _ENDED_BEFORE.search(ctx.before(12)):
        # "the fiscal year ended Jan. 31", told in October: the one that closed last January.
        return _day_reading(cal.latest_on_or_before(ctx.anchor, month, day_of_month))
    if ctx.anchor is not None:
        return _day_reading(cal.month_day_date(ctx.anchor, month, day_of_month,
                                               _dated_tense(ctx)))
    if ctx.reference_day is not None:
        # Undated text: the day nearest the last full date it gave, so "December 11" after a
        # "2 May 2017" dateline is December 2016. Tense cannot steer here: the article was
        # written at an unknown time after that date, not on it.
        return _day_reading(cal.month_day_date(ctx.reference_day, month, day_of_month, None))
    if ctx.reference_year is not None:
        return _day_reading(cal.safe_date(ctx.reference_year, month, day_of_month))
    return _day_reading(None)


def _month_year(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", cal.month_value(int(match["y"]), _month(match["mon"])), "month")


def _month_of_relative_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """``June last year``, ``January this year``, ``March of next year``."""
    if ctx.anchor is None:
        return Reading("DATE", None, "month")
    step = {"last": -1, "this": 0, "next": 1}[match["rel"].lower()]
    return Reading("DATE", cal.month_value(ctx.anchor.year + step, _month(match["mon"])),
                   "month")


#: Words after which a bare capitalised month name is a month, not a verb or a name.
_MONTH_CUES = re.compile(
    r"(?i:\b(?:in|since|until|till|by|from|before|after|during|through|throughout|of|early"
    r"|late|mid|end|last|next|this|for|between|and|to|or|until|each|every)[\s-]*)$"
)


#: After a bare month name, what makes it the first word of a name ("March for Life",
#: "March of Dimes", "March on Washington"): a preposition and a capitalised word.
_NAMED_EVENT_AFTER = re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z][a-z]")
#: ... after an article ("the March for Life", "an annual March of Dimes"), not after a
#: preposition of time ("wrote in June for Reuters").
_NAME_BEFORE = re.compile(r"\b(?i:the|a|an|annual|yearly)\s+$")


def _month_alone(match: re.Match[str], ctx: Context) -> Reading | None:
    relative = _relative_word(match)
    if not relative and _NAMED_EVENT_AFTER.match(ctx.text, ctx.end) and _NAME_BEFORE.search(
            ctx.before(12)):
        return None  # "the annual March for Life", "the March on Washington": a name
    if not (relative or ctx.in_entity or _MONTH_CUES.search(ctx.text[:match.start("mon")][-20:])):
        return None
    month = _month(match["mon"])
    if ctx.anchor is None:
        if ctx.reference_year is not None and relative is None:
            return Reading("DATE", cal.month_value(ctx.reference_year, month), "month")
        return Reading("DATE", None, "month")
    tense = _dated_tense(ctx)
    if tense == "future" and attributive(ctx.text, ctx.start, ctx.end):
        tense = None  # "is continuing under a June agreement": the agreement has its own time
    year = cal.month_year(ctx.anchor, month, tense, relative)
    return Reading("DATE", cal.month_value(year, month), "month")


def _year(match: re.Match[str], ctx: Context) -> Reading | None:
    before = ctx.text[max(0, match.start("y") - 14): match.start("y")]
    after = ctx.text[match.end("y"): match.end("y") + 14]
    if re.search(r"(?:[$€£#]|\b(?:No|no|Rs|Resolution|resolution|number|Article|Route|flight"
                 r"|Flight|Room|room|page|Highway|km|ID)\.?)\s*$", before):
        return None
    if re.match(r"\s*(?:%|(?i:per\s*cent|percent|km|kilomet|metre|meter|mile|kg|tonne|ton|people"
                r"|persons|troops|soldiers|fighters|families|dollars|euros|votes|hours|feet|ft"
                r"\b|m\b|hrs\b|gmt\b|utc\b|local\s+time))", after):  # "(1800 GMT)": a clock
        return None
    if year_in_name(ctx.text, match.start("y"), match.end("y")):
        return None  # "a joint venture called Orion 1980": part of a name
    if model_year(ctx.text, match.start("y"), match.end("y")):
        return None  # "his 1987 Chevrolet": the car's model, not a time
    return Reading("DATE", match["y"], "year")


def _that_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """``later that year``: the year the text last named."""
    year = ctx.reference_year
    return Reading("DATE", f"{year:04d}" if year is not None else None, "year")


def _decade(match: re.Match[str], ctx: Context) -> Reading | None:
    if match["dec"]:
        return Reading("DATE", match["dec"][:3], "decade")
    digit = int(match["d2"])
    century = "19" if digit >= 3 else "20"
    return Reading("DATE", f"{century}{digit}", "decade")


#: Ordinal words up to the twenty-first, for centuries written out (``the nineteenth century``).
_CENTURY_ORDINALS = {
    word: number for number, word in enumerate(
        ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first"), start=1)
}


def _century(match: re.Match[str], ctx: Context) -> Reading | None:
    number = match["c"]
    digits = re.match(r"\d+", number)
    ordinal = int(digits[0]) if digits else _CENTURY_ORDINALS.get(number.lower())
    if not ordinal or ordinal > 21:
        return None
    return Reading("DATE", f"{ordinal - 1:02d}", "decade")


_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year’s eve": (12, 31),
    "new year's day": (1, 1),
    "new year’s day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "valentine’s day": (2, 14),
}


def _holiday(match: re.Match[str], ctx: Context) -> Reading | None:
    month, day_of_month = _HOLIDAYS[" ".join(match["h"].lower().split())]
    if match.groupdict().get("y"):
        return _day_reading(cal.safe_date(int(match["y"]), month, day_of_month))
    if ctx.anchor is None:
        return _day_reading(None)
    return _day_reading(cal.month_day_date(ctx.anchor, month, day_of_month, ctx.tense()))


# --------------------------------------------------------------------------- weekdays, days


#: Words before a day that point ahead whatever the verb's tense: "postponed until Tuesday",
#: "as early as Tuesday", "set to resume Monday".
_AHEAD_CUE = re.compile(
    r"(?i:\b(?:until|till|as\s+(?:soon|early)\s+as|set\s+to\s+\w+)\s+(?:on\s+)?)$")


#: Words before a date that put it behind the moment of writing whatever the verb says: "have
#: been searching since shortly after the Oct. 23 slaying".
_BEHIND_CUE = re.compile(
    r"(?i:\bsince\s+(?:(?:shortly|just|soon|right|well)\s+)?(?:(?:before|after)\s+)?"
    r"(?:(?:the|its|their|his|her|a)\s+)?(?:(?:early|late|mid)[\s-]+)?)$")


def _clause_tense(ctx: Context) -> Tense | None:
    if _BEHIND_CUE.search(ctx.before(40)) or said_on(ctx.text, ctx.start, ctx.end):
        return "past"
    if set_for(ctx.text, ctx.start):
        return "future"  # "a vote set for Thursday": the coming one
    if fronted_until(ctx.text, ctx.start, ctx.end):
        return ctx.tense()  # "Until Thursday, they had not called him a suspect"
    return "future" if _AHEAD_CUE.search(ctx.before(40)) else ctx.tense()


def _dated_tense(ctx: Context) -> Tense | None:
    """The clause's tense, past after ``since`` or ``said``, future after ``set for``."""
    if _BEHIND_CUE.search(ctx.before(40)) or said_on(ctx.text, ctx.start, ctx.end):
        return "past"
    return "future" if set_for(ctx.text, ctx.start) else ctx.tense()


_ENDED_BEFORE = re.compile(r"\b(?i:ended)\s+$")


#: After a capitalised part of day: another capitalised word, which makes the phrase a name
#: ("Saturday Night Live", "Monday Night Football").
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")


def _weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    part = match.groupdict().get("part")
    if part and part[0].isupper() and _NAME_GOES_ON.match(ctx.text, ctx.end) and not (
            _at_sentence_start(ctx.before(4))):
        return None  # "the comedy show Saturday Night Live": a programme's name
    if weekday_in_name(ctx.text, match.start("wd")):
        return None  # "Good Friday", "Bloody Sunday": a special day, not the nearest Friday
    if in_listed_title(ctx.text, match.start("wd"), match.end("wd")):
        return None  # "the Sunday Times", "the Mail on Sunday": a newspaper
    if ctx.anchor is None:
        return _day_reading(None, part)
    weekday = WEEKDAYS[match["wd"].lower()]
    relative = _relative_word(match)
    if relative == "previous" and ctx.reference_day is not None:
        # "closed lower Friday ... down 4.5% from the previous Friday": the one before the day
        # the story is on, not before the article's date.
        return _day_reading(cal.weekday_date(ctx.reference_day, weekday, None, relative), part)
    day = cal.weekday_date(ctx.anchor, weekday, _clause_tense(ctx), relative)
    return _day_reading(day, part)


def _weekday_set(match: re.Match[str], ctx: Context) -> Reading | None:
    part = match.groupdict().get("part")
    code = f"T{PARTS_OF_DAY[part.lower().rstrip('s')]}" if part else ""
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match['wd'].lower()] + 1}{code}", "day")


def _month_set(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("SET", f"XXXX-{_month(match['mon']):02d}", "month")


_ADVERB_SETS = {"hourly": "PT1H", "daily": "P1D", "weekly": "P1W", "monthly": "P1M",
                "annually": "P1Y", "yearly": "P1Y"}


def _adverb_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``daily``, ``weekly``, ``annually``: TimeML sets of one unit (not ``Daily`` in a
    title such as ``the Daily Star``, nor a rate such as ``10,000 units annually``, which
    TimeML leaves unmarked as it does ``$5 a day``)."""
    if match["w"][0].isupper() and not re.search(r"(?:^|[.!?\"“]\s*)$", ctx.before(3)):
        return None
    if _RATE_BEFORE.search(ctx.before(40)) or _AVERAGE_BEFORE.search(ctx.before(12)):
        return None  # "20% annually", "10,000 units annually", "average daily volume": rates
    if _PAPER_AFTER.match(ctx.text, ctx.end):
        return None  # "the Communist Party daily Granma", "the daily said": a newspaper
    return Reading("SET", _ADVERB_SETS[match["w"].lower()], "duration")


#: After "daily" or "weekly": the name of the paper (a capitalised word that is not a day or
#: month) or a verb of saying, which make it the noun, a newspaper.
_PAPER_AFTER = re.compile(
    r"\s++(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February"
    r"|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)[A-Z]|(?:said|says|quoted|reported\s++(?:that|on)\b))")


#: "the average daily volume": a measure per day, not a recurring time.
_AVERAGE_BEFORE = re.compile(r"\b(?i:average)\s+$")


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _after_capitalised_word(text: str) -> bool:
    """Whether ``text`` ends with blanks after a word holding a capital (``USA ``,
    ``Larkana ``). A backward scan rather than a regex anchored at the end, which would be
    retried from every capital of a long run."""
    stripped = text.rstrip()
    if len(stripped) == len(text):
        return False
    position = len(stripped)
    while position > 0 and (stripped[position - 1].isalnum() or stripped[position - 1] in "_.’'"):
        position -= 1
        if "A" <= stripped[position] <= "Z":
            return True
    return False


#: After "today's", nouns for the present era rather than the day: "today's youth".
_PRESENT_ERA = re.compile(r"['’]s\s+(?:(?i:young|modern|personal)\s+)?(?i:world|youth|society"
                          r"|generations?|children|kids|teenagers|culture|computers|technology"
                          r"|economy)\b")
#: "the people of tomorrow", "the cars of tomorrow": the future in general.
_OF_TOMORROW = re.compile(r"\b(?i:the)\s+[a-z]+\s+(?i:of)\s+(?i:tomorrow)$")


def _day_word(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match["w"]
    if word[0].isupper() and _after_capitalised_word(ctx.before(25)) and not re.search(
            r"[.!?:\"“]\s*$", ctx.before(25)):
        return None  # "Larkana Today", "USA Today": a name, not the day
    if word[0].isupper() and in_listed_title(ctx.text, match.start("w"), match.end("w")):
        return None  # "the Today programme": a broadcast's name
    if _PRESENT_ERA.match(ctx.text, ctx.end) or _OF_TOMORROW.search(
            ctx.text, max(0, ctx.start - 25), ctx.end):
        return None  # "today's youth", "the people of tomorrow": an era, not a day
    part = match.groupdict().get("part")
    if word.lower() == "tonight":
        part = "night"
    if ctx.anchor is None:
        return _day_reading(None, part)
    return _day_reading(ctx.anchor + timedelta(days=_DAY_WORDS[word.lower()]), part)


def _two_days_off(match: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return _day_reading(None)
    offset = -2 if match["w"].lower() == "yesterday" else 2
    return _day_reading(ctx.anchor + timedelta(days=offset))


def _day_next_to(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the day before last Tuesday``, ``the day after Christmas``: one day from a named day.
    The whole phrase is one expression, as TimeML marks it."""
    inner = parse_day(match["when"], ctx, tense=ctx.tense())
    if inner is None or inner.value is None or len(inner.value) != 10:
        return None
    step = 1 if match["dir"].lower() == "after" else -1
    return _day_reading(date.fromisoformat(inner.value) + timedelta(days=step))


def _this_part(match: re.Match[str], ctx: Context) -> Reading | None:
    if _is_title(match, ctx):
        return None  # "CBS This Morning": a programme's name
    if ctx.anchor is None:
        return _day_reading(None, match["part"])
    offset = -1 if match["rel"].lower() == "last" else 0
    return _day_reading(ctx.anchor + timedelta(days=offset), match["part"])


def _reference_day(ctx: Context) -> date | None:
    """The day a bare clock time or part of day (``3 a.m.``, ``in the afternoon``) falls on:
    a day named earlier in the same sentence, else the document date (news tells the day's
    events), else the last day the text named."""
    if ctx.sentence_day is not None:
        return ctx.sentence_day
    return ctx.anchor if ctx.anchor is not None else ctx.reference_day


def _part_of_reference(match: re.Match[str], ctx: Context) -> Reading | None:
    part = match["part"].lower()
    if part == "day":  # "midday"
        day = _reference_day(ctx)
        return Reading("TIME", f"{day.isoformat()}T12:00" if day else None, "time")
    return _day_reading(_reference_day(ctx), part)


def _clock(match: re.Match[str], ctx: Context) -> Reading | None:
    hour = int(match["h"])
    minute = int(match["min"] or 0)
    meridiem = (match.groupdict().get("ap") or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    day = _day_after(ctx) or _reference_day(ctx)
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None
    return Reading("TIME", value, "time")


#: A day named just after a clock time, past a time zone in brackets or inside them: "10:35
#: a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)", or right after it:
#: "at 14:30 on Monday". TimeML marks the two apart there, but the time falls on that day.
_DAY_AFTER = re.compile(r"(?:\s*+\((?:[^()\n]{1,25}\),?\s++(?:on\s++)?|[^()\n]{0,25}?\s)"
                        r"|[ \t]++(?:(?i:on)[ \t]++)?)(?:"
                        + WEEKDAY + r"|(?P<dw>(?i:today|yesterday|tomorrow)))(?!\w)")


def _day_after(ctx: Context) -> date | None:
    found = _DAY_AFTER.match(ctx.text, ctx.end)
    if found is None or ctx.anchor is None:
        return None
    if found["dw"]:
        return ctx.anchor + timedelta(days=_DAY_WORDS[found["dw"].lower()])
    # The weekday's tense is read where the weekday stands, as the weekday rule reads it: in
    # "did not call until 7:40 Tuesday morning" the clock and "Tuesday morning" share a day.
    at_weekday = replace(ctx, start=found.start("wd"), end=found.end("wd"))
    return cal.weekday_date(ctx.anchor, WEEKDAYS[found["wd"].lower()],
                            _clause_tense(at_weekday), None)


def _clock_on_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """``10 p.m. Wednesday``, ``noon Thursday``, ``midday Tuesday``, ``midnight tonight``, ``5
    p.m. EST Nov. 9``: the clock time on that day (one TIMEX3, as TimeML writes it)."""
    rest = match["rest"]
    if match["w"]:
        hour, minute = (24, 0) if match["w"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match["h"]), int(match["min"] or 0)
        meridiem = match["ap"].lower().replace(".", "")
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
    weekday = WEEKDAYS.get(rest.lower())
    if rest.lower() == "tonight":  # "midnight tonight": the document's own day
        day_of: date | None = ctx.anchor
        return Reading("TIME", f"{day_of.isoformat()}T{hour:02d}:{minute:02d}" if day_of
                       else None, "time")
    if weekday is not None:
        if ctx.anchor is None:
            return Reading("TIME", None, "time")
        day: date | None = cal.weekday_date(ctx.anchor, weekday, _clause_tense(ctx), None)
    else:
        inner = parse_day(rest, ctx)
        if inner is None or inner.type != "DATE":
            return None
        day = date.fromisoformat(inner.value) if inner.value else None
    return Reading("TIME", f"{day.isoformat()}T{hour:02d}:{minute:02d}" if day else None, "time")


def _clock_24h(match: re.Match[str], ctx: Context) -> Reading | None:
    cue_before = re.search(r"(?i:\b(?:at|by|from|until|till|around|about|before|after|since"
                           r"|to)\s+)$", ctx.before(12))
    if not (cue_before or match.groupdict().get("zone")):
        return None
    return _clock(match, ctx)


def _noon(match: re.Match[str], ctx: Context) -> Reading | None:
    if re.search(r"(?i:\bhigh\s+)$", ctx.before(6)):
        return None  # "high noon": the idiom (or the film), not twelve o'clock
    clock = "T24:00" if match["w"].lower() == "midnight" else "T12:00"
    day = _reference_day(ctx)
    return Reading("TIME", f"{day.isoformat()}{clock}" if day else None, "time")


def _from_reference(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the next day``, ``two weeks later``: counted from the last mentioned day."""
    word = match["dir"].lower()
    sign = -1 if word in ("before", "earlier", "previous", "prior") else 1
    if word in ("same", "that"):
        sign = 0
    amount = _amount(match.groupdict().get("n"))
    unit, multiplier = _unit(match["u"])
    if word in ("later", "earlier") and tells_story(unit, ctx.text, ctx.start,
                                                    ctx.reference_day is not None):
        return None  # "three days later": the DURATION "three days" (timex_offset_rules)
    base = ctx.reference_day
    if amount is None or not amount.is_integer():
        offset = _duration(amount, unit)
        return Reading("DURATION", offset, "duration",
                       relation=f"{'before' if sign < 0 else 'after'}:{offset}"
                                ":the preceding date")
    steps = int(amount * multiplier) * sign
    if base is None:
        after = "before" if sign < 0 else "after"
        offset = _duration(abs(steps), unit) if sign else "P0D"
        what = ctx.reference_relation or "the preceding date"
        return Reading("DURATION", offset, "duration", relation=f"{after}:{offset}:{what}")
    return Reading("DATE", cal.shift(base, steps, unit), cal.UNIT_PRECISION[unit])


#: A count right before "days later": the whole is a counted offset, not a vague one.
_COUNT_BEFORE = re.compile(r"(?:\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten"
                           r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred"
                           r"|few|several|many|couple\s+of))\s++$")


def _vague_from_reference(match: re.Match[str], ctx: Context) -> Reading | None:
    """``Days later``, ``weeks earlier``: the DURATION ``Days`` (TimeML leaves ``later``
    outside, a signal), a stretch of unstated length from the day last named, kept in
    ``relation``; ``hours later`` stays on that day, so its relation names it
    (``after:PTXH:1999-10-04``) and the story stays there (``timex_offsets.landing_day``)."""
    unit, _ = _unit(match["u"])
    if _COUNT_BEFORE.search(ctx.before(12)):
        return None  # "four days later": a counted offset (timex_offset_rules)
    side = "before" if match["dir"].lower() == "earlier" else "after"
    offset = _duration(None, unit)
    if unit in cal.CLOCK_UNITS and ctx.reference_day is not None:
        return Reading("DURATION", offset, "duration",
                       relation=f"{side}:{offset}:{ctx.reference_day.isoformat()}")
    what = ctx.reference_relation or "the preceding date"
    return Reading("DURATION", offset, "duration", relation=f"{side}:{offset}:{what}")


# --------------------------------------------------------------------------- relative units


def _is_title(match: re.Match[str], ctx: Context) -> bool:
    """Both words capitalised away from a sentence start: a title (``This Week With ...``)."""
    words = match["t"].split()
    if len(words) < 2 or not all(word[0].isupper() for word in words[-2:]):
        return False
    return not _at_sentence_start(ctx.before(4))


def _at_sentence_start(before: str) -> bool:
    """Whether text ending in ``before`` is at the start of a text, a line or a sentence
    (checked without a backtracking pattern: newlines then spaces would make one quadratic)."""
    if not before:
        return True
    words = before.rstrip()
    gap = before[len(words):]
    # A closing quote may follow the stop: 'withdraw." Now, he says'.
    return "\n" in gap or (bool(gap) and words.rstrip("\"'”’`").endswith((".", "!", "?", ":")))


def _relative_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    relative = match["rel"].lower()
    word = match["u"].lower()
    has_article = bool(match.groupdict().get("the"))
    if _is_title(match, ctx):
        return None  # ABC's "This Week": a programme's name
    if has_article and relative == "past" and word in ("decade", "century"):
        # "the past decade": the ten years up to now, a stretch rather than the 1970s.
        return Reading("DURATION", _duration(1, word), "duration")
    if match.groupdict().get("this_past"):
        relative = "just past"  # "this past spring": the latest one already over
    if word in SEASONS:
        if ctx.anchor is None:
            return Reading("DATE", None, "season")
        return Reading("DATE", cal.season_value(ctx.anchor, SEASONS[word], ctx.tense(), relative),
                       "season")
    if relative == "just past":
        relative = "past"
    unit, _ = _unit(word)
    if has_article and relative in ("next", "coming"):
        # "the next month": a stretch of time from now on, not a calendar month.
        return Reading("DURATION", _duration(1, unit), "duration")
    if relative == "current":
        relative = "this"
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    if unit == "weekend":
        return Reading("DATE", cal.weekend_value(ctx.anchor, ctx.tense(), relative), "week")
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[relative]
    return Reading("DATE", cal.shift(ctx.anchor, step, unit), cal.UNIT_PRECISION[unit])


def _the_weekend(match: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return Reading("DATE", None, "week")
    # "ahead of the weekend": the coming one, whatever tense the trading was told in.
    ahead = re.search(r"(?i:\bahead\s+of\s+)$", ctx.before(12))
    return Reading("DATE", cal.weekend_value(ctx.anchor, "future" if ahead else ctx.tense(),
                                             None), "week")


def _rest_of(match: re.Match[str], ctx: Context) -> Reading | None:
    unit = match["u"].lower()
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    return Reading("DATE", cal.shift(ctx.anchor, 0, unit), cal.UNIT_PRECISION[unit])


def _season(match: re.Match[str], ctx: Context) -> Reading | None:
    code = SEASONS[match["s"].lower()]
    if not match.groupdict().get("y") and name_goes_on(ctx.text, match.start("s"),
                                                       match.end("s")):
        return None  # "the Summer Olympics", "the Winter Palace": a name, not a season
    if match.groupdict().get("y"):
        return Reading("DATE", f"{match['y']}-{code}", "season")
    if ctx.anchor is None:
        return Reading("DATE", None, "season")
    return Reading("DATE", cal.season_value(ctx.anchor, code, ctx.tense(), None), "season")


#: Words before "N units ago" that round or bound the distance rather than point at a time.
#: "almost" and "nearly" are left out: TempEval-3 values "nearly four years ago" as the year.
_DISTANCE_HEDGES = frozenset({"about", "roughly", "more than", "over", "less than"})


def _ago(match: re.Match[str], ctx: Context) -> Reading | None:
    amount = _amount(match.groupdict().get("n"))
    unit, multiplier = _unit(match["u"])
    if match.groupdict().get("n") is None and match["u"].lower().endswith("s"):
        amount = None  # "years ago"
    if amount is None or not amount.is_integer():
        return Reading("DATE", "PAST_REF", "ref")
    hedge = " ".join((match.groupdict().get("hedge") or "").lower().split())
    if hedge in _DISTANCE_HEDGES:
        # "about two years ago", "more than four decades ago": the distance is only bounded
        # or rounded, and TempEval-3 values the stretch back (P2Y, P40Y), not a year in it
        return Reading("DURATION", _duration(amount * multiplier, unit), "duration")
    if ctx.anchor is None:
        return Reading("DATE", None, cal.UNIT_PRECISION[unit])
    value = cal.shift(ctx.anchor, -int(amount * multiplier), unit)
    return Reading("DATE", value, "day" if unit in cal.CLOCK_UNITS else cal.UNIT_PRECISION[unit])


# --------------------------------------------------------------------------- durations, sets


def _vague_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    unit, _ = _unit(match["u"])
    return Reading("DURATION", _duration(None, unit), "duration")


def _recent(match: re.Match[str], ctx: Context) -> Reading | None:
    """``in recent months``: a stretch of unknown length up to now (TimeML: ``PXM``)."""
    unit, _ = _unit(match["u"])
    return Reading("DURATION", _duration(None, unit), "duration")


def _set(match: re.Match[str], ctx: Context) -> Reading | None:
    if match["t"][:3].lower() == "per" and _RATE_BEFORE.search(ctx.before(40)):
        return None  # "15 million instructions per second", "$5 per day": a rate
    amount = _amount(match.groupdict().get("n"))
    unit, multiplier = _unit(match["u"])
    return Reading("SET", _duration(amount * multiplier if amount else None, unit), "duration")


def _every_other(match: re.Match[str], ctx: Context) -> Reading | None:
    """``every other day``: a set with a gap of two units."""
    unit, multiplier = _unit(match["u"])
    return Reading("SET", _duration(2 * multiplier, unit), "duration")


_REFERENCES = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
}


def _reference(match: re.Match[str], ctx: Context) -> Reading | None:
    text = " ".join(match["t"].lower().split())
    if match["t"] == "Now" and _DISCOURSE_AFTER.match(ctx.text, ctx.end) and (
            _at_sentence_start(ctx.before(4))):
        return None  # "Now, he says, ...", "Now for the weather": a turn in the talk, not a time
    if text == "the future" and _FOR_ABOUT.search(ctx.before(7)) and _NOUN_NEXT.match(
            ctx.text, ctx.end):
        return None  # "bode ill for the future security of Libya": an adjective
    if text == "recently" and _DATE_NEXT.match(ctx.text, ctx.end):
        return None  # "killed, most recently last October": the date after it is the time
    return Reading("DATE", _REFERENCES[text], "ref")


_FOR_ABOUT = re.compile(r"\b(?:for|about)\s$")
#: A lower-case word that is not a function word: the noun "future" modifies.
_NOUN_NEXT = re.compile(r"\s++(?!(?:and|or|but|nor|as|is|was|are|were|will|would|could|may"
                        r"|might|looks|seems|holds|that|which|who|than|in|of|for|to|with|at"
                        r"|on|by|it|we|they|he|she|you|i|because|if|when|remains)\b)[a-z]")


#: Right after "recently", a date that says when (``most recently last October``, ``recently,
#: on Tuesday``): "recently" only hedges it and names no time of its own.
_DATE_NEXT = re.compile(
    r",?\s++(?:(?i:on|in)\s++)?(?:(?i:(?:last|this)\s++(?:week|month|year|spring|summer"
    r"|fall|autumn|winter)|yesterday|today)\b|(?:(?i:last|this)\s++)?(?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August"
    r"|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\b"
    r"|(?:1[89]|20)\d\d\b)")


#: After a sentence's first word "Now": a comma or "for", which make it a discourse marker.
_DISCOURSE_AFTER = re.compile(r"\s*,|\s+for\b")


# --------------------------------------------------------------------------- event-relative

_EVENT_STOP = re.compile(
    r"\s(?:and|but|when|while|as|because|which|who|whom|where|so|although|though|if|then"
    r"|according|amid|despite|until|that|with)\s", re.IGNORECASE)
_MAX_EVENT_WORDS = 8


def _event_text(raw: str) -> str:
    """The event phrase after ``before``/``after``, cut at the first clause boundary."""
    cut = _EVENT_STOP.search(" " + raw + " ")
    text = raw[: max(0, cut.start() - 1)] if cut else raw
    words = text.split()
    return " ".join(words[:_MAX_EVENT_WORDS]).strip(" '\"’”")


def _event_relative(match: re.Match[str], ctx: Context) -> Reading | None:
    """``two days before Assad fled``: the event's date is not known here, so the value waits
    and ``relation`` keeps the dependency (``before:P2D:Assad fled``). When the "event" is
    itself a date (``two days after August 12``) the value is computed at once."""
    direction = match["dir"].lower()
    after = direction in ("after", "following", "into")
    amount = _amount(match.groupdict().get("n"))
    unit, multiplier = _unit(match["u"])
    if match.groupdict().get("n") is None:
        amount = None
    if match.groupdict().get("n") is None and not match["u"].lower().endswith("s"):
        return None  # "Day after a boat ...": a bare singular unit is a word, not an amount
    steps = None if amount is None or not amount.is_integer() else int(amount * multiplier)
    event = match["ev"]
    inner = parse_day(event, ctx, prefix_only=True)
    if inner is not None and inner.value and steps is not None and len(inner.value) == 10:
        day = date.fromisoformat(inner.value)
        return Reading("DATE", cal.shift(day, steps if after else -steps, unit),
                       "day" if unit in cal.CLOCK_UNITS else cal.UNIT_PRECISION[unit])
    event_words = _event_text(event)
    if not event_words:
        return None
    # TimeML marks the amount ("two days") as a DURATION; the event it counts from is kept
    # in ``relation`` until the event is dated (resolve.dates.resolve_event_relation).
    offset = _duration(amount * multiplier if amount is not None else None, unit)
    relation = f"{'after' if after else 'before'}:{offset}:{event_words}"
    return Reading("DURATION", offset, "duration", relation=relation)


def _opens_with_day(text: str, ctx: Context) -> bool:
    """Whether ``text`` starts with a day the rules read (``Thursday morning as he ...``)."""
    words = text.split()
    for count in range(min(4, len(words)), 0, -1):
        head = " ".join(words[:count]).rstrip(",;")
        reading = parse_day(head, ctx)
        if reading is not None:
            return True
    return False


def _ordinal_of_event(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the second day of the offensive``: ``relation`` ``ordinal:2:P1D:the offensive``;
    ``the first week of November`` resolves at once."""
    word = match["o"].lower()
    unit, _ = _unit(match["u"])
    if unit == "quarter":
        return None  # "the third quarter of 1989" is a calendar quarter (timex_periods)
    if unit == "day" and ctx.anchor is not None and names_today(ctx.text, ctx.start):
        return _day_reading(ctx.anchor)  # "Today is the eighth day of the blockade"
    event = match["ev"]
    inner = parse_day(event, ctx, prefix_only=True, allow_month=True)
    if unit in cal.CLOCK_UNITS and _opens_with_day(
            match.string[match.start("ev"):match.start("ev") + 40], ctx):
        # "the early hours of Thursday": TimeML marks the day alone, as in "the night of
        # Oct. 23"; the day's own rule reads it (with its part of day, if named).
        return None
    if inner is not None and inner.value and word in ORDINALS and len(inner.value) == 7:
        first = date.fromisoformat(inner.value + "-01")
        nth = ORDINALS[word]
        if unit == "day":
            day = cal.safe_date(first.year, first.month, nth)
            return _day_reading(day) if day else None
        if unit == "week":
            return Reading("DATE", cal.week_value(first + timedelta(weeks=nth - 1)), "week")
    event_words = _event_text(event)
    if not event_words:
        return None
    precision = cal.UNIT_PRECISION[unit]
    if word in ("early", "first", "opening", "initial") and match["u"].lower().endswith("s"):
        # "the first days of the offensive": a stretch of unstated length (TimeML DURATION
        # ``PXD``) at the start of the event, kept in ``relation``.
        vague = _duration(None, unit)
        return Reading("DURATION", vague, "duration", relation=f"start:{vague}:{event_words}")
    elif word in ("last", "final", "closing"):
        relation = f"end:{_duration(1, unit)}:{event_words}"
    elif word in ORDINALS:
        relation = f"ordinal:{ORDINALS[word]}:{_duration(1, unit)}:{event_words}"
    else:
        return None
    return Reading("DATE", None, precision, relation=relation)


# --------------------------------------------------------------------------- the rule table

_NUM_UNIT = NUMBER + r"\s+" + UNIT
#: A time zone after a clock time: "EST", "PDT", "ET", "GMT".
_ZONE = r"(?:[A-Z][DS]T|[ECMP]T|GMT)"
_EVENT = r"(?P<ev>[^,.;:!?()\[\]\n—–\"“”]{2,120})"
_ORD = (r"(?P<o>(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|opening"
        r"|initial|early|last|final|closing))")


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


RULES: tuple[Rule, ...] = (
    _rule("iso", START + r"(?P<y>1[89]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-"
          r"(?P<d>0[1-9]|[12]\d|3[01])(?![\w/-])", _iso),
    _rule("numeric", r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])",
          _numeric),
    _rule("mdy", START + r"(?P<t>" + MOD + r"(?:" + WEEKDAY + r",?\s+(?:the\s+)?)?" + MONTH
          + r"\s+" + DAY + r"(?:,\s*|\s+)" + YEAR + ")", _full_date),
    _rule("dmy", START + r"(?P<t>" + MOD + r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + DAY
          + r"\s+(?:of\s+)?" + MONTH + r",?\s+" + YEAR + ")", _full_date),
    _rule("md", START + r"(?P<t>" + MOD + r"(?:" + WEEKDAY + r",?\s+)?" + MONTH + r"\s+" + DAY
          + ")", _month_day),
    _rule("dm", START + r"(?P<t>" + MOD + r"(?:" + WEEKDAY + r",?\s+)?(?:the\s+)?" + DAY
          + r"\s+(?:of\s+)?" + MONTH + ")", _month_day),
    _rule("my", START + r"(?P<t>" + MOD + MONTH + r",?\s+(?:of\s+)?" + YEAR + ")", _month_year),
    _rule("month_relative_year", START + r"(?P<t>" + MOD + FULL_MONTH + r",?\s+(?:(?i:of)\s+)?"
          + RELATIVE.replace("|past|coming|previous|current", "") + r"\s+(?i:year))(?!\w)",
          _month_of_relative_year),
    _rule("month", START + r"(?P<t>" + MOD + r"(?:" + RELATIVE + r"\s+)?" + FULL_MONTH + r")"
          r"(?!\s+\d)", _month_alone),
    _rule("holiday", START + r"(?P<h>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)"
          r"|Boxing\s+Day|Halloween|Valentine['’]s\s+Day)(?:,?\s+" + YEAR + ")?", _holiday),
    _rule("year", START + r"(?P<t>" + MOD + YEAR + r")(?![.,]\d|['’]s|s\b)", _year),
    _rule("that_year", START + r"(?P<t>(?:(?i:later|earlier)\s+)?(?i:that\s+(?:same\s+)?year))"
          r"(?![\w-])", _that_year),
    _rule("pre_post_year", START + r"(?P<t>(?i:pre|post)-" + YEAR + ")", _year),
    _rule("decade", START + r"(?P<t>" + MOD + r"(?i:the\s+)?(?:(?P<dec>(?:1[5-9]|20)\d0)['’]?s"
          r"|['’](?P<d2>\d)0s))(?!\w)", _decade),
    _rule("century", START + r"(?P<t>(?i:the\s+)?" + MOD + r"(?P<c>\d{1,2}(?:st|nd|rd|th)|(?i:first"
          r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
          r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
          r"|twentieth|twenty-first))\s+(?i:century))", _century),
    _rule("weekday", START + r"(?P<t>" + MOD + r"(?:" + RELATIVE + r"\s+)?" + WEEKDAY
          + r"(?:\s+" + PART + r")?)(?![\w])", _weekday),
    _rule("weekday_set", START + r"(?P<t>(?:(?P<every>(?i:every|each)\s+))?" + WEEKDAY
          + r"(?(every)s?|s?)(?:\s+(?P<part>(?i:mornings|afternoons|evenings|nights)))?)(?!\w)",
          lambda m, c: _weekday_set(m, c) if m["every"] or m["part"] or m["wd"] != m["t"]
          else None),
    _rule("month_set", START + r"(?P<t>(?i:every|each)\s+" + FULL_MONTH + r")", _month_set),
    _rule("adverb_set", START + r"(?P<w>(?i:hourly|daily|weekly|monthly|annually|yearly))"
          r"(?![\w-])", _adverb_set),
    _rule("day_word", START + r"(?P<t>" + MOD + r"(?P<w>(?i:today|tonight|yesterday|tomorrow))"
          r"(?:\s+" + PART + r")?)(?!\w)", _day_word),
    _rule("two_days_off", START + r"(?i:the\s+day\s+(?:before|after)\s+)(?P<w>(?i:yesterday"
          r"|tomorrow))(?!\w)", _two_days_off),
    _rule("day_next_to", START + r"(?P<t>(?i:the\s+day\s+(?P<dir>before|after))\s+(?P<when>"
          r"(?:(?i:last|this|next)\s+)?" + WEEKDAY + "|" + MONTH + r"\s+" + DAY
          + r"(?:,?\s+" + YEAR + r")?|Christmas(?:\s+Day)?|New\s+Year['’]s\s+Day|Halloween))"
          r"(?!\w)", _day_next_to),
    _rule("this_part", START + r"(?P<t>(?P<rel>(?i:this|last))\s+" + PART + r")(?!\w)",
          _this_part),
    _rule("part_of_reference", START + r"(?:(?i:(?:(?:early|late|later|earlier)\s+)?(?:in|during"
          r"|through|throughout|by|on|into|over|for)\s+))(?P<t>(?i:the)\s+" + PART + r")"
          r"(?!\s+of\b|\w)", _part_of_reference),
    _rule("mid_part", START + r"(?P<t>(?i:mid[- ]?)(?P<part>(?i:morning|afternoon|day)))(?!\w)",
          _part_of_reference),
    _rule("clock", r"(?<![\w:.])(?P<t>(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*"
          r"(?P<ap>a\.m\.?|p\.m\.?|am|pm|AM|PM)(?![\w])(?:\s+" + _ZONE + r"\b)?)", _clock),
    _rule("clock24", r"(?<![\w:.])(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])"
          r"(?:\s*(?P<zone>GMT|UTC|local\s+time|hrs)\b)?)", _clock_24h),
    _rule("clock_on_day", r"(?<![\w:.])(?P<t>(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*"
          r"(?P<ap>a\.m\.?|p\.m\.?|am|pm|AM|PM)|(?P<w>(?i:noon|midday|midnight)))"
          r"(?:\s+" + _ZONE + r")?,?\s+(?:on\s+)?(?P<rest>" + WEEKDAY.replace("<wd>", "<wd0>")
          + r"|(?i:today|tonight|yesterday|tomorrow)|" + MONTH
          + r"\s+\d{1,2}(?:,\s+\d{4})?))(?![\w])",
          _clock_on_day),
    _rule("overnight", START + r"(?P<t>(?i:overnight))(?![\w-])", lambda m, c: _overnight(m, c)),
    _rule("noon", START + r"(?P<w>(?i:noon|midday|midnight))(?!\w)", _noon),
    _rule("from_reference_day", START + r"(?P<t>(?i:the\s+(?P<dir>next|following|previous|same"
          r")\s+(?P<u>day|morning|afternoon|evening|night)|that\s+(?:same\s+)?day))(?!\w)",
          lambda m, c: _from_reference_word(m, c)),
    _rule("from_reference_unit", START + r"(?P<t>(?i:the\s+(?P<dir>following|previous)\s+"
          r"(?P<u>week|month|year)))(?!\w)", lambda m, c: _from_reference_word(m, c)),
    _rule("later", START + r"(?P<t>" + _NUM_UNIT + r"\s+(?P<dir>(?i:later|earlier)))(?!\w)",
          _from_reference),
    _rule("vague_later", START + r"(?P<t>(?P<u>(?i:minutes|hours|days|weeks|months|years)))\s+"
          r"(?P<dir>(?i:later|earlier))(?!\w)", _vague_from_reference),
    _rule("ago", START + r"(?P<t>(?:(?P<hedge>(?i:about|almost|nearly|roughly|more\s+than"
          r"|less\s+than|over))\s+)?(?:" + NUMBER + r"\s+)?" + UNIT
          + r"\s+(?i:or\s+so\s+)?(?i:ago))(?!\w)", _ago),
    _rule("event_relative", START + r"(?P<t>(?:" + NUMBER + r"\s+)?" + UNIT + r")\s+(?P<dir>"
          r"(?i:before|after|prior\s+to|following|into))\s+" + _EVENT, _event_relative),
    _rule("ordinal_of_event", START + r"(?P<t>(?i:the)\s+" + _ORD + r"\s+" + UNIT + r")\s+"
          r"(?i:of)\s+" + _EVENT, _ordinal_of_event),
    _rule("relative_unit", START + r"(?P<t>" + MOD + r"(?P<the>(?i:the)\s+)?"
          r"(?P<this_past>(?i:this)\s+(?=(?i:past)\s))?" + RELATIVE
          + r"\s+(?P<u>(?i:week|month|year|weekend|decade|century|quarter|spring|summer|autumn"
          r"|fall|winter))(?!\w))", _relative_unit),
    _rule("the_weekend", START + r"(?i:(?:over|during|at|through|throughout|on|by|until|for"
          r"|ahead\s+of|before|after)\s+)"
          r"(?P<t>(?i:the)\s+(?i:weekend))(?!\w)", _the_weekend),
    _rule("rest_of", START + r"(?P<t>(?i:the\s+(?:rest|end|start|beginning|middle)\s+of\s+the)\s+"
          r"(?P<u>(?i:week|month|year|decade|century)))"
          r"(?!\w)", _rest_of),
    _rule("season_year", START + r"(?P<t>" + MOD + r"(?i:the\s+)?(?P<s>(?i:spring|summer|autumn"
          r"|fall|winter))(?:\s+(?i:of))?\s+" + YEAR + ")", _season),
    _rule("season", START + r"(?:(?i:in|during|over|through|throughout|since|until|by|into|from"
          r"|before|after|for)\s+|(?i:of|ahead\s+of)\s+(?=(?i:the)\s))(?P<t>" + MOD
          + r"(?i:the\s+)?(?P<s>(?i:spring|summer|autumn|winter)))(?!\w)", _season),
    _rule("duration", START + r"(?P<t>(?:(?i:the\s+(?:past|last|previous|next|coming|first"
          r"|final)\s+))?" + NUMBER + r"(?P<half>\s+(?i:and\s+a\s+half))?"
          r"(?:\s+(?i:more|additional|extra|straight|consecutive|successive))?"
          r"(?:\s+(?i:trading|business|working"
          r"|school))?\s+" + UNIT + r"(?P<half2>\s+(?i:and\s+a\s+half))?)"
          r"(?!-)", lambda m, c: _plain_duration(m, c)),
    _rule("hyphen_duration", START + r"(?P<t>(?P<n>\d+(?:\.\d+)?|(?i:one|two|three|four|five"
          r"|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
          r"|ninety|hundred))(?P<hy>-)(?P<u>(?i:second|minute|hour|day|week|month|year|decade"
          r"|century))(?:-(?i:long)|(?P<old>-(?i:old)))?)(?!\w)",
          lambda m, c: _plain_duration(m, c)),
    # "just minutes apart" measures the gap between two events, which TempEval-3 leaves unmarked
    _rule("vague_duration", START + r"(?i:for|within|just|only|mere|over|barely|matter\s+of"
          r"|first\s+time\s+in)"
          r"\s+(?P<t>"
          r"(?P<u>(?i:minutes|hours|days|weeks|months|years|decades|centuries)))(?!\s+(?i:of|ago"
          r"|before|after|later|earlier|apart)\b)(?!\w)", _vague_duration),
    _rule("over_the_years", START + r"(?i:over|through|throughout)\s+(?P<t>(?i:the\s+(?:past\s+)?"
          r"(?P<u>years|decades|months|centuries)))(?![\w-])", _vague_duration),
    _rule("vague_long", START + r"(?P<t>(?P<u>(?i:minutes|hours|days|weeks|months|years|decades"
          r"|centuries))-(?i:long|old))(?![\w-])", _vague_duration),
    _rule("unit_long", START + r"(?P<t>(?P<u>(?i:minute|hour|day|week|month|year|decade))"
          r"-(?i:long))(?![\w-])",
          lambda m, c: Reading("DURATION", _duration(1, _unit(m["u"])[0]), "duration")),
    _rule("a_while", START + r"(?<!(?i:once)\s)(?i:for|in|after)\s+(?P<t>(?i:a\s+(?:long\s+"
          r"|short\s+|little\s+)?while|some\s+time))(?![\w-])(?!\s+(?i:now|ago|before|after|later|earlier)\b)",
          lambda m, c: Reading("DURATION", "PXX", "duration")),
    _rule("recent", START + r"(?P<t>(?i:recent)\s+(?P<u>(?i:days|weeks|months|years|decades)))"
          r"(?!\w)", _recent),
    _rule("set_times", START + r"(?P<t>(?i:once|twice|thrice|(?:\d+|two|three|four|five|six"
          r"|seven|eight|nine|ten)\s+times)\s+(?i:a|an|per|each|every)\s+(?P<u>(?i:second|minute"
          r"|hour|day|week|month|year|decade)))(?!\w)", _set),
    _rule("set_every_other", START + r"(?P<t>(?i:every)\s+(?i:other)\s+" + UNIT + r")(?!\w)",
          _every_other),
    _rule("set_every", START + r"(?P<t>(?i:every|each|per)\s+(?:" + NUMBER + r"\s+)?" + UNIT
          + r")(?!\w)", _set),
    _rule("reference", START + r"(?:(?i:in|until|till|for|from|since|of)\s+)?(?P<t>(?i:now"
          r"|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days|recently"
          r"|lately|(?<=in\s)the\s+past|(?<=(?:in|to)\s)the\s+(?:near\s+)?future"
          r"|(?<=about\s)the\s+future|(?<=for\s)the\s+future"
          r"|(?<=in\s)future))(?![\w-])(?!\s+(?i:of)\b)", _reference),
    _rule("term_ahead", START + r"(?i:in|for|over|of|during|at)\s+(?P<t>(?i:the\s+(?:near|short"
          r"|long)\s+term|a\s+later\s+date))(?![\w-])",
          lambda m, c: Reading("DATE", "FUTURE_REF", "ref")),
)


_AGE_AFTER = re.compile(r"\s+(?i:old|of\s+age)\b")
#: After a duration, the pay it measures (``six months of base pay``, ``a year's salary``).
_PAY_AFTER = re.compile(r"(?:['’]s?\s++|\s++(?i:of)\s++)(?:(?i:base|basic|gross|back|full"
                        r"|regular)\s++)?(?i:pay|salary|salaries|wages?|rent|severance)\b")
#: Before "one day", a modal or a hope that makes it "some day ahead" (TimeML FUTURE_REF)
#: rather than a day's length: "will one day be", "hopes to one day fly".
_SOMEDAY_BEFORE = re.compile(r"(?:\b(?i:will|would|could|might|may|can|shall|hopes?\s+(?:he\s+"
                             r"|she\s+|they\s+|to\s+)?|hoped\s+(?:to\s+)?|want\s+to|wants\s+to)"
                             r"|\w['’](?i:d|ll))\s*$")  # "I'd one day", "we'll one day"
#: Before "a day", "a year": an amount, perhaps with a scale and what is counted ("$5", "$500
#: million", "four flights", "24 hours", "700 seats"). Then "a day" is a rate, not a duration.
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty"
    r"|fifty|hundred|thousand|dozen))(?:%|\s+(?i:million|billion|thousand|hundred))?"
    r"(?:\s+[a-z]+){0,2}\s*$")
#: After "a second", a word that makes it the ordinal ("a second time") rather than a second
#: of time ("a second later", "for a second, nothing").
_ORDINAL_SECOND = re.compile(r"\s+(?!(?i:later|earlier|ago|before|after|or|and|to|of|in|the"
                             r"|apart|long|longer|each|every|per)\b)[A-Za-z]")


def _plain_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    """``three hours``, ``the past fifteen years``, ``two and a half years``. A bare ``a day``
    after a number of things (``$5 a day``) is a rate, left alone."""
    if match.groupdict().get("old") or _AGE_AFTER.match(ctx.text, ctx.end):
        return None  # "a 54-year-old farmer", "52 years old": an age, which TimeML does not mark
    if _PAY_AFTER.match(ctx.text, ctx.end):
        return None  # "a bonus equal to six months of base pay": a sum of money, not a time
    if match["n"].lower() == "a" and match["u"].lower() == "second" and _ORDINAL_SECOND.match(
            ctx.text, ctx.end):
        return None  # "a second group", "a second betrayal": the ordinal, not one second
    if match["u"].lower().startswith("quarter") and (match["n"].lower() in ("a", "an") or (
            re.match(r"\s+(?i:of)\b", ctx.text[ctx.end:ctx.end + 5])
            and _amount(match["n"]) is not None)):
        # "three quarters of the vote", "a quarter point": shares, not periods; but "several
        # quarters of losses" counts periods (no one speaks of several quarters of a vote).
        return None
    rate = _RATE_BEFORE.search(ctx.before(40))
    if match["n"].lower() in ("a", "an") and not match.groupdict().get("hy") and (
            rate or match["u"].lower().endswith("s")):
        return None  # "$5 a day" is a rate; "a decades-long" is not a duration of one
    if match["t"].lower() == "one day" and _SOMEDAY_BEFORE.search(ctx.before(25)) and not (
            re.match(r"\s+(?i:of|a|per|later|earlier)\b", ctx.text[ctx.end:ctx.end + 9])):
        return Reading("DATE", "FUTURE_REF", "ref")  # "Islam will one day be ...": some day
    if match["t"].lower() == "one day" and ctx.text.startswith(",", ctx.end) and (
            _at_sentence_start(ctx.before(4))):
        # "One day, he said, he would return": some day, not a day's length; ahead it is
        # TimeML's FUTURE_REF, told of the past a day the text cannot date, left unmarked.
        return Reading("DATE", "FUTURE_REF", "ref") if ctx.tense() == "future" else None
    amount = _amount(match["n"])
    if (match.groupdict().get("half") or match.groupdict().get("half2")) and amount is not None:
        amount += 0.5  # "two and a half years", "a minute and a half"
    unit, multiplier = _unit(match["u"])
    return Reading("DURATION", _duration(amount * multiplier if amount is not None else None,
                                         unit), "duration")


def _overnight(match: re.Match[str], ctx: Context) -> Reading | None:
    """``overnight``: the night before the day in focus in a past clause, that night ahead."""
    day = _reference_day(ctx)
    if day is None:
        return Reading("TIME", None, "time")
    if ctx.tense() != "future":
        day -= timedelta(days=1)
    return _day_reading(day, "night")


def _from_reference_word(match: re.Match[str], ctx: Context) -> Reading | None:
    direction = (match["dir"] or "same").lower()
    unit = (match["u"] or "day").lower()
    part = unit if unit in PARTS_OF_DAY else None
    unit = "day" if part else unit
    step = {"next": 1, "following": 1, "previous": -1, "same": 0}[direction]
    if unit == "year" and ctx.reference_relation is None and ctx.reference_year is not None:
        # "in the summer of 2019 ... the following year": the year the text last named, which
        # may be later than its last named day
        return Reading("DATE", f"{ctx.reference_year + step:04d}", "year")
    base = ctx.reference_day
    if _month_named_since(base, ctx) and step == 0 and unit == "day" and not part:
        # "killed last October ... crossed out that same day": a day of that month, which
        # one untold
        year, month = ctx.reference_month or (0, 0)
        return Reading("DATE", f"{cal.month_value(year, month)}-XX", "day")
    if base is None and not part and ctx.reference_relation is None and ctx.reference_month:
        year, month = ctx.reference_month
        if unit == "month":
            return Reading("DATE", cal.month_value(*cal.add_months(year, month, step)), "month")
        if unit == "year":
            return Reading("DATE", f"{year + step:04d}", "year")
    if base is None and unit != "day" and ctx.anchor is not None and not (
            ctx.reference_relation or ctx.reference_month or ctx.reference_year):
        # "sales rose 5% from the previous year" with no date named before: the article's
        # own year, as "last year" would be
        return Reading("DATE", cal.shift(ctx.anchor, step, unit), cal.UNIT_PRECISION[unit])
    if base is None:
        relation = ctx.reference_relation or "the preceding date"
        side = "before" if step < 0 else "after"
        return Reading("TIME" if part else "DATE", None, cal.UNIT_PRECISION[unit],
                       relation=f"{side}:{_duration(abs(step), unit)}:{relation}")
    if part:
        return _day_reading(base + timedelta(days=step), part)
    return Reading("DATE", cal.shift(base, step, unit), cal.UNIT_PRECISION[unit])


def _month_named_since(day: date | None, ctx: Context) -> bool:
    """Whether the text named a month (``last October``) after the last day it named: a
    day told then falls in that month, not on the older day."""
    if ctx.reference_month is None or ctx.reference_relation is not None:
        return False
    return day is None or (day.year, day.month) != ctx.reference_month


#: Rules whose expressions name one calendar day: used to read the date inside other phrases.
_DAY_RULES = tuple(rule for rule in RULES if rule.name in ("iso", "mdy", "dmy", "md", "dm",
                                                             "weekday", "day_word",
                                                             "holiday"))
_MONTH_RULES = tuple(rule for rule in RULES if rule.name in ("my", "month"))


def parse_day(text: str, ctx: Context, *, prefix_only: bool = False,
              allow_month: bool = False, tense: Tense | None = None) -> Reading | None:
    """Read ``text`` (or its start) as one day (or month) with the rules above; ``tense``,
    when given, is the clause's (a bare ``Christmas`` in a past clause is the last one)."""
    stripped = text.strip()
    if stripped.lower().startswith("the ") and not allow_month:
        stripped = stripped[4:]
    rules = _DAY_RULES + (_MONTH_RULES if allow_month else ())
    best: tuple[int, Reading] | None = None
    for rule in rules:
        found = rule.pattern.match(stripped) if prefix_only else rule.pattern.fullmatch(stripped)
        if found is None:
            continue
        if prefix_only and found.end() < len(stripped) and stripped[found.end()].isalnum():
            continue
        sub_ctx = Context(stripped, found.start(), found.end(), ctx.anchor, ctx.reference_day,
                          ctx.reference_year, None, None, True,
                          None if tense is None else (lambda start, end: tense))
        reading = rule.handler(found, sub_ctx)
        if reading is not None and (best is None or found.end() > best[0]):
            best = (found.end(), reading)
    if best is None or (prefix_only and len(stripped[best[0]:].split()) > 2):
        return None
    return best[1]
