"""Article data printed by the CLI cannot drive the terminal (issue 14, finding 6)."""

from __future__ import annotations

import json

from sitroom.terminal import for_terminal, json_for_terminal

HOSTILE = "Flood \x1b[2J\x1b]0;owned\x07\x1b]52;c;ZWNobw==\x07\x9b31m \u202ereversed\u200b"


def test_controls_bidi_and_invisible_characters_are_dropped() -> None:
    shown = for_terminal(HOSTILE + "\nnext\tline")
    assert not any(char in shown for char in "\x1b\x07\x9b\u202e\u200b")
    assert shown.startswith("Flood ") and shown.endswith("\nnext\tline")


def test_json_stays_the_same_json_but_inert() -> None:
    value = {"title": HOSTILE, "text": "Zürich “quoted”"}
    shown = json_for_terminal(value, indent=2)
    assert not any(char in shown for char in "\x1b\x07\x9b\u202e\u200b")
    assert json.loads(shown) == value
    assert "Zürich “quoted”" in shown
