"""The two questions the quotes and events steps ask of the entities, answered from packed rows.

:class:`~sitroom.resolve.entities.EntityResolution` keeps every mention of the corpus twice:
an entry of a dict keyed by ``(article, start, end)`` and a tuple in its article's list,
about 300 bytes a mention with their integers, held through the quotes and events steps
although these only ask which entity a span names (:meth:`PackedEntities.entity_of`) and
which entity a surface form names (:meth:`PackedEntities.lookup`). :class:`PackedEntities`
keeps each article's mentions as one array of ``start, end, id number`` triples (24 bytes a
mention), in the resolution's order, and gives the same answers:

- the resolution fills its dict and its lists in one loop, so the dict's entry for a span
  is the last row of the article with that span (a later mention of the same span wrote
  over the earlier one);
- a span no mention has exactly goes to the mention that overlaps it most, the first of
  equal overlaps, as the resolution's scan of the article's list finds it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping

from .entities import EntityResolution, most_overlapping, surface_entity_of

#: One mention: (start, end, entity id).
SpanRow = tuple[int, int, str]


class PackedEntities:
    """:meth:`entity_of` and :meth:`lookup` of an :class:`EntityResolution`, on packed rows."""

    __slots__ = ("_ids", "_last", "_rows", "_surfaces", "by_article")

    def __init__(self, resolution: EntityResolution) -> None:
        numbers: dict[str, int] = {}
        packed: dict[str, array[int]] = {}
        for article, spans in resolution.by_article.items():
            rows = packed[article] = array("q")
            for start, end, ident in spans:
                rows.extend((start, end, numbers.setdefault(ident, len(numbers))))
        self._ids: tuple[str, ...] = tuple(numbers)
        self._rows = packed
        self._surfaces: Mapping[str, str] = resolution.surface_entity
        # The last article unpacked, with its spans' entities: a step asks about one
        # article's mentions in a run.
        self._last: tuple[str, tuple[SpanRow, ...], dict[tuple[int, int], str]] = ("", (), {})
        #: article -> its mentions' rows, as the resolution's ``by_article`` (the events
        #: step keys each article's memo entry by them).
        self.by_article: Mapping[str, tuple[SpanRow, ...]] = _ArticleRows(self)

    def rows(self, article: str) -> tuple[SpanRow, ...]:
        """The article's mentions as ``(start, end, entity id)``, in the resolution's order."""
        return self._unpacked(article)[0]

    def _unpacked(self, article: str) -> tuple[tuple[SpanRow, ...], dict[tuple[int, int], str]]:
        if self._last[0] == article and article:
            return self._last[1], self._last[2]
        packed = self._rows.get(article)
        if packed is None:
            return (), {}
        ids = self._ids
        unpacked = tuple((packed[k], packed[k + 1], ids[packed[k + 2]])
                         for k in range(0, len(packed), 3))
        # Later rows write over earlier ones: the span's entity is its last row's, as in
        # the resolution's dict.
        exact = {(start, end): ident for start, end, ident in unpacked}
        self._last = (article, unpacked, exact)
        return unpacked, exact

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        """The entity of the mention that best covers ``[start, end)`` in ``article``."""
        rows, exact = self._unpacked(article)
        found = exact.get((start, end))
        if found:
            return found
        return most_overlapping(rows, start, end)

    def lookup(self, surface: str) -> str | None:
        """The entity a surface form names anywhere in the corpus, if any."""
        return surface_entity_of(self._surfaces, surface)

    def entities_by_article(self) -> dict[str, list[str]]:
        """Each article's entity ids, one per mention, in the resolution's order."""
        return {article: [ident for _start, _end, ident in self.rows(article)]
                for article in self._rows}


class _ArticleRows(Mapping[str, tuple[SpanRow, ...]]):
    """:meth:`PackedEntities.rows` of each article with a mention, as a mapping."""

    __slots__ = ("_packed",)

    def __init__(self, packed: PackedEntities) -> None:
        self._packed = packed

    def __getitem__(self, article: str) -> tuple[SpanRow, ...]:
        if article not in self._packed._rows:
            raise KeyError(article)
        return self._packed.rows(article)

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed._rows)

    def __len__(self) -> int:
        return len(self._packed._rows)
