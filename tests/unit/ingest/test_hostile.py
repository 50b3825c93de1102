"""Hostile inputs (issue 14): each costs bounded memory and time, and nothing outside the
inputs is read. Each test here fails on the code before the fix it names."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import tarfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sitroom.ingest import IngestOptions, discover, read_file
from sitroom.ingest.archive import zip_member_count
from sitroom.ingest.sidecar import sidecar_for
from sitroom.ingest.text import split_header

from .helpers import documents, ingest, read_all, rejections

ARTICLE = "The council met on Monday and agreed to reopen the market after the storm. " * 3


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block takes longer than ``seconds``."""

    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _rss_feed(title: str, body: str, doctype: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}<rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>{title}</title><link>https://wire.example/a</link>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()


# 1. entity expansion in feeds -------------------------------------------------------------


def test_feed_entities_are_never_expanded(tmp_path: Path) -> None:
    doctype = f'<!DOCTYPE rss [<!ENTITY e "{"x" * 6000}">]>\n'
    path = tmp_path / "bomb.xml"
    path.write_bytes(_rss_feed("Flood &e;" * 2, "&e;" * 5_000 + " " + ARTICLE, doctype))
    with deadline(20):
        items = read_all(path)
    (doc,) = documents(items)
    assert "x" * 100 not in doc.text and "x" * 100 not in (doc.title or "")
    assert len(doc.text) < 100_000


def test_over_long_field_rejects_the_record_naming_the_option(tmp_path: Path) -> None:
    path = tmp_path / "long.xml"
    path.write_bytes(_rss_feed("Flood " * 2_000, ARTICLE))
    (rejected,) = rejections(read_all(path))
    assert "title" in rejected.reason and "--max-field-chars" in rejected.reason
    assert documents(read_all(path, max_field_chars=20_000))


def test_feed_behind_a_long_doctype_is_still_a_feed(tmp_path: Path) -> None:
    doctype = "<!DOCTYPE rss [" + "<!-- padding -->" * 1_000 + "]>\n"
    path = tmp_path / "feed.xml"
    path.write_bytes(_rss_feed("Flood", ARTICLE, doctype))
    (doc,) = documents(read_all(path))
    assert doc.format == "feed" and doc.title == "Flood"


# 2. archives: streamed, budgeted ------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_archive_budget_stops_reading_and_names_the_option(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    members = {f"m{i:02d}.txt": b" " * 40_000 for i in range(12)}
    members["a.txt"] = ARTICLE.encode()
    _zip(path, members)
    items = read_all(path, max_archive_bytes=100_000)
    assert [doc.locator for doc in documents(items)] == [f"{path}!a.txt"]
    rows = rejections(items)
    assert len(rows) < 12, "reading stopped at the budget, not after every member"
    assert "--max-archive-mb" in rows[-1].reason and "not read" in rows[-1].reason


def test_budget_is_shared_by_nested_archives(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED) as nested:
        for i in range(5):
            nested.writestr(f"n{i}.txt", b" " * 40_000)
    path = tmp_path / "outer.zip"
    _zip(path, {f"inner{i}.zip": inner.getvalue() for i in range(5)})
    items = read_all(path, max_archive_bytes=300_000)
    assert any("--max-archive-mb" in item.reason for item in rejections(items))


def test_too_many_members_refuses_the_archive_before_listing(tmp_path: Path) -> None:
    path = tmp_path / "wide.zip"
    _zip(path, {f"e{i}.txt": ARTICLE.encode() for i in range(50)})
    assert zip_member_count(path.read_bytes()) == 50
    (rejected,) = read_all(path, max_members=10)
    assert "--max-members" in rejected.reason


def test_tar_with_many_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.tar"
    with tarfile.open(path, "w") as archive:
        for i in range(30):
            info = tarfile.TarInfo(f"e{i}.txt")
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    (rejected,) = read_all(path, max_members=10)
    assert "--max-members" in rejected.reason


def test_gzip_bomb_names_the_unpacked_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(b" " * 3_000_000))
    (rejected,) = read_all(path, max_unpacked_bytes=1_000_000)
    assert "--max-unpacked-mb" in rejected.reason


# 3. sidecars: regular files from the input folder only ---------------------------------


def test_fifo_sidecar_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "sources.csv")
    (tmp_path / "a.txt").write_text(ARTICLE)
    with deadline(10):
        items = ingest(tmp_path)
    assert len(documents(items)) == 1


def test_fifo_input_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with deadline(10):
        (rejected,) = read_all(fifo)
    assert "not a regular file" in rejected.reason


