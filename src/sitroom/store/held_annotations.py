"""Some parts of a corpus's annotations read from the store once and held for a few steps.

The entity, place and quote steps read only the short head of each stored payload
(mentions, acronyms, citations, quotes), but between them they walked the corpus eight
times (the place step alone five), and each walk read every payload from DuckDB, parsed
it and rebuilt its records: about 2.7 CPU s a walk at 2,000 articles. Held once, those
parts cost a few tens of MB (the mentions and citations of 2,000 articles: 33 MB) for as
long as the three steps run, before the claims step's larger peak. Every step still sees
only the parts it names, exactly as a
:class:`~sitroom.store.annotation_view.StoredAnnotations` view would give them (the others
empty), so what it finds cannot change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, overload

from ..types import DocAnnotations


class HeldAnnotations(Sequence[DocAnnotations]):
    """``annotations`` (read with ``parts`` decoded) kept in memory, in their order."""

    def __init__(self, annotations: Iterable[DocAnnotations], parts: Iterable[str]) -> None:
        self._docs = tuple(annotations)
        self._parts = frozenset(parts)

    def only(self, *parts: str) -> tuple[DocAnnotations, ...]:
        """The same articles with only ``parts`` filled, the others empty."""
        missing = set(parts) - self._parts
        if missing:
            raise ValueError(f"parts not held: {sorted(missing)}")
        emptied: dict[str, Any] = {name: () for name in self._parts - set(parts)}
        if not emptied:
            return self._docs
        return tuple(replace(doc, **emptied) for doc in self._docs)

    def __len__(self) -> int:
        return len(self._docs)

    @overload
    def __getitem__(self, index: int) -> DocAnnotations: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DocAnnotations]: ...

    def __getitem__(self, index: int | slice) -> DocAnnotations | Sequence[DocAnnotations]:
        return self._docs[index]

    def __iter__(self) -> Iterator[DocAnnotations]:
        return iter(self._docs)
