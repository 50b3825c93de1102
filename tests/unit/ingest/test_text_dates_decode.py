"""The helpers the readers share: headers, dates, decoding."""

from __future__ import annotations

import pytest

from sitroom.ingest import decode_bytes, normalize_date, split_header
from sitroom.ingest.decode import repair_text


def test_split_header_on_the_same_line() -> None:
    text = " date 2024-12-06 Turkish officials said"
    header, offset = split_header(text)
    assert header == {"date": "2024-12-06"}
    assert text[offset:] == "Turkish officials said"


def test_split_header_key_block() -> None:
    text = "Title: Bridge falls\nSource: Valley Herald\nDate: 5 March 2025\n\nBody text."
    header, offset = split_header(text)
    assert header == {"title": "Bridge falls", "source": "Valley Herald", "date": "2025-03-05"}
    assert text[offset:] == "Body text."


def test_split_header_leaves_ordinary_text_alone() -> None:
    assert split_header("Note: this is prose.\n\nMore prose.") == ({}, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-12-06", "2024-12-06"),
        ("2024-12-06T23:30:00-05:00", "2024-12-06"),
        ("4/5/17", "2017-04-05"),
        ("25/12/2024", "2024-12-25"),
        ("Wed, 05 Apr 2017 09:14:00 +0000", "2017-04-05"),
        ("May 03, 2013", "2013-05-03"),
        ("", None),
        ("not a date", None),
        ("2050-09-30", None),
    ],
)
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_decode_bytes_repairs_mojibake_and_reads_cp1252() -> None:
    assert decode_bytes("TÃ¼rkiye".encode()) == "Türkiye"
    assert decode_bytes(b"\x93quoted\x94 caf\xe9") == "“quoted” café"
    assert decode_bytes("\ufeffbom".encode()) == "bom"


def test_repair_text_leaves_clean_text_untouched() -> None:
    clean = "He said “no” — twice… in Zürich’s café."
    assert repair_text(clean) == clean
    assert repair_text("donâ€™t") == "don’t"
