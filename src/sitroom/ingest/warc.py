"""WARC web archives: one document per archived HTML page, located as ``crawl.warc#N``.

Only ``response`` (and ``resource``) records whose payload is HTML with a success status
are articles; requests, metadata, images, scripts and redirects are skipped without a word,
since a crawl is mostly those. The page's URL is the record's ``WARC-Target-URI``, so the
outlet falls back to its domain when the page names no site.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..types import RawDocument, Rejected
from .decode import decode_bytes
from .html import read_html
from .meta import NO_METADATA

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    locator: str, data: bytes, source: str | None, max_bytes: int
) -> Iterator[RawDocument | Rejected]:
    """Documents from a WARC file's (already decompressed or per-record gzipped) bytes."""
    from warcio.archiveiterator import ArchiveIterator

    found = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type not in ("response", "resource"):
                continue
            if not _is_html_page(record):
                continue
            where = f"{locator}#{number}"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Rejected(where, f"the archived page is over {max_bytes} bytes; skipped")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            for item in read_html(where, decode_bytes(payload), NO_METADATA, source, url=url):
                found += 1
                yield item
    except Exception as error:  # warcio raises many kinds on a damaged archive
        yield Rejected(locator, f"damaged WARC archive ({error}); the rest was not read")
        return
    if not found:
        yield Rejected(locator, "the WARC archive holds no HTML pages")


def _is_html_page(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return False
        content_type = http.get_header("Content-Type") or ""
    else:
        headers = getattr(record, "rec_headers", None)
        content_type = headers.get_header("Content-Type") if headers is not None else ""
    return str(content_type).split(";")[0].strip().lower() in _HTML_TYPES
