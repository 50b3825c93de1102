"""report.json and report.html written in one pass over the report's records.

Each record of the report becomes JSON-ready data once (:mod:`.serialize`) and is encoded
twice from it: on one line for report.json, script-safe with hidden characters revealed for
the page. Writing the two files one after the other made the data twice, and read the
records kept on disk (events, claims, quotes) twice. The page orders its data's sections by
name, not in report.json's order, so each section's page text goes to a scratch file (in the
output folder, unnamed, removed when closed) while report.json is written, and the page is
put together from them afterwards. The bytes of both files are those of
:func:`~.serialize.report_json_chunks` and :func:`~.render.html_chunks`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from ..stored_memo import MemoStore
from ..types import Report
from .line_cache import (
    CACHED,
    LineNotes,
    OldLines,
    article_chain,
    pickled_records,
    record_key,
    unpickled,
)
from .page_data import PageRecords
from .render import masked_texts, page_head, page_tail, page_title
from .safe_html import (
    json_chunks_for_script,
    json_for_script,
    reveal_hidden_in,
    revealed_json_for_script,
)
from .serialize import (
    LIST_END,
    RECORD_NEWLINE,
    RECORD_SEPARATOR,
    Records,
    _encode,
    report_sections,
)

#: The page data's key for the articles' texts (not a section of report.json).
_TEXTS = "texts"


def write_both(
    report: Report,
    json_path: Path,
    html_path: Path,
    article_texts: Mapping[str, str],
    memo: MemoStore | None = None,
) -> None:
    """Replace ``json_path`` and ``html_path`` with the report's two files. Either both are
    replaced or, should encoding fail (a NaN), neither. With ``memo`` (the store), records
    written before are copied from the old files where that is sure to give the same bytes,
    and where this write puts them is kept there for the next one (see :mod:`.line_cache`)."""
    folder = str(json_path.parent)
    ids = [article.id for article in report.articles]
    records = PageRecords(ids, article_texts)
    chain = article_chain(ids, article_texts) if memo is not None else b""
    notes = LineNotes() if memo is not None else None
    with contextlib.ExitStack() as stack:
        old = None if memo is None else OldLines.load(memo, chain, json_path, html_path)
        if old is not None:
            stack.callback(old.close)
        json_out = _Counted(stack.enter_context(replacing(json_path)))
        page: dict[str, str | _Counted] = {}
        countries: set[str] = set()
        write = json_out.write
        write(b"{")
        for position, (key, value) in enumerate(report_sections(report)):
            write((("\n  " if position == 0 else ",\n  ") + _encode(key) + ": ").encode())
            if not isinstance(value, Records):
                write(_encode(value).encode())
                page[key] = "".join(json_chunks_for_script(reveal_hidden_in(value), 1))
                continue
            convert = records.converter(key)
            cached = notes is not None and key in CACHED
            if convert is None and not cached:  # not on the page: report.json only
                _write_records(write, value)
                continue
            scratch = None if convert is None else _Counted(stack.enter_context(
                tempfile.TemporaryFile(prefix=".sitroom-page-", dir=folder)))
            on_page = _place_text(countries) if key == "places" else revealed_json_for_script
            made = _Made(value, convert, on_page, records)
            texts = (_looked_up(key, made, old) if cached else
                     ((None, *made.texts(item), None) for item in value))
            ended = notes.section(key) if notes is not None and cached else None
            opened = False
            for record_key, json_line, page_text, reach, digest in texts:
                lead = _RECORD_SEPARATOR if opened else _LIST_START
                json_at = json_out.at + len(lead)
                write(lead + json_line)
                page_at = 0
                if scratch is not None:
                    page_at = scratch.at + opened
                    scratch.write(b"," + page_text if opened else page_text)
                if notes is not None and record_key is not None:
                    notes.note(record_key, json_at, json_line, page_at, page_text, reach,
                               digest)
                opened = True
            if ended is not None:
                ended()
            write(_LIST_END if opened else b"[]")
            if scratch is not None:
                page[key] = scratch if opened else "[]"
        write(b"\n}\n")
        html_out = _Counted(stack.enter_context(replacing(html_path)))
        html_out.write(page_head(page_title(report)).encode())
        texts_shown = masked_texts((article.id for article in report.articles), article_texts)
        starts: dict[str, int] = {}
        for piece in _page_data(page, texts_shown):
            if isinstance(piece, str):
                html_out.write(piece.encode())
            else:
                name, section = piece
                starts[name] = html_out.at
                html_out.copy_from(section)
        html_out.write(page_tail(sorted(countries)).encode())
    if memo is not None and notes is not None:
        notes.place_pages(starts)
        notes.save(memo, chain)


_RECORD_SEPARATOR = RECORD_SEPARATOR.encode()
_LIST_START = ("[" + RECORD_NEWLINE).encode()
_LIST_END = LIST_END.encode()


class _Counted:
    """A binary file written through :meth:`write`, counting where the next byte goes (a
    buffered file's ``tell`` asks the system every time)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.at = 0

    def write(self, data: bytes) -> None:
        self.handle.write(data)
        self.at += len(data)

    def copy_from(self, other: _Counted) -> None:
        """Append everything written to ``other`` (a scratch file open for reading too)."""
        other.handle.flush()
        other.handle.seek(0)
        shutil.copyfileobj(other.handle, self.handle)
        self.at += other.at


class _Made:
    """Makes a record's two texts: its report.json line and its page text (empty for a list
    not on the page), with how far into the articles the page text read."""

    def __init__(self, value: Records, convert: Callable[[Any], Any] | None,
                 on_page: Callable[[Any], str], records: PageRecords) -> None:
        self.value = value
        self._convert = convert
        self._on_page = on_page
        self._records = records

    def texts(self, item: Any) -> tuple[bytes, bytes, int]:
        json_line = _encode(item).encode()
        if self._convert is None:
            return json_line, b"", -1
        self._records.reach = -1
        page_text = self._on_page(self._convert(item)).encode()
        return json_line, page_text, self._records.reach


def _looked_up(section: str, made: _Made, old: OldLines | None
               ) -> Iterator[tuple[bytes, bytes, bytes, int, bytes | None]]:
    """(key, report.json line, page text, reach, the texts' digest or None) of each record
    of ``made``'s list, copied from the last write where valid, else made."""
    for pickled, record in pickled_records(made.value.source):
        key = record_key(section, pickled)
        found = None if old is None else old.get(key)
        if found is None:
            yield key, *made.texts(made.value.convert(unpickled(pickled, record))), None
        else:
            yield key, *found


def _write_records(write: Callable[[bytes], Any], records: Records) -> None:
    """A list of report.json's records, as :func:`~.serialize.report_json_chunks` writes it."""
    opened = False
    for item in records:
        write(((RECORD_SEPARATOR if opened else "[" + RECORD_NEWLINE) + _encode(item)).encode())
        opened = True
    write(LIST_END.encode() if opened else b"[]")


def _place_text(countries: set[str]) -> Callable[[Any], str]:
    """A place's page text, as the page writes it (kept as data until then), noting its
    country for the map's subdivisions."""

    def encoded(item: Any) -> str:
        shown = reveal_hidden_in(item)
        if shown.get("country_code"):
            countries.add(shown["country_code"])
        return json_for_script(shown)

    return encoded


def _page_data(
    page: Mapping[str, str | _Counted], texts: Mapping[str, str]
) -> Iterator[str | tuple[str, _Counted]]:
    """The page data's JSON, its sections in name order as
    :func:`~.safe_html.json_chunks_for_script` writes a mapping; a section kept in a scratch
    file comes as its name and the file, to be copied between its brackets."""
    yield "{"
    for position, key in enumerate(sorted([*page, _TEXTS])):
        yield ("," if position else "") + json_for_script(key) + ":"
        if key == _TEXTS:
            yield from json_chunks_for_script(texts, 1)
            continue
        section = page[key]
        if isinstance(section, str):
            yield section
        else:
            yield "["
            yield key, section
            yield "]"
    yield "}"


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` when the block ends without an error (synced,
    with the mode the umask gives, moved into place in one step); removed otherwise."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fchmod(handle.fileno(), 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
