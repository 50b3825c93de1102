"""The text of a parsed ``Doc``, computed once.

``Doc.text`` rebuilds the string from every token on each access, so an extractor that reads
it per token or per phrase turns linear work quadratic. Extractors call :func:`text_of`,
which keeps the string in ``doc.user_data`` for the life of the ``Doc``.
"""

from __future__ import annotations

from typing import Any

_KEY = "sitroom.text"


def text_of(doc: Any) -> str:
    """``doc.text``, built on first use and reused after."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[_KEY] = cached
    return str(cached)
