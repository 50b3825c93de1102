"""Builds shared by the integration tests (each corpus is built once per session)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitroom.cli import app
from tests.conftest import shared_path


def run_cli(*args: str) -> Any:
    """Run ``sitroom ARGS`` in this process (spaCy stays loaded between calls)."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def build_json(*args: str) -> dict[str, Any]:
    result = run_cli("build", *args, "--quiet", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def fakes_sample(folder: Path, rows: int) -> Path:
    """The first ``rows`` FA-KES articles as a UTF-8 CSV in ``folder`` (FA-KES itself is
    Windows-1252): a real, multi-outlet corpus small enough for several builds in a test."""
    source = shared_path("corpora", "fakes", "fakes.csv")
    target = folder / f"fakes_first_{rows}.csv"
    with source.open(encoding="cp1252", errors="replace", newline="") as src, target.open(
        "w", encoding="utf-8", newline=""
    ) as dst:
        reader = csv.reader(src)
        writer = csv.writer(dst)
        writer.writerow(next(reader))
        for number, row in enumerate(reader):
            if number >= rows:
                break
            writer.writerow(row)
    return target


@pytest.fixture(scope="session")
def seeds_out(seeds_build: Path) -> Path:
    return seeds_build


@pytest.fixture(scope="session")
def demo_out(demo_build: Path) -> Path:
    return demo_build


def load_report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data
