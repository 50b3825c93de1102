"""Reporting periods: quarters, halves, fiscal years and the year's end, as TIMEX3 values.

Business and economic news counts in quarters (``third-quarter profit``, ``the fiscal first
quarter``, ``the 1988 second quarter``) and compares each with the same period a year before
(``compared with $2 million a year earlier``, ``the year-ago quarter``). TimeML values the
comparison as the earlier quarter (``1988-Q3``), so these rules read "the quarter" and "a year
earlier" against the last quarter the text named (:attr:`Context.reference_quarter`) when one
was named shortly before; elsewhere they fall back on the ordinary readings.

A quarter without a year takes the anchor's year, except in a past clause that could not yet
have reported it (``fourth-quarter results`` told in January are last year's).
"""

from __future__ import annotations

import re
from datetime import date

from .timex_anchor import ended_year, fiscal_quarter
from .timex_calendar import Tense
from .timex_lexicon import MONTH, START, YEAR
from .timex_rules import (
    Context,
    Handler,
    Reading,
    Rule,
    _ago,
    _from_reference,
    _relative_unit,
    parse_day,
)

__all__ = ["PERIOD_RULES", "frames_report"]

#: How far back (in characters) a named quarter still frames "the quarter", "a year ago": a
#: few short paragraphs of an earnings report (about 130 words).
QUARTER_REACH = 800

_ORDINAL_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                     "fourth": 4, "4th": 4, "final": 4, "last": 2, "latter": 2}
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def _quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * quarter - 2, 1)


def _anchor_quarter(anchor: date) -> tuple[int, int]:
    return anchor.year, (anchor.month - 1) // 3 + 1


def _completed_quarter(anchor: date) -> tuple[int, int]:
    """The last quarter that had ended by ``anchor``: the one a report looks back on."""
    year, quarter = _anchor_quarter(anchor)
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def _framing_quarter(ctx: Context) -> tuple[int, int] | None:
    """The quarter named shortly before the match, if any."""
    if ctx.reference_quarter is None:
        return None
    offset, value = ctx.reference_quarter
    found = _QUARTER_VALUE.match(value)
    if found is None or ctx.start - offset > QUARTER_REACH:
        return None
    return int(found[1]), int(found[2])


def _quarter_reading(year: int | None, quarter: int) -> Reading:
    return Reading("DATE", f"{year:04d}-Q{quarter}" if year is not None else None, "season")


def _year_of(match: re.Match[str], ctx: Context, quarter_start_month: int) -> int | None:
    """The year of a period named without one (see the module docstring)."""
    groups = match.groupdict()
    for name in ("y", "y2"):
        if groups.get(name):
            return int(groups[name])
    if ctx.anchor is None:
        return None
    relative = (groups.get("yrel") or groups.get("yrel2") or "").lower()
    if relative:
        return ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[relative]
    start = date(ctx.anchor.year, quarter_start_month, 1)
    tense = ctx.tense()
    if start > ctx.anchor and (tense == "past" or (
            tense is None and (start - ctx.anchor).days > 183)):
        return ctx.anchor.year - 1
    return ctx.anchor.year


def _nth_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """``third-quarter``, ``the fiscal first quarter``, ``the first half of 1990``."""
    number = _ORDINAL_QUARTERS[match["q"].lower()]
    half = match["k"].lower() == "half"
    if match["q"].lower() in ("last", "latter") and not half:
        return None  # "last quarter" is the one before this (a relative unit), not the fourth
    if half and number > 2:
        return None
    if match.groupdict().get("pl"):
        return Reading("SET", f"XXXX-{'H' if half else 'Q'}{number}", "season")
    if not (match["y2"] or match["yrel2"] or match["ythe"]) and re.match(
            r"\s+(?i:of)\s+(?i:the|a|an|this|that|his|her|its|their)\b",
            ctx.text[ctx.end:ctx.end + 12]):
        return None  # "the second half of the 20th century", "of the game": not of a year
    year = ended_year(ctx.text, ctx.end, ctx.anchor) if not (
        match["y"] or match["y2"] or match["yrel"] or match["yrel2"]) else None
    if year is None:
        year = _year_of(match, ctx, 6 * number - 5 if half else 3 * number - 2)
    code = f"H{number}" if half else f"Q{number}"
    return Reading("DATE", f"{year:04d}-{code}" if year is not None else None, "season")


_PERIOD_CUE = re.compile(r"(?i:\b(?:in|the|its|their|for|of|during|from|to|and|than|since|by"
                         r"|until|through)\s+)$")


