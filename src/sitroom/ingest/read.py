"""One input file to documents, whatever its format: the dispatcher behind ``read_file``.

The file is read once into memory (after a size check), its format recognised from its bytes
(:mod:`.sniff`), and the bytes handed to that format's reader. Compressed data and archives
come back here for each member, so a ``.tar.gz`` of ``.jsonl`` files reads like the files
themselves. Nothing here raises on bad content: every problem becomes a :class:`Rejected`
whose reason says what is wrong and what to do.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Literal

from ..config import limit_reason
from ..types import RawDocument, Rejected
from .archive import Budget, read_archive
from .decode import decode_bytes, decode_raw
from .discover import NOT_REGULAR_REASON, PERMISSION_REASON, discover
from .feed import read_feed
from .html import read_html
from .jsondocs import read_json, read_jsonl
from .meta import Metadata
from .options import IngestOptions
from .sidecar import sidecar_for
from .sniff import JSONL_SUFFIXES, sniff
from .table import read_table
from .text import read_decoded_text
from .warc import read_warc

_MAX_NESTING = 4
_MAX_UNDECODABLE_SHARE = 0.05
_BYTES_PER_CHAR_MAX = 4


def read_file(
    path: Path, options: IngestOptions, root: Path | None = None
) -> Iterator[RawDocument | Rejected]:
    """Every document in the file at ``path``; never raises on bad content.

    ``root`` is the input folder the file was found in: ``sources.csv`` sidecars are looked
    up from the file's own folder up to it, never above (a file named on its own uses its
    own folder's sidecar only). At most ``options.max_rejected_listed`` rejected rows are
    yielded per file; the others are counted in one more row.
    """
    locator = str(path)
    loaded = _load(path, options)
    if loaded == "folder":
        for item in discover([path], follow_links=options.follow_links):
            yield from item_documents(item, options, root=path)
        return
    if isinstance(loaded, Rejected):
        yield loaded
        return
    budget = Budget(options.max_archive_bytes, options.max_members)
    meta = sidecar_for(path, root, follow_links=options.follow_links)
    items = read_data(locator, path.name, loaded, meta, options, budget=budget)
    yield from cap_rejected(locator, items, options.max_rejected_listed)


def _load(path: Path, options: IngestOptions) -> bytes | Rejected | Literal["folder"]:
    """The bytes of a regular file, or why there are none. Opened without blocking and
    checked on the open descriptor, so a pipe or device swapped in cannot hang the read."""
    locator = str(path)
    try:
        fd = open_for_reading(path)
    except FileNotFoundError:
        return Rejected(locator, "no such file or directory; check the path")
    except PermissionError:
        return Rejected(locator, PERMISSION_REASON)
    except OSError as error:
        return Rejected(locator, f"cannot open this file ({error.strerror or error})")
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            return "folder"
        if not stat.S_ISREG(info.st_mode):
            return Rejected(locator, NOT_REGULAR_REASON)
        if info.st_size > options.max_file_bytes:
            return Rejected(locator, _too_big(info.st_size, options.max_file_bytes))
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(options.max_file_bytes + 1)
    except OSError as error:
        detail = error.strerror or error
        return Rejected(locator, f"cannot read this file ({detail}); check the disk")
    finally:
        os.close(fd)
    if len(data) > options.max_file_bytes:  # it grew since stat
        return Rejected(locator, _too_big(len(data), options.max_file_bytes))
    return data


def open_for_reading(path: Path | str) -> int:
    """A read-only descriptor that never blocks on opening (a FIFO would wait forever)."""
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def item_documents(
    item: Path | Rejected, options: IngestOptions, root: Path | None = None
) -> Iterator[RawDocument | Rejected]:
    """What :func:`discover` yielded, read: a rejection passes through, a path is read."""
    if isinstance(item, Rejected):
        yield item
    else:
        yield from read_file(item, options, root=root)


def cap_rejected(
    locator: str, items: Iterable[RawDocument | Rejected], limit: int
) -> Iterator[RawDocument | Rejected]:
    """``items`` with only the first ``limit`` rejected records or members; the rest become
    one row that counts them and repeats the first of their reasons. Rows about the file as
    a whole (a limit it reached) are always listed."""
    listed = 0
    hidden = 0
    example = ""
    for item in items:
        if isinstance(item, Rejected) and item.path != locator:
            listed += 1
            if listed > limit:
                hidden += 1
                example = example or item.reason
                continue
        yield item
    if hidden:
        yield Rejected(
            f"{locator}#more",  # its own path: the store keeps one row per path
            f"{hidden:,} more rejected records or members in this file, not listed one by "
            f"one (the first: {example[:300]}); " + limit_reason("max_rejected_listed", limit),
        )


def read_data(
    locator: str,
    name: str,
    data: bytes,
    meta: Metadata,
    options: IngestOptions,
    depth: int = 0,
    budget: Budget | None = None,
) -> Iterator[RawDocument | Rejected]:
    """Documents from ``data``, the content of a file or archive member called ``name``.

    At most ``options.max_rows`` records are read from it; every document is checked
    against the length limits and has its control characters removed.
    """
    if budget is None:
        budget = Budget(options.max_archive_bytes, options.max_members)
    fmt = sniff(name, data) if data else None
    counted = fmt not in _CONTAINERS
    records = 0
    for item in _dispatch(locator, name, fmt, data, meta, options, depth, budget):
        if counted:
            records += 1
            if records > options.max_rows:
                yield Rejected(
                    locator,
                    f"more than {options.max_rows:,} records; the rest of the file was not "
                    "read: " + limit_reason("max_rows", options.max_rows),
                )
                return
        yield checked_document(item, options) if isinstance(item, RawDocument) else item


_CONTAINERS = ("gzip", "zip", "tar")
MIN_WORDS = 3
"""A document with fewer words is not an article (a number, a stray word)."""
_FIELDS = ("title", "url", "outlet", "author")
# C0 controls other than tab and line breaks, DEL and the C1 controls: never text, and some
# (NUL, ESC) break the store or a terminal. Replaced by a space in the text (offsets keep).
# NEL (U+0085) is left alone: the cleaner reads it as a line break.
_CONTROLS = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)], " "
)
_FIELD_CONTROLS = dict.fromkeys([*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)], " ")


def checked_document(doc: RawDocument, options: IngestOptions) -> RawDocument | Rejected:
    """``doc`` without control characters, or a rejection when it is over a length limit."""
    if len(doc.text) > options.max_document_chars:
        return Rejected(doc.locator, _too_long(len(doc.text), options.max_document_chars))
    if len(doc.text.split(maxsplit=MIN_WORDS)) < MIN_WORDS:
        # Not an article; rejected here, these are capped per file: an archive of 100,000
        # one-word entries costs 21 rejected rows, not 100,000 articles to store and parse.
        return Rejected(
            doc.locator,
            f"too short to be an article (fewer than {MIN_WORDS} words); leave it out",
        )
    changes: dict[str, str | None] = {}
    for name in _FIELDS:
        value = getattr(doc, name)
        if value is None:
            continue
        if len(value) > options.max_field_chars:
            return Rejected(
                doc.locator,
                f"its {name} is {len(value):,} characters long, not a real {name}; not read: "
                + limit_reason("max_field_chars", options.max_field_chars),
            )
        clean = " ".join(value.translate(_FIELD_CONTROLS).split())
        if clean != value:
            changes[name] = clean or None
    text = doc.text.translate(_CONTROLS)
    if text != doc.text:
        changes["text"] = text
    return replace(doc, **changes) if changes else doc  # type: ignore[arg-type]


def _dispatch(
    locator: str,
    name: str,
    fmt: str | None,
    data: bytes,
    meta: Metadata,
    options: IngestOptions,
    depth: int,
    budget: Budget,
) -> Iterator[RawDocument | Rejected]:
    if fmt is None:
        yield Rejected(locator, "empty file (0 bytes)")
        return
    if fmt in ("gzip", "zip", "tar") and depth >= _MAX_NESTING:
        yield Rejected(locator, f"archives nested more than {_MAX_NESTING} deep; unpack it first")
        return
    if fmt == "gzip":
        yield from _gunzipped(locator, name, data, meta, options, depth, budget)
    elif fmt in ("zip", "tar"):
        yield from read_archive(
            locator,
            data,
            fmt,
            options.max_unpacked_bytes,
            budget,
            lambda where, inner, content, found: read_data(
                where, inner, content, found, options, depth + 1, budget
            ),
        )
    elif fmt == "warc":
        yield from read_warc(locator, data, options.source, options.max_unpacked_bytes)
    elif fmt == "pdf":
        yield Rejected(locator, "PDF is not read; convert it to text first (pdftotext FILE)")
    elif fmt == "binary":
        yield Rejected(
            locator,
            "binary data, not text (NUL bytes or control characters); "
            "if it holds an article, save it as UTF-8 text",
        )
    elif fmt == "xml":
        yield Rejected(
            locator,
            "XML that is neither an RSS/Atom feed nor an XHTML page; "
            "export the articles as text, HTML, JSON or CSV",
        )
    elif fmt == "feed":
        yield from read_feed(locator, data, options.source)
    elif fmt == "html":
        yield from _text_then(
            locator, data, options, lambda text: read_html(locator, text, meta, options.source)
        )
    elif fmt in ("json", "jsonl"):
        text = decode_raw(data)
        is_lines = fmt == "jsonl" or name.lower().endswith(JSONL_SUFFIXES)
        yield from (read_jsonl if is_lines else read_json)(locator, text, options)
    elif fmt == "csv":
        tab = name.lower().endswith((".tsv", ".tab"))
        yield from read_table(locator, decode_raw(data), options, tab_separated=tab)
    else:
        if len(data) > _BYTES_PER_CHAR_MAX * options.max_document_chars:
            yield Rejected(locator, _too_long(len(data), options.max_document_chars, "bytes"))
            return
        yield from _text_then(
            locator,
            data,
            options,
            lambda text: read_decoded_text(locator, text, meta, options.source),
        )


def _text_then(
    locator: str,
    data: bytes,
    options: IngestOptions,
    reader: Callable[[str], Iterator[RawDocument | Rejected]],
) -> Iterator[RawDocument | Rejected]:
    """Decode a one-document file, refusing text that no encoding could make sense of."""
    text = decode_bytes(data)
    bad = text.count("\ufffd")
    if text and bad / len(text) > _MAX_UNDECODABLE_SHARE:
        yield Rejected(
            locator,
            f"undecodable text: {bad} of {len(text)} characters are invalid in every encoding "
            "tried; convert the file to UTF-8",
        )
        return
    yield from reader(text)


def _gunzipped(
    locator: str,
    name: str,
    data: bytes,
    meta: Metadata,
    options: IngestOptions,
    depth: int,
    budget: Budget,
) -> Iterator[RawDocument | Rejected]:
    allowed = min(options.max_unpacked_bytes, budget.bytes_left)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            inner = handle.read(allowed + 1)  # a bomb is cut one byte past the limit
    except (OSError, EOFError, zlib.error) as error:
        yield Rejected(locator, f"damaged gzip data ({error}); re-create the file")
        return
    if len(inner) > allowed:
        attribute = (
            "max_unpacked_bytes" if allowed == options.max_unpacked_bytes else "max_archive_bytes"
        )
        yield Rejected(
            locator,
            f"decompresses to more than {allowed / 2**20:g} MiB; not read: "
            + limit_reason(attribute, getattr(options, attribute)),
        )
        return
    budget.bytes_left -= len(inner)
    yield from read_data(locator, _inner_name(name), inner, meta, options, depth + 1, budget)


def _inner_name(name: str) -> str:
    """``a.jsonl.gz`` -> ``a.jsonl``; ``a.tgz`` -> ``a.tar``."""
    lower = name.lower()
    if lower.endswith(".tgz"):
        return name[:-4] + ".tar"
    if lower.endswith((".gz", ".gzip")):
        return os.path.splitext(name)[0]
    return name


def _too_big(size: int, limit: int) -> str:
    return (
        f"file is {size / 2**20:.1f} MiB, "
        + limit_reason("max_file_bytes", limit)
        + "; or split it into smaller files"
    )


def _too_long(size: int, limit: int, unit: str = "characters") -> str:
    return (
        f"too long to be one article ({size:,} {unit}, limit {limit:,} characters); "
        "split it into one file per article, or use a multi-record format (JSONL, CSV)"
    )
