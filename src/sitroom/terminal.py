"""Text bound for a terminal: article data must never drive the terminal it is printed on.

A title can carry ``ESC[2J`` (clear the screen), OSC 0 (set the window title), OSC 52 (write
the clipboard) or bidirectional overrides that make text read backwards. Everything the CLI
prints goes through :func:`for_terminal` (plain text) or :func:`json_for_terminal` (JSON),
which drop or escape those characters and keep line breaks and tabs.
"""

from __future__ import annotations

import json
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-character CSI on some
# terminals), bidirectional embeddings, overrides, isolates and marks, and the invisible
# zero-width characters.
_UNSAFE: tuple[int, ...] = (
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x206A),
    0xFEFF,
)
_DROP = dict.fromkeys(_UNSAFE)
_ESCAPE = {code: f"\\u{code:04x}" for code in _UNSAFE}


def for_terminal(text: str) -> str:
    """``text`` without control, bidi-control and zero-width characters (``\\n``, ``\\t`` kept)."""
    return text.translate(_DROP)


def json_for_terminal(value: Any, *, indent: int | None = None) -> str:
    """``value`` as JSON (non-ASCII kept readable) with every unsafe character ``\\u``-escaped:
    still the same JSON for a program, inert for a terminal."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return text.translate(_ESCAPE)
