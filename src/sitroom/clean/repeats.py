"""Text repeated at the end: ``... Hurriyet newspaper reported. reported.``

Scrapers and copy-paste sometimes duplicate the last words of a paragraph. The repeat is
recognised by form: the paragraph ends with a run of words, finished by sentence punctuation,
that immediately follows an identical run. Requiring the punctuation on both copies keeps
ordinary doublings (``no, no.``, ``very very``) intact.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\S+")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_MAX_REPEAT_WORDS = 40
_CHARS_PER_WORD = 40  # generous: the window must hold 80 words of any language


def trailing_repeat_start(text: str, end: int | None = None) -> int | None:
    """Offset where a duplicated run ending ``text[:end]`` begins, or None.

    Repeated duplicates (``x. x. x.``) are found by calling again with a smaller ``end``.
    """
    tokens = _tail_tokens(text, len(text) if end is None else end)
    words = [word for _start, word in tokens]
    if not words or not _ENDS_SENTENCE.search(words[-1]):
        return None
    for size in range(1, min(_MAX_REPEAT_WORDS, len(words) // 2) + 1):
        if words[-size:] == words[-2 * size : -size]:
            return tokens[-size][0]
    return None


def strip_trailing_repeats(text: str) -> int:
    """Length of ``text`` once every duplicated trailing run, and the space before it, is
    removed."""
    end = len(text)
    while True:
        start = trailing_repeat_start(text, end)
        if start is None:
            return end
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1


def _tail_tokens(text: str, end: int) -> list[tuple[int, str]]:
    """The last tokens of ``text`` (enough for two copies of the longest run) with their
    offsets; only the tail is read, so a huge paragraph costs no more than a short one."""
    window = 2 * _MAX_REPEAT_WORDS * _CHARS_PER_WORD
    start = max(0, end - window)
    tokens = [(match.start(), match.group()) for match in _TOKEN.finditer(text, start, end)]
    if start > 0 and tokens and not text[start - 1].isspace():
        tokens = tokens[1:]  # cut through the middle of a word
    return tokens[-2 * _MAX_REPEAT_WORDS :]
