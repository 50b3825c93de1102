"""Zip and tar archives are read in memory, member by member."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

from sitroom.ingest.archive import safe_name

from .helpers import documents, read_all, rejections

ARTICLE = "Farmers in the valley said the harvest was lost after three weeks of rain. " * 2


def _tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> None:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def test_zip_of_mixed_formats(tmp_path: Path) -> None:
    path = tmp_path / "bundle.zip"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("deep.txt", ARTICLE + " deep")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/story.txt", " date 2023-05-06\n" + ARTICLE)
        archive.writestr("a/rows.jsonl", json.dumps({"text": ARTICLE + " row"}) + "\n")
        archive.writestr("a/.hidden.txt", ARTICLE)
        archive.writestr("__MACOSX/a/._story.txt", b"\x00\x05\x16\x07")
        archive.writestr("a/", b"")
        archive.writestr("inner.zip", inner.getvalue())
    items = read_all(path)
    assert not rejections(items)
    docs = {doc.locator: doc for doc in documents(items)}
    assert sorted(docs) == [
        f"{path}!a/rows.jsonl#line=1",
        f"{path}!a/story.txt",
        f"{path}!inner.zip!deep.txt",
    ]
    assert docs[f"{path}!a/story.txt"].published == "2023-05-06"
    assert docs[f"{path}!a/story.txt"].date_basis == "header"


def test_tar_gz_and_tgz_and_plain_tar(tmp_path: Path) -> None:
    members = {"x/one.txt": ARTICLE.encode(), "../two.html": f"<p>{ARTICLE}</p>".encode()}
    for name, mode in (("a.tar.gz", "w:gz"), ("b.tgz", "w:gz"), ("c.tar", "w")):
        path = tmp_path / name
        _tar(path, members, mode)
        docs = documents(read_all(path))
        assert sorted(doc.locator for doc in docs) == [f"{path}!two.html", f"{path}!x/one.txt"]


def test_tar_links_are_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "links.tar"
    with tarfile.open(path, "w") as archive:
        link = tarfile.TarInfo("passwd.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    rejected = rejections(read_all(path))
    assert len(rejected) == 1 and "no files" in rejected[0].reason


def test_sidecar_inside_archive(tmp_path: Path) -> None:
    path = tmp_path / "with_meta.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "news/sources.csv", "file,outlet,url,date\nbare.txt,Hill Post,,2022-01-09\n"
        )
        archive.writestr("news/bare.txt", ARTICLE)
    doc = documents(read_all(path))[0]
    assert (doc.locator, doc.outlet, doc.published, doc.date_basis) == (
        f"{path}!news/bare.txt",
        "Hill Post",
        "2022-01-09",
        "metadata",
    )


def test_oversized_member_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", "x" * 50_000)
        archive.writestr("small.txt", ARTICLE)
    items = read_all(path, max_unpacked_bytes=20_000)
    assert [doc.locator for doc in documents(items)] == [f"{path}!small.txt"]
    assert [item.path for item in rejections(items)] == [f"{path}!big.txt"]
    assert "--max-unpacked-mb" in rejections(items)[0].reason


def test_safe_name() -> None:
    assert safe_name("../../evil") == "evil"
    assert safe_name("/etc/passwd") == "etc/passwd"
    assert safe_name("C:\\Windows\\..\\x.txt") == "Windows/x.txt"
    assert safe_name("./a/./b.txt") == "a/b.txt"


def test_old_style_tar_without_ustar_mark(tmp_path: Path) -> None:
    path = tmp_path / "old.tar"
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("story.txt")
        info.size = len(ARTICLE.encode())
        archive.addfile(info, io.BytesIO(ARTICLE.encode()))
    data = bytearray(buffer.getvalue())
    data[257:265] = bytes(8)  # erase the magic, as a v7 tar writer would have
    data[148:156] = b" " * 8  # and recompute the header checksum
    data[148:156] = b"%06o\0 " % sum(data[:512])
    path.write_bytes(bytes(data))
    assert [doc.locator for doc in documents(read_all(path))] == [f"{path}!story.txt"]
