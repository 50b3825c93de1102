"""Quotations and reported speech (placeholder: the quotes issue fills it in)."""

from __future__ import annotations

from typing import Any

from ..types import QuoteMention


def extract_quotes(doc: Any, article_id: str) -> tuple[QuoteMention, ...]:
    """Direct, indirect and unmarked quotations in ``doc`` with speaker and cue spans."""
    return ()
