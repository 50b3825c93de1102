"""Acronyms defined in the text: ``Syrian National Army (SNA)`` and ``SNA (Syrian National
Army)``.

A definition is accepted only when the acronym's letters match the initials of the long
form's words, in order. Short function words (``of``, ``for``, ``and``, ``the``) may be
skipped or may give a letter (``SOHR``: Syrian Observatory *for* Human Rights skips ``for``;
``MoD``: Ministry *of* Defence uses it), and the Arabic article is looked through
(``al-Sham`` gives ``S``, so ``Hay'at Tahrir al-Sham (HTS)`` matches). The long form is the
shortest run of words just before the parenthesis that matches all letters, so a sentence
start such as ``Forces of the Syrian National Army (SNA)`` yields ``Syrian National Army``.

``Acronym.start``/``end`` cover the long form; the short form's own offsets are found again
by :func:`find_definitions`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..types import Acronym
from .doctext import text_of

#: Words that may be left out of an acronym or may give it a letter.
MINOR_WORDS = frozenset(
    {
        "of", "for", "and", "the", "on", "in", "at", "to", "de", "des", "du", "da", "di",
        "la", "le", "el", "al", "y", "et", "und", "der", "fur",
    }
)
_SHORT = r"[A-Z][A-Za-z0-9&.]{1,9}"
_LONG_THEN_SHORT = re.compile(r"\((?P<short>" + _SHORT + r")\)")
_SHORT_THEN_LONG = re.compile(r"\b(?P<short>" + _SHORT + r")\s*\((?P<long>[^()\n]{3,100})\)")
_WORD = re.compile(r"[^\s()\[\],;:“”\"]+")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ul|an|ad|as|ash|ar|az|at)[-‐]", re.IGNORECASE)
_MAX_LONG_WORDS = 12


@dataclass(frozen=True, slots=True)
class Definition:
    """One acronym definition with the offsets of both forms."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def extract_acronyms(doc: Any, article_id: str) -> tuple[Acronym, ...]:
    """Acronyms defined in ``doc`` (``Long Name (LN)`` or ``LN (Long Name)``)."""
    return tuple(
        Acronym(article_id, d.short, d.long, d.long_start, d.long_end)
        for d in find_definitions(text_of(doc))
    )


def find_definitions(text: str) -> list[Definition]:
    """Every acronym definition in ``text``, in order of appearance."""
    found: list[Definition] = []
    for match in _LONG_THEN_SHORT.finditer(text):
        short = match.group("short").rstrip(".")
        if not _looks_like_acronym(short):
            continue
        words = _words_before(text, match.start())
        span = _matching_suffix(_letters(short), words)
        if span is not None:
            long_start, long_end = span
            found.append(
                Definition(short, text[long_start:long_end], match.start("short"),
                           match.start("short") + len(short), long_start, long_end)
            )
    for match in _SHORT_THEN_LONG.finditer(text):
        short = match.group("short").rstrip(".")
        if not _looks_like_acronym(short):
            continue
        long_text = match.group("long").strip()
        words = [(m.start() + match.start("long"), m.end() + match.start("long"), m.group())
                 for m in _WORD.finditer(match.group("long"))]
        if words and _initials_match(_letters(short), [w for *_, w in words]):
            start = words[0][0]
            found.append(
                Definition(short, long_text, match.start("short"),
                           match.start("short") + len(short), start, words[-1][1])
            )
    found.sort(key=lambda d: d.short_start)
    return found


def _looks_like_acronym(short: str) -> bool:
    letters = [ch for ch in short if ch.isalpha()]
    capitals = sum(ch.isupper() for ch in letters)
    return len(letters) >= 2 and capitals >= 2 and capitals >= len(letters) - 1


def _letters(short: str) -> str:
    return "".join(ch for ch in short if ch.isalnum()).lower()


def _words_before(text: str, end: int) -> list[tuple[int, int, str]]:
    """The words (start, end, text) just before ``end`` on the same line, nearest last."""
    line_start = text.rfind("\n", 0, end) + 1
    window_start = max(line_start, end - 200)
    words = [(m.start() + window_start, m.end() + window_start, m.group())
             for m in _WORD.finditer(text[window_start:end])]
    return words[-_MAX_LONG_WORDS:]


def _matching_suffix(letters: str, words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Offsets of the shortest run of trailing ``words`` whose initials spell ``letters``."""
    for first in range(len(words) - 1, -1, -1):
        run = words[first:]
        head = run[0][2]
        if head.lower() in MINOR_WORDS or not head[:1].isupper():
            continue
        if _initials_match(letters, [w for *_, w in run]):
            return run[0][0], run[-1][1]
    return None


def _initials_match(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` are the initials of ``words`` in order (minor words optional)."""
    initials = [_initial(word) for word in words]
    minor = [word.lower() in MINOR_WORDS for word in words]

    def match(li: int, wi: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        if minor[wi] and match(li, wi + 1):
            return True
        return li < len(letters) and initials[wi] == letters[li] and match(li + 1, wi + 1)

    return bool(words) and match(0, 0)


def _initial(word: str) -> str:
    stripped = _ARTICLE_PREFIX.sub("", word)
    for ch in stripped:
        if ch.isalnum():
            return ch.lower()
    return ""
