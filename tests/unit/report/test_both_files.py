"""report.json and report.html written in one pass hold the bytes the two writers give one
file at a time, and a failure leaves the old files in place."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from sitroom.errors import SitroomError
from sitroom.report.both_files import write_both
from sitroom.report.render import html_chunks
from sitroom.report.serialize import report_json_chunks
from sitroom.types import Report


def _variants(report: Report) -> list[Report]:
    hidden = "Flood\u202e at «Gdańsk» </script>"
    article = dataclasses.replace(report.articles[0], title=hidden)
    place = dataclasses.replace(report.places[0], name=hidden)
    return [
        report,
        # hidden characters and markup in an article's title and a place's name
        dataclasses.replace(report, articles=(article, *report.articles[1:]),
                            places=(place, *report.places[1:])),
        Report(1, "sitroom 0.1.0", None, ()),  # every list empty
    ]


def test_one_pass_gives_the_bytes_of_each_file_written_alone(
    report: Report, texts: dict[str, str], tmp_path: Path
) -> None:
    assert any(p.country_code for p in report.places), "the map's subdivisions go untested"
    for number, variant in enumerate(_variants(report)):
        for given in (texts, {}):
            out = tmp_path / f"{number}-{len(given)}"
            out.mkdir()
            write_both(variant, out / "report.json", out / "report.html", given)
            assert (out / "report.json").read_bytes() == "".join(
                report_json_chunks(variant)).encode("utf-8")
            assert (out / "report.html").read_bytes() == "".join(
                html_chunks(variant, given)).encode("utf-8")
            assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json"]


def test_a_value_json_cannot_hold_replaces_neither_file(
    report: Report, texts: dict[str, str], tmp_path: Path
) -> None:
    json_path, html_path = tmp_path / "report.json", tmp_path / "report.html"
    json_path.write_text("old json", encoding="utf-8")
    html_path.write_text("old page", encoding="utf-8")
    place = dataclasses.replace(report.places[-1], lat=math.nan)
    broken = dataclasses.replace(report, places=(*report.places[:-1], place))
    with pytest.raises(SitroomError, match="cannot hold"):
        write_both(broken, json_path, html_path, texts)
    assert json_path.read_text(encoding="utf-8") == "old json"
    assert html_path.read_text(encoding="utf-8") == "old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json"]