def _quarter_code(match: re.Match[str], ctx: Context) -> Reading | None:
    """``Q3``, ``3Q 2013``, ``H1``: the quarter or half that business news abbreviates."""
    kind = match["k"] or match["k2"]
    number = int(match["n"] or match["n2"])
    if kind == "H" and number > 2:
        return None
    if not match["y"]:
        # "H2" alone is too often something else (a hydrogen molecule, a column), and "Q3"
        # (a car, a question) needs a word that makes it a period: "in Q3", "the Q3 loss".
        if kind == "H" or not _PERIOD_CUE.search(ctx.before(12)):
            return None
        if ctx.anchor is None:
            return Reading("DATE", None, "season")
    year = int(match["y"]) if match["y"] else _year_of(match, ctx, 3 * number - 2)
    code = f"{kind}{number}"
    return Reading("DATE", f"{year:04d}-{code}" if year is not None else None, "season")


def _fiscal_code(match: re.Match[str], ctx: Context) -> Reading | None:
    """``FY2013``, ``FY 13``: that fiscal year, valued as the year it is named after."""
    digits = match["fy"]
    year = int(digits) if len(digits) == 4 else (1900 + int(digits) if int(digits) >= 69
                                                 else 2000 + int(digits))
    return Reading("DATE", f"{year:04d}", "year")


_ENDED = re.compile(r"\s+(?i:ended|ending|that\s+ended|,\s+which\s+ended)\b")


def frames_report(value: str, anchor: date | None, text: str, end: int,
                  tense: Tense | None) -> bool:
    """Whether the quarter ``value`` (``1989-Q4``), named in ``text`` up to ``end`` in a
    clause of ``tense``, is one a report looks back on, so that "a year ago", "the latest
    quarter" that follow mean it. A quarter not over by ``anchor`` and told in the future
    ("will result in a fourth-quarter charge", written in November) is looked ahead to; a
    fiscal one reported or said to have ended ("fourth quarter ended Sept. 30") is not."""
    found = _QUARTER_VALUE.match(value)
    if found is None:
        return False
    if anchor is None or _ENDED.match(text, end) or tense not in ("future", "present"):
        return True
    # "has no estimate of the impact on fourth-quarter results", told in October: a quarter
    # not yet over, looked ahead to.
    return (int(found[1]), int(found[2])) <= _completed_quarter(anchor)


def _named_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the quarter``, ``the latest quarter``, ``the current quarter``, ``the 1988 period``,
    ``the year-ago quarter``."""
    which = " ".join((match["which"] or "").lower().split())
    kind = match["k"].lower()
    framing = _framing_quarter(ctx)
    year_back = "year" in which or which in ("comparable", "corresponding", "prior-year")
    if match.groupdict().get("y"):
        year = int(match["y"])
        return _quarter_reading(year, framing[1]) if framing else Reading(
            "DATE", match["y"], "year")
    if ctx.anchor is None:
        return Reading("DATE", None, "season")
    if which in ("current", "this") or match["det"].lower() == "this":
        if kind == "period":
            return None
        if framing and not which and ctx.tense() != "future":
            # "This quarter's loss includes ...", in a report on the third quarter: that one.
            return _quarter_reading(*framing)
        return _quarter_reading(*_anchor_quarter(ctx.anchor))
    if kind == "period" and not (framing or which == "latest" or year_back):
        return None  # "the period" alone is any stretch of time
    year, quarter = framing or _completed_quarter(ctx.anchor)
    return _quarter_reading(year - 1 if year_back else year, quarter)


def _year_before_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a year earlier``/``a year ago`` beside a quarter: that quarter a year before;
    otherwise the ordinary reading."""
    framing = _framing_quarter(ctx)
    if framing is not None:
        return _quarter_reading(framing[0] - 1, framing[1])
    if match["dir"].lower() == "ago":
        return _ago(match, ctx)
    if ctx.reference_day is None and ctx.anchor is not None:
        # "up from $4 million a year earlier" with no day named before: the year before
        # the one reported on.
        return Reading("DATE", str(ctx.anchor.year - 1), "year")
    return _from_reference(match, ctx)


