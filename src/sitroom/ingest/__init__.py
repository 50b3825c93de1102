"""Reading inputs: any news format to :class:`~sitroom.types.RawDocument` records.

Two functions make the public surface: :func:`discover` lists the input files under the paths
a user gave, and :func:`read_file` turns one file into documents. Neither raises on bad
input: a file (or one record of a file) that cannot be used becomes a
:class:`~sitroom.types.Rejected` row whose reason says what is wrong and what to do.

Formats, and how each is recognised (by content first; the extension only breaks ties):

=================  ===========================================================================
format             recognised by
=================  ===========================================================================
gzip (``.gz``)     magic bytes ``1f 8b``; decompressed in memory, then recognised again
zip                magic bytes ``PK\\x03\\x04``; members read in memory, never extracted
tar (``.tgz``)     ``ustar`` at byte 257 (or a ``.tar`` name); members read in memory
WARC               starts with ``WARC/``; HTML ``response`` records, URL from the target URI
PDF, images, ...   magic bytes, NUL bytes or many control characters: rejected as binary
RSS / Atom         markup whose root is ``<rss``, ``<feed`` or ``<rdf:RDF``; one doc per entry
HTML               markup with HTML tags (``<html``, ``<body``, ``<p`` ...); trafilatura
other XML          ``<?xml`` with neither a feed root nor ``<html``: rejected
JSON               starts with ``{"`` or ``[{`` (or a ``.json`` name); object, array, or an
                   object wrapping an array (``{"articles": [...]}``)
JSONL              a ``.jsonl``/``.ndjson`` name, or JSON whose lines each parse alone
CSV / TSV          a ``.csv``/``.tsv`` name, or a header of short column names followed by
                   rows with as many fields; delimiter from the header line
plain text         everything else that is text; ``.txt``/``.md`` always; optional header
                   line `` date YYYY-MM-DD`` or a ``key: value`` block
folders            :func:`discover` walks them (sorted, hidden entries skipped)
=================  ===========================================================================

Locators name where each document came from: the file path for one-document files,
``archive.zip!inner/a.html``, ``feed.xml#3``, ``table.csv#row=12`` (data rows from 1),
``data.jsonl#line=7``, ``batch.json#2`` (array elements from 1), ``crawl.warc#5`` (records
from 1).

Metadata: the outlet comes from the data's own metadata (a source/outlet/site-name field, the
feed title, ``og:site_name``), else the URL's domain without ``www.``, else
``IngestOptions.source``, else None. Dates go through :func:`normalize_date`; their basis is
``metadata`` for structured fields and ``header`` for a text file's header line. A
``sources.csv`` sidecar (columns ``file, outlet, url, date``) gives metadata to bare files
beside it.

Limits: every input is read under the limits of :class:`IngestOptions` (bytes per file,
decompressed bytes per member and per archive, members, characters per field, records per
file, rejected rows listed per file; defaults in :mod:`sitroom.config`). Reaching one makes a
rejected row naming the limit and the ``--max-...`` option that raises it. Only regular
files are read, links leading out of the input folders are rejected unless
``follow_links``, and control characters never reach a document.
"""

from __future__ import annotations

from ..types import RawDocument, Rejected
from .dates import normalize_date
from .decode import decode_bytes
from .discover import discover
from .meta import Metadata, domain_of, pick_outlet
from .options import FIELD_KEYS, IngestOptions, parse_field_options
from .read import read_file
from .text import split_header

__all__ = [
    "FIELD_KEYS",
    "IngestOptions",
    "Metadata",
    "RawDocument",
    "Rejected",
    "decode_bytes",
    "discover",
    "domain_of",
    "normalize_date",
    "parse_field_options",
    "pick_outlet",
    "read_file",
    "split_header",
]
