from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from sitroom.errors import SitroomError
from sitroom.report import report_to_dict, validate_report, write_report
from sitroom.types import Report

from .html_probe import probe


def test_round_trip(report: Report, texts: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "out" / "nested"  # created on demand
    json_path, html_path = write_report(report, out, texts)
    assert (json_path, html_path) == (out / "report.json", out / "report.html")
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json"]

    raw = json_path.read_text(encoding="utf-8")
    data = json.loads(raw)
    validate_report(data)
    assert data == report_to_dict(report)
    assert raw.endswith("}\n")
    assert raw.splitlines()[1] == '  "schema_version": 1,'  # indent=2
    assert [a["id"] for a in data["articles"]] == [a.id for a in report.articles]
    assert data["articles"][2]["date_range"] == ["2031-04-07", "2031-04-12"]

    # Offsets in report.json index the texts the HTML shows.
    quote = data["quotes"][0]
    assert texts[quote["article"]][quote["start"] : quote["end"]] == quote["text"]

    # The page carries the cleaned texts those offsets index, in its embedded data.
    page = probe(html_path.read_text(encoding="utf-8"))
    scripts = page.tags("script")
    embedded = json.loads(page.scripts[[s.attrs.get("id") for s in scripts].index("sitroom-data")])
    assert embedded["texts"][report.articles[0].id] == report.articles[0].text


def test_output_is_byte_identical_across_runs(
    report: Report, texts: dict[str, str], tmp_path: Path
) -> None:
    first = write_report(report, tmp_path / "one", texts)
    second = write_report(dataclasses.replace(report), tmp_path / "two", dict(texts))
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_rewrite_replaces_previous_report(report: Report, tmp_path: Path) -> None:
    write_report(report, tmp_path)
    smaller = dataclasses.replace(report, articles=report.articles[:1], claims=(), summary=(),
                                  events=(), quotes=(), citations=(), stories=(),
                                  entities=(), places=())  # fmt: skip
    json_path, _ = write_report(smaller, tmp_path)
    assert len(json.loads(json_path.read_text(encoding="utf-8"))["articles"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json"]


def test_invalid_report_writes_nothing(report: Report, tmp_path: Path) -> None:
    bad = dataclasses.replace(
        report, articles=(dataclasses.replace(report.articles[0], published="April 8"),)
    )
    with pytest.raises(SitroomError, match=r"\$\.articles\[0\]\.published"):
        write_report(bad, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_invalid_report_keeps_the_previous_one(report: Report, tmp_path: Path) -> None:
    json_path, html_path = write_report(report, tmp_path)
    before = (json_path.read_bytes(), html_path.read_bytes())
    bad = dataclasses.replace(report, as_of="soon")
    with pytest.raises(SitroomError, match=r"\$\.as_of"):
        write_report(bad, tmp_path)
    assert (json_path.read_bytes(), html_path.read_bytes()) == before


def test_report_files_get_the_mode_the_umask_gives(tmp_path: Path) -> None:
    import os
    import stat

    from sitroom.report.write import write_atomic

    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o640
