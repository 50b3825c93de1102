"""Offset bookkeeping between a raw text and its cleaned form.

Cleaning deletes residue, collapses whitespace and inserts sentence breaks, yet extractors
must report offsets into the raw file so they line up with external annotations. Every
cleaning step therefore builds its output with a :class:`TextBuilder`, which records for each
run of output characters where it came from; the resulting :class:`OffsetMap` converts
cleaned offsets back to raw ones, and maps compose across steps.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets of a cleaned text to offsets of its source text.

    ``segments`` holds ``(clean_start, raw_start, length, copied)``: ``copied`` segments were
    taken verbatim (offset i inside maps to raw_start + i); inserted segments map every
    offset inside them to ``raw_start``.
    """

    segments: tuple[tuple[int, int, int, bool], ...]
    clean_length: int
    raw_length: int

    @staticmethod
    def identity(length: int) -> OffsetMap:
        return OffsetMap(((0, 0, length, True),), length, length)

    def to_raw(self, offset: int) -> int:
        """Raw offset of the cleaned ``offset`` (``clean_length`` maps to ``raw_length``)."""
        if offset >= self.clean_length:
            return self.raw_length
        if offset <= 0 or not self.segments:
            return self.segments[0][1] if self.segments and offset <= 0 else 0
        starts = [s[0] for s in self.segments]
        index = bisect_right(starts, offset) - 1
        clean_start, raw_start, length, copied = self.segments[index]
        inside = offset - clean_start
        if inside >= length:  # between segments: point at the end of this one
            return raw_start + (length if copied else 0)
        return raw_start + inside if copied else raw_start

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of a cleaned span; ``end`` maps the last character, so a span
        never swallows residue removed after it."""
        raw_start = self.to_raw(start)
        raw_end = self.to_raw(end - 1) + 1 if end > start else raw_start
        return raw_start, max(raw_start, raw_end)

    def then(self, later: OffsetMap) -> OffsetMap:
        """The map of a two-step cleaning: ``later`` maps step-2 text to step-1 text, ``self``
        maps step-1 text to raw. The result maps step-2 text straight to raw."""
        segments: list[tuple[int, int, int, bool]] = []
        for clean_start, mid_start, length, copied in later.segments:
            if not copied:
                segments.append((clean_start, self.to_raw(mid_start), length, False))
                continue
            # Split the copied run wherever it crosses a segment boundary of ``self``.
            position = 0
            while position < length:
                mid = mid_start + position
                raw = self.to_raw(mid)
                run = self._copied_run_length(mid, length - position)
                if run == 0:
                    segments.append((clean_start + position, raw, 1, False))
                    position += 1
                else:
                    segments.append((clean_start + position, raw, run, True))
                    position += run
        return OffsetMap(tuple(segments), later.clean_length, self.raw_length)

    def _copied_run_length(self, offset: int, limit: int) -> int:
        """How many characters from ``offset`` on are copied verbatim within one segment."""
        if not self.segments or offset >= self.clean_length:
            return 0
        starts = [s[0] for s in self.segments]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return 0
        clean_start, _raw, length, copied = self.segments[index]
        if not copied or offset >= clean_start + length:
            return 0
        return min(limit, clean_start + length - offset)


class TextBuilder:
    """Builds a cleaned text piece by piece while recording an :class:`OffsetMap`."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int, bool]] = []
        self._length = 0

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end <= start:
            return
        piece = self._source[start:end]
        last = self._segments[-1] if self._segments else None
        if last and last[3] and last[0] + last[2] == self._length and last[1] + last[2] == start:
            self._segments[-1] = (last[0], last[1], last[2] + len(piece), True)
        else:
            self._segments.append((self._length, start, len(piece), True))
        self._parts.append(piece)
        self._length += len(piece)

    def insert(self, text: str, at: int) -> None:
        """Append ``text`` that is not in the source; it maps to source offset ``at``."""
        if not text:
            return
        self._segments.append((self._length, at, len(text), False))
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        text = "".join(self._parts)
        return text, OffsetMap(tuple(self._segments), len(text), len(self._source))
