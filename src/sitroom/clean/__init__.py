"""Cleaning: raw documents to articles (see ``docs/ARCHITECTURE.md``).

- :func:`clean_text`: one text, page residue removed, whitespace normalised, sentence breaks
  restored, with an :class:`OffsetMap` back to the input;
- :func:`find_boilerplate`: lines repeated across one outlet's documents;
- :func:`detect_language`, :func:`infer_date_range`, :func:`article_id`;
- :func:`make_article`: a :class:`~sitroom.types.RawDocument` to an
  :class:`~sitroom.types.Article` and the map from its text to the raw text.
"""

from __future__ import annotations

from .article import article_id, make_article
from .boilerplate import find_boilerplate
from .dates import infer_date_range
from .language import detect_language
from .offsets import OffsetMap, TextBuilder
from .text import Cleaned, clean_text

__all__ = [
    "Cleaned",
    "OffsetMap",
    "TextBuilder",
    "article_id",
    "clean_text",
    "detect_language",
    "find_boilerplate",
    "infer_date_range",
    "make_article",
]
