"""The link from each mention span to its entity or place, packed per article.

Resolution hands the corpus steps a dict keyed by ``(article, start, end)``: a tuple, two
integer objects and a dict slot for every mention of the corpus, about 250 bytes each, which
grows with the corpus and was held whole through the claims step, its largest. The claims
and framing steps read it one article at a time (what lies inside this clause), so a
:class:`SpanTable` keeps, per article, one packed array of ``start, end, id number`` triples
(12 bytes a mention) and the distinct ids once, and unpacks an article's rows only when
asked. The rows keep the order the dict gave them, which the "best covering span" queries
depend on (the first of equal overlaps wins).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping

SpanKey = tuple[str, int, int]
#: One mention: (start, end, entity or place id).
SpanRow = tuple[int, int, str]


class SpanTable(Mapping[SpanKey, str]):
    """``(article, start, end) -> id``, read as a mapping or one article's rows at a time."""

    __slots__ = ("_ids", "_last", "_rows", "_size")

    def __init__(self, spans: Mapping[SpanKey, str]) -> None:
        numbers: dict[str, int] = {}
        packed: dict[str, array[int]] = {}
        for (article, start, end), ident in spans.items():
            rows = packed.get(article)
            if rows is None:
                rows = packed[article] = array("q")
            rows.extend((start, end, numbers.setdefault(ident, len(numbers))))
        self._ids: tuple[str, ...] = tuple(numbers)
        self._rows = packed
        self._size = len(spans)
        # The last article unpacked: its queries come in a run, one clause after another.
        self._last: tuple[str, tuple[SpanRow, ...]] = ("", ())

    def rows(self, article: str) -> tuple[SpanRow, ...]:
        """The article's mentions as ``(start, end, id)``, in the order they were given."""
        if self._last[0] == article and article:
            return self._last[1]
        packed = self._rows.get(article)
        if packed is None:
            return ()
        ids = self._ids
        unpacked = tuple((packed[k], packed[k + 1], ids[packed[k + 2]])
                         for k in range(0, len(packed), 3))
        self._last = (article, unpacked)
        return unpacked

    def __getitem__(self, key: SpanKey) -> str:
        article, start, end = key
        for s, e, ident in self.rows(article):
            if s == start and e == end:
                return ident
        raise KeyError(key)

    def __iter__(self) -> Iterator[SpanKey]:
        for article in self._rows:
            for start, end, _ident in self.rows(article):
                yield article, start, end

    def __len__(self) -> int:
        return self._size

    def articles(self) -> Iterator[str]:
        """The articles with at least one mention."""
        return iter(self._rows)