def _last_year_in_report(match: re.Match[str], ctx: Context) -> Reading | None:
    """``compared with $6 million last year``, ``last year's $1.55 billion`` beside a quarter
    just reported: that quarter a year before; otherwise the ordinary reading (the year)."""
    framing = _framing_quarter(ctx)
    if framing is not None and (_COMPARING.search(ctx.text, max(0, ctx.start - 70), ctx.start)
                                or _RESULTS_OF.match(ctx.text, ctx.end)):
        return _quarter_reading(framing[0] - 1, framing[1])
    return _relative_unit(match, ctx)


#: A comparison that "last year" closes ("compared with $6 million last year", "up from
#: $2 million last year"): the figure is the same period's, a year back.
_COMPARING = re.compile(r"(?i:\b(?:compared\s+with|compared\s+to|from|versus|vs\.?)\s+"
                        r"[^.;:!?]{0,60})$")
#: "last year's $1.55 billion", "last year's results": the same period's figure.
_RESULTS_OF = re.compile(r"['’]s\s+(?:\$|[A-Z]{1,2}\$|#|(?i:results|figures|quarter|period"
                         r"|earnings|profit|net|loss|sales)\b)")


def _year_ago_adjective(match: re.Match[str], ctx: Context) -> Reading | None:
    """``year-earlier results``, ``the corresponding period last year``."""
    framing = _framing_quarter(ctx)
    word = match.groupdict().get("q") or match.groupdict().get("q2") or ""
    quarter = _ORDINAL_QUARTERS.get(word.lower())
    if framing is not None:
        return _quarter_reading(framing[0] - 1, quarter or framing[1])
    if ctx.anchor is None:
        return Reading("DATE", None, "year")
    if quarter:
        return _quarter_reading(ctx.anchor.year - 1, quarter)
    if re.search(r"(?i:quarter|period)", match["t"]):
        year, completed = _completed_quarter(ctx.anchor)
        return _quarter_reading(year - 1, completed)
    return Reading("DATE", str(ctx.anchor.year - 1), "year")


def _fiscal_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """``fiscal 1989``, ``the current fiscal year``, ``last fiscal year``; ``for the fiscal
    year`` is a stretch of one year."""
    if match.groupdict().get("y") or match.groupdict().get("y2"):
        return Reading("DATE", match["y"] or match["y2"], "year")
    relative = (match["rel"] or "").lower()
    if not relative:
        return Reading("DURATION", "P1Y", "duration")
    if ctx.anchor is None:
        return Reading("DATE", None, "year")
    step = {"current": 0, "this": 0, "latest": -1, "last": -1, "previous": -1, "prior": -1,
            "next": 1, "coming": 1}[relative]
    return Reading("DATE", str(ctx.anchor.year + step), "year")


def _year_end(match: re.Match[str], ctx: Context) -> Reading | None:
    """``year-end``, ``midyear``, ``the end of the year``, ``earlier in the year``, ``the first
    nine months of the year``: the anchor's year."""
    if ctx.anchor is None:
        return Reading("DATE", str(ctx.reference_year) if ctx.reference_year else None, "year")
    return Reading("DATE", str(ctx.anchor.year), "year")


