"""RSS and Atom feeds: one document per entry, located as ``feed.xml#N`` (N from 1).

The full text is taken from ``content:encoded`` (RSS) or ``<content>`` (Atom) when present,
else from the summary/description; HTML in either is reduced to text. The outlet is the
entry's own ``<source>`` when it names one (aggregators carry other outlets' items), else the
feed's title, else the domain of the entry's link. A DOCTYPE (and every entity it
declares) is removed before parsing, so entity references are never expanded.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..types import RawDocument, Rejected
from .dates import normalize_date
from .htmltext import html_to_text
from .meta import pick_outlet
from .xmlprolog import without_doctype


def read_feed(locator: str, data: bytes, source: str | None) -> Iterator[RawDocument | Rejected]:
    """Documents from a feed's bytes. Parsed from memory: feedparser never fetches here."""
    import feedparser  # imported on first use: most runs read no feeds

    # A stream, not bytes or str: feedparser treats a string that looks like a URL or a
    # path as something to open, which must never happen with input data. The DOCTYPE is
    # cut out first: when its strict parser refuses entity declarations, feedparser
    # re-parses loosely and expands them without limit (a billion-laughs feed).
    parsed = feedparser.parse(
        io.BytesIO(without_doctype(data)), sanitize_html=False, resolve_relative_uris=False
    )
    entries = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({problem})" if problem else ""
        yield Rejected(locator, f"a feed with no entries{detail}")
        return
    channel = parsed.get("feed") or {}
    feed_title = _plain(channel.get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry(f"{locator}#{number}", entry, feed_title, source)


def _entry(
    where: str, entry: Any, feed_title: str | None, source: str | None
) -> RawDocument | Rejected:
    text = _body(entry)
    if not text:
        return Rejected(where, "the feed entry has no content or summary text")
    url = _plain(entry.get("link"))
    entry_source = entry.get("source") or {}
    named = _plain(entry_source.get("title")) if hasattr(entry_source, "get") else None
    published = None
    for key in ("published", "updated", "created"):
        published = normalize_date(entry.get(key))
        if published:
            break
    return RawDocument(
        locator=where,
        text=text,
        format="feed",
        title=_plain(entry.get("title")),
        url=url,
        outlet=pick_outlet(named or feed_title, url, source),
        published=published,
        date_basis="metadata" if published else None,
        author=_plain(entry.get("author")),
    )


def _body(entry: Any) -> str:
    """The longest content block, else the summary, as plain text."""
    contents = [item.get("value", "") for item in entry.get("content") or []]
    best = max(contents, key=len, default="")
    if not best.strip():
        best = entry.get("summary") or ""
    return html_to_text(str(best))


def _plain(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(html_to_text(value).split()) if "<" in value or "&" in value else value
    text = " ".join(text.split())
    return text or None
