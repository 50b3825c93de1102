"""Sources an article cites (placeholder: the quotes issue fills it in)."""

from __future__ import annotations

from typing import Any

from ..types import CitationMention


def extract_citations(doc: Any, article_id: str) -> tuple[CitationMention, ...]:
    """Outlets, agencies, officials and anonymous sources cited in ``doc``."""
    return ()
