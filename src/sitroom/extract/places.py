"""``sitroom extract places``: one JSON object per place mention, geocoded.

Places are resolved across all the files given at once, so one file's country focus helps
place another's villages, exactly as in ``build``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..resolve.entities import resolve_entities
from ..resolve.places import resolve_places
from . import PreparedDoc


def extract(docs: Sequence[PreparedDoc]) -> Iterator[dict[str, Any]]:
    """Yield ``file``, raw ``start``/``end``, ``text``, ``name``, ``lat``, ``lon``,
    ``country_code``, ``geonames_id``, ``confidence`` (and ``reason`` when unresolved,
    ``actor`` when the place stands for its government) for every place mention, in file
    order then text order."""
    annotations = [d.annotations for d in docs]
    entities = resolve_entities(annotations)
    # Toponym gold data counts a capital that stands for its government (``Ottawa planned``)
    # as a place: geocode it too, flagged ``actor``; and a place inside an outlet's name
    # (``CBC Toronto``, ``Winnipeg Free Press``), which a report leaves out.
    resolution = resolve_places(
        [d.article for d in docs],
        annotations,
        entities,
        metonymy=True,
        places_in_outlet_names=True,
    )
    by_article: dict[str, list[Any]] = {}
    for mention in resolution.mentions:
        by_article.setdefault(mention.article, []).append(mention)
    for doc in docs:
        for mention in sorted(by_article.get(doc.article.id, ()), key=lambda m: (m.start, m.end)):
            item: dict[str, Any] = {
                **doc.located(mention.start, mention.end),
                "name": mention.name,
                "lat": mention.lat,
                "lon": mention.lon,
                "country_code": mention.country_code,
                "geonames_id": mention.geonames_id,
                "confidence": mention.confidence,
            }
            if mention.reason:
                item["reason"] = mention.reason
            if mention.actor:
                item["actor"] = True
            yield item
