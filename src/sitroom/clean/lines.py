"""Lines of a text with their offsets, and the normal form used to compare them.

Cleaning decides line by line what is page residue, so every step needs each line's exact
span in the input; boilerplate detection compares lines across documents, so it needs a form
that ignores differences a reader would not see (spacing, case).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Every line break a text may carry: Windows, old Mac, Unix, and the Unicode separators.
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")
# Characters that take no room on screen; they must not make two equal lines differ.
INVISIBLE = frozenset("\u200b\ufeff\u00ad\u2060")
_SPACE_OR_INVISIBLE = re.compile(r"[\s\u200b\ufeff\u00ad\u2060]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``text[start:end]`` with surrounding whitespace left out."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def iter_lines(text: str) -> Iterator[Line]:
    """Every line of ``text`` that has visible content, stripped, in order."""
    position = 0
    for match in _LINE_BREAK.finditer(text):
        line = _stripped(text, position, match.start())
        if line is not None:
            yield line
        position = match.end()
    line = _stripped(text, position, len(text))
    if line is not None:
        yield line


def normalize_line(line: str) -> str:
    """The comparison form of a line: spacing collapsed, invisible characters dropped,
    case folded."""
    return " ".join(_SPACE_OR_INVISIBLE.sub(" ", line).split()).casefold()


def _stripped(text: str, start: int, end: int) -> Line | None:
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in INVISIBLE):
        end -= 1
    if start == end:
        return None
    return Line(start, end, text[start:end])
