"""Plain-text articles, with an optional metadata header.

Detection: anything that is text (no NUL bytes, few control characters) and not recognised as
one of the structured formats; explicit text extensions (``.txt``, ``.text``, ``.md``) win over
content sniffing for JSON and CSV, never over HTML, feeds, WARC or binary signatures.

Headers recognised by :func:`split_header` (conservative, so article text is never eaten):

- one leading line starting (after optional spaces) with ``date``, ``dated``, ``published``
  or ``pubdate``, an optional colon, then an ISO date ``YYYY-MM-DD``; the article may go on
  on the same line: `` date 2024-12-06 Turkish President ...``;
- a block of ``key: value`` lines at the very top, *every* line a known key (``title``,
  ``source``/``outlet``, ``url``/``link``, ``date``/``published``, ``author``/``byline``),
  ended by a blank line; or the same block between ``---`` lines (YAML front matter).

The body starts after the header and the whitespace that follows it; ``RawDocument.text`` is
the body and ``RawDocument.body_offset`` where it starts in the decoded file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import DateBasis, RawDocument, Rejected
from .dates import normalize_date
from .decode import decode_bytes
from .meta import Metadata, pick_outlet

# Possessive runs of blanks: ``date`` followed by 100,000 tabs is given up on in one pass,
# where plain ``[ \t]*:?[ \t]*`` tried every way of splitting the run (quadratic time).
_DATE_LINE = re.compile(
    r"[ \t]*+(?:date|dated|published|pubdate)[ \t]*+(?::[ \t]*+)?"
    r"(?P<date>\d{4}[-/]\d{2}[-/]\d{2})(?![\d/-])[ \t]*+(?:\r?\n|(?=\S)|$)",
    re.IGNORECASE,
)
_KEY = re.compile(r"[A-Za-z][A-Za-z _-]{0,20}")
_KEYS = {
    "title": "title",
    "headline": "title",
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "author": "author",
    "byline": "author",
}
_MAX_HEADER_LINES = 12
_LEADING_SPACE = re.compile(r"\s*")


def split_header(text: str) -> tuple[dict[str, str], int]:
    """The header's values and the offset where the body starts; ``({}, 0)`` when none.

    Keys are ``date`` (always ``YYYY-MM-DD``), ``title``, ``source``, ``url``, ``author``.
    """
    found = _date_line(text) or _front_matter(text) or _key_block(text)
    return found if found is not None else ({}, 0)


def read_text(
    locator: str, data: bytes, fallback: Metadata, source: str | None
) -> Iterator[RawDocument | Rejected]:
    """One document from a plain-text file's bytes."""
    yield from read_decoded_text(locator, decode_bytes(data), fallback, source)


def read_decoded_text(
    locator: str, text: str, fallback: Metadata, source: str | None
) -> Iterator[RawDocument | Rejected]:
    """One document from a plain-text file already decoded with ``decode_bytes``."""
    header, offset = split_header(text)
    body = text[offset:]
    if not body.strip():
        yield Rejected(locator, "no text after the header" if header else "only whitespace")
        return
    published, basis = _pick_date(fallback, header)
    url = fallback.url or header.get("url")
    yield RawDocument(
        locator=locator,
        text=body,
        format="text",
        title=fallback.title or header.get("title"),
        url=url,
        outlet=pick_outlet(fallback.outlet or header.get("source"), url, source),
        published=published,
        date_basis=basis,
        author=fallback.author or header.get("author"),
        body_offset=offset,
    )


def _pick_date(fallback: Metadata, header: dict[str, str]) -> tuple[str | None, DateBasis | None]:
    """A sidecar's date (curated by the user) wins over the one in the text's header."""
    if fallback.date:
        return fallback.date, "metadata"
    if header.get("date"):
        return header["date"], "header"
    return None, None


def _date_line(text: str) -> tuple[dict[str, str], int] | None:
    match = _DATE_LINE.match(text)
    if not match:
        return None
    value = normalize_date(match["date"].replace("/", "-"))
    if value is None:
        return None
    return {"date": value}, _skip_space(text, match.end())


def _front_matter(text: str) -> tuple[dict[str, str], int] | None:
    lines = text.split("\n", _MAX_HEADER_LINES + 2)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, min(len(lines), _MAX_HEADER_LINES + 2)):
        if lines[index].strip() == "---":
            values = _parse_keys(lines[1:index])
            if values is None:
                return None
            end = sum(len(line) + 1 for line in lines[: index + 1])
            return values, _skip_space(text, min(end, len(text)))
    return None


def _key_block(text: str) -> tuple[dict[str, str], int] | None:
    lines = text.split("\n", _MAX_HEADER_LINES + 1)
    for index, line in enumerate(lines[: _MAX_HEADER_LINES + 1]):
        if not line.strip():
            if index == 0:
                return None
            values = _parse_keys(lines[:index])
            if values is None:
                return None
            end = sum(len(line) + 1 for line in lines[:index])
            return values, _skip_space(text, min(end, len(text)))
    return None


def _parse_keys(lines: list[str]) -> dict[str, str] | None:
    """The values of ``key: value`` lines, or None unless every line is a known key."""
    values: dict[str, str] = {}
    for line in lines:
        parsed = _key_line(line.rstrip("\r"))
        if parsed is None:
            return None
        key = _KEYS.get(parsed[0].lower())
        if key is None:
            return None
        value = parsed[1]
        if key == "date":
            normalised = normalize_date(value)
            if normalised is None:
                continue
            value = normalised
        values.setdefault(key, value)
    return values or None


def _key_line(line: str) -> tuple[str, str] | None:
    """``" Title : Floods "`` -> ``("Title", "Floods")``; None unless a short key, a colon
    and a value. Split by hand: the regex this replaces backtracked over long runs of
    spaces (a 150,000-space header line took 98 s)."""
    key, colon, value = line.partition(":")
    key = key.strip(" \t")
    value = value.strip(" \t")
    if not colon or not value or not _KEY.fullmatch(key):
        return None
    return key, value


def _skip_space(text: str, offset: int) -> int:
    match = _LEADING_SPACE.match(text, offset)
    return match.end() if match else offset
