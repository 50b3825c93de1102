"""``pattern.finditer(text)`` for patterns that only match where a word starts, faster.

Python's ``re`` skips quickly through text only when a pattern begins with a literal or a
character class. The time-expression rules begin with a lookbehind, ``(?<![\\w'’.-])``, so
the engine tried each of them at every character of an article: with 84 rules that was two
fifths of the annotation's CPU time beyond the parse (30 ms of 75 per AllSides article).

:class:`WordScanner` gives exactly the matches ``pattern.finditer(text)`` gives. It reads a
pattern's parse once to learn which characters its leading lookbehind rules out and which
one or two characters a match can begin with. Once per text it finds the positions the
lookbehind allows (those after a non-word character serve every lookbehind that excludes
word characters), grouped by the two characters there; the pattern is then tried only at
the positions whose characters can begin a match (``pattern.match(text, position)``, whose
lookbehind still sees the text before the position). Tried in text order, skipping
positions inside the last match, this is what ``finditer`` does: it tries every position in
turn, and the positions left out cannot begin a match.

Before any of that, a pattern whose every match needs a literal string the text lacks
(:mod:`.literal_gate`: ``ago``, ``fiscal``, a month's name) is not tried at all.

Patterns the analysis cannot vouch for (one that could match the empty string, one that
begins with a negated class or ``.``, a back-reference, ``re.ASCII`` / ``re.LOCALE``, or no
leading one-character negative lookbehind) are scanned with plain ``finditer``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain
from typing import Any

from .literal_gate import LiteralGate

# The parser ``re`` itself uses (a private module since Python 3.11): without it every
# pattern is scanned with plain ``finditer``.
try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python's internals
    _parser = _c = None

#: What a category inside a character class is written as in an expression of its own.
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D",
               "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
               "CATEGORY_SPACE": r"\s", "CATEGORY_NOT_SPACE": r"\S"}


class _Unsure(Exception):
    """The pattern holds something the first-character analysis does not handle."""


class WordScanner:
    """Scans one text with many patterns that start where a word may start.

    The positions each distinct leading lookbehind allows are found once per text and
    grouped by the characters there; each pattern is then tried only at the positions whose
    first two characters can begin one of its matches, in text order, skipping those inside
    its last match: what ``finditer`` does, less the positions where no match can begin."""

    __slots__ = ("_after_non_word", "_gate", "_openings", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._gate = LiteralGate(text)
        self._openings: dict[str, dict[str, dict[str, list[list[int]]]]] = {}
        self._after_non_word: dict[tuple[str, str], list[int]] | None = None

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, in the same order."""
        if not self._gate.may_match(pattern):
            return  # the text lacks every literal string a match needs
        plan = _plan(pattern)
        if plan is None:
            yield from pattern.finditer(self.text)
            return
        excluded, first, verdicts, pair, pair_verdicts = plan
        openings = self._openings.get(excluded)
        if openings is None:
            openings = self._openings[excluded] = self._find_openings(excluded)
        lists: list[list[int]] = []
        for char, by_pair in openings.items():
            verdict = verdicts.get(char)
            if verdict is None:
                verdict = verdicts[char] = first.fullmatch(char) is not None
            if not verdict:
                continue
            for two, positions in by_pair.items():
                if pair is not None:
                    # The first two characters: a sharper test than the first alone.
                    possible = pair_verdicts.get(two)
                    if possible is None:
                        possible = pair_verdicts[two] = pair.fullmatch(two) is not None
                    if not possible:
                        continue
                lists.extend(positions)
        if not lists:
            return
        starts = lists[0] if len(lists) == 1 else sorted(chain.from_iterable(lists))
        resume = 0
        match_at = pattern.match
        text = self.text
        for start in starts:
            if start < resume:
                continue
            match = match_at(text, start)
            if match is not None:
                yield match
                resume = match.end()

    def _find_openings(self, excluded: str) -> dict[str, dict[str, list[list[int]]]]:
        """The positions not just after one of the ``excluded`` characters, by the character
        there and then by the two characters there (each a list of sorted lists)."""
        if r"\w" not in excluded:
            return _group(_by_start(_opening_pattern(excluded), self.text).items())
        # Most lookbehinds exclude word characters and a few more: the positions after a
        # non-word character, found once per text with the character before each, serve
        # them all.
        if self._after_non_word is None:
            self._after_non_word = _by_start(_opening_pattern(r"\w"), self.text, before=True)
        allowed = _allowed_before(excluded)
        return _group((two, positions)
                      for (before, two), positions in self._after_non_word.items()
                      if allowed(before))


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for one pattern (see :class:`WordScanner` for many)."""
    return WordScanner(text).finditer(pattern)


def _by_start(opening: re.Pattern[str], text: str, before: bool = False) -> dict[Any, list[int]]:
    """The positions ``opening`` finds, by the two characters there (and, with ``before``,
    the one before them, empty at the start of the text)."""
    found: dict[Any, list[int]] = {}
    for match in opening.finditer(text):
        start = match.start()
        two = text[start:start + 2]
        key = (text[start - 1:start], two) if before else two
        found.setdefault(key, []).append(start)
    return found


def _group(by_two: Iterable[tuple[str, list[int]]]) -> dict[str, dict[str, list[list[int]]]]:
    """Position lists by their first character, then by their first two."""
    found: dict[str, dict[str, list[list[int]]]] = {}
    for two, positions in by_two:
        found.setdefault(two[0], {}).setdefault(two, []).append(positions)
    return found


@lru_cache(maxsize=64)
def _allowed_before(excluded: str) -> Callable[[str], bool]:
    """Whether a character (or the empty start of the text) may stand before an opening."""
    pattern = re.compile("[" + excluded + "]")
    memo: dict[str, bool] = {"": True}

    def allowed(char: str) -> bool:
        known = memo.get(char)
        if known is None:
            known = memo[char] = pattern.fullmatch(char) is None
        return known

    return allowed


@lru_cache(maxsize=64)
def _opening_pattern(excluded: str) -> re.Pattern[str]:
    # The character is consumed first, so the lookbehind spans it and the one before it.
    return re.compile(r"[\s\S](?<![" + excluded + r"][\s\S])")


#: What :func:`_plan` learns of a pattern: the members of its leading lookbehind's class; an
#: expression for a character a match can begin with, and a memo of characters tested with
#: it; an expression for two characters a match can begin with (or one it can be), when the
#: pattern is simple enough to tell, and its memo.
_Plan = tuple[str, re.Pattern[str], dict[str, bool], re.Pattern[str] | None, dict[str, bool]]

#: Beyond this many ways to begin, the two-character test is not worth building.
_MOST_PAIRS = 4000


@lru_cache(maxsize=512)
def _plan(pattern: re.Pattern[str]) -> _Plan | None:
    """What the scanner needs to know of ``pattern``, or None when it is not one this module
    can vouch for."""
    if _parser is None or pattern.flags & (re.ASCII | re.LOCALE) or not isinstance(
            pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        items = list(parsed.data)
        if not items or items[0][0] is not _c.ASSERT_NOT:
            return None
        direction, body = items[0][1]
        behind = list(body.data)
        if direction != -1 or len(behind) != 1 or parsed.state.flags & re.IGNORECASE:
            return None
        excluded = "".join(sorted(_members(behind[0])))  # one key per class, any order
        firsts, nullable = _firsts(items[1:], parsed.state.flags)
    except (_Unsure, re.error, AttributeError, TypeError, ValueError):
        return None
    if nullable or not firsts:
        return None
    first = "|".join(sorted(("(?i:[" if ignore else "(?-i:[") + piece + "])"
                            for piece, ignore in firsts))
    return excluded, re.compile(first), {}, _pair_expression(items[1:], parsed.state.flags), {}


def _pair_expression(items: list[Any], flags: int) -> re.Pattern[str] | None:
    """An expression that every match's first two characters (or whole match, when one
    character long) match in full, or None when the pattern is too varied to tell."""
    try:
        beginnings = _beginnings(items, flags, 2)
    except _Unsure:
        return None
    if () in beginnings:
        return None
    # A match one character long may be followed by anything, or by the end of the text.
    return re.compile("|".join(sorted(
        "".join(way) + (r"[\s\S]?" if len(way) == 1 else "") for way in beginnings)))


def _beginnings(items: list[Any], flags: int, size: int) -> set[tuple[str, ...]]:
    """The ways a match of the sequence ``items`` can begin, each as one-character
    expressions: ``size`` of them, or fewer where the match can end sooner."""
    ended: set[tuple[str, ...]] = set()
    going: set[tuple[str, ...]] = {()}
    for item in items:
        following: set[tuple[str, ...]] = set()
        for way in going:
            for more in _item_beginnings(item, flags, size - len(way)):
                longer = way + more
                (ended if len(longer) == size else following).add(longer)
        going = following
        if len(ended) + len(going) > _MOST_PAIRS:
            raise _Unsure("too many ways to begin")
        if not going:
            break
    return ended | going


def _item_beginnings(item: Any, flags: int, size: int) -> set[tuple[str, ...]]:
    op, av = item
    if op in (_c.LITERAL, _c.IN):
        case = "(?i:[" if flags & re.IGNORECASE else "(?-i:["
        return {(case + "".join(_members(item)) + "])",)}
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _beginnings(list(sub.data), (flags | add_flags) & ~del_flags, size)
    if op is _c.BRANCH:
        return set().union(*(_beginnings(list(alternative.data), flags, size)
                             for alternative in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, high, sub = av
        if low > 20:
            raise _Unsure("long repeat")
        once = _beginnings(list(sub.data), flags, size)
        found: set[tuple[str, ...]] = set()
        ways: set[tuple[str, ...]] = {()}
        # After ``low + size`` copies a further copy adds no new beginning: each adds a
        # character or none, and ``size`` characters are all that is kept.
        for copies in range(min(high, low + size) + 1):
            if copies >= low:
                found |= ways
            ways = {(way + more)[:size] for way in ways for more in once}
            if len(ways) > _MOST_PAIRS:
                raise _Unsure("too many ways to begin")
        return found
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _beginnings(list(av.data), flags, size)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {()}  # zero-width: they narrow where a match may go, never widen it
    raise _Unsure(str(op))


def _firsts(items: list[Any], flags: int) -> tuple[set[tuple[str, bool]], bool]:
    """Character-class members (each with whether it ignores case) covering every character
    a match of the sequence ``items`` can begin with, and whether the sequence can match the
    empty string."""
    found: set[tuple[str, bool]] = set()
    for item in items:
        more, nullable = _first_of(item, flags)
        found |= more
        if not nullable:
            return found, False
    return found, True


def _first_of(item: Any, flags: int) -> tuple[set[tuple[str, bool]], bool]:
    op, av = item
    if op in (_c.LITERAL, _c.IN):
        ignore = bool(flags & re.IGNORECASE)
        return {(piece, ignore) for piece in _members(item)}, False
    if op is _c.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return _firsts(list(sub.data), (flags | add_flags) & ~del_flags)
    if op is _c.BRANCH:
        found: set[tuple[str, bool]] = set()
        any_nullable = False
        for alternative in av[1]:
            more, nullable = _firsts(list(alternative.data), flags)
            found |= more
            any_nullable = any_nullable or nullable
        return found, any_nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        low, _, sub = av
        more, nullable = _firsts(list(sub.data), flags)
        return more, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _firsts(list(av.data), flags)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        # Zero-width: they only narrow where a match may start, never widen it.
        return set(), True
    raise _Unsure(str(op))


def _members(item: Any) -> list[str]:
    """A literal or a (non-negated) class as the members of a character class."""
    op, av = item
    if op is _c.LITERAL:
        return [_escape(av)]
    if op is _c.IN:
        parts: list[str] = []
        for part_op, part_av in av:
            if part_op is _c.LITERAL:
                parts.append(_escape(part_av))
            elif part_op is _c.RANGE:
                parts.append(_escape(part_av[0]) + "-" + _escape(part_av[1]))
            elif part_op is _c.CATEGORY and str(part_av) in _CATEGORIES:
                parts.append(_CATEGORIES[str(part_av)])
            else:
                raise _Unsure(str(part_op))
        return parts
    raise _Unsure(str(op))


def _escape(code: int) -> str:
    return "\\" + f"U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"
