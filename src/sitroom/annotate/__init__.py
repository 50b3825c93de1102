"""Per-document annotation: pure functions from a parsed ``Doc`` to :class:`DocAnnotations`.

The stage is pure per document so it parallelises across processes and is cached in the
store by (article id, :data:`PIPELINE_VERSION`). Bump the version whenever an extractor's
output can change, so stored annotations are recomputed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..types import DocAnnotations
from .event_lexicon import load_event_lexicon
from .nlp import load_nlp

#: Part of the cache key of stored annotations; bump when any extractor's output changes.
#: The event lexicon's digest is part of it, so a user's edit to the lexicon re-annotates.
PIPELINE_VERSION = "23." + load_event_lexicon().digest

__all__ = ["PIPELINE_VERSION", "annotate_doc", "load_nlp"]


def annotate_doc(doc: Any, article_id: str, anchor: date | None = None) -> DocAnnotations:
    """Run every extractor over one parsed article.

    ``anchor`` is the article's publication date (or None), used to resolve relative time
    expressions.
    """
    # The extractors are imported here, not at the top: a build that finds nothing new only
    # needs PIPELINE_VERSION, and their regular expressions take a third of a second to load.
    from .acronyms import extract_acronyms
    from .citations import extract_citations
    from .clauses import extract_clauses, extract_descriptors
    from .events import extract_events
    from .mentions import extract_mentions
    from .quotes import extract_quotes
    from .times import extract_times

    times = extract_times(doc, article_id, anchor)
    quotes = extract_quotes(doc, article_id)
    return DocAnnotations(
        article=article_id,
        mentions=tuple(extract_mentions(doc, article_id)),
        acronyms=extract_acronyms(doc, article_id),
        times=times,
        quotes=quotes,
        citations=extract_citations(doc, article_id),
        events=extract_events(doc, article_id, times, quotes),
        clauses=extract_clauses(doc, article_id),
        descriptors=extract_descriptors(doc, article_id),
    )
