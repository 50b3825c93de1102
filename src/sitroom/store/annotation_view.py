"""The stored annotations of a corpus, read from the store a few articles at a time.

The corpus-level steps each walk over every article's annotations, but each reads only some
parts of them (entity resolution the mentions and acronyms, event building the events and
times...). Decoded all at once, the annotations are the biggest thing a build holds, and
they grow with the corpus: about 0.2 MB of Python objects per news article, against 0.09 MB
of stored JSON. :class:`StoredAnnotations` holds only the article ids; every pass over it
reads and decodes :data:`CHUNK` articles at a time, and only the parts it was asked for, so a
step holds at most what it keeps itself.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import overload

from ..types import DocAnnotations
from .codec import LEADING_PARTS, PART_NAMES, decode_annotations
from .payload_spool import PayloadSource

#: Articles read together: one pair of queries each, and a bounded working set (500 raw
#: payloads, about 45 MB). Each read decompresses the stored blocks its rows lie in, so fewer,
#: larger reads cost less: a pass over 4,000 articles took 9.8 s in reads of 200, 7.2 in 500.
CHUNK = 500


class StoredAnnotations(Sequence[DocAnnotations]):
    """The annotations of ``version`` for the stored articles (in the order first stored),
    as a sequence that reads them from ``store`` (or a
    :class:`~sitroom.store.payload_spool.PayloadSpool` of it) on each pass. ``parts`` names
    the parts of :class:`~sitroom.types.DocAnnotations` to decode (all by default); the
    others come back empty, so a view must name every part its reader looks at."""

    def __init__(
        self,
        store: PayloadSource,
        version: str,
        parts: Collection[str] | None = None,
        ids: Sequence[str] | None = None,
    ) -> None:
        unknown = set(parts or ()) - PART_NAMES
        if unknown:
            raise ValueError(f"not parts of DocAnnotations: {sorted(unknown)}")
        self._store = store
        self._version = version
        self._parts = frozenset(PART_NAMES if parts is None else parts)
        self._ids = tuple(store.annotated_ids(version) if ids is None else ids)

    @property
    def ids(self) -> tuple[str, ...]:
        """The articles, in the order a pass reads them."""
        return self._ids

    @property
    def version(self) -> str:
        """The pipeline version whose annotations these are."""
        return self._version

    def only(self, *parts: str) -> StoredAnnotations:
        """The same articles with only ``parts`` decoded."""
        return StoredAnnotations(self._store, self._version, parts, self._ids)

    def within(self, articles: Collection[str]) -> StoredAnnotations:
        """The annotations of ``articles`` alone, in the same order."""
        kept = [article for article in self._ids if article in articles]
        return StoredAnnotations(self._store, self._version, self._parts, kept)

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> DocAnnotations: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[DocAnnotations]: ...

    def __getitem__(self, index: int | slice) -> DocAnnotations | Sequence[DocAnnotations]:
        if isinstance(index, slice):
            return list(self._read(self._ids[index]))
        return next(self._read([self._ids[index]]))

    def __iter__(self) -> Iterator[DocAnnotations]:
        return self._read(self._ids)

    def _read(self, ids: Sequence[str]) -> Iterator[DocAnnotations]:
        # A view of leading parts alone reads the payloads' heads where the store has them.
        heads = getattr(self._store, "annotation_heads", None)
        read = (heads if callable(heads) and LEADING_PARTS.issuperset(self._parts)
                else self._store.annotation_payloads)
        for offset in range(0, len(ids), CHUNK):
            chunk = ids[offset : offset + CHUNK]
            payloads = read(self._version, chunk)
            for article in chunk:
                yield decode_annotations(payloads[article], self._parts)
