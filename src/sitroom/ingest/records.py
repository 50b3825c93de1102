"""Structured records (a CSV row, a JSON object) to documents.

Which key holds what is found by name: keys are compared in a normalised form (lower case,
letters and digits only, so ``article_content``, ``articleContent`` and ``Article Content``
are the same) against lists of synonyms in order of preference. The first present key wins,
so a record that has both ``text`` and ``description`` takes ``text``. A user can name the
key for any role (``--field text=body``), which overrides the lists. A text value holding
HTML tags (a CMS export) is reduced to plain text.

The lists hold general vocabulary of news data sets and APIs, nothing about one corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..types import RawDocument, Rejected
from .dates import normalize_date
from .decode import repair_text
from .htmltext import html_to_text, looks_like_html
from .meta import domain_of, pick_outlet
from .options import IngestOptions

SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": (
        "text",
        "articletext",
        "articlecontent",
        "articlebody",
        "content",
        "body",
        "fulltext",
        "maintext",
        "bodytext",
        "article",
        "contents",
        "plaintext",
        "description",
        "summary",
        "abstract",
    ),
    "title": ("title", "headline", "articletitle", "heading", "webtitle", "name"),
    "date": (
        "date",
        "published",
        "pubdate",
        "publishdate",
        "publisheddate",
        "publishedat",
        "publicationdate",
        "datepublished",
        "webpublicationdate",
        "publishedtime",
        "articledate",
        "datetime",
        "seendate",
        "created",
        "createdat",
        "timestamp",
        "time",
        "updated",
        "modified",
    ),
    "source": (
        "source",
        "outlet",
        "sitename",
        "site",
        "publisher",
        "publication",
        "newspaper",
        "sourcename",
        "media",
        "mediaoutlet",
        "domain",
        "sourcedomain",
    ),
    "url": (
        "url",
        "link",
        "articleurl",
        "sourceurl",
        "canonicalurl",
        "weburl",
        "permalink",
        "href",
        "uri",
    ),
    "author": ("author", "authors", "byline", "creator", "writer", "by"),
}

# Keys under which JSON exports nest their list of articles ({"articles": [...]}).
CONTAINER_KEYS = (
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "docs",
    "entries",
    "records",
    "posts",
    "news",
    "stories",
    "response",
)

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_key(key: str) -> str:
    """``Article_Content`` -> ``articlecontent``."""
    return _NOT_ALNUM.sub("", key.lower())


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Role -> the key that holds it in one file's records (None: the file has none)."""

    text: str | None
    title: str | None
    date: str | None
    source: str | None
    url: str | None
    author: str | None

    def get(self, role: str) -> str | None:
        value: str | None = getattr(self, role)
        return value


def resolve_fields(keys: Iterable[str], options: IngestOptions) -> FieldMap | str:
    """The key for each role among ``keys``, or an error message when a key the user
    named with ``--field`` is not there."""
    present = list(dict.fromkeys(keys))
    by_norm: dict[str, str] = {}
    for key in present:
        by_norm.setdefault(normalise_key(key), key)
    chosen: dict[str, str | None] = {}
    for role, synonyms in SYNONYMS.items():
        wanted = options.fields.get(role)
        if wanted is not None:
            match = wanted if wanted in present else by_norm.get(normalise_key(wanted))
            if match is None:
                return (
                    f"--field {role}={wanted} names a column that is not there; "
                    f"columns found: {_list(present)}"
                )
            chosen[role] = match
            continue
        chosen[role] = next((by_norm[s] for s in synonyms if s in by_norm), None)
    # One key never serves two roles: a lone `name` column is a title, not also a source.
    taken: set[str | None] = {chosen[role] for role in options.fields}
    for role in SYNONYMS:
        candidate = chosen[role]
        if candidate is not None and role not in options.fields:
            if candidate in taken:
                chosen[role] = None
            else:
                taken.add(candidate)
    return FieldMap(**chosen)


def no_text_reason(keys: Iterable[str], what: str = "columns") -> str:
    return (
        f"no text {what[:-1]} found; {what} found: {_list(keys)}; "
        f"name the one holding the article text with --field text={what[:-1].upper()}"
    )


def record_to_document(
    locator: str,
    record: Mapping[str, Any],
    fields: FieldMap,
    options: IngestOptions,
    format_name: str,
) -> RawDocument | Rejected:
    """One record as a document, or a rejection naming what is missing."""
    if fields.text is None:
        return Rejected(locator, no_text_reason(record.keys(), "keys"))
    found = scalar_text(record.get(fields.text))
    if found is None or not found.strip():
        return Rejected(locator, f"no text: the {fields.text!r} field is empty")
    text = repair_text(found)
    if looks_like_html(text):
        text = html_to_text(text)
    title = _field(record, fields.title)
    url = _field(record, fields.url)
    named = _source_name(record.get(fields.source)) if fields.source else None
    if named and fields.source and "domain" in normalise_key(fields.source):
        named = domain_of(named) or named  # "www.bbc.co.uk" -> "bbc.co.uk", as for URLs
    raw_date = _field(record, fields.date)
    published = normalize_date(raw_date) if raw_date else None
    return RawDocument(
        locator=locator,
        text=text,
        format=format_name,
        title=title,
        url=url,
        outlet=pick_outlet(named, url, options.source),
        published=published,
        date_basis="metadata" if published else None,
        author=_field(record, fields.author),
    )


def scalar_text(value: Any) -> str | None:
    """A string for a scalar or a list of strings (``authors: ["A", "B"]``); else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return ", ".join(item.strip() for item in value if item.strip())
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        names = [scalar_text(item.get("name")) for item in value]
        return ", ".join(name for name in names if name) or None
    return None


def _field(record: Mapping[str, Any], key: str | None) -> str | None:
    if key is None:
        return None
    value = scalar_text(record.get(key))
    if value is None:
        return None
    value = " ".join(repair_text(value).split())
    return value or None


def _source_name(value: Any) -> str | None:
    """A source given as text, or as an object (``{"id": "bbc", "name": "BBC News"}``)."""
    if isinstance(value, dict):
        for key in ("name", "title", "domain", "id"):
            found = scalar_text(value.get(key))
            if found and found.strip():
                return found.strip()
        return None
    found = scalar_text(value)
    if found is None:
        return None
    found = " ".join(repair_text(found).split())
    return found or None


def _list(keys: Iterable[str], limit: int = 20) -> str:
    names = [str(key) for key in keys]
    shown = ", ".join(repr(name) for name in names[:limit])
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return (shown + more) or "none"
