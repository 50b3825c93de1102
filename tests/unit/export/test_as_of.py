"""--as-of D: only what was published by D, and only what those articles said."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sitroom.errors import UsageError
from sitroom.export import as_of, export, load_report_data, published_by


def test_published_by() -> None:
    assert published_by({"published": "2031-04-08"}, "2031-04-08")
    assert not published_by({"published": "2031-04-09"}, "2031-04-08")
    # an inferred range counts only once it has ended
    assert not published_by({"published": None, "date_range": ["2031-04-07", "2031-04-12"]},
                            "2031-04-11")  # fmt: skip
    assert published_by({"published": None, "date_range": ["2031-04-07", "2031-04-12"]},
                        "2031-04-12")  # fmt: skip
    assert not published_by({"published": None, "date_range": None}, "2099-01-01")


def test_cut_keeps_only_what_earlier_articles_said(build: Path) -> None:
    data = as_of(load_report_data(build), "2031-04-08")
    assert data["as_of"] == "2031-04-08"
    assert [a["outlet"] for a in data["articles"]] == ["River Wire"]
    kept = {a["id"] for a in data["articles"]}
    assert [e["id"] for e in data["events"]] == ["ev1"]
    assert [c["id"] for c in data["claims"]] == ["k1"]
    # its contradiction came from an undated article, so it is no longer contested
    assert data["claims"][0]["contradicts"] == [] and data["claims"][0]["status"] == "single_source"
    assert [e["name"] for e in data["entities"]] == ["Mara Velen"]
    assert all(set(e["articles"]) <= kept for e in data["entities"])
    assert data["citations"] == [] and len(data["quotes"]) == 1


def test_export_as_of(build: Path) -> None:
    [path] = export(build, "csv", as_of_day="2031-04-08")
    with path.open(newline="", encoding="utf-8") as handle:
        assert [row["event_id"] for row in csv.DictReader(handle)] == ["ev1"]
    paths = export(build, "jsonl", as_of_day="2031-04-12")
    articles = next(p for p in paths if p.name == "articles.jsonl")
    outlets = {json.loads(line)["outlet"] for line in articles.open(encoding="utf-8")}
    assert outlets == {"River Wire", "Syndicate Daily", "Ostrava Ledger"}


def test_bad_day(build: Path) -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        export(build, "csv", as_of_day="last Tuesday")
