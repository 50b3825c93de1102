"""The line around an offset, found by bisection instead of a scan of the text.

The quote extractor bounds much of what it looks at by the paragraph (line) a cue or quote
sits in, and found it with ``text.rfind("\\n", 0, offset)`` and ``text.find("\\n", offset)``:
in an article written as one line, each look scanned the text from the offset to its ends,
so thousands of quotes in one line cost the square of the article (10,700 quotes in 300,000
characters: 2.7 CPU s of scanning alone). The line breaks of a text are listed once (for the
last few texts seen) and each look bisects them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache


@lru_cache(maxsize=4)
def _line_breaks(text: str) -> tuple[int, ...]:
    # A str caches its hash and compares by identity first, so a hit costs no scan.
    return tuple(found.start() for found in re.finditer("\n", text))


def line_around(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the line holding ``offset``: the same as
    ``(text.rfind("\\n", 0, offset) + 1, text.find("\\n", offset))`` with ``len(text)`` for
    an end not found."""
    breaks = _line_breaks(text)
    at = bisect.bisect_left(breaks, offset)
    start = breaks[at - 1] + 1 if at else 0
    return start, breaks[at] if at < len(breaks) else len(text)


def next_line_break(text: str, offset: int) -> int:
    """``text.find("\\n", offset)``: the first line break at or after ``offset``, or -1."""
    breaks = _line_breaks(text)
    at = bisect.bisect_left(breaks, offset)
    return breaks[at] if at < len(breaks) else -1
