"""A finished list of report records kept on disk until the report is written.

The corpus steps hand their results on to one another and, at the end, to the report
writer. Some results are read again only by the writer and by one light check in between
(events: the claims step only asks which event's evidence overlaps a claim's), yet as Python
objects they are among the largest things a build holds, and they grow with the corpus (at
2,000 articles the events alone are 79 MB of report.json). :class:`SpilledRecords` writes
such a list to an unnamed temporary file as soon as it is complete, each record pickled on
its own, and reads one block of records at a time back on each pass, so the process holds a
block, not the list.
Records are pickled as their class and field values (:mod:`.record_pickle`), which reads
them back several times faster than dataclasses' own pickling.

The file is private to this process (created unlinked, removed by the system when closed)
and holds only records this process made, so unpickling it evaluates nothing from outside.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, Generic, TypeVar, overload

from . import record_pickle

T = TypeVar("T")

#: Records pickled together: one read per block on a pass, a bounded working set.
BLOCK = 256


class SpilledRecords(Sequence[T], Generic[T]):
    """``records`` in their order, kept in a temporary file; iterating reads them back a block
    at a time, indexing reads the block that holds the record."""

    def __init__(self, records: Iterable[T], folder: str | None = None) -> None:
        self._open(folder)
        self._fill(records, self._write)

    def _open(self, folder: str | None) -> None:
        # Open for the object's lifetime, closed by close() or when collected.
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115
            prefix="sitroom-spill-", dir=folder
        )
        #: (offset, size, sizes) of each block: its records pickled one by one, back to
        #: back, of those sizes
        self._blocks: list[tuple[int, int, tuple[int, ...]]] = []
        self._count = 0

    @classmethod
    def of_pickled(cls, pickled: Iterable[bytes], folder: str | None = None
                   ) -> SpilledRecords[Any]:
        """The records each of ``pickled`` holds (one :func:`record_pickle.dumps` each), in
        their order, kept as they come: a caller that has its records pickled already (the
        sort of :func:`spill_sorted`) does not unpickle them to pickle them again."""
        spilled: SpilledRecords[Any] = cls.__new__(cls)
        spilled._open(folder)
        spilled._fill(pickled, spilled._write_pickled)
        return spilled

    def _fill(self, items: Iterable[Any], write: Callable[[list[Any]], None]) -> None:
        """Hand ``items`` to ``write`` :data:`BLOCK` at a time, then flush the file."""
        block: list[Any] = []
        for item in items:
            block.append(item)
            if len(block) == BLOCK:
                write(block)
                block = []
        if block:
            write(block)
        self._file.flush()

    def _write(self, block: list[T]) -> None:
        # One pickle per record, not one per block: the report writer knows a record it
        # wrote before by its pickled bytes (see .line_cache), read without unpickling.
        self._write_pickled([record_pickle.dumps(record) for record in block])

    def _write_pickled(self, block: list[bytes]) -> None:
        data = b"".join(block)
        self._blocks.append((self._file.tell(), len(data), tuple(map(len, block))))
        self._file.write(data)
        self._count += len(block)

    def _block(self, number: int) -> list[T]:
        offset, size, sizes = self._blocks[number]
        self._file.seek(offset)
        data = self._file.read(size)
        view = memoryview(data)
        out: list[T] = []
        at = 0
        for length in sizes:
            out.append(pickle.loads(view[at:at + length]))
            at += length
        return out

    def pickled(self) -> Iterator[tuple[bytes, T | None]]:
        """Each record in order as its :func:`record_pickle.dumps` bytes, with None for the
        record (unpickle the bytes for it): a reader that may not need the record is spared
        unpickling it."""
        for offset, size, sizes in self._blocks:
            self._file.seek(offset)
            data = self._file.read(size)
            at = 0
            for length in sizes:
                yield data[at:at + length], None
                at += length

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("spilled record index out of range")
        return self._block(index // BLOCK)[index % BLOCK]

    def __iter__(self) -> Iterator[T]:
        for number in range(len(self._blocks)):
            yield from self._block(number)

    def close(self) -> None:
        """Remove the file now rather than when the object is collected."""
        self._file.close()


class RecordShelf(Generic[T]):
    """Records kept on disk one by one as they come, read back by their number (in the order
    they were added), any few at a time: for a caller that needs some of many records in an
    order it does not know while adding them (the mentions of one event, scattered over the
    corpus). Only where each record ends stays in memory, 8 bytes a record."""

    def __init__(self, folder: str | None = None) -> None:
        # Open for the object's lifetime, closed by close() or when collected.
        self._file: IO[bytes] = tempfile.TemporaryFile(  # noqa: SIM115
            prefix="sitroom-shelf-", dir=folder
        )
        self._ends = array("q")
        self._unflushed = False

    def __len__(self) -> int:
        return len(self._ends)

    def add(self, record: T) -> None:
        """Keep ``record`` as the next number."""
        data = record_pickle.dumps(record)
        self._file.write(data)
        self._ends.append((self._ends[-1] if self._ends else 0) + len(data))
        self._unflushed = True

    def get(self, numbers: Iterable[int]) -> list[T]:
        """The records of ``numbers``, in that order."""
        if self._unflushed:
            self._file.flush()
            self._unflushed = False
        handle = self._file.fileno()
        ends = self._ends
        out: list[T] = []
        for number in numbers:
            if not 0 <= number < len(ends):
                raise IndexError("shelved record number out of range")
            start = ends[number - 1] if number else 0
            out.append(pickle.loads(os.pread(handle, ends[number] - start, start)))
        return out

    def close(self) -> None:
        """Remove the file now rather than when the object is collected."""
        self._file.close()


def spill_sorted(records: Iterable[T], key: Callable[[T], Any],
                 folder: str | None = None) -> SpilledRecords[T]:
    """``records`` sorted by ``key`` (a stable sort, as ``sorted`` does) and kept on disk,
    without ever holding them all: each is written to a scratch file as it comes, only its key
    and place in the file stay in memory, and the sorted list is then copied into a
    :class:`SpilledRecords` in key order, as it was pickled."""
    with tempfile.TemporaryFile(prefix="sitroom-sort-", dir=folder) as scratch:
        index: list[tuple[Any, int, int]] = []  # (key, offset, size) of each record
        for record in records:
            data = record_pickle.dumps(record)
            index.append((key(record), scratch.tell(), len(data)))
            scratch.write(data)
        scratch.flush()
        index.sort(key=lambda entry: entry[0])

        def in_order() -> Iterator[bytes]:  # each record as it was pickled: not read again
            for _key, offset, size in index:
                scratch.seek(offset)
                yield scratch.read(size)

        spilled: SpilledRecords[T] = SpilledRecords.of_pickled(in_order(), folder=folder)
        return spilled
