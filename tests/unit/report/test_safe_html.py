from __future__ import annotations

import json

import pytest

from sitroom.report.safe_html import esc, json_for_script, link, safe_href


def test_esc_covers_text_and_attributes() -> None:
    assert esc("<a href=\"x\" title='y'>&</a>") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
    )
    assert esc(None) == ""
    assert esc(3) == "3"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://news.example/a?b=1&c=2", "https://news.example/a?b=1&amp;c=2"),
        ('http://news.example/"onmouseover=x', "http://news.example/&quot;onmouseover=x"),
        ("  HTTPS://News.example/  ", "HTTPS://News.example/"),
    ],
)
def test_http_urls_are_escaped(url: str, href: str) -> None:
    assert safe_href(url) == href


@pytest.mark.parametrize(
    "url",
    [
        None, "", "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
        "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x",
        "//evil.example/", "/local/file", "https://", "https://exa mple.com/", "file:///etc/passwd",
        "https://example.com/\x00",
    ],
)  # fmt: skip
def test_other_urls_are_refused(url: str | None) -> None:
    assert safe_href(url) is None
    assert link(url, "label") == "label"


def test_link_has_rel() -> None:
    assert link("https://a.example/", "A") == (
        '<a href="https://a.example/" rel="noopener noreferrer">A</a>'
    )


def test_json_for_script_cannot_close_the_script() -> None:
    value = {"t": "</script><!-- & \u2028 \u2029 <b>", "n": [1, 2.5, None]}
    encoded = json_for_script(value)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in encoded
    assert json.loads(encoded) == value


def test_bidi_controls_and_invisible_characters_are_shown_not_obeyed() -> None:
    from sitroom.report.safe_html import esc

    shown = esc("Dam report \u202egnp.exe\u202c by Reu\u200bters \u2066x\u2069")
    assert "\u202e" not in shown and "\u200b" not in shown and "\u2066" not in shown
    assert "[U+202E]" in shown and "[U+200B]" in shown and "[U+2066]" in shown
    # joiners that Persian, Arabic and emoji need are left alone
    assert esc("می\u200cخواهم") == "می\u200cخواهم"


def test_json_in_pieces_is_the_same_text() -> None:
    """The page data is written piece by piece; the pieces must join to exactly the text
    json_for_script gives, escapes included."""
    from sitroom.report.safe_html import json_chunks_for_script, json_for_script

    value = {
        "texts": {"a2": "x</script><!-- \u2028 & \U0001f600", "a1": "plain"},
        "events": [{"b": 1, "a": [1.5, None, True]}, {"label": "<b>"}],
        "empty": [],
        "none": None,
        "nested": {"z": {"y": []}, "a": "é"},
        "tuple": (1, "2"),
    }
    joined = "".join(json_chunks_for_script(value))
    assert joined == json_for_script(value)
    assert "</script" not in joined and "<!--" not in joined
    assert "".join(json_chunks_for_script([1, "<"])) == json_for_script([1, "<"])


@pytest.mark.parametrize(
    "record",
    [
        {"title": "Plain </script> & <!-- text", "n": 3, "tags": ["a", "b"]},
        {"title": "evil\u202etxt.exe", "nested": [{"x": "\u200bhidden"}]},
        # A hidden character in a key sorts the keys differently once revealed.
        {"\u202eb": 1, "[": 2, "a": {"\u2066k": "v", "Z": None}},
        {"lines": "one\u2028two\u2029three"},
    ],
)
def test_revealed_records_are_encoded_as_before(record: dict[str, object]) -> None:
    from sitroom.report.safe_html import (
        json_chunks_for_script,
        reveal_hidden_in,
        revealed_json_for_script,
    )

    expected = json_for_script(reveal_hidden_in(record))
    assert revealed_json_for_script(record) == expected
    # Written into the page data as it is, not encoded a second time as a string.
    page = "".join(json_chunks_for_script({"items": [revealed_json_for_script(record)]}))
    assert page == json_for_script({"items": [reveal_hidden_in(record)]})


@pytest.mark.parametrize(
    "char",
    ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
     "\u200b", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\ufeff", "\u180e"],
)  # fmt: skip
def test_every_hidden_character_is_shown_or_masked(char: str) -> None:
    from sitroom.report.safe_html import mask_hidden, reveal_hidden

    text = f"a{char}b\u200dc"  # the joiner stays: scripts and emoji need it
    assert reveal_hidden(text) == f"a[U+{ord(char):04X}]b\u200dc"
    assert mask_hidden(text) == "a\ufffdb\u200dc"
    assert reveal_hidden("plain \u200d text") == "plain \u200d text"
