"""A raw document to an article: cleaned text, stable id, outlet, date, language, size.

Dates, in order of trust:

1. ``raw.published`` (set by a reader from metadata, a sidecar or the text's header line):
   ``date_basis`` is the reader's (``metadata`` when it gave none), ``date_range`` None;
2. otherwise :func:`~sitroom.clean.dates.infer_date_range` on the cleaned text:
   ``date_basis`` ``inferred`` with ``date_range`` ``(lo, hi)``; ``published`` is set only
   when the range is a single day (``lo == hi``), since a report must not present a guess
   as the publication date; consumers that need an anchor for relative dates can use
   ``date_range[0]``;
3. otherwise ``unknown``, with ``published`` and ``date_range`` None.
"""

from __future__ import annotations

import hashlib
from datetime import date

from ..types import Article, DateBasis, RawDocument
from .dates import infer_date_range
from .language import UNDETERMINED, detect_language
from .offsets import OffsetMap
from .text import clean_text

_ID_PREFIX = "a_"
_ID_HEX = 16


def article_id(text: str) -> str:
    """``a_`` and the first 16 hex digits of the SHA-256 of the cleaned ``text`` (UTF-8):
    the same text gets the same id on every run and machine."""
    return _ID_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:_ID_HEX]


def make_article(
    raw: RawDocument, *, boilerplate: frozenset[str] = frozenset(), default_outlet: str = "unknown",
    identify_language: bool = True,
) -> tuple[Article, OffsetMap]:
    """The article for ``raw`` and the map from ``Article.text`` offsets to ``raw.text``.

    An empty cleaned text is returned as is; the caller decides to reject it.
    ``identify_language=False`` leaves the language ``und`` (undetermined) without loading
    the identification model: for one-off extractors that do not read it.
    """
    cleaned = clean_text(raw.text, boilerplate)
    text = cleaned.text
    published, basis, date_range = _dating(raw, text)
    article = Article(
        id=article_id(text),
        text=text,
        outlet=_clean_field(raw.outlet) or default_outlet,
        title=_clean_field(raw.title) or headline_of(text),
        url=_clean_field(raw.url),
        published=published,
        date_basis=basis,
        date_range=date_range,
        language=_language(text, raw.language) if identify_language else UNDETERMINED,
        words=len(text.split()),
        files=(raw.locator,),
        author=_clean_field(raw.author),
    )
    return article, cleaned.offsets


#: A first line longer than this is the opening sentence, not a headline.
_HEADLINE_MAX_WORDS = 20
_SENTENCE_END = (".", "!", "?", "…", ",", ";", ":", '"', "”", "’", "'")


def headline_of(text: str) -> str | None:
    """The headline a bare text file starts with, if it has one: a first line of at most
    :data:`_HEADLINE_MAX_WORDS` words that does not end like a sentence and is followed by
    more text (``Turkish military steps up vigilance amid ...: Sources`` then the story).
    The line stays in the text, so offsets are unaffected."""
    first, newline, rest = text.strip().partition("\n")
    line = first.strip()
    words = line.split()
    if not newline or not rest.strip() or not 2 <= len(words) <= _HEADLINE_MAX_WORDS:
        return None
    if line.endswith(_SENTENCE_END) or not line[0].isupper():
        return None
    return line


def _dating(raw: RawDocument, text: str) -> tuple[str | None, DateBasis, tuple[str, str] | None]:
    if raw.published and _is_iso_date(raw.published):
        basis: DateBasis = "header" if raw.date_basis == "header" else "metadata"
        return raw.published, basis, None
    inferred = infer_date_range(text)
    if inferred is not None:
        lo, hi = inferred
        return (lo if lo == hi else None), "inferred", inferred
    return None, "unknown", None


def _language(text: str, declared: str | None) -> str:
    """The detected language; a reader's declared one (``lang="fr-FR"``) only when the text
    is too short to tell."""
    detected = detect_language(text)
    if detected != UNDETERMINED or not declared:
        return detected
    primary = declared.strip().replace("_", "-").split("-")[0].casefold()
    return primary if len(primary) == 2 and primary.isalpha() else UNDETERMINED


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    collapsed = " ".join(value.split())
    return collapsed or None


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("YYYY-MM-DD")
