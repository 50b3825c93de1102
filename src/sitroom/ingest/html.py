"""HTML pages: the article text and metadata, found by trafilatura.

trafilatura separates the article from navigation, share bars, newsletters and footers and
reads title, date, author and site name from the page's metadata (``og:``, JSON-LD,
``article:published_time``...). Dates are taken from markup only (no guessing from the text:
that is the cleaner's job, and it labels such dates ``inferred``). When trafilatura finds
nothing (a page under its minimum size), the page's visible text is used instead; a page with
no visible text at all (only scripts) is rejected.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..types import RawDocument, Rejected
from .dates import normalize_date
from .htmltext import html_to_text
from .meta import Metadata, pick_outlet

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(
    locator: str,
    html: str,
    fallback: Metadata,
    source: str | None,
    url: str | None = None,
) -> Iterator[RawDocument | Rejected]:
    """One document from a page's markup; ``url`` is where it was fetched (WARC)."""
    found = _extract(html, url)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if not text:
        text = html_to_text(html)
    if not text:
        yield Rejected(
            locator,
            "no article text found in this HTML (only scripts, styles or markup); "
            "if the page builds its text with JavaScript, save the rendered page instead",
        )
        return
    page_url = fallback.url or url or _value(found, "url")
    page_date = normalize_date(_value(found, "date"))
    published = fallback.date or page_date
    yield RawDocument(
        locator=locator,
        text=text,
        format="html",
        title=fallback.title or _value(found, "title"),
        url=page_url,
        outlet=pick_outlet(fallback.outlet or _value(found, "sitename"), page_url, source),
        published=published,
        date_basis="metadata" if published else None,
        author=fallback.author or _value(found, "author"),
    )


def _extract(html: str, url: str | None) -> Any:
    import trafilatura  # heavy import, needed only when there is HTML

    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # a malformed page must not stop the run
        return None


def _value(found: Any, name: str) -> str | None:
    if found is None:
        return None
    value = getattr(found, name, None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
