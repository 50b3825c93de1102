"""Years that are part of a name, which TimeML does not mark as time expressions.

A year that ends a name given in the text (``a joint venture called Orion 1980``, ``an exercise
dubbed Shield 2016``, ``Romney 2012 Inc.``) names a company, plan or operation rather than
dating anything in the clause; the TimeML and TIDES guidelines leave time words inside proper
names unmarked. The name must be announced as one (``called``, ``named``, ``dubbed``,
``known as`` before it) or be a company's (``Inc.``, ``Ltd.`` after it): a capitalised word
before a year is not enough, for in ``the Democratic 2016 candidate``, ``Syria's war in Aleppo
2014`` or ``Memorial Day 2019`` the year still dates what follows or precedes it.
"""

from __future__ import annotations

import re

__all__ = ["year_in_name"]

#: Words that introduce a name: "a company called", "an operation dubbed", "known as".
_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled", "codenamed",
                     "code-named", "renamed", "as"})
#: A company-form suffix right after the year: "Romney 2012 Inc.", "Orion 1980 Ltd".
_COMPANY_AFTER = re.compile(r",?\s(?:Inc|Ltd|Corp|Co|LLC|PLC|Plc|GmbH|AG|SA|S\.A)\b")
#: How many capitalised words a name may hold before its year.
_MAX_NAME_WORDS = 4


def year_in_name(text: str, start: int, end: int | None = None) -> bool:
    """Whether the year at ``start`` (ending at ``end``) closes a name (see the module
    docstring). A scan back over at most 80 characters, word by word."""
    words = text[max(0, start - 80):start].split(" ")
    if len(words) < 2 or words[-1] != "":
        return False  # one space exactly before the year: "Orion 1980"
    words.pop()
    name = 0
    while words and name < _MAX_NAME_WORDS and _capitalised(words[-1]):
        words.pop()
        name += 1
    if not name or not words:
        return False
    before = words[-1].lower()
    if before in _NAMING and (before != "as" or (len(words) > 1 and words[-2].lower() in (
            "known", "named", "dubbed"))):
        return True
    return end is not None and _COMPANY_AFTER.match(text, end) is not None


def _capitalised(word: str) -> bool:
    """A word of a name: it opens with a capital and holds no sentence stop or quote."""
    return bool(word) and word[0].isupper() and word.replace("-", "").replace("'", "").isalnum()
