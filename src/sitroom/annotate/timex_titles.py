"""Time words inside titles and product names, which TimeML does not mark as time expressions.

The TimeML guidelines leave a time word unmarked when it is part of a name rather than a
reference to a time: the programme ``60 Minutes``, the war ``the Six-Day War``, the book
``"A Year in Provence"``, the paper ``the Sunday Times``, a car's model year in ``a 1987
Chevrolet``. Three tests, each cheap and local:

- :func:`capitalised_unit`: a counted unit spelt with a capital away from the start of its
  sentence (``60 Minutes``, ``Seven Years' War``, ``28 Days Later``). English prose writes
  ``minutes`` and ``days`` in lower case; only a name capitalises them. A line in title case (a
  headline, where every word takes a capital) is not evidence, so it is left alone;
- :func:`in_quoted_title`: the expression lies inside a short quotation in title case (``the
  film "One Day in September"``, ``his book "The Last Days of Summer"``): a work's title. Speech
  is quoted in sentence case, so a quotation whose longer words all take capitals is a title;
- :func:`in_listed_title`: the expression lies inside a title listed in
  ``data/timex/day_titles.txt`` (``Sunday Times``, ``Mail on Sunday``, ``Today programme``);
- :func:`name_goes_on`: a capitalised season or feast followed by another capitalised word
  (``the Summer Olympics``, ``the Winter Palace``, ``the Easter Rising``): the name of an event
  or a place, which a season told as a time does not take (``in the summer, talks resumed``);
- :func:`model_year`: a year between an owner (``a``, ``his``, ``Kopp's``) and a vehicle maker
  listed in ``data/timex/vehicle_makers.txt`` (``his 1987 Chevrolet Cavalier``): the year
  names the model, not the time of anything the clause tells.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["capitalised_unit", "in_listed_title", "in_quoted_title", "model_year",
           "name_goes_on"]

TITLES_FILE = "timex/day_titles.txt"
MAKERS_FILE = "timex/vehicle_makers.txt"
#: How far either side of an expression the line is read to judge whether it is in title case
#: (a headline): bounded, so a crafted line of any length costs the same.
_LINE_REACH = 120
#: Capitalised words after a season or feast that keep it a time: "Easter Monday".
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday", "day", "eve", "week", "weekend", "term", "session",
                         "quarter", "semester"})
#: Words before a model year that make the vehicle someone's: "a 1987 Chevrolet", "his 2004 Ford".
_OWNERS = frozenset({"a", "an", "his", "her", "their", "its", "my", "your", "our", "whose"})
#: Short words a title-case headline still writes in lower case.
_HEADLINE_LOWER = frozenset({"with", "from", "into", "over", "than", "that", "upon", "onto",
                             "amid", "near", "like", "past"})
#: How far a title's quotation marks may lie from the expression inside it.
_QUOTE_REACH = 60
#: Quotation marks that only open or only close (the straight double quote does both; news
#: wires also write `` and '' for them).
_OPENING_QUOTES = frozenset("“`")
_CLOSING_QUOTES = frozenset("”")
_PUNCTUATION = ".,;:!?()[]'\"“”‘’`"


@cache
def _lines(name: str) -> tuple[str, ...]:
    text = resources.files("sitroom.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(entry for line in text.splitlines()
                 if (entry := " ".join(line.split("#", 1)[0].split())))


@cache
def _makers() -> frozenset[str]:
    return frozenset(_lines(MAKERS_FILE))


def capitalised_unit(text: str, unit_start: int, unit_end: int) -> bool:
    """Whether the unit word at ``unit_start:unit_end`` (``Minutes`` in ``60 Minutes``) is
    capitalised as part of a name: a capital then lower case, in a line not in title case.
    The unit never opens its expression here (a number comes first), so the capital cannot
    be the one a sentence starts with."""
    word = text[unit_start:unit_end]
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False
    return not _title_case_line(text, unit_start, unit_end)


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the line around ``start:end`` reads as a headline: no word of four letters or
    more in lower case (prose always has some; a title-case heading lowers only short words
    such as ``of``, ``in`` and ``with``)."""
    low = max(0, start - _LINE_REACH)
    left = text.rfind("\n", low, start) + 1 or low
    right = text.find("\n", end, end + _LINE_REACH)
    line = text[left:right if right >= 0 else end + _LINE_REACH]
    words = (word.strip(_PUNCTUATION) for word in line.split())
    return not any(len(word) >= 4 and word.isalpha() and word.islower()
                   and word not in _HEADLINE_LOWER for word in words)


