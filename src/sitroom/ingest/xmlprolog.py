"""The DOCTYPE of an XML document, found without a regular expression or a parser.

Feeds are parsed by a library that, when the strict parser gives up, re-parses loosely and
expands entities declared in the DOCTYPE without any limit (a 156 KB feed can expand to
gigabytes). The readers therefore cut the whole DOCTYPE out before any parser sees the
data; undeclared entity references are then left as they are. The scan is one linear pass
over the bytes that knows about quoted strings and the ``[...]`` internal subset.
"""

from __future__ import annotations

import re

_DOCTYPE = b"<!doctype"
_PROLOG_SCAN = 1 << 20  # a DOCTYPE is looked for in the first MiB only
_SPECIAL = re.compile(rb"[\"'\[\]>]")  # one character class: linear, nothing to backtrack


def doctype_span(data: bytes) -> tuple[int, int] | None:
    """Start and end of the first DOCTYPE declaration before the root element, or None."""
    head = data[:_PROLOG_SCAN]
    start = head.lower().find(_DOCTYPE)
    if start < 0:
        return None
    root = _first_element(head)
    if root is not None and root < start:
        return None
    depth = 0
    quote = b""
    for match in _SPECIAL.finditer(data, start + len(_DOCTYPE)):
        char = match.group()
        if quote:
            if char == quote:
                quote = b""
        elif char in (b'"', b"'"):
            quote = char
        elif char == b"[":
            depth += 1
        elif char == b"]":
            depth = max(0, depth - 1)
        elif depth == 0:  # ">"
            return start, match.end()
    return start, len(data)  # never closed: everything after it is the declaration


def without_doctype(data: bytes) -> bytes:
    """``data`` with its DOCTYPE declaration (and any entity declared in it) removed."""
    span = doctype_span(data)
    if span is None:
        return data
    return data[: span[0]] + data[span[1] :]


def _first_element(head: bytes) -> int | None:
    """Offset of the first ``<`` that opens an element (not ``<?``, ``<!``)."""
    index = head.find(b"<")
    while index >= 0 and index + 1 < len(head):
        if head[index + 1] not in (0x3F, 0x21):  # ? !
            return index
        index = head.find(b"<", index + 1)
    return None