def test_sidecar_above_the_input_folder_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text("file,outlet\nin/a.txt,Planted\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (doc,) = documents(ingest(folder))
    assert doc.outlet is None
    assert sidecar_for(folder / "a.txt", tmp_path).outlet == "Planted"  # its own root


def test_device_named_sources_csv_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").symlink_to("/dev/zero")
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert sidecar_for(tmp_path / "a.txt", tmp_path).outlet is None


# 4. quadratic header parsing ---------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    ["title: a" + " " * 300_000 + "b", "date" + "\t" * 300_000 + "x", "---\n" + " :" * 100_000],
)
def test_header_of_long_blank_runs_is_quick(head: str) -> None:
    with deadline(10):
        split_header(head + "\n\n" + ARTICLE)


# 5. rejected rows capped per file ------------------------------------------------------------


def test_rejected_rows_are_capped_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "ones.jsonl.gz"
    path.write_bytes(gzip.compress(b"1\n" * 200_000))
    items = read_all(path, max_rows=1_000, max_rejected_listed=5)
    reasons = [item.reason for item in rejections(items)]
    assert len(reasons) == 7, reasons[-2:]  # 5 listed, the cut at max_rows, one count
    assert "--max-rows" in reasons[5]
    assert "995 more" in reasons[6] and "--max-rejected-listed" in reasons[6]
    assert rejections(items)[6].path == f"{path}#more"


# 7, 8. links out of the inputs; the report folder ---------------------------------------------


def test_links_leaving_the_inputs_are_rejected_unless_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE + " secret")
    (outside / "dir").mkdir()
    (outside / "dir" / "other.txt").write_text(ARTICLE + " other")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    (folder / "b.txt").symlink_to(folder / "a.txt")  # inside: fine
    (folder / "passwd.txt").symlink_to(outside / "secret.txt")
    (folder / "elsewhere").symlink_to(outside / "dir")
    found = list(discover([folder]))
    paths = sorted(item.name for item in found if isinstance(item, Path))
    refused = sorted(Path(item.path).name for item in found if not isinstance(item, Path))
    assert paths == ["a.txt"] and refused == ["elsewhere", "passwd.txt"]
    assert all("--follow-links" in item.reason for item in found if not isinstance(item, Path))
    followed = [item for item in discover([folder], follow_links=True) if isinstance(item, Path)]
    assert sorted(item.name for item in followed) == ["a.txt", "other.txt", "passwd.txt"]


def test_report_folder_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "report"
    out.mkdir()
    (out / "report.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    found = list(discover([tmp_path], exclude=[out]))
    assert found == [tmp_path / "a.txt"]


# 10. smaller ones ------------------------------------------------------------------------------


def test_nul_after_the_sniffed_head_never_reaches_the_text(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(ARTICLE.encode() * 60 + b"\x00hidden\x00\x1b[2J end.")
    (doc,) = documents(read_all(path))
    assert "\x00" not in doc.text and "\x1b" not in doc.text and "hidden" in doc.text


def test_control_characters_leave_titles(tmp_path: Path) -> None:
    path = tmp_path / "esc.json"
    title = "Flood \x1b]0;pwned\x07 \x1b]52;c;ZWNobw==\x07\x1b[2J\x9b31m"
    path.write_text(json.dumps({"title": title, "text": ARTICLE}), encoding="utf-8")
    (doc,) = documents(read_all(path))
    assert doc.title is not None and doc.title.startswith("Flood")
    assert not any(ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0 for char in doc.title)


def test_mixed_utf8_and_cp1252_lines_are_both_readable(tmp_path: Path) -> None:
    utf8 = "“The river rose,” she said — “fast.” ‘Yes.’\n".encode() * 3
    legacy = "The naïve official’s résumé was read — twice.\n".encode("cp1252")
    path = tmp_path / "mixed.txt"
    path.write_bytes((utf8 + legacy) * 3)
    (doc,) = documents(read_all(path))
    assert "“The river rose,”" in doc.text and "naïve official’s résumé" in doc.text


@pytest.mark.parametrize(
    "text",
    [
        "Οι πλημμύρες έπληξαν την πόλη τη Δευτέρα, δήλωσαν οι αρχές.\n" * 5,
        "Наводнение затопило окраины города в субботу, сообщили власти.\n" * 5,
    ],
)
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_in_other_alphabets(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = documents(read_all(path))
    assert doc.text.strip() == text.strip()


def test_read_file_of_a_folder_passes_its_own_root(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    (tmp_path / "sources.csv").write_text("file,outlet\nsub/a.txt,Desk\n")
    (sub / "a.txt").write_text(ARTICLE)
    (doc,) = documents(list(read_file(tmp_path, IngestOptions())))
    assert doc.outlet == "Desk"
