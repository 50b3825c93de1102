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


def trailing_repeat_start(text: str) -> int | None:
    """Offset in ``text`` where a duplicated trailing run begins, or None.

    Repeated duplicates (``x. x. x.``) are found by calling again on the shortened text.
    """
    tokens = list(_TOKEN.finditer(text))
    words = [token.group() for token in tokens]
    if not words or not _ENDS_SENTENCE.search(words[-1]):
        return None
    for size in range(1, min(_MAX_REPEAT_WORDS, len(words) // 2) + 1):
        if words[-size:] == words[-2 * size : -size]:
            return tokens[-size].start()
    return None


def strip_trailing_repeats(text: str) -> int:
    """Length of ``text`` once every duplicated trailing run is removed (whitespace before
    the removed run is left for the caller to trim)."""
    end = len(text)
    while True:
        start = trailing_repeat_start(text[:end])
        if start is None:
            return end
        end = len(text[:start].rstrip())
