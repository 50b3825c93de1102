from __future__ import annotations

import os
from pathlib import Path

from sitroom.ingest.sidecar import parse_sidecar, sidecar_for

from .helpers import documents, ingest

ARTICLE = "Voters queued for hours outside polling stations in the capital on Sunday. " * 2


def test_sidecar_gives_outlet_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text(
        "file,outlet,url,date\n"
        "a.txt,Capital Post,https://capitalpost.example/a,2024-03-01\n"
        "b.txt,,https://www.urlonly.example/b,\n"
    )
    (tmp_path / "a.txt").write_text(" date 2020-01-01\n" + ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE)
    docs = {Path(doc.locator).name: doc for doc in documents(ingest(tmp_path))}
    assert sorted(docs) == ["a.txt", "b.txt", "c.txt"]  # the sidecar itself is no document
    # the sidecar (written by the user) wins over the text's own header
    assert (docs["a.txt"].outlet, docs["a.txt"].published) == ("Capital Post", "2024-03-01")
    assert docs["a.txt"].date_basis == "metadata"
    assert docs["a.txt"].url == "https://capitalpost.example/a"
    assert docs["b.txt"].outlet == "urlonly.example"
    assert docs["b.txt"].published is None
    assert docs["c.txt"].outlet is None


def test_sidecar_in_a_parent_folder_with_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sources.csv").write_text("file,outlet\n./sub/x.txt,Parent Desk\n")
    (tmp_path / "sub" / "x.txt").write_text(ARTICLE)
    assert sidecar_for(tmp_path / "sub" / "x.txt", tmp_path).outlet == "Parent Desk"
    # without the input folder named, only the file's own folder is asked
    assert sidecar_for(tmp_path / "sub" / "x.txt").outlet is None


def test_edited_sidecar_is_read_again(tmp_path: Path) -> None:
    sidecar = tmp_path / "sources.csv"
    sidecar.write_text("file,outlet\na.txt,Old\n")
    assert sidecar_for(tmp_path / "a.txt").outlet == "Old"
    sidecar.write_text("file,outlet\na.txt,Newer name\n")
    stat = sidecar.stat()
    os.utime(sidecar, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert sidecar_for(tmp_path / "a.txt").outlet == "Newer name"


def test_parse_sidecar_without_file_column_is_empty() -> None:
    assert parse_sidecar(b"outlet,url\nX,https://x.example\n") == {}
