"""Per-document cleaning: page residue out, whitespace normalised, sentence breaks restored.

The steps, in order (each keeps exact offsets back to the input through a TextBuilder):

1. split into lines; drop lines in the outlet's ``boilerplate`` set (see
   :mod:`.boilerplate`), widget lines (``+ ↺ − 16 px``, ``Share``), promotion lines
   (newsletter, share, cookie ...) and the promotion block closing the document;
2. cut widget tokens glued to a line's edges;
3. join lines into paragraphs: a blank line always ends a paragraph; a single line break
   ends one too, unless the text is hard-wrapped (most lines inside blocks stop mid-sentence)
   or the next line obviously continues the sentence (it starts in lower case);
4. drop duplicated trailing words (``reported. reported.``), paragraphs that repeat the one
   before them, and trailing paragraphs that repeat an earlier one;
5. write paragraphs separated by one blank line; inside a paragraph every run of whitespace
   becomes one space and invisible characters (zero-width space, soft hyphen) go; a space is
   inserted where sentences were run together (``explained.He`` -> ``explained. He``), and
   every :data:`MAX_WORD_CHARS` characters of a run without a blank longer than that.

Letters are never rewritten: diacritics, spelling, quote marks and dashes stay as they were.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from .lines import INVISIBLE, Line, iter_lines, normalize_line
from .offsets import OffsetMap, TextBuilder
from .repeats import strip_trailing_repeats
from .residue import is_promo_line, is_ui_line, trailing_block_start, trim_ui_edges
from .sentences import missing_boundaries

# Spacing that needs rewriting: any run other than one plain space (a single space is copied
# along with the words around it, which keeps the offset map short).
_ODD_SPACING = re.compile(r"[\s\u200b\ufeff\u00ad\u2060]{2,}|[^\S ]|[\u200b\ufeff\u00ad\u2060]")
_BLANK_LINE = re.compile(r"(?:\r\n|[\r\n\u2028\u2029\x0b\x0c\x85])[^\S\r\n]*(?:\r\n|[\r\n\u2029])")
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’»)\]]*$")
_PARAGRAPH_BREAK = "\n\n"
_HARD_WRAP_SHARE = 0.6
_MIN_REPEAT_WORDS = 5


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaned text and the map from its offsets to the input's."""

    text: str
    offsets: OffsetMap


def clean_text(text: str, boilerplate: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one document's text (see the module docstring for the steps).

    ``boilerplate`` holds lines to drop, in any form: they are compared after
    :func:`~sitroom.clean.lines.normalize_line`.
    """
    keys = frozenset(normalize_line(line) for line in boilerplate)
    lines = _content_lines(text, keys)
    paragraphs = _drop_repeated(text, _trim_repeats(text, _paragraphs(text, lines)))
    builder = TextBuilder(text)
    previous_end: int | None = None
    for start, end in paragraphs:
        if previous_end is not None:
            builder.insert(_PARAGRAPH_BREAK, previous_end)
        _write_paragraph(builder, text, start, end)
        previous_end = end
    cleaned, offsets = builder.build()
    return Cleaned(cleaned, offsets)


def _content_lines(text: str, boilerplate: frozenset[str]) -> list[Line]:
    lines = [
        line
        for line in iter_lines(text)
        if normalize_line(line.text) not in boilerplate
        and not is_ui_line(line.text)
        and not is_promo_line(line.text)
    ]
    # Trimming edges first lets a line that was all widgets plus a promo cue disappear too.
    trimmed = [kept for line in lines if (kept := trim_ui_edges(line)) is not None]
    return trimmed[: trailing_block_start(trimmed)]


def _paragraphs(text: str, lines: list[Line]) -> list[tuple[int, int]]:
    """Raw spans of paragraphs, each one or more consecutive lines."""
    if not lines:
        return []
    hard_wrapped = _is_hard_wrapped(text, lines)
    spans: list[tuple[int, int]] = [(lines[0].start, lines[0].end)]
    for previous, line in pairwise(lines):
        gap = text[previous.end : line.start]
        adjacent = _BLANK_LINE.search(gap) is None and _only_whitespace(gap)
        continues = not _ENDS_SENTENCE.search(previous.text) and line.text[:1].islower()
        if adjacent and (hard_wrapped or continues):
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
    return spans


def _is_hard_wrapped(text: str, lines: list[Line]) -> bool:
    """True when most lines followed by another line of the same block stop mid-sentence,
    as in text wrapped at a fixed width."""
    inside = [
        previous
        for previous, line in pairwise(lines)
        if _BLANK_LINE.search(text, previous.end, line.start) is None
    ]
    if len(inside) < 3:
        return False
    open_ended = sum(1 for line in inside if not _ENDS_SENTENCE.search(line.text))
    return open_ended / len(inside) >= _HARD_WRAP_SHARE


def _only_whitespace(gap: str) -> bool:
    return all(char.isspace() or char in INVISIBLE for char in gap)


def _trim_repeats(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    trimmed: list[tuple[int, int]] = []
    for start, end in spans:
        kept = strip_trailing_repeats(text[start:end])
        if kept > 0:
            trimmed.append((start, start + kept))
    return trimmed


def _drop_repeated(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Without paragraphs equal to the one before, and without trailing paragraphs (of a
    few words at least) that repeat an earlier paragraph."""
    keys = [normalize_line(text[start:end]) for start, end in spans]
    kept = [index for index, key in enumerate(keys) if index == 0 or key != keys[index - 1]]
    while len(kept) > 1:
        last = keys[kept[-1]]
        earlier = {keys[index] for index in kept[:-1]}
        if len(last.split()) < _MIN_REPEAT_WORDS or last not in earlier:
            break
        kept.pop()
    return [spans[index] for index in kept]


def _write_paragraph(builder: TextBuilder, text: str, start: int, end: int) -> None:
    """Copy ``text[start:end]`` with whitespace collapsed and sentence breaks restored."""
    paragraph = text[start:end]
    breaks = sorted(
        start + offset
        for offset in {*missing_boundaries(paragraph), *_overlong_word_breaks(paragraph)}
    )
    position = start
    for run in _ODD_SPACING.finditer(text, start, end):
        _copy_with_breaks(builder, position, run.start(), breaks)
        spacing = run.group()
        if spacing.startswith(" "):
            builder.copy(run.start(), run.start() + 1)
        elif any(char.isspace() for char in spacing):
            builder.insert(" ", run.start())
        position = run.end()
    _copy_with_breaks(builder, position, end, breaks)


#: No word, number or address is longer; a run without a blank that is gets a space after
#: every so many characters. spaCy's tokenizer splits a run's punctuation off one mark at a
#: time, in time that grows with the square of the run: 40,000 characters of ``!?.,;:-``
#: took 2 CPU s, a whole article of them minutes.
MAX_WORD_CHARS = 1_000


def _overlong_word_breaks(paragraph: str) -> list[int]:
    return [
        offset
        for run in re.finditer(r"\S+", paragraph)
        if len(run.group()) > MAX_WORD_CHARS
        for offset in range(run.start() + MAX_WORD_CHARS, run.end(), MAX_WORD_CHARS)
    ]


def _copy_with_breaks(builder: TextBuilder, start: int, end: int, breaks: list[int]) -> None:
    first = bisect_right(breaks, start)
    for position in breaks[first : bisect_left(breaks, end)]:
        if start < position < end:
            builder.copy(start, position)
            builder.insert(" ", position)
            start = position
    builder.copy(start, end)
