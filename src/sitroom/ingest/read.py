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
from collections.abc import Callable, Iterator
from pathlib import Path

from ..types import RawDocument, Rejected
from .archive import read_archive
from .decode import decode_bytes, decode_raw
from .discover import PERMISSION_REASON, discover
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


def read_file(path: Path, options: IngestOptions) -> Iterator[RawDocument | Rejected]:
    """Every document in the file at ``path``; never raises on bad content."""
    locator = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        yield Rejected(locator, "no such file or directory; check the path")
        return
    except OSError as error:
        yield Rejected(locator, f"cannot open this file ({error.strerror or error})")
        return
    if stat.S_ISDIR(info.st_mode):
        for item in discover([path]):
            yield from item_documents(item, options)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Rejected(locator, "not a regular file (a device, pipe or socket); leave it out")
        return
    if info.st_size > options.max_file_bytes:
        yield Rejected(locator, _too_big(info.st_size, options.max_file_bytes))
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(options.max_file_bytes + 1)
    except PermissionError:
        yield Rejected(locator, PERMISSION_REASON)
        return
    except OSError as error:
        reason = f"cannot read this file ({error.strerror or error}); check the disk"
        yield Rejected(locator, reason)
        return
    if len(data) > options.max_file_bytes:  # it grew since stat
        yield Rejected(locator, _too_big(len(data), options.max_file_bytes))
        return
    yield from read_data(locator, path.name, data, sidecar_for(path), options)


def item_documents(
    item: Path | Rejected, options: IngestOptions
) -> Iterator[RawDocument | Rejected]:
    """What :func:`discover` yielded, read: a rejection passes through, a path is read."""
    if isinstance(item, Rejected):
        yield item
    else:
        yield from read_file(item, options)


def read_data(
    locator: str,
    name: str,
    data: bytes,
    meta: Metadata,
    options: IngestOptions,
    depth: int = 0,
) -> Iterator[RawDocument | Rejected]:
    """Documents from ``data``, the content of a file or archive member called ``name``."""
    for item in _dispatch(locator, name, data, meta, options, depth):
        if isinstance(item, RawDocument) and len(item.text) > options.max_document_chars:
            yield Rejected(item.locator, _too_long(len(item.text), options.max_document_chars))
        else:
            yield item


def _dispatch(
    locator: str, name: str, data: bytes, meta: Metadata, options: IngestOptions, depth: int
) -> Iterator[RawDocument | Rejected]:
    if not data:
        yield Rejected(locator, "empty file (0 bytes)")
        return
    fmt = sniff(name, data)
    if fmt in ("gzip", "zip", "tar") and depth >= _MAX_NESTING:
        yield Rejected(locator, f"archives nested more than {_MAX_NESTING} deep; unpack it first")
        return
    if fmt == "gzip":
        yield from _gunzipped(locator, name, data, meta, options, depth)
    elif fmt in ("zip", "tar"):
        yield from read_archive(
            locator,
            data,
            fmt,
            options.max_file_bytes,
            lambda where, inner, content, found: read_data(
                where, inner, content, found, options, depth + 1
            ),
        )
    elif fmt == "warc":
        yield from read_warc(locator, data, options.source, options.max_file_bytes)
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
    locator: str, name: str, data: bytes, meta: Metadata, options: IngestOptions, depth: int
) -> Iterator[RawDocument | Rejected]:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            inner = handle.read(options.max_file_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        yield Rejected(locator, f"damaged gzip data ({error}); re-create the file")
        return
    if len(inner) > options.max_file_bytes:
        yield Rejected(
            locator,
            f"decompresses to more than {options.max_file_bytes / 2**20:.0f} MiB; split it "
            "or raise max_file_bytes",
        )
        return
    yield from read_data(locator, _inner_name(name), inner, meta, options, depth + 1)


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
        f"file is {size / 2**20:.1f} MiB, over the {limit / 2**20:.0f} MiB limit; "
        "split it into smaller files or raise the limit (IngestOptions.max_file_bytes)"
    )


def _too_long(size: int, limit: int, unit: str = "characters") -> str:
    return (
        f"too long to be one article ({size:,} {unit}, limit {limit:,} characters); "
        "split it into one file per article, or use a multi-record format (JSONL, CSV)"
    )
