"""Which format a file is in, from its bytes first and its name second.

Signatures that cannot be mistaken decide first: gzip, zip, tar, WARC, PDF and image magic
numbers. Then binary content is refused (NUL bytes outside UTF-16, or many control
characters). Text is then recognised by its first characters: ``<`` opens a feed (an
``<rss``, ``<feed`` or ``<rdf:RDF`` root) or HTML; ``{``/``[`` followed by JSON opens JSON or
JSONL; a first line of short delimited column names followed by rows of as many fields is a
table. Everything else is plain text. Extensions break ties: ``.txt``/``.md`` stay text even
when they start with ``[`` or contain commas, ``.csv``/``.tsv`` are tables, ``.jsonl`` is
JSONL.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from typing import Literal

from .utf16 import bomless_utf16
from .xmlprolog import doctype_span, without_doctype

Format = Literal[
    "gzip",
    "zip",
    "tar",
    "warc",
    "binary",
    "pdf",
    "feed",
    "html",
    "json",
    "jsonl",
    "csv",
    "text",
    "xml",
]

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
JSON_SUFFIXES = (".json", ".geojson")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
TABLE_SUFFIXES = (".csv", ".tsv", ".tab")
FEED_SUFFIXES = (".rss", ".atom")

_SAMPLE = 8192
_PROLOG_BYTES = 1 << 20
_CONTROL = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32), 127])
_MAX_CONTROL_SHARE = 0.02
_IMAGE_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"RIFF",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\x7fELF",
    b"MZ",
    b"\xca\xfe\xba\xbe",
    b"PK\x07\x08",
)
_UNICODE_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
)
_BOM_ENCODINGS = ("utf-32-le", "utf-32-be", "utf-8", "utf-16-le", "utf-16-be")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_MARK = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|meta|title|section)[\s>/]",
    re.IGNORECASE,
)
_XHTML = re.compile(r"<html[\s>]", re.IGNORECASE)
_JSON_START = re.compile(r"(?:\{\s*(?:\"|\})|\[\s*(?:\{|\[|\"|\]|-?\d|true|false|null))")
_HEADER_CELL = re.compile(r"[\w .()/#-]{1,60}")


def sniff(name: str, data: bytes) -> Format:
    """The format of ``data``, read from a file (or archive member) called ``name``."""
    lower = name.lower()
    head = data[:_SAMPLE]
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if len(data) > 262 and data[257:262] == b"ustar":
        return "tar"
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"%PDF"):
        return "pdf"
    if lower.endswith(".tar") and _is_tar(data):
        return "tar"  # an old (pre-POSIX) tar has no "ustar" mark
    if head.startswith(_IMAGE_MAGIC) or is_binary(head):
        return "binary"
    start = sample_text(head).lstrip()
    if start.startswith(("<?xml", "<!")) and doctype_span(data) is not None:
        # A long DOCTYPE (an internal subset of entity declarations) can fill the sample:
        # look at what follows it.
        start = sample_text(without_doctype(data[: _PROLOG_BYTES])[:_SAMPLE]).lstrip()
    if start.startswith("<"):
        return _markup(lower, start)
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(JSON_SUFFIXES):
        return "json"
    if lower.endswith(TABLE_SUFFIXES):
        return "csv"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if _JSON_START.match(start):
        return "json"
    if looks_like_table(start):
        return "csv"
    return "text"


def _is_tar(data: bytes) -> bool:
    import tarfile

    try:
        return tarfile.is_tarfile(io.BytesIO(data))
    except (OSError, ValueError):
        return False


def is_binary(sample: bytes) -> bool:
    """True for bytes that are not text: NULs (unless UTF-16/32) or many control bytes."""
    if not sample or sample.startswith(_UNICODE_BOMS):
        return False
    if b"\x00" in sample:
        return bomless_utf16(sample) is None
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > _MAX_CONTROL_SHARE


def looks_like_table(sample: str) -> bool:
    """A header line of short column names, then at least one row with as many fields."""
    lines = sample.splitlines()
    if len(lines) < 2:
        return False
    delimiter = guess_delimiter(lines[0])
    if delimiter is None:
        return False
    # The last line of the sample may be cut in the middle of a row.
    whole = sample if len(sample) < _SAMPLE else sample[: sample.rfind("\n")]
    try:
        rows = list(csv.reader(io.StringIO(whole, newline=""), delimiter=delimiter))
    except csv.Error:
        return False
    rows = [row for row in rows if row]
    header = rows[0]
    if len(header) < 2 or not all(_HEADER_CELL.fullmatch(cell.strip()) for cell in header):
        return False
    body = rows[1:6]
    return bool(body) and all(len(row) == len(header) for row in body)


def guess_delimiter(header_line: str) -> str | None:
    """The delimiter of a header line: the most frequent of tab, comma, semicolon, pipe."""
    counts = {delimiter: header_line.count(delimiter) for delimiter in ("\t", ",", ";", "|")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else None


def _markup(lower: str, start: str) -> Format:
    if start.startswith("<?xml") or not _HTML_MARK.match(start):
        if _FEED_ROOT.search(start[:_SAMPLE]):
            return "feed"
        if lower.endswith(FEED_SUFFIXES):
            return "feed"
        if start.startswith("<?xml") and not _XHTML.search(start):
            return "xml"  # a sitemap, an office file's part...: no article to find
    if lower.endswith(TEXT_SUFFIXES) and not _HTML_MARK.search(start):
        return "text"
    return "html"


def sample_text(head: bytes) -> str:
    """The first bytes of a file as text, good enough to recognise its format."""
    for bom, encoding in zip(_UNICODE_BOMS, _BOM_ENCODINGS, strict=True):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="replace")
    utf16 = bomless_utf16(head)
    if utf16 is not None:
        return head.decode(utf16, errors="replace")
    return head.decode("utf-8", errors="replace")
