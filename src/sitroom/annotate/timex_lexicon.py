"""Words of English time expressions and the regular-expression pieces built from them.

General vocabulary only (calendar names, number words, units); nothing about any situation.
Month and weekday names are matched capitalised, as written in edited prose, which keeps
``may``, ``march`` and ``sun`` out; everything else is case-insensitive.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
#: Parts of the day and their TIMEX3 codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
_UNITS_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
NUMBER_WORDS: dict[str, float] = {
    **{word: float(value) for value, word in enumerate(_UNITS_ONES, start=1)},
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "a": 1, "an": 1, "a couple of": 2,
    "couple of": 2, "a dozen": 12,
    "half a": 0.5, "half an": 0.5,
}
#: Quantities TIMEX3 writes as ``X`` (unspecified).
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "some", "many", "a number of",
                           "hundreds of", "dozens of", "a couple", "countless"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "opening": 1,
    "initial": 1,
}
#: Canonical unit of each unit word (plural and singular).
UNIT_WORDS: dict[str, str] = {
    **{f"{unit}s": unit for unit in ("second", "minute", "hour", "day", "week", "month",
                                        "year", "decade", "weekend", "quarter")},
    **{unit: unit for unit in ("second", "minute", "hour", "day", "week", "month", "year",
                               "decade", "weekend", "quarter", "century")},
    "centuries": "century",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
}

# --------------------------------------------------------------------------- regex pieces

MONTH = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
FULL_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)(?![A-Za-z])"
)
WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?(?!\w)"
YEAR = r"(?P<y>1[89]\d\d|20\d\d)(?![\d\w])"
_tens = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_teens = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
          r"|nineteen)")
_ones = r"(?:one|two|three|four|five|six|seven|eight|nine)"
#: A cardinal amount: digits (``1,200`` with its thousands), number words, ``a``/``an``, or a
#: vague quantity (``several``).
NUMBER = (
    r"(?P<n>(?i:\d{1,3}(?:,\d{3})++(?!\d)|\d+(?:\s+1/2)?(?:\.\d+)?|" + _tens + r"(?:[- ]"
    + _ones + r")?|" + _teens + "|" + _ones
    + r"|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+(?:hundred|thousand)"
    + r"|(?:a\s+)?couple\s+of|a\s+dozen|a\s+few|a\s+number\s+of|half\s+an?|hundreds\s+of"
    r"|dozens\s+of|several|some|many|few|an?)(?![\w-]))"
)
UNIT = (
    r"(?P<u>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries)(?!\w))"
)
#: A modifier that narrows an expression without changing its TIMEX3 value: ``early on``,
#: ``mid-``, ``late``, ``the end of``, ``earlier``. ``start``, ``end`` and the like count only
#: with ``of`` or a hyphen: in "talks start on Monday", "the rains end in June" they are verbs.
MOD = (
    r"(?:(?i:(?:the\s+)?(?:very\s+)?(?:(?:early|earlier|late|later|mid)(?:\s+(?:on|in|of)\s+|-|\s+)"
    r"|(?:middle|end|start|beginning)(?:\s+of\s+|-))))?"
)
RELATIVE = r"(?P<rel>(?i:last|this|next|past|coming|previous|current))"
PART = r"(?P<part>(?i:morning|afternoon|evening|night))"
#: Where a word starts: not inside another word or number.
START = r"(?<![\w'’.-])"
