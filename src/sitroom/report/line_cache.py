"""Records' texts kept from the last write of the report, copied instead of made again.

A build that adds a few articles to thousands leaves most records of the report as they
were: the same events, quotes and claims, byte for byte, in both files. Making each
record's two texts (its JSON-ready data, report.json's line, the page's compact line) was
most of the writer's time on such a build. So the writer notes where each record's two texts
lie in the files it wrote, under a digest of the record itself, and the next write reads the
texts of a record it meets again from the old files instead of making them.

A copy is used only where it is certain to be the text making the record would give:

- the key digests the list's name and the record's pickled bytes (:mod:`.record_pickle`),
  which determine the record; a record pickled another way is merely not found;
- the index is kept under a digest of sitroom's code, so other code starts afresh;
- the page names articles by their position and cuts passages out of their texts, so each
  entry notes the furthest article position its page text read (:attr:`PageRecords.reach`),
  and is used only while the articles up to there are the same ids with the same texts as
  when it was written (articles are listed in the order first stored: an add appends);
- the bytes read back must have the digest noted when they were written: an old file that
  was edited, removed or replaced since gives a miss, never a wrong line.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pickle
import struct
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..stored_memo import MemoStore, namespace
from . import record_pickle
from .spill import SpilledRecords

__all__ = ["CACHED", "LineNotes", "OldLines", "article_chain", "pickled_records", "record_key"]

#: The lists whose records are looked up: those whose records cost more to make than to
#: pickle, digest and read back (a short timeline id or a place, whose page text also
#: gathers the map's countries, is made afresh).
CACHED = frozenset({"events", "quotes", "claims", "citations", "summary"})

_NAME = "report_lines"
_INDEX_KEY = "index"
_DIGEST_SIZE = 16
#: One record's entry: its key; where its report.json line and its page text start and how
#: long they are (in the files as written, page length 0 for a list not on the page); the
#: furthest article position its page text read; the digest of the two texts.
ROW = np.dtype([
    ("key", f"V{_DIGEST_SIZE}"), ("json_at", "<i8"), ("json_len", "<i8"), ("page_at", "<i8"),
    ("page_len", "<i8"), ("reach", "<i8"), ("digest", f"V{_DIGEST_SIZE}"),
])
_HEAD = np.dtype([("articles", "<i8"), ("rows", "<i8")])
#: A row of :data:`ROW` as ``struct`` packs it (no padding: the same bytes).
_PACKED_ROW = struct.Struct(f"<{_DIGEST_SIZE}s5q{_DIGEST_SIZE}s")
#: The row's fields read by position, in :meth:`OldLines.get`'s order.
_PLACES = ("json_at", "json_len", "page_at", "page_len", "reach")


def record_key(section: str, pickled: bytes) -> bytes:
    """The key of a record of ``section`` pickled as ``pickled``."""
    digest = hashlib.blake2b(section.encode(), digest_size=_DIGEST_SIZE)
    digest.update(b"\0")
    digest.update(pickled)
    return digest.digest()


def texts_digest(json_line: bytes, page_text: bytes) -> bytes:
    """The digest a record's two texts are checked against when read back (their lengths
    are noted beside it, so the two run together unambiguously)."""
    digest = hashlib.blake2b(json_line, digest_size=_DIGEST_SIZE)
    digest.update(page_text)
    return digest.digest()


def article_chain(ids: Sequence[str], texts: Mapping[str, str]) -> bytes:
    """A digest of each article position's id and text, back to back: what a record's page
    text reads of the articles (see :class:`~.page_data.PageRecords`)."""
    out = bytearray()
    for article in ids:
        text = texts.get(article)
        digest = hashlib.blake2b(article.encode("utf-8", "surrogatepass"),
                                 digest_size=_DIGEST_SIZE)
        digest.update(b"\0" if text is None else b"\1" + text.encode("utf-8", "surrogatepass"))
        out += digest.digest()
    return bytes(out)


def pickled_records(source: Sequence[Any]) -> Iterator[tuple[bytes, Any]]:
    """Each record of ``source`` as its pickled bytes, with the record itself, or None where
    the bytes were read from disk as kept (unpickle them for the record)."""
    if isinstance(source, SpilledRecords):
        yield from source.pickled()
        return
    for record in source:
        yield record_pickle.dumps(record), record


def unpickled(pickled: bytes, record: Any) -> Any:
    """The record of a :func:`pickled_records` pair."""
    # The bytes are this process's own spill (see .spill): nothing from outside is unpickled.
    return pickle.loads(pickled) if record is None else record


def _namespace() -> str:
    from ..fingerprint import code_digest

    return namespace(_NAME, code_digest())


class OldLines:
    """The texts the last write noted, read back from its files where still valid."""

    def __init__(self, rows: np.ndarray, usable: int, json_path: Path, html_path: Path
                 ) -> None:
        # Columns of plain machine ints and one digest blob, not a tuple per record: the
        # index of 2,000 articles holds 135,000 records, and tuples of Python ints and
        # bytes made it 50 MB where the writer ran.
        self._where = {key: number for number, key in enumerate(rows["key"].tolist())}
        self._columns = tuple(_ints(rows[name]) for name in _PLACES)
        self._digests = rows["digest"].tobytes()
        self._usable = usable
        self._json = _Window.open(json_path)
        self._html = _Window.open(html_path)
        self.found = 0

    @classmethod
    def load(cls, memo: MemoStore, chain: bytes, json_path: Path, html_path: Path
             ) -> OldLines | None:
        """The index the last write kept in ``memo``, for articles whose digests are
        ``chain``; None when there is none for this code."""
        value = memo.memo_entries(_namespace()).get(_INDEX_KEY)
        if value is None:
            return None
        data = base64.b64decode(value)
        head = np.frombuffer(data, dtype=_HEAD, count=1)[0]
        articles, count = int(head["articles"]), int(head["rows"])
        at = _HEAD.itemsize
        old_chain = data[at:at + articles * _DIGEST_SIZE]
        at += articles * _DIGEST_SIZE
        rows = np.frombuffer(data, dtype=ROW, count=count, offset=at)
        return cls(rows, _common_prefix(old_chain, chain), json_path, html_path)

    def get(self, key: bytes) -> tuple[bytes, bytes, int, bytes] | None:
        """The report.json line and page text of the record under ``key``, with how far
        into the articles the page text reads and the texts' digest, if still valid."""
        number = self._where.get(key)
        if number is None or self._json is None:
            return None
        at, length, page_start, page_length, reaches = self._columns
        json_at, json_len, page_at, page_len, reach = (
            at[number], length[number], page_start[number], page_length[number],
            reaches[number])
        digest = self._digests[number * _DIGEST_SIZE:(number + 1) * _DIGEST_SIZE]
        if reach >= self._usable:
            return None
        json_line = self._json.read(json_at, json_len)
        if page_len:
            if self._html is None:
                return None
            page_text = self._html.read(page_at, page_len)
        else:
            page_text = b""
        if texts_digest(json_line, page_text) != digest:
            return None
        self.found += 1
        return json_line, page_text, reach, digest

    def close(self) -> None:
        for window in (self._json, self._html):
            if window is not None:
                window.close()
        self._json = self._html = None


