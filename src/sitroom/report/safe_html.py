"""Escaping for report.html: everything that comes from an article is untrusted.

Article titles, texts, URLs, outlet names and file names are written by strangers. These
helpers are the only way article data enters the page, so an article cannot add markup, run
script, make the page load anything, or reorder and disguise text with invisible characters.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

_SAFE_SCHEMES = frozenset({"http", "https"})


def esc(value: object) -> str:
    """Text or attribute content, with ``& < > " '`` escaped (safe in both places), and the
    characters that can disguise text shown instead of obeyed (:func:`reveal_hidden`)."""
    return reveal_hidden(html.escape("" if value is None else str(value), quote=True))


# Bidirectional embeddings, overrides and isolates (they can make ``txt.exe`` read as
# ``exe.txt``, or a title read backwards) and invisible characters that make two different
# outlet names look the same. Joiners (U+200C/D) and LRM/RLM are left alone: Persian, Arabic
# and emoji need them, and they cannot reorder text.
_HIDDEN = (
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x200B,
    0x2060,
    0x2061,
    0x2062,
    0x2063,
    0x2064,
    0xFEFF,
    0x180E,
)
_SHOWN = {code: f"[U+{code:04X}]" for code in _HIDDEN}
# Finding out that a text holds none of them (nearly always) is a scan in C twenty times
# faster than translate() mapping every character through a dict.
_ANY_HIDDEN = re.compile("[" + "".join(re.escape(chr(code)) for code in _HIDDEN) + "]")


_MASKED = dict.fromkeys(_HIDDEN, "\ufffd")


def reveal_hidden(text: str) -> str:
    """``text`` with each bidi control or invisible character replaced by a visible
    ``[U+202E]``, so article data cannot reorder or disguise what the page shows."""
    return text.translate(_SHOWN) if _ANY_HIDDEN.search(text) else text


def has_hidden(text: str) -> bool:
    """Whether ``text`` holds a character :func:`reveal_hidden` would show instead."""
    return _ANY_HIDDEN.search(text) is not None


def mask_hidden(text: str) -> str:
    """``text`` with each bidi control or invisible character replaced by U+FFFD, one
    character for one, so that offsets into it still hold (for texts evidence points into)."""
    return text.translate(_MASKED) if _ANY_HIDDEN.search(text) else text


def reveal_hidden_in(value: Any) -> Any:
    """``value`` (JSON-like data) with :func:`reveal_hidden` applied to every string in it,
    keys included."""
    if isinstance(value, str):
        return reveal_hidden(value)
    if isinstance(value, list):
        return [reveal_hidden_in(item) for item in value]
    if isinstance(value, dict):
        return {reveal_hidden_in(k): reveal_hidden_in(v) for k, v in value.items()}
    return value


def safe_href(url: str | None) -> str | None:
    """``url`` escaped for an ``href`` when it is a plain http(s) address, else None.

    Anything else (``javascript:``, ``data:``, relative paths, URLs hiding whitespace or
    control characters that browsers silently drop) is refused rather than repaired.
    """
    if not url:
        return None
    candidate = url.strip()
    if any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    return esc(candidate)


def link(url: str | None, label: str) -> str:
    """An external link (``label`` already escaped), or the bare label when ``url`` is unsafe."""
    href = safe_href(url)
    if href is None:
        return label
    return f'<a href="{href}" rel="noopener noreferrer">{label}</a>'


def json_for_script(value: Any) -> str:
    """JSON that can sit inside ``<script>`` without closing it or starting markup.

    ``<``, ``>`` and ``&`` become ``\\u`` escapes so ``</script>`` and ``<!--`` cannot appear;
    U+2028/U+2029 are escaped because older JavaScript treats them as line ends inside strings.
    """
    return script_safe(_SCRIPT_JSON.encode(value))


#: ``json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",",
#: ":"))``, made once (``json.dumps`` with arguments makes an encoder on every call, one per
#: record of the page). No spaces after commas and colons: a script reads the page's data.
_SCRIPT_JSON = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, allow_nan=False, separators=(",", ":")
)


class ScriptJson(str):
    """Text :func:`json_for_script` has already made: :func:`json_chunks_for_script` writes
    it as it is instead of encoding it as a string."""

    __slots__ = ()


def revealed_json_for_script(value: Any) -> ScriptJson:
    """``json_for_script(reveal_hidden_in(value))``, the same text made faster.

    Walking every string of a record in Python to reveal hidden characters cost more than
    encoding the record; but neither JSON nor the script escaping touches those characters,
    so revealing them in the encoded text gives the same result. The one case where it
    might not (a hidden character in an object key, which sorts the keys differently once
    revealed) is left to the slow way, taken whenever the text holds any hidden character
    at all (rare)."""
    text = json_for_script(value)
    if _ANY_HIDDEN.search(text):
        text = json_for_script(reveal_hidden_in(value))
    return ScriptJson(text)


def json_chunks_for_script(value: Any, depth: int = 2) -> Iterator[str]:
    """:func:`json_for_script` of ``value`` in pieces whose concatenation is the same text
    (a :class:`ScriptJson` stands for the value it was made from).

    The page data of a large corpus is tens of megabytes of JSON; made as one string (and
    escaped, copy by copy) it raised a build's peak memory by hundreds of megabytes. Here
    lists and objects are opened ``depth`` levels down and each item below is encoded on its
    own, so only the largest single item is ever held as text."""
    if isinstance(value, ScriptJson):
        yield value
    elif depth and isinstance(value, Mapping) and value:
        yield "{"
        for position, key in enumerate(sorted(value)):
            yield ("," if position else "") + json_for_script(key) + ":"
            yield from json_chunks_for_script(value[key], depth - 1)
        yield "}"
    elif depth and isinstance(value, Sequence) and not isinstance(value, str) and value:
        yield "["
        for position, item in enumerate(value):
            yield "," if position else ""
            yield from json_chunks_for_script(item, depth - 1)
        yield "]"
    else:
        yield json_for_script(value)


def script_safe(text: str) -> str:
    """JSON text made safe inside ``<script>`` (see :func:`json_for_script`)."""
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text
