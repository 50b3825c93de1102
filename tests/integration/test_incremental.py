"""A rebuild with nothing new keeps the report it wrote (no corpus-level work), and anything
that changes the report's inputs (a new article, --as-of, a deleted report file) rebuilds it."""

from __future__ import annotations

import json
from pathlib import Path

from sitroom import Options, build

FIRST = """ date 2025-03-02
Floodwater breached the levee near Riverton on Sunday, the county emergency office said.
About 300 families left their homes, officials said.
"""
SECOND = """ date 2025-03-04
Engineers began repairing the breached levee near Riverton on Tuesday, the county said.
"""


def _report(out: Path) -> dict[str, object]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_nothing_new_keeps_the_report_and_new_input_rebuilds_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(FIRST, encoding="utf-8")
    out = tmp_path / "out"
    build([inputs], out, Options(quiet=True))
    report_json = out / "report.json"
    first_mtime = report_json.stat().st_mtime_ns

    again = build([inputs], out, Options(quiet=True))
    assert again.articles_added == 0 and again.annotated == 0
    assert report_json.stat().st_mtime_ns == first_mtime, "an unchanged report was rewritten"

    (out / "report.html").unlink()
    build([inputs], out, Options(quiet=True))
    assert (out / "report.html").is_file(), "a deleted report file must be written again"

    (inputs / "b.txt").write_text(SECOND, encoding="utf-8")
    build([inputs], out, Options(quiet=True))
    assert len(_report(out)["articles"]) == 2  # type: ignore[arg-type]

    build([inputs], out, Options(quiet=True, as_of="2025-03-02"))
    assert len(_report(out)["articles"]) == 1  # type: ignore[arg-type]
    assert _report(out)["as_of"] == "2025-03-02"
