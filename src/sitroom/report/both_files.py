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

from ..types import Report
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
    report: Report, json_path: Path, html_path: Path, article_texts: Mapping[str, str]
) -> None:
    """Replace ``json_path`` and ``html_path`` with the report's two files. Either both are
    replaced or, should encoding fail (a NaN), neither."""
    folder = str(json_path.parent)
    records = PageRecords((article.id for article in report.articles), article_texts)
    with contextlib.ExitStack() as stack:
        json_out = stack.enter_context(replacing(json_path))
        page: dict[str, str | IO[bytes]] = {}
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
            if convert is None:  # not on the page: report.json only
                _write_records(write, value)
                continue
            scratch = stack.enter_context(
                tempfile.TemporaryFile(prefix=".sitroom-page-", dir=folder)
            )
            on_page = _place_text(countries) if key == "places" else revealed_json_for_script
            opened = False
            for item in value:
                write(((RECORD_SEPARATOR if opened else "[" + RECORD_NEWLINE) + _encode(item))
                      .encode())
                scratch.write((("," if opened else "") + on_page(convert(item))).encode())
                opened = True
            write(LIST_END.encode() if opened else b"[]")
            page[key] = scratch if opened else "[]"
        write(b"\n}\n")
        html_out = stack.enter_context(replacing(html_path))
        html_out.write(page_head(page_title(report)).encode())
        texts = masked_texts((article.id for article in report.articles), article_texts)
        for piece in _page_data(page, texts):
            if isinstance(piece, str):
                html_out.write(piece.encode())
            else:
                piece.seek(0)
                shutil.copyfileobj(piece, html_out)
        html_out.write(page_tail(sorted(countries)).encode())


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
    page: Mapping[str, str | IO[bytes]], texts: Mapping[str, str]
) -> Iterator[str | IO[bytes]]:
    """The page data's JSON, its sections in name order as
    :func:`~.safe_html.json_chunks_for_script` writes a mapping; a section kept in a scratch
    file comes as the file, to be copied between its brackets."""
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
            yield section
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