class _Window:
    """Reads of an old file, served from one window of it read ahead: the records of the
    last write come back mostly in the order they were written, so a read of a few hundred
    bytes usually finds them already read."""

    SIZE = 1 << 20

    def __init__(self, handle: int) -> None:
        self._handle = handle
        self._start = 0
        self._data = b""

    @classmethod
    def open(cls, path: Path) -> _Window | None:
        try:
            return cls(os.open(path, os.O_RDONLY))
        except OSError:
            return None

    def read(self, at: int, size: int) -> bytes:
        """``size`` bytes from ``at`` (fewer at the end of the file)."""
        offset = at - self._start
        if offset < 0 or offset + size > len(self._data):
            self._data = os.pread(self._handle, max(size, self.SIZE), at)
            self._start, offset = at, 0
        return self._data[offset:offset + size]

    def close(self) -> None:
        os.close(self._handle)


def _ints(column: np.ndarray) -> array[int]:
    """A column of 64-bit ints as an ``array`` (its items read as plain ints, fast)."""
    out = array("q")
    out.frombytes(np.ascontiguousarray(column, dtype="<i8").tobytes())
    return out


def _common_prefix(old: bytes, new: bytes) -> int:
    """How many leading article positions ``old`` and ``new`` chains share."""
    size = min(len(old), len(new)) // _DIGEST_SIZE
    a = np.frombuffer(old, dtype=f"V{_DIGEST_SIZE}", count=size)
    b = np.frombuffer(new, dtype=f"V{_DIGEST_SIZE}", count=size)
    differ = np.flatnonzero(a != b)
    return int(differ[0]) if len(differ) else size


class LineNotes:
    """Where this write puts each record's texts, kept for the next write (packed as the
    index's rows as they come: a tuple per record would be tens of megabytes)."""

    def __init__(self) -> None:
        self._packed = bytearray()
        self._sections: list[tuple[str, int, int]] = []  # (section, first row, end row)

    def __len__(self) -> int:
        return len(self._packed) // ROW.itemsize

    def note(self, key: bytes, json_at: int, json_line: bytes, page_at: int,
             page_text: bytes, reach: int, digest: bytes | None = None) -> None:
        """A record's texts: ``page_at`` counts from the start of its list's page text;
        ``digest``, their :func:`texts_digest` where known."""
        self._packed += _PACKED_ROW.pack(
            key, json_at, len(json_line), page_at, len(page_text), reach,
            digest or texts_digest(json_line, page_text))

    def section(self, name: str) -> Callable[[], None]:
        """Start noting the records of list ``name``; call what it returns when it ends."""
        first = len(self)

        def ended() -> None:
            self._sections.append((name, first, len(self)))

        return ended

    def place_pages(self, starts: Mapping[str, int]) -> None:
        """Each list's page text starts at ``starts[name]`` in the page (lists missing from
        ``starts`` are not on it)."""
        rows = np.frombuffer(self._packed, dtype=ROW)
        page_at = rows["page_at"].copy()
        for name, first, end in self._sections:
            on_page = rows["page_len"][first:end] > 0
            page_at[first:end] = np.where(on_page, page_at[first:end] + starts.get(name, 0), 0)
        placed = rows.copy()
        placed["page_at"] = page_at
        self._packed = bytearray(placed.tobytes())
        self._sections = []

    def save(self, memo: MemoStore, chain: bytes) -> None:
        """Keep the notes in ``memo`` for the articles whose digests are ``chain``, in place
        of any earlier index."""
        keep = getattr(memo, "keep_memo_entries", None)
        if not callable(keep):  # an index that cannot be replaced is not kept at all
            return
        head = np.array([(len(chain) // _DIGEST_SIZE, len(self))], dtype=_HEAD)
        value = base64.b64encode(head.tobytes() + chain + self._packed).decode("ascii")
        name_space = _namespace()
        keep(name_space, [])
        memo.add_memo_entries(name_space, [(_INDEX_KEY, value)])
