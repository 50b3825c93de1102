"""Stored annotation payloads copied, the first time they are read, into a scratch file.

The corpus steps walk the stored annotations several times (the entity, place and quote
steps once together, then the events, the statements and the framing). Every read from
DuckDB costs a large transient allocation whatever the number of rows asked for: the
payload column is compressed in blocks of 2,048 rows, and reading even one row decompresses
its whole block (about 2,048 x 90 KB = 180 MB for news articles, up to 250 MB when a read
spans two blocks), with about 0.4 CPU s of decompression. Late in a build, when the claims
and the framing already hold the most memory, those reads set the peak.

:class:`PayloadSpool` reads each payload from the store once, at the first pass that asks
for it (early, when little else is held), and keeps it compressed on its own in an unnamed
temporary file; later passes read it back from there, one article at a time, at the cost of
inflating that article alone. The text handed back is the stored text, unchanged, so every
step decodes exactly what it decoded before.

The file is private to this process (created unlinked, removed when closed or collected)
and holds only what this process copied from its own store.
"""

from __future__ import annotations

import tempfile
import zlib
from collections.abc import Sequence
from typing import IO, Protocol

#: zlib level: the fastest. The file only has to be smaller than the raw text (about a
#: fifth of it for these JSON payloads) and cheap to write and read back.
_LEVEL = 1


class PayloadSource(Protocol):
    """Where :class:`~sitroom.store.annotation_view.StoredAnnotations` reads payloads."""

    def annotated_ids(self, version: str) -> list[str]: ...

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]: ...


class PayloadSpool:
    """The payloads of ``source``, read from it at most once each and kept compressed in a
    temporary file in ``folder`` (the system's temporary folder when None)."""

    def __init__(self, source: PayloadSource, folder: str | None = None) -> None:
        self._source = source
        self._folder = folder
        self._file: IO[bytes] | None = None
        #: (version, article) -> (offset, size) of its compressed payload in the file
        self._where: dict[tuple[str, str], tuple[int, int]] = {}

    def annotated_ids(self, version: str) -> list[str]:
        return self._source.annotated_ids(version)

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        """The payloads of ``ids`` (those stored), by article id, as the source gives them."""
        missing = [article for article in ids if (version, article) not in self._where]
        if missing:
            self._copy(version, self._source.annotation_payloads(version, missing))
        found: dict[str, str] = {}
        if self._file is None:
            return found
        for article in ids:
            place = self._where.get((version, article))
            if place is not None:
                self._file.seek(place[0])
                found[article] = zlib.decompress(self._file.read(place[1])).decode("utf-8")
        return found

    def annotation_heads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        """For a reader of the leading parts alone: the payloads already copied, and the
        heads of the others as the source gives them (where it can), not copied. Such a
        reader (the entity, place and quote steps' one pass) is the only pass over the
        whole corpus on a build that adds a few articles: the other steps keep their
        products in the store and read the new articles alone, so copying every payload
        for them cost more than it saved."""
        heads = getattr(self._source, "annotation_heads", None)
        if not callable(heads):
            return self.annotation_payloads(version, ids)
        copied = [article for article in ids if (version, article) in self._where]
        found = self.annotation_payloads(version, copied) if copied else {}
        found.update(heads(version, [a for a in ids if (version, a) not in self._where]))
        return found

    def _copy(self, version: str, payloads: dict[str, str]) -> None:
        if not payloads:
            return
        if self._file is None:
            # Open for the spool's lifetime, closed by close() or when collected.
            self._file = tempfile.TemporaryFile(  # noqa: SIM115
                prefix="sitroom-payloads-", dir=self._folder
            )
        self._file.seek(0, 2)  # append after whatever was read back last
        for article, payload in payloads.items():
            data = zlib.compress(payload.encode("utf-8"), _LEVEL)
            self._where[(version, article)] = (self._file.tell(), len(data))
            self._file.write(data)
        self._file.flush()

    def close(self) -> None:
        """Remove the file now rather than when the spool is collected."""
        if self._file is not None:
            self._file.close()
            self._file = None
            self._where.clear()
