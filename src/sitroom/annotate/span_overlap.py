"""Whether a character range overlaps (or lies within) any of a set of ranges, in
logarithmic time.

Checking a candidate against every range already kept costs the product of the two counts:
an article of thousands of repeated names checked each bare surname against every mention
(10,700 of each in 300,000 characters: 5 CPU s). The ranges are sorted by start once, with
the furthest end reached by any range up to each one; a range ``[start, end)`` overlaps one
of them exactly when some range starting before ``end`` reaches past ``start``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from itertools import accumulate


class Ranges:
    """A fixed set of half-open character ranges ``(start, end)``."""

    __slots__ = ("_ends", "_order", "_reach", "_starts")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        given = list(ranges)
        self._order = sorted(range(len(given)), key=lambda i: given[i])
        self._starts = [given[i][0] for i in self._order]
        self._ends = [given[i][1] for i in self._order]
        self._reach = list(accumulate(self._ends, max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with one of the ranges: the same as
        ``not all(end <= s or start >= e for s, e in ranges)``."""
        before_end = bisect.bisect_left(self._starts, end)
        return before_end > 0 and self._reach[before_end - 1] > start

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in the order given, ascending) of the ranges sharing a character with
        ``[start, end)``. Walks back from the last range starting before ``end`` only while
        some earlier range still reaches past ``start``: the ranges overlapping, plus those
        lying under a longer one that does."""
        found: list[int] = []
        j = bisect.bisect_left(self._starts, end) - 1
        while j >= 0 and self._reach[j] > start:
            if self._ends[j] > start:
                found.append(self._order[j])
            j -= 1
        return sorted(found)

    def encloses(self, start: int, end: int) -> bool:
        """Whether one of the ranges holds ``[start, end)`` whole: the same as
        ``any(s <= start and end <= e for s, e in ranges)``. Of the ranges starting at or
        before ``start``, the one reaching furthest decides."""
        at_or_before = bisect.bisect_right(self._starts, start)
        return at_or_before > 0 and self._reach[at_or_before - 1] >= end

    def enclosing(self, start: int, end: int) -> list[int]:
        """Positions (in the order given, ascending) of the ranges holding ``[start, end)``
        whole. Walks back from the last range starting at or before ``start`` only while
        some earlier range still reaches ``end``."""
        found: list[int] = []
        j = bisect.bisect_right(self._starts, start) - 1
        while j >= 0 and self._reach[j] >= end:
            if self._ends[j] >= end:
                found.append(self._order[j])
            j -= 1
        return sorted(found)


class RisingWindows:
    """The ranges that overlap each of a series of windows asked in text order (neither a
    window's start nor its end ever moves back), such as an article's sentences in turn.

    Each range enters once, when a window first reaches its start, and leaves once, when
    windows have passed its end, so a pass over the article costs the ranges plus, per
    window, the ranges overlapping it; asking every window about every range cost their
    product (thousands of quotes holding an event in one article).
    """

    __slots__ = ("_active", "_by_start", "_entered", "_ranges")

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._ranges = ranges
        self._by_start = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
        self._entered = 0
        self._active: list[int] = []

    def overlapping(self, low: int, high: int) -> list[int]:
        """Positions, in their original order, of the ranges overlapping ``[low, high)`` (a
        superset of those holding any offset of it)."""
        while self._entered < len(self._by_start):
            nearest = self._by_start[self._entered]
            if self._ranges[nearest][0] >= high:
                break
            self._active.append(nearest)
            self._entered += 1
        self._active = [i for i in self._active if self._ranges[i][1] > low]
        return sorted(self._active)
