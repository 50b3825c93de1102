"""Where sitroom's spaCy components are put into the pipeline, in order.

Each component lives in its own module and is added here; the order matters (the gazetteer
ruler must run before the statistical NER so its spans win).
"""

from __future__ import annotations

from typing import Any


def add_all(nlp: Any) -> None:
    """Add every sitroom component to ``nlp`` (idempotent)."""
    # The entity-recognition work of the actors issue plugs its ruler in here.
    return None
