"""Whether a text can hold any match of a pattern, from the literal strings every match holds.

The time rules are tried at each word start whose first characters could begin a match
(:mod:`.wordscan`), and 99 tries in 100 fail: on 200 AllSides articles about two fifths of
the 2.3 million tries were of rules whose key word (``ago``, ``fiscal``, a month's name) the
article does not contain at all. :func:`factors_of` reads from a pattern's parse, once, a
few literal strings of which every match must contain one; :class:`LiteralGate` says, per
text, whether the text contains any of them. A text without one holds no match, so the
pattern need not be tried anywhere in it.

A factor that ignores case is looked for in the lower-cased text. That answers exactly as
the pattern would only while every character that matches an ASCII character ignoring case
is itself ASCII; the few that are not (the Kelvin sign matches ``k``, the long s matches
``s``) are found per text with the regular-expression engine's own rule, and a text that
holds one is never ruled out by a factor that ignores case.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python's internals
    _parser = _c = None

#: A literal string a match must contain, and whether it is matched ignoring case.
Factor = tuple[str, bool]

#: A non-ASCII character that matches some ASCII character ignoring case (``K``, ``ſ``).
_ASCII_CASE_TWIN = re.compile(r"(?i:[\x00-\x7f])")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class LiteralGate:
    """Answers, for one text, whether a pattern's factors leave any match possible."""

    __slots__ = ("_found", "_lowered", "_twins", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._twins: bool | None = None
        self._found: dict[Factor, bool] = {}

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False only when no match of ``pattern`` can be in the text."""
        factors = factors_of(pattern)
        if factors is None:
            return True
        return any(self._holds(factor) for factor in factors)

    def _holds(self, factor: Factor) -> bool:
        known = self._found.get(factor)
        if known is None:
            literal, ignore_case = factor
            if not ignore_case:
                known = literal in self.text
            elif self._has_case_twins():
                known = True  # cannot rule it out by lower-casing
            else:
                if self._lowered is None:
                    self._lowered = self.text.lower()
                known = literal.lower() in self._lowered
            self._found[factor] = known
        return known

    def _has_case_twins(self) -> bool:
        if self._twins is None:
            self._twins = any(_ASCII_CASE_TWIN.fullmatch(char) is not None
                              for char in set(_NON_ASCII.findall(self.text)))
        return self._twins


@lru_cache(maxsize=512)
def factors_of(pattern: re.Pattern[str]) -> frozenset[Factor] | None:
    """Literal ASCII strings of which every match of ``pattern`` contains at least one, or
    None when the pattern's parse does not tell (then every text may hold a match)."""
    if _parser is None or not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = _in_sequence(list(parsed.data), parsed.state.flags)
    except (re.error, AttributeError, TypeError, ValueError):
        return None
    return frozenset(found) if found else None


def _in_sequence(items: list[Any], flags: int) -> set[Factor] | None:
    """Every item of a sequence is matched, so any one item's factors serve: the runs of
    literal characters and the factors of each other item, the rarest kept (the one whose
    shortest string is longest)."""
    choices: list[set[Factor]] = []
    run = ""
    for item in items:
        op, av = item
        if op is _c.LITERAL and av < 0x80:
            run += chr(av)
            continue
        if run:
            choices.append({(run, bool(flags & re.IGNORECASE))})
            run = ""
        if op is _c.LITERAL:
            continue  # a non-ASCII character: the lower-casing argument does not cover it
        found = _in_item(item, flags)
        if found:
            choices.append(found)
    if run:
        choices.append({(run, bool(flags & re.IGNORECASE))})
    if not choices:
        return None
    return max(choices, key=lambda found: (min(len(text) for text, _ in found), -len(found)))


def _in_item(item: Any, flags: int) -> set[Factor] | None:
    op, av = item
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _in_sequence(list(sub.data), (flags | add_flags) & ~del_flags)
    if op is _c.BRANCH:
        # One alternative is matched: each must bring factors, and any of theirs serves.
        found: set[Factor] = set()
        for alternative in av[1]:
            more = _in_sequence(list(alternative.data), flags)
            if not more:
                return None
            found |= more
        return found
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _, sub = av
        return _in_sequence(list(sub.data), flags) if low >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _in_sequence(list(av.data), flags)
    # Lookarounds and anchors consume nothing of the match; classes, back-references and
    # the rest bring no literal string.
    return None
