"""``sitroom extract entities``: one JSON object per entity mention, with its canonical entity.

Entities are resolved across all the files given at once, so ``Erdogan`` in one file and
``Recep Tayyip Erdoğan`` in another get the same ``entity`` id, exactly as in ``build``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..resolve.aliases import AliasRules
from ..resolve.entities import resolve_entities
from . import PreparedDoc


def extract(
    docs: Sequence[PreparedDoc], aliases: AliasRules | None = None
) -> Iterator[dict[str, Any]]:
    """Yield ``file``, raw ``start``/``end``, ``text``, ``type``, ``entity`` and ``name`` for
    every entity mention, in file order then text order. ``type`` is the entity's voted type
    (the same for all its mentions); offsets index each file's text as read."""
    resolution = resolve_entities([d.annotations for d in docs], aliases)
    entities = {entity.id: entity for entity in resolution.entities}
    for doc in docs:
        for mention in sorted(doc.annotations.mentions, key=lambda m: (m.start, m.end)):
            entity_id = resolution.mention_entity.get(
                (mention.article, mention.start, mention.end)
            )
            if entity_id is None:
                continue
            entity = entities[entity_id]
            yield {
                **doc.located(mention.start, mention.end),
                "type": entity.type,
                "entity": entity.id,
                "name": entity.name,
            }
