"""Folding of names so that spellings of one name compare equal.

News in English spells the same person, group or place many ways: with or without diacritics
(``Erdoğan`` / ``Erdogan``), with or without the apostrophe of a transliterated ʿayn or hamza
(``Hay'at`` / ``Hayat``), with the Arabic article written ``al-``, ``el-``, ``Al `` or glued.
:func:`fold_name` maps all of these to one key; it is deliberately *not* fuzzy, so two
different names never share a key by accident (fuzzy matching belongs to place resolution,
where a gazetteer confirms the match).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

#: Apostrophe-like marks that transliterations insert or drop (ʿayn, hamza, primes, quotes).
_APOSTROPHES = re.compile(r"['’‘`´ʿʾʻʼ′]")
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")
#: The Arabic definite article in its common romanisations, as a separate word after folding.
_ARTICLE_VARIANTS = {"el": "al", "ul": "al"}
#: Letters separated by dots (``U.S.``, ``H.W.``): the dots go, so ``U.S.`` folds like ``US``.
_DOTTED_LETTERS = re.compile(r"\b(?:[A-Za-z]\.)+[A-Za-z]\b\.?")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A case-, diacritic-, apostrophe- and punctuation-insensitive key of ``text``.

    ``el-`` becomes ``al`` (``Hay'at Tahrir el-Sham`` and ``Hayat Tahrir al-Sham`` share a key);
    letters outside Latin are transliterated with anyascii so ``Kılıç`` folds to ``kilic``;
    dotted letters are one word (``U.S.`` folds to ``us`` like ``US``).
    """
    if text.isascii():
        base = text
    else:
        base = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
        if not base.isascii():
            base = anyascii(_APOSTROPHES.sub("", base))
    if "." in base:
        base = _DOTTED_LETTERS.sub(lambda match: match.group().replace(".", ""), base)
    words = _NOT_WORD.split(_APOSTROPHES.sub("", base).casefold())
    if words and not words[0]:
        words.pop(0)
    if words and not words[-1]:
        words.pop()
    for index in range(len(words) - 1):
        words[index] = _ARTICLE_VARIANTS.get(words[index], words[index])
    return " ".join(words)


def name_tokens(text: str) -> tuple[str, ...]:
    """The words of the folded name, in order."""
    folded = fold_name(text)
    return tuple(folded.split()) if folded else ()


def clean_surface(text: str) -> str:
    """A mention's text without a leading ``the`` and a trailing possessive ``'s``."""
    text = _LEADING_THE.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip() if len(text) > 3 else text


def is_acronym(text: str) -> bool:
    """True for short all-capital forms such as ``HTS``, ``SNA``, ``U.S.`` or ``PDMA``."""
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 8 and all(ch.isupper() for ch in letters) and " " not in text
