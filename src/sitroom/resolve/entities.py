"""Mentions to canonical entities.

First version: mentions are grouped by a folded form of their text (case, diacritics and
punctuation ignored) and the entity's type is the majority label. The actors issue replaces
the grouping with the full rules (acronyms, surnames, country forms, seats of government).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..types import DocAnnotations, Entity


def fold(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    kept = "".join(ch if ch.isalnum() else " " for ch in letters.casefold())
    return " ".join(kept.split())


def entity_id(key: str) -> str:
    """A stable id for an entity from its grouping key."""
    return "e_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class EntityResolution:
    """Canonical entities plus the link from each mention to its entity."""

    entities: tuple[Entity, ...]
    #: (article id, mention start, mention end) -> entity id
    mention_entity: dict[tuple[str, int, int], str] = field(default_factory=dict)
    #: folded surface form -> entity id, for names seen as mentions anywhere in the corpus
    surface_entity: dict[str, str] = field(default_factory=dict)

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        """The entity of the mention that best covers ``[start, end)`` in ``article``."""
        exact = self.mention_entity.get((article, start, end))
        if exact:
            return exact
        best: tuple[int, str] | None = None
        for (art, m_start, m_end), ent in self.mention_entity.items():
            if art != article or m_end <= start or m_start >= end:
                continue
            overlap = min(end, m_end) - max(start, m_start)
            if best is None or overlap > best[0]:
                best = (overlap, ent)
        return best[1] if best else None

    def lookup(self, surface: str) -> str | None:
        """The entity a surface form names anywhere in the corpus, if any."""
        return self.surface_entity.get(fold(surface))


def resolve_entities(annotations: Sequence[DocAnnotations]) -> EntityResolution:
    """Group all mentions of the corpus into canonical entities."""
    groups: dict[str, list[tuple[str, int, int, str, str]]] = defaultdict(list)
    for doc in annotations:
        for mention in doc.mentions:
            key = fold(mention.text)
            if key:
                groups[key].append(
                    (mention.article, mention.start, mention.end, mention.text, mention.label)
                )
    entities: list[Entity] = []
    mention_entity: dict[tuple[str, int, int], str] = {}
    surface_entity: dict[str, str] = {}
    for key, members in groups.items():
        eid = entity_id(key)
        labels = Counter(label for *_, label in members)
        names = Counter(text for _, _, _, text, _ in members)
        name = max(names.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
        label = max(labels.items(), key=lambda item: (item[1], item[0]))[0]
        entities.append(
            Entity(
                id=eid,
                name=name,
                type=label,
                aliases=tuple(sorted(names)),
                mention_count=len(members),
                articles=tuple(sorted({art for art, *_ in members})),
            )
        )
        for art, start, end, _text, _label in members:
            mention_entity[(art, start, end)] = eid
        surface_entity[key] = eid
    entities.sort(key=lambda e: (-e.mention_count, e.name))
    return EntityResolution(tuple(entities), mention_entity, surface_entity)
