"""HTML fragments (a feed entry's content) to plain text.

Full pages go through trafilatura, which finds the article among menus and footers. A feed
entry is already just the article, often a few paragraphs, below trafilatura's minimum
size, so it is converted directly: block elements become line breaks (paragraphs a blank
line), ``script``/``style`` and the like are dropped, entities are unescaped and runs of
spaces inside a line collapse to one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_PARAGRAPHS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "figure")
)
_BLOCKS = _PARAGRAPHS | frozenset(
    (
        "address",
        "article",
        "aside",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "section",
        "tr",
    )
)
_DROPPED = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "object", "head"))
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Tags that mark a value as HTML; a bare "<" in prose ("a < b", "<unknown>") does not.
_MARKUP = re.compile(
    r"</?(?:p|div|br|span|a|b|i|em|strong|h[1-6]|li|ul|ol|blockquote|figure|img|table|section)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag in _PARAGRAPHS else "\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag in _PARAGRAPHS else "\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """The readable text of ``fragment``; plain text passes through (whitespace tidied)."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _tidy("".join(collector.parts))


def looks_like_html(value: str) -> bool:
    """True when ``value`` contains common HTML tags (a CMS export's body often does)."""
    return bool(_MARKUP.search(value))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
