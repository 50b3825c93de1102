from __future__ import annotations

import os
from pathlib import Path

from sitroom.ingest import Rejected, discover


def test_walks_sorted_skipping_hidden_sidecars_and_folder_docs(tmp_path: Path) -> None:
    for name in (
        "b.txt",
        "a.html",
        "sub/z.json",
        "sub/a.txt",
        ".git/config",
        "sub/.DS_Store",
        "sources.csv",
        "README.md",
        "LICENSE",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = list(discover([tmp_path]))
    assert found == [
        tmp_path / "a.html",
        tmp_path / "b.txt",
        tmp_path / "sub" / "a.txt",
        tmp_path / "sub" / "z.json",
    ]


def test_explicit_files_are_kept_and_listed_once(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("x")
    article = tmp_path / "story.txt"
    article.write_text("x")
    assert list(discover([readme, article, tmp_path, str(article)])) == [readme, article]


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "gone"
    (found,) = discover([missing])
    assert isinstance(found, Rejected)
    assert found.path == str(missing) and "no such file or directory" in found.reason


def test_link_loops_end(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f.txt").write_text("x")
    os.symlink(tmp_path, tmp_path / "d" / "loop")
    assert list(discover([tmp_path])) == [tmp_path / "d" / "f.txt"]


def test_pipes_are_rejected_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (found,) = discover([tmp_path])
    assert isinstance(found, Rejected) and "not a regular file" in found.reason
