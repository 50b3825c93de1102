"""``sitroom extract times``: one JSON object per time expression, offsets into the raw file.

Each object has ``file``, ``start``, ``end`` (character offsets into the file's text as read),
``text`` (exactly ``raw_text[start:end]``), ``type`` (DATE, TIME, DURATION, SET), ``value``
(TIMEX3, or null when it needs a date the document lacks or an event not yet dated),
``precision``, and ``relation`` when the expression hangs on an event.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from ..types import DocAnnotations
from . import PreparedDoc

__all__ = ["NEEDS_LANGUAGE", "annotate", "extract", "load_nlp"]

#: Time rules are English and read no language code: skip loading the identifier.
NEEDS_LANGUAGE = False


def load_nlp() -> Any:
    """The parse alone: times read tense and spaCy's DATE/TIME entities, not places."""
    from ..annotate.nlp import load_parser

    return load_parser()


def annotate(doc: Any, article_id: str, anchor: date | None) -> DocAnnotations:
    """Only the time expressions of a parsed article."""
    from ..annotate.times import extract_times

    return DocAnnotations(article=article_id, times=extract_times(doc, article_id, anchor))


def extract(docs: Sequence[PreparedDoc]) -> Iterator[dict[str, Any]]:
    """Yield the time mentions of every prepared document, in document then text order."""
    for doc in docs:
        for mention in sorted(doc.annotations.times, key=lambda m: (m.start, m.end)):
            item: dict[str, Any] = {
                **doc.located(mention.start, mention.end),
                "type": mention.type,
                "value": mention.value,
                "precision": mention.precision,
            }
            if mention.relation is not None:
                item["relation"] = mention.relation
            yield item
