"""Weekdays inside the names of special days: ``Good Friday``, ``Black Friday``, ``Bloody
Sunday``, ``Super Tuesday``.

Read alone, the weekday of such a name would be valued as the nearest Friday or Sunday, which
is not the day meant. The words that form these names are data
(``data/timex/weekday_name_words.txt``); a holiday among them whose day can be computed
(``Good Friday``) is read whole by :mod:`.timex_holidays`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["weekday_in_name"]

DATA_FILE = "timex/weekday_name_words.txt"


@cache
def _name_words() -> frozenset[str]:
    text = resources.files("sitroom.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines()
                     if (word := line.split("#", 1)[0].strip()))


def weekday_in_name(text: str, start: int) -> bool:
    """Whether the weekday at ``start`` follows one of the name-forming words and a blank
    (``Good Friday``)."""
    before = text[max(0, start - 12):start]
    if not before.endswith((" ", "\t")):
        return False
    words = before.split()
    return bool(words) and words[-1] in _name_words()
