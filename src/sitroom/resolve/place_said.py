"""What the words around a name say it is: a town, a suburb of another, or a person's name.

Local news and encyclopaedic text name small towns after famous places (``Lebanon, Ohio``,
``Georgia, Vermont``, ``Moscow, Idaho``) and say so in words a reader relies on:

- ``the city of Lebanon``, ``the town of Turkey``, ``the village of Georgia``: a town, whatever
  country or state shares its name;
- ``Lebanon is a city in Warren County``, ``Georgia, a town in Franklin County``: the same,
  said after the name, as an encyclopaedia's first sentence or an appositive puts it.

A suburb lies by the town it is said to be a suburb of (``the Cincinnati suburb of West
Chester``, ``Katy, a Houston suburb``). A name right after a person's title (``President
Ford``, ``Gov. Jackson``, ``Mr. Austin``) is that person's surname, never the county or town
that shares it.

Pure functions over the article's text and a mention's offsets; the gazetteer is not read
here (:mod:`sitroom.resolve.places` decides what a town reading is).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..names import fold_name
from .name_prefixes import load_name_prefixes

#: Words for a populated place. A county, state or country is not one of them: "the state of
#: Georgia" says the opposite.
_TOWN_WORDS = (
    r"(?:[Cc]ity|[Tt]own|[Vv]illage|[Hh]amlet|[Bb]orough|[Tt]ownship|[Ss]uburb|[Cc]ommunity"
    r"|[Ss]ettlement|[Cc]ensus-designated[ \t]+place)"
)
#: ``the city of``, ``the small northern town of`` right before a name; not ``the capital
#: city of``, ``the largest town of`` or ``the second city of``, which name the area the town
#: lies in.
_TOWN_OF = re.compile(
    r"(?<![\w'’-])(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts)[ \t]+"
    r"(?:(?!(?:capital|[a-z]+est|second|third|main|only|chief|principal|major)\b)"
    r"[a-z][\w-]*[ \t]+){0,2}"
    + _TOWN_WORDS
    + r"[ \t]+of[ \t]+\Z"
)
#: Words that end the description before a kind word could be reached (``Ohio, a state
#: where the town``): a clause, a preposition, or another kind of area.
_NOT_DESCRIBING = (
    r"(?:where|that|which|who|with|in|of|on|and|or|the|its|state|country|nation|province"
    r"|county|region|territory|island|river|lake)\b"
)
#: `` is a city``, `` was a small farming town``, ``, a village`` right after a name: a
#: linking verb or a comma, an article, at most two describing words, the kind.
_IS_TOWN = re.compile(
    r"(?:(?<![ \t])[ \t]+(?:is|was)[ \t]+|,[ \t]+)(?:a|an|the)[ \t]+"
    r"(?:(?!" + _NOT_DESCRIBING + r")[\w'’-]+[ \t]+){0,2}?"
    + _TOWN_WORDS
    + r"\b"
)
#: After the words that call a name a town: where it lies, `` in Warren County``, `` in and
#: the county seat of Lamar County``, `` located in northeast Missouri``.
_WHERE = re.compile(
    r"(?:[ \t]+located)?[ \t]+in[ \t]+"
    r"(?:and[ \t]+(?:the[ \t]+)?[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,3}[ \t]+of[ \t]+)?"
    r"(?:the[ \t]+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western"
    r"|northeast|northwest|southeast|southwest|northeastern|northwestern|southeastern"
    r"|southwestern|rural)[ \t]+)?(?=[A-Z])"
)
#: How far before and after a name the words are read.
_WINDOW = 60

#: Titles of the name-prefix list that do not address a person by surname: a party, a time,
#: a role in a race (``Republican Georgia``, ``Former Yugoslavia`` read otherwise).
_NOT_PERSONAL = frozenset(
    {
        "former", "late", "then", "incumbent", "outgoing", "acting", "interim", "candidate",
        "nominee", "leader", "whip", "delegate", "democrat", "democratic", "republican", "gop",
        "independent", "libertarian", "conservative", "liberal", "labour", "tory", "agent",
        "premier", "chair", "director", "officer", "administrator",
    }
)
#: A capitalised word with an optional abbreviation dot, then one blank, at the end.
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][A-Za-z]*)\.?[ \t]\Z")


def town_said(text: str, start: int, end: int) -> bool:
    """Whether the words around ``text[start:end]`` say it is a town (``the city of X``,
    ``X is a town in``, ``X, a village``; not ``Alvin, Texas, a Houston suburb``)."""
    if _TOWN_OF.search(text, max(0, start - _WINDOW), start):
        return True
    found = _IS_TOWN.match(text[end : end + _WINDOW])
    if found is None:
        return False
    # "Alvin, Texas, a Houston suburb": the words after an area written after a town and a
    # comma describe that town, not the area
    after_comma = text[max(0, start - 3) : start].rstrip(" \t").endswith(",")
    return not (after_comma and found.group(0).startswith(","))


@lru_cache(maxsize=1)
def _person_titles() -> frozenset[str]:
    """One-word titles (folded) that stand before a person's surname."""
    return frozenset(
        words[0]
        for words in load_name_prefixes().titles
        if len(words) == 1 and words[0] not in _NOT_PERSONAL
    )


def after_person_title(text: str, start: int) -> bool:
    """Whether a capitalised person's title stands right before ``start`` (``President
    Ford``, ``Gov. Jackson``, ``Mr. Austin``): the name there is a person's."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return found is not None and fold_name(found.group(1)) in _person_titles()


def where_town_said(text: str, end: int) -> int | None:
    """Where the words after a name that call it a town say it lies: the offset of the
    area's name in ``Lebanon is a city in Warren County, Ohio`` (at ``Warren``), or None."""
    window = text[end : end + _WINDOW]
    found = _IS_TOWN.match(window)
    if found is None:
        return None
    where = _WHERE.match(window, found.end())
    return None if where is None else end + where.end()


#: A capitalised name of up to three words (``Cincinnati``, ``Fort Worth``).
_NAME = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
#: ``the Cincinnati suburb of`` right before a name.
# (entered only at a word's start, so a long run of letters costs linear time)
_SUBURB_OF = re.compile(r"(?<![\w'’.-])(" + _NAME + r")[ \t]+suburbs?[ \t]+of[ \t]+\Z")
#: ``, a suburb of Houston``, ``, a Houston suburb``, `` is a suburb of Houston`` right after it.
_SUBURB_AFTER = re.compile(
    r"(?:,[ \t]+|(?<![ \t])[ \t]+(?:is|was)[ \t]+)an?[ \t]+(?:[a-z][\w-]*[ \t]+)?"
    r"(?:suburb[ \t]+of[ \t]+(?P<of>" + _NAME + r")|(?P<before>" + _NAME + r")[ \t]+suburb\b)"
)


def suburb_of(text: str, start: int, end: int) -> int | None:
    """Where the town that ``text[start:end]`` is said to be a suburb of starts (``the
    Cincinnati suburb of West Chester``, ``Katy, a Houston suburb``, ``Marietta is a suburb
    of Atlanta``), or None. Not for an area written after a town and a comma (``Alvin, Texas,
    a Houston suburb`` says it of Alvin)."""
    found = _SUBURB_OF.search(text, max(0, start - _WINDOW), start)
    if found is not None:
        return found.start(1)
    if text[max(0, start - 3) : start].rstrip(" \t").endswith(","):
        return None
    after = _SUBURB_AFTER.match(text[end : end + _WINDOW])
    if after is None:
        return None
    group = "of" if after.group("of") is not None else "before"
    return end + after.start(group)
