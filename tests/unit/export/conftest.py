"""A build folder made from the report tests' fictional report: report.json, report.html and
a store holding the articles' cleaned texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sitroom.report import write_report
from sitroom.store import Store
from sitroom.types import Event, Evidence, Report
from tests.unit.report.conftest import TEXT_B, make_report


def report_with_events() -> Report:
    """The shared report plus an event at a geocoded place (Ostrava) with a week's precision."""
    report = make_report()
    start = TEXT_B.index("Officials in Ostrava denied")
    end = start + len("Officials in Ostrava denied that repairs had been delayed")
    b = report.articles[2]
    event = Event(
        "ev2", "statement/denial", "2031-04-07", "week", ("e_courier",), ("e_mara",),
        "p_ostrava", "Officials deny delayed repairs",
        (Evidence(b.id, start, end, TEXT_B[start:end]),), (b.outlet,), 1,
    )  # fmt: skip
    return dataclasses.replace(report, events=(*report.events, event))


def make_build(folder: Path, report: Report, *, with_store: bool = True) -> Path:
    texts = {a.id: a.text for a in report.articles}
    write_report(report, folder, texts)
    if with_store:
        with Store.open(folder) as store, store.transaction():
            store.add_articles(report.articles, [(f"in/{a.id}", a.id) for a in report.articles])
    return folder


@pytest.fixture
def build(tmp_path: Path) -> Path:
    return make_build(tmp_path / "build", report_with_events())
