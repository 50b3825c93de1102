"""Per-document annotation: pure functions from a parsed ``Doc`` to :class:`DocAnnotations`.

The stage is pure per document so it parallelises across processes and is cached in the
store by (article id, :data:`PIPELINE_VERSION`). Bump the version whenever an extractor's
output can change, so stored annotations are recomputed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..types import DocAnnotations
from .acronyms import extract_acronyms
from .citations import extract_citations
from .mentions import extract_mentions
from .nlp import load_nlp
from .quotes import extract_quotes
from .times import extract_times

#: Part of the cache key of stored annotations; bump when any extractor's output changes.
PIPELINE_VERSION = "3"

__all__ = ["PIPELINE_VERSION", "annotate_doc", "load_nlp"]


def annotate_doc(doc: Any, article_id: str, anchor: date | None = None) -> DocAnnotations:
    """Run every extractor over one parsed article.

    ``anchor`` is the article's publication date (or None), used to resolve relative time
    expressions.
    """
    return DocAnnotations(
        article=article_id,
        mentions=tuple(extract_mentions(doc, article_id)),
        acronyms=extract_acronyms(doc, article_id),
        times=extract_times(doc, article_id, anchor),
        quotes=extract_quotes(doc, article_id),
        citations=extract_citations(doc, article_id),
    )