def _year_ended(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the quarter ended Sept. 29``: the calendar quarter holding most of the three months
    that date closes (``ended July 31``: the second); ``the year ended Sept. 30``: a stretch
    of one year (a fiscal year is not a calendar one)."""
    inner = parse_day(match["rest"], ctx)
    if inner is None or not inner.value:
        return None
    day = date.fromisoformat(inner.value)
    if match["k"].lower() == "quarter":
        return _quarter_reading(*fiscal_quarter(day))
    return Reading("DURATION", "P1Y", "duration")  # a fiscal year, whichever months it spans


def _the_year_stretch(match: re.Match[str], ctx: Context) -> Reading | None:
    """``for the year ended Sept. 30``: the stretch of one year a figure covers; ``For the
    year, volume was flat``, ``a high for the year``, ``a high for the year of $42``: the year
    reported on, the anchor's."""
    if _ENDED.match(ctx.text, ctx.end) or ctx.anchor is None:
        return Reading("DURATION", "P1Y", "duration")
    return Reading("DATE", str(ctx.anchor.year), "year")



_ORD = r"(?P<q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th|last|latter))"
_FISCAL = r"(?:(?i:fiscal)[\s-]+)?"


def _rule(name: str, pattern: str, handler: Handler) -> Rule:
    return Rule(name, re.compile(pattern), handler)


PERIOD_RULES: tuple[Rule, ...] = (
    _rule("nth_quarter", START + r"(?P<t>(?:(?i:the|its|their|a\s+flat)\s+)?(?:" + YEAR
          + r"\s+|(?P<yrel>(?i:this|last|next))\s+year['’]s\s+)?" + _FISCAL + _ORD + r"[\s-]+"
          + _FISCAL + r"(?P<k>(?i:quarter|half))(?P<pl>s)?(?:\s+(?i:of)\s+(?:" + _FISCAL
          + r"(?P<y2>1[89]\d\d|20\d\d)|(?P<yrel2>(?i:this|last|next))\s+(?i:year)"
          r"|(?P<ythe>(?i:the\s+(?:current\s+)?year))))?)"
          r"(?![\w-])",
          _nth_quarter),
    _rule("quarter_code", r"(?<![\w$£€-])(?P<t>(?:(?P<k>Q|H)(?P<n>[1-4])|(?P<n2>[1-4])(?P<k2>Q|H))"
          r"(?:[\s'’-]*(?P<y>1[89]\d\d|20\d\d))?)(?![\w-])", _quarter_code),
    _rule("fiscal_code", r"(?<![\w$£€-])(?P<t>FY[\s'’-]?(?P<fy>(?:19|20)?\d\d))(?![\w-])",
          _fiscal_code),
    _rule("named_quarter", START + r"(?P<t>(?P<det>(?i:the|this|that|its))\s+(?:(?P<which>"
          r"(?i:latest|current|most\s+recent|recent|same|comparable(?:\s+year-ago)?"
          r"|corresponding|year-ago|year-earlier|prior-year)|" + YEAR + r")\s+)?"
          r"(?P<k>(?i:quarter|period))(?![\w-]))(?!\s+(?i:of|ended|ending)\b)", _named_quarter),
    _rule("year_before_quarter", START + r"(?P<t>(?P<n>(?i:a|one))\s+(?P<u>(?i:year))\s+"
          r"(?P<dir>(?i:ago|earlier)))(?!\w)", _year_before_quarter),
    _rule("last_year_in_report", START + r"(?P<t>(?P<rel>(?i:last))\s+(?P<u>(?i:year)))(?![\w-])",
          _last_year_in_report),
    _rule("year_ago_adjective", START + r"(?P<t>(?i:the\s+(?:same|corresponding|comparable)\s+"
          r"(?:period|quarter)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))"
          r"|the\s+quarter\s+a\s+year\s+(?:ago|earlier)"
          r"|last\s+year['’]s\s+(?:" + _ORD + r"\s+)?quarter"
          r"|(?:the\s+)?year-(?:ago|earlier)(?:\s+" + _ORD.replace("<q>", "<q2>")
          + r"\s+quarter)?))(?![\w-])",
          _year_ago_adjective),
    _rule("year_fiscal_year", START + r"(?P<t>(?i:the|its|their)\s+" + YEAR
          + r"\s+(?i:fiscal|financial)\s+(?i:year))(?![\w-])",
          lambda m, c: Reading("DATE", m["y"], "year")),
    _rule("fiscal_year", START + r"(?P<t>(?:(?i:the|its)\s+)?(?:(?P<rel>(?i:current|this|latest"
          r"|last|previous|prior|next|coming))\s+)?(?i:fiscal)[\s-]+(?:" + YEAR
          + r"|(?i:year)(?:\s+(?P<y2>1[89]\d\d|20\d\d))?))(?![\w-])", _fiscal_year),
    _rule("year_end", START + r"(?P<t>(?i:year[\s-]end|mid-?year|year['’]s\s+end"
          r"|the\s+end\s+of\s+the\s+year|the\s+full\s+year|(?:earlier|later)\s+in\s+the\s+year))"
          r"(?![\w-])", _year_end),
    _rule("period_ended", START + r"(?P<t>(?i:the|its)\s+(?:(?i:fiscal)\s+)?"
          r"(?P<k>(?i:year|quarter)))\s+(?i:ended|ending|that\s+ended)\s+(?P<rest>" + MONTH
          + r"\s+\d{1,2}(?:,\s+\d{4})?)",
          _year_ended),
    _rule("part_of_the_year", START + r"(?i:months|weeks|days|part)\s+(?i:of)\s+(?P<t>(?i:the"
          r"\s+year))(?![\w-])", _year_end),
    _rule("the_year_stretch", START + r"(?i:for|during|over|throughout)\s+(?P<t>(?i:the\s+"
          r"year))(?![\w-])(?!\s+(?i:of\s+(?![$€£])|ago|before|after|earlier|later|\d))",
          _the_year_stretch),
)
