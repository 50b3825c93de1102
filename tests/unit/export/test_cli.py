"""`sitroom export` and `sitroom serve` at the command line: paths printed, errors with a fix."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from sitroom.cli import app


def test_export_prints_what_it_wrote(build: Path, tmp_path: Path) -> None:
    target = tmp_path / "acled.csv"
    result = CliRunner().invoke(app, ["export", str(build), "--format", "csv", "--out", str(target),
                                      "--as-of", "2031-04-08"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(target)
    with target.open(newline="", encoding="utf-8") as handle:
        assert [r["event_id"] for r in csv.DictReader(handle)] == ["ev1"]


def test_export_usage_errors(build: Path) -> None:
    runner = CliRunner()
    bad_format = runner.invoke(app, ["export", str(build), "--format", "xlsx"])
    assert bad_format.exit_code == 2 and "csv, geojson" in bad_format.output
    bad_day = runner.invoke(app, ["export", str(build), "--format", "csv", "--as-of", "soon"])
    assert bad_day.exit_code == 2 and "YYYY-MM-DD" in bad_day.output


def test_serve_rejects_a_bad_port(build: Path) -> None:
    result = CliRunner().invoke(app, ["serve", str(build), "--port", "70000"])
    assert result.exit_code == 2 and "1-65535" in result.output
