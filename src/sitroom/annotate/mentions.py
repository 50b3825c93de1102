"""Entity mentions from a parsed ``Doc``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..types import Mention

#: Labels worth keeping: actors, places, groups. Numbers, dates and money are handled by
#: their own extractors (times) or not at all.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def extract_mentions(doc: Any, article_id: str) -> Iterator[Mention]:
    """Yield one :class:`Mention` per named entity in ``doc`` with a kept label."""
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        source = "model"
        if ent.ent_id_:
            source = ent.ent_id_.split(":", 1)[0]
        yield Mention(
            article=article_id,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            source=source,
        )
