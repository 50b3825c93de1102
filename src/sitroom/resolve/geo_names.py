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
from functools import lru_cache

from anyascii import anyascii

_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: Arabic article forms written before a word (``al-Sughra``, ``ar-Raqqa``, ``ash-Sham``).
ARTICLE_PREFIXES = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "at", "az", "an", "ed", "es", "er", "et", "ez", "ul"}
)

#: Letters that romanisations write differently, folded with one table: q/k, e/i, y/i,
#: o/u, w/u (``Qamishli`` / ``Kamishli``, ``Besme`` / ``Basme`` stays for the skeleton).
_LETTERS = str.maketrans({"q": "k", "e": "i", "y": "i", "o": "u", "w": "u"})
_SOFT_C = re.compile(r"c(?![eiy])")
_DIGRAPH_H = re.compile(r"([bcdfgjklmnprstvxz])h")  # kh sh th dh gh -> k s t d g
_DOUBLED = re.compile(r"(.)\1+")  # Daadu -> Dadu

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


@lru_cache(maxsize=200_000)
def unify_word(word: str) -> str:
    """One word with transliteration variation flattened (``besme`` -> ``bismi``).

    Cached: gazetteers repeat the same words (``kafr``, ``tall``, ``ayn``) endlessly."""
    word = word.replace("ph", "f").replace("ck", "k")
    word = _DIGRAPH_H.sub(r"\1", _SOFT_C.sub("k", word))
    if len(word) > 2 and word.endswith("h") and word[-2] in "aeiouy":
        word = word[:-1]  # Suwaydah -> Suwayda
    word = word.replace("ou", "u").translate(_LETTERS)
    return _DOUBLED.sub(r"\1", word)


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
    return skeleton_of_unified(unify(text))


def skeleton_of_unified(unified: str) -> str:
    """:func:`skeleton` of a text already passed through :func:`unify`."""
    return "".join(word[:1] + _VOWELS.sub("", word[1:]) for word in unified.split())
