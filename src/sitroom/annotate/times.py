"""Time expressions (placeholder: the time work of the actors issue fills it in)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..types import TimeMention


def extract_times(doc: Any, article_id: str, anchor: date | None) -> tuple[TimeMention, ...]:
    """Every date and time expression in ``doc``, normalised against ``anchor``."""
    return ()
