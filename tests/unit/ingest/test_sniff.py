from __future__ import annotations

import gzip

import pytest

from sitroom.ingest.sniff import is_binary, sniff


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("x.bin", gzip.compress(b"hello"), "gzip"),
        ("x", b"PK\x03\x04rest", "zip"),
        ("x", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        ("x.txt", b"%PDF-1.4 ...", "pdf"),
        ("x", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        ("x", b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("x", b"<!DOCTYPE html><html><body><p>Hi</p>", "html"),
        ("x", b"\xef\xbb\xbf  <html><p>bom</p></html>", "html"),
        ("x", b'{"text": "a"}', "json"),
        ("x", b'[{"text": "a"}]', "json"),
        ("x.jsonl", b'{"text": "a"}\n{"text": "b"}', "jsonl"),
        ("x", b"title,text\nA,body one\nB,body two\n", "csv"),
        ("x", b"[Reuters] Officials said on Monday, in a statement, that", "text"),
        ("x.txt", b'{"text": "a"}', "text"),
        ("x.txt", b"title,text\nA,body\n", "text"),
        ("x", b"Officials said, on Monday, that the bridge, which\nwas old, fell.\n", "text"),
        ("x.txt", "Ünïcödé text in UTF-16".encode("utf-16"), "text"),
    ],
)
def test_sniff(name: str, data: bytes, expected: str) -> None:
    assert sniff(name, data) == expected


def test_binary_detection() -> None:
    assert is_binary(b"abc\x00def")
    assert is_binary(bytes(range(1, 32)) * 10)
    assert not is_binary(b"plain words\r\n\tand tabs")
    assert not is_binary("ascii text".encode("utf-16"))


def test_other_xml_is_not_mistaken_for_an_article() -> None:
    sitemap = b'<?xml version="1.0"?><urlset><url><loc>https://x.example/a</loc></url></urlset>'
    assert sniff("sitemap.xml", sitemap) == "xml"
    xhtml = b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">'
    assert sniff("page.xhtml", xhtml) == "html"
