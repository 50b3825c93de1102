"""Years that are part of a name, which TimeML does not mark as time expressions.

A year written straight after a capitalised word in mid-sentence belongs to that word: it names
a company, product, plan or event (``a joint venture called Orion 1980``, ``Vision 2030``,
``Euro 2016``) rather than dating anything in the clause. The TimeML and TIDES guidelines leave
time words inside proper names unmarked.

Not a name: a capitalised word that itself says when (``January 1990``, ``Christmas 1990``,
``Fiscal 1989``), one that starts its sentence (``Since 1990``, ``By 2030``: a capitalised
preposition), or an abbreviation with dots or an acronym (``the U.S. 1990 budget``, ``IBM
1990 earnings``: there the year dates the noun after it).
"""

from __future__ import annotations

__all__ = ["year_in_name"]

#: Capitalised words before a year that are themselves times or periods, or that open a
#: time phrase in a title ("Spring 1990", "Fiscal 1989", "Class of"... is not adjacent).
_TIME_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
    "fiscal", "year", "calendar", "early", "late", "mid", "end", "in", "since", "by", "until",
    "till", "before", "after", "from", "during", "through", "of", "for", "about", "around",
    "circa", "and", "or", "to", "between", "fy", "ramadan", "eid", "hanukkah", "diwali",
})
_OPENERS = (".", "!", "?", ":", ";", '"', "“", "'", "’", "`", "(", "[", "—", "–")


def year_in_name(text: str, start: int) -> bool:
    """Whether the year starting at ``start`` follows a capitalised word that makes it part
    of a name (see the module docstring). A scan back over at most 40 characters, no regex."""
    head = text[max(0, start - 40):start]
    if not head.endswith(" ") or head.endswith("  "):
        return False  # one space exactly: "Orion 1980", not "Orion, 1980" or a line break
    head = head[:-1]
    at = len(head)
    while at > 0 and head[at - 1].isalpha():
        at -= 1
    word = head[at:]
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False  # not a capitalised word (an acronym, a number, "U.S.")
    if word.lower() in _TIME_WORDS or at == 0 or head[at - 1] != " ":
        return False  # a time word, or glued to what precedes it ("mid-", "O'")
    previous = head[:at].rstrip(" ")
    return bool(previous) and not previous.endswith(("\n", *_OPENERS))