def in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits inside a quotation of at most ``_QUOTE_REACH``
    characters a side whose words of four letters or more are all capitalised (two words at
    least): the title of a film, book or song."""
    opening = _quote_before(text, start)
    closing = _quote_after(text, end)
    if opening < 0 or closing < 0:
        return False
    inside = text[opening + 1:closing]
    if not inside or inside[0].isspace() or inside[-1].isspace():
        return False  # a closing quote then an opening one: the text between is not quoted
    words = [word.strip(_PUNCTUATION) for word in inside.split()]
    longer = [word for word in words if len(word) >= 4 and word.isalpha()
              and word not in _HEADLINE_LOWER]
    return len(words) >= 2 and bool(longer) and all(word[0].isupper() for word in longer)


def _quote_before(text: str, start: int) -> int:
    """Where the nearest opening quotation mark before ``start`` on its line is, or -1 when
    a closing one or a line break comes first."""
    for at in range(start - 1, max(-1, start - 1 - _QUOTE_REACH), -1):
        char = text[at]
        if char in _OPENING_QUOTES or char == '"':
            return at
        if char in _CLOSING_QUOTES or char == "\n" or text.startswith("''", at):
            return -1
    return -1


def _quote_after(text: str, end: int) -> int:
    """Where the nearest closing quotation mark at or after ``end`` on its line is, or -1
    when an opening one or a line break comes first."""
    for at in range(end, min(len(text), end + _QUOTE_REACH)):
        char = text[at]
        if char in _CLOSING_QUOTES or char == '"' or text.startswith("''", at):
            return at
        if char in _OPENING_QUOTES or char == "\n":
            return -1
    return -1


def in_listed_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside one of the listed titles as it is written there
    (``Sunday`` in ``the Sunday Times said``)."""
    expression = text[start:end]
    for title in _lines(TITLES_FILE):
        at = title.find(expression)
        while at >= 0:
            begin = start - at
            if begin >= 0 and text.startswith(title, begin) and _word_edges(
                    text, begin, begin + len(title)):
                return True
            at = title.find(expression, at + 1)
    return False


def _word_edges(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end >= len(text) or not text[end].isalnum())


def name_goes_on(text: str, start: int, end: int) -> bool:
    """Whether the capitalised word at ``start:end`` (``Summer``) runs on into a name: one
    blank, then a capitalised word that is not itself a time (``Summer Olympics``, but not
    ``Easter Monday`` or ``Spring 2019``)."""
    if not text[start:start + 1].isupper() or not text.startswith(" ", end):
        return False
    stop = end + 1
    while stop < len(text) and stop - end <= 20 and text[stop].isalpha():
        stop += 1
    following = text[end + 1:stop]
    return (len(following) > 1 and following[0].isupper() and following[1:].islower()
            and following.lower() not in _TIME_WORDS)


def model_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start:end`` names a vehicle's model: an article or an owner before
    it (``a``, ``his``, ``Kopp's``) and one blank and a listed maker after it (``a 1987
    Chevrolet``). Without the owner the year may date a clause whose subject is the company
    (``In 1987 Chrysler bought AMC``), so it stays a date."""
    if not text.startswith(" ", end):
        return False
    stop = end + 1
    while stop < len(text) and stop - end <= 20 and (text[stop].isalpha() or text[stop] == "-"):
        stop += 1
    if text[end + 1:stop] not in _makers():
        return False
    before = text[max(0, start - 20):start]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and (words[-1].lower() in _OWNERS or words[-1].endswith(("'s", "’s")))
