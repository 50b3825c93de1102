"""Acronyms defined in the text (placeholder: the actors issue fills it in)."""

from __future__ import annotations

from typing import Any

from ..types import Acronym


def extract_acronyms(doc: Any, article_id: str) -> tuple[Acronym, ...]:
    """Acronyms defined in ``doc`` as ``Long Name (LN)``."""
    return ()
