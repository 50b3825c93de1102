"""The stages keep going when one input misbehaves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sitroom.ingest
from sitroom.pipeline import build
from sitroom.types import RawDocument, Rejected

TEXT = (
    "date 2025-03-02\nThe river rose overnight and rescue teams moved families to schools on "
    "higher ground, officials said on Sunday.\n"
)


def test_a_reader_crash_becomes_one_rejected_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sitroom.ingest.read_file

    def flaky(
        path: Path, options: Any, root: Path | None = None
    ) -> Iterator[RawDocument | Rejected]:
        if path.name == "bad.txt":
            raise RuntimeError("reader exploded")
        yield from real(path, options, root=root)

    monkeypatch.setattr(sitroom.ingest, "read_file", flaky)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "bad.txt").write_text(TEXT.replace("Sunday", "Monday"), encoding="utf-8")
    result = build([folder], tmp_path / "out")
    assert result.articles_total == 1
    assert result.rejected == 1
    report = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    assert "reader exploded" in report
