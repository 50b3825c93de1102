"""Property-based tests of every reader (issue 13, reliability): whatever the bytes, a
reader yields documents or rejected rows, never raises, never writes a file, and keeps its
documents within the limits."""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.ingest import IngestOptions, RawDocument, Rejected
from sitroom.ingest.meta import NO_METADATA
from sitroom.ingest.read import read_data

OPTIONS = IngestOptions(
    max_unpacked_bytes=200_000, max_archive_bytes=500_000, max_members=50, max_rows=200
)
NAMES = st.sampled_from(
    ["a.txt", "a.html", "a.json", "a.jsonl", "a.csv", "a.tsv", "a.xml", "a.rss", "a.gz",
     "a.zip", "a.tar", "a.warc", "a.md", "noext"]
)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_CONTROL = {*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F}


def _check(name: str, data: bytes) -> list[RawDocument | Rejected]:
    items = list(read_data(f"/in/{name}", name, data, NO_METADATA, OPTIONS))
    for item in items:
        assert isinstance(item, RawDocument | Rejected)
        if isinstance(item, RawDocument):
            assert not any(ord(char) in _CONTROL for char in item.text)
            for field in (item.title, item.url, item.outlet, item.author):
                assert field is None or len(field) <= OPTIONS.max_field_chars
            assert len(item.text) <= OPTIONS.max_document_chars
        else:
            assert item.reason.strip()
    records = [i for i in items if "#" in (i.locator if isinstance(i, RawDocument) else i.path)]
    assert len(records) <= OPTIONS.max_rows + 1
    return items


@FAST
@given(name=NAMES, data=st.binary(max_size=4096))
def test_random_bytes(name: str, data: bytes) -> None:
    _check(name, data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, text=st.text(max_size=1000))
def test_random_unicode(name: str, text: str) -> None:
    _check(name, text.encode("utf-8", errors="surrogatepass"))


@FAST
@given(
    name=NAMES,
    prefix=st.sampled_from(["", "title: ", "date ", "<rss>", '{"text": "', "[", "a,b\n", "---\n"]),
    char=st.sampled_from([" ", "\t", "a", ".", ",", "{", "[", "<", '"', "\n", "&e;", "\x00"]),
)
def test_huge_lines(name: str, prefix: str, char: str) -> None:
    _check(name, (prefix + char * 200_000).encode())


@FAST
@given(depth=st.integers(min_value=1_000, max_value=200_000), opener=st.sampled_from("[{"))
def test_deep_json(depth: int, opener: str) -> None:
    text = opener * depth if opener == "[" else '{"a":' * depth
    for name in ("deep.json", "deep.jsonl"):
        _check(name, text.encode())


@FAST
@given(size=st.integers(min_value=200_001, max_value=3_000_000), fill=st.sampled_from(b" a{\x00"))
def test_compression_bombs_are_cut(size: int, fill: int) -> None:
    data = gzip.compress(bytes([fill]) * size)
    items = _check("bomb.txt.gz", data)
    assert not any(isinstance(item, RawDocument) for item in items)


MEMBER_NAMES = st.sampled_from(
    ["../../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "C:\\evil.txt", "./x/../evil.txt",
     "..", ".", "", "sources.csv", "../sources.csv", "ok.txt", "a/b/c.txt", "\u202eevil.txt"]
)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FAST
@given(names=st.lists(MEMBER_NAMES, min_size=1, max_size=6), link=st.booleans())
def test_archive_paths_and_links_write_nothing(
    names: list[str], link: bool, tmp_path_factory: object
) -> None:
    article = b"The council met on Monday and agreed to reopen the market after the storm."
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        for name in names:
            archive.writestr(name or "blank", article)
    tarred = io.BytesIO()
    with tarfile.open(fileobj=tarred, mode="w") as archive:
        for name in names:
            info = tarfile.TarInfo(name or "blank")
            if link:
                info.type = tarfile.SYMTYPE
                info.linkname = "/etc/passwd"
                archive.addfile(info)
            else:
                info.size = len(article)
                archive.addfile(info, io.BytesIO(article))
    before = _listing()
    for name, data in (("a.zip", zipped.getvalue()), ("a.tar", tarred.getvalue())):
        for item in _check(name, data):
            where = item.locator if isinstance(item, RawDocument) else item.path
            assert "../" not in where.split("!", 1)[-1]
            if isinstance(item, RawDocument):
                assert "root:" not in item.text
    assert _listing() == before, "reading an archive wrote files"


def _listing() -> set[str]:
    cwd = Path.cwd()
    found = {str(path) for path in cwd.iterdir()} | {str(p) for p in cwd.parent.iterdir()}
    return found | {name for name in os.listdir("/etc") if "evil" in name}


@FAST
@given(records=st.lists(st.dictionaries(st.text(max_size=8), st.text(max_size=40)), max_size=20))
def test_random_json_records(records: list[dict[str, str]]) -> None:
    _check("a.json", json.dumps(records).encode())
    _check("a.jsonl", "\n".join(json.dumps(r) for r in records).encode())
