"""The first of two joined amounts whose unit is said once: ``two`` in ``two to six days``.

English says the unit once when two amounts share it: ``between two and six days``, ``the
second and fourth quarters``, ``one or two weeks``. Each amount still names a time of its own,
and TimeML marks each as a TIMEX3 (the way this extractor already marks ``6`` and ``8
December`` in ``between 6 and 8 December``): the first is the bare number, valued with the
unit of the expression that follows (``two`` is ``P2D``, ``second`` is ``XXXX-Q2`` beside a
set of fourth quarters).

:func:`elided_amounts` reads the expressions already found: for each one that opens with an
amount (``six days``, ``fourth quarters``) right after ``N and``, ``N or``, ``N to`` or ``N
through``, where ``N`` is a bare amount of the same kind that nothing has claimed, it gives
``N`` the value of the following expression with the amount swapped. An expression hanging
on an event (``two to three days after the vote``) is left alone: its relation is the
following amount's only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .timex_lexicon import NUMBER_WORDS, ORDINALS
from .timex_rules import Reading

__all__ = ["elided_amounts"]

#: Words that join two amounts sharing one unit.
_JOINS = frozenset({"and", "or", "to", "through"})
#: How far back the joined amount may start (``twenty-five to thirty days``).
_REACH = 30
#: A duration value with one amount: ``P6D``, ``PT3H``, ``P1.5Y``.
_DURATION = re.compile(r"^P(T?)(\d+(?:\.\d+)?)([A-Z])$")
#: A quarter or half with its number: ``1989-Q4``, ``XXXX-Q4``, ``1990-H2``.
_PERIOD = re.compile(r"^((?:\d{4}|XXXX)-[QH])([1-4])$")


def elided_amounts(text: str, found: Sequence[tuple[int, int, Reading]],
                   ) -> list[tuple[int, int, Reading]]:
    """The bare first amounts (``two`` in ``two to six days``) of the expressions ``found``
    (sorted, never overlapping), as more (start, end, reading) triples."""
    extra: list[tuple[int, int, Reading]] = []
    claimed_until = 0
    for start, end, reading in found:
        joined = _joined_amount(text, start, claimed_until)
        claimed_until = end
        if joined is None or reading.value is None or reading.relation is not None:
            continue
        first_start, first_end, first_word = joined
        second_word = text[start:end].split()[0].split("-")[0].lower()
        value = _swapped(reading.value, first_word, second_word)
        if value is not None:
            extra.append((first_start, first_end, Reading(reading.type, value,
                                                          reading.precision)))
    return extra


def _joined_amount(text: str, start: int, claimed_until: int) -> tuple[int, int, str] | None:
    """The bare amount before ``start`` joined to it (``two`` in ``two to six``), as (start,
    end, the word lower-cased), when no expression already holds it."""
    low = max(claimed_until, start - _REACH)
    before = text[low:start]
    words = before.split()
    if len(words) < 2 or not before.endswith(" ") or words[-1].lower() not in _JOINS:
        return None
    word = words[-2].lower()
    if not (word.isdigit() or word in NUMBER_WORDS or word in ORDINALS) or word in ("a", "an"):
        return None
    stripped = before.rstrip()
    rest = stripped[:len(stripped) - len(words[-1])].rstrip()
    first_end = low + len(rest)
    first_start = first_end - len(words[-2])
    if first_start > 0 and (text[first_start - 1].isalnum() or text[first_start - 1] in "-.,$"):
        return None  # "1,200 to": part of a longer number, not a bare amount
    return first_start, first_end, word


def _swapped(value: str, first: str, second: str) -> str | None:
    """``value`` (of the expression opening with ``second``) with ``first`` put in its place:
    ``P6D`` with two for six is ``P2D``; ``XXXX-Q4`` with second for fourth is ``XXXX-Q2``."""
    if first in ORDINALS and second in ORDINALS:
        period = _PERIOD.match(value)
        if period is None or int(period[2]) != ORDINALS[second] or ORDINALS[first] > 4:
            return None
        return f"{period[1]}{ORDINALS[first]}"
    first_amount, second_amount = _cardinal(first), _cardinal(second)
    duration = _DURATION.match(value)
    if duration is None or first_amount is None or not second_amount:
        return None
    # Keep the unit's scale: "two to three decades" is P20Y beside P30Y.
    amount = float(duration[2]) * first_amount / second_amount
    if amount <= 0 or amount != int(amount):
        return None
    return f"P{duration[1]}{int(amount)}{duration[3]}"


def _cardinal(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    if word in ORDINALS:
        return None
    return NUMBER_WORDS.get(word)
