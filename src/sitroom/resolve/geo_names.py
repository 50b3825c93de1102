"""Keys under which place names are looked up.

Three levels, from strict to loose, because transliterations of one Arabic, Persian, Urdu,
Turkish or Cyrillic name differ mostly in vowels, doubled letters, the article prefix and
digraphs (``Kafer Besme`` / ``Kafr Basma``, ``Orem Al-Sugra`` / ``Urum al-Sughra``,
``Daadu`` / ``Dadu``):

- :func:`fold`: case, diacritics, script (anyascii) and punctuation ignored;
- :func:`unify`: ``fold`` plus the spelling variation of transliteration flattened;
- :func:`skeleton`: the consonants of ``unify`` only, used to *find* candidates that a
  fuzzy score then has to confirm.
"""

from __future__ import annotations

import re

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: Arabic article forms written before a word (``al-Sughra``, ``ar-Raqqa``, ``ash-Sham``).
ARTICLE_PREFIXES = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ed", "es", "er", "et", "ez", "ul"}
)

#: Letters and digraphs that romanisations write differently, applied in order.
_LETTER_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"q"), "k"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"c(?![eiy])"), "k"),
    (re.compile(r"([bcdfgjklmnprstvxz])h"), r"\1"),  # kh sh th dh gh -> k s t d g
    (re.compile(r"(?<=[aeiouy])h$"), ""),  # Suwaydah -> Suwayda
    (re.compile(r"ou"), "u"),
    (re.compile(r"[ey]"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"w"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Daadu -> Dadu
)

_VOWELS = re.compile(r"[aeiouy]")


def fold(text: str) -> str:
    """Lowercase ASCII words of ``text`` separated by single spaces.

    >>> fold("Dar‘ā")
    'dar a'
    >>> fold("Türkiye")
    'turkiye'
    """
    if not text.isascii():
        text = anyascii(text)
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def strip_articles(folded: str) -> str:
    """``fold`` output without Arabic article words (``al sughra`` -> ``sughra``).

    A name made only of articles is returned unchanged rather than emptied."""
    words = [word for word in folded.split() if word not in ARTICLE_PREFIXES]
    return " ".join(words) if words else folded


def unify_word(word: str) -> str:
    """One word with transliteration variation flattened (``besme`` -> ``bismi``)."""
    for pattern, replacement in _LETTER_RULES:
        word = pattern.sub(replacement, word)
    return word


def unify(text: str) -> str:
    """A key equal for common transliteration variants of one name.

    >>> unify("Daadu") == unify("Dadu")
    True
    >>> unify("Orem Al-Sugra") == unify("Urum al-Sughra")
    True
    """
    return " ".join(unify_word(word) for word in strip_articles(fold(text)).split())


def skeleton(text: str) -> str:
    """The consonants of :func:`unify`, spaces dropped, first letter kept even if a vowel.

    Broad on purpose: it only proposes candidates (``Kafer Besme`` and ``Kafr Basma`` share
    ``kfrbsm``); a similarity score decides."""
    words = unify(text).split()
    return "".join(word[:1] + _VOWELS.sub("", word[1:]) for word in words)
