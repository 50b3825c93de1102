"""The bad inputs of issue 3: each gives a reason naming the problem, never an exception."""

from __future__ import annotations

import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from sitroom.ingest import Rejected
from sitroom.ingest import read as read_module

from .helpers import documents, ingest, one_rejection, read_all, rejections

ARTICLE = "The council met on Monday and agreed to reopen the market after the storm. " * 3


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    rejected = one_rejection(path)
    assert rejected.path == str(path)
    assert "empty" in rejected.reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n\t ")
    assert "whitespace" in one_rejection(path).reason


def test_binary_file_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    assert "binary" in one_rejection(path).reason


def test_png_and_pdf_named_txt(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert "binary" in one_rejection(png).reason
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + ARTICLE.encode())
    assert "pdftotext" in one_rejection(pdf).reason


def test_huge_text_file_is_rejected_not_sent_on(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ARTICLE.encode() + b"\n"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    rejected = one_rejection(path)
    assert "too long to be one article" in rejected.reason
    assert "split" in rejected.reason


def test_file_over_the_size_limit_names_size_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 100)
    rejected = one_rejection(path, max_file_bytes=1024)
    assert "MiB" in rejected.reason and "limit" in rejected.reason
    assert "max_file_bytes" in rejected.reason and "--max-file-mb" in rejected.reason


def test_gzip_bomb_is_cut_at_the_limit(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    reason = one_rejection(path, max_unpacked_bytes=100_000).reason
    assert "decompresses to more than" in reason and "--max-unpacked-mb" in reason


def test_invalid_utf8_is_repaired_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Erdoğan visited the café in Zürich. ".encode() + b"\xff\xfe stray " + b"ok.")
    doc = documents(read_all(path))[0]
    assert "café in Zürich" in doc.text


def test_legacy_encoding_without_utf8_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Le ministre a déclaré « non » à Genève.".encode("cp1252"))
    assert documents(read_all(path))[0].text == "Le ministre a déclaré « non » à Genève."


def test_truncated_json_names_the_position(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE}])[:-20])
    rejected = one_rejection(path)
    assert "truncated JSON" in rejected.reason
    assert "line 1 column" in rejected.reason and "char" in rejected.reason


def test_bad_jsonl_line_rejects_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"text": ARTICLE})
        + "\n{not json\n\n"
        + json.dumps([1, 2])
        + "\n"
        + json.dumps({"text": "  "})
        + "\n"
        + json.dumps({"text": ARTICLE + " again"})
        + "\n"
    )
    items = read_all(path)
    assert [doc.locator for doc in documents(items)] == [f"{path}#line=1", f"{path}#line=6"]
    by_line = {item.path: item.reason for item in rejections(items)}
    assert set(by_line) == {f"{path}#line=2", f"{path}#line=4", f"{path}#line=5"}
    assert "not valid JSON" in by_line[f"{path}#line=2"]
    assert "not an object" in by_line[f"{path}#line=4"]
    assert "empty" in by_line[f"{path}#line=5"]


def test_json_without_text_key_names_the_keys(tmp_path: Path) -> None:
    path = tmp_path / "meta.json"
    path.write_text(json.dumps({"headline": "x", "views": 3}))
    rejected = one_rejection(path)
    assert "'headline'" in rejected.reason and "'views'" in rejected.reason
    assert "--field text=" in rejected.reason


def test_csv_without_text_column_names_columns_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("id,city,count\n1,Aleppo,3\n2,Homs,4\n")
    rejected = one_rejection(path)
    assert rejected.path == str(path)
    for column in ("'id'", "'city'", "'count'"):
        assert column in rejected.reason
    assert "--field text=COLUMN" in rejected.reason


def test_csv_row_with_empty_text_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(f'title,text\nA,"{ARTICLE}"\nB,\nC,"{ARTICLE} C"\n')
    items = read_all(path)
    assert [doc.title for doc in documents(items)] == ["A", "C"]
    assert [item.path for item in rejections(items)] == [f"{path}#row=2"]


def test_html_with_only_scripts(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text(
        "<!doctype html><html><head><script src='app.js'></script><style>p{}</style></head>"
        "<body><div id='root'></div><script>render('lots of words in code')</script></body></html>"
    )
    rejected = one_rejection(path)
    assert "no article text found" in rejected.reason


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "file.txt"
    items = ingest(missing)
    assert len(items) == 1 and isinstance(items[0], Rejected)
    assert items[0].path == str(missing)
    assert "no such file or directory" in items[0].reason


def _make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: permissions do not stop reads
        monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)

        def refuse(*_args: object, **_kw: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(read_module, "open_for_reading", refuse)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    _make_unreadable(path, monkeypatch)
    for items in (ingest(path), read_all(path)):
        assert len(items) == 1 and isinstance(items[0], Rejected)
        assert "permission denied" in items[0].reason
        assert "chmod" in items[0].reason


def test_zip_entry_escaping_the_folder_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    path = work / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../evil", ARTICLE)
        archive.writestr("/abs/evil2.txt", ARTICLE + " two")
        archive.writestr("good/story.txt", ARTICLE + " three")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    items = read_all(path)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert before == after
    assert not list(tmp_path.rglob("evil")) and not Path("/abs/evil2.txt").exists()
    locators = sorted(doc.locator for doc in documents(items))
    assert locators == [f"{path}!abs/evil2.txt", f"{path}!evil", f"{path}!good/story.txt"]
    assert all(".." not in locator for locator in locators)


def test_good_files_still_come_through_beside_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.json").write_text('{"text": "abc')
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    items = ingest(tmp_path, tmp_path / "missing.txt")
    assert [Path(doc.locator).name for doc in documents(items)] == ["good.txt"]
    assert sorted(Path(item.path).name for item in rejections(items)) == [
        "bin.txt",
        "cut.json",
        "empty.txt",
        "missing.txt",
    ]


def test_damaged_archives(tmp_path: Path) -> None:
    bad_zip = tmp_path / "bad.zip"
    bad_zip.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "damaged zip" in one_rejection(bad_zip).reason
    bad_gz = tmp_path / "bad.jsonl.gz"
    bad_gz.write_bytes(b"\x1f\x8b\x08\x00garbage")
    assert "damaged gzip" in one_rejection(bad_gz).reason
