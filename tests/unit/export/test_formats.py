"""Each export format, read back with the library its users would open it with."""

from __future__ import annotations

import csv
import dataclasses
import json
import math
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow.parquet as pq
import pytest

from sitroom.errors import UsageError
from sitroom.export import CSV_COLUMNS, FORMATS, export

from .conftest import make_build, report_with_events


def test_csv_one_row_per_event_with_acled_columns(build: Path) -> None:
    [path] = export(build, "csv")
    assert path == build / "exports" / "events.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
        rows = list(reader)
    assert [r["event_id"] for r in rows] == ["ev1", "ev2"]
    breach, denial = rows
    assert breach["event_date"] == "2031-04-08" and breach["time_precision"] == "1"
    assert breach["location"] == "Norbridge" and breach["latitude"] == ""  # not geocoded
    assert denial["time_precision"] == "2"  # a week
    assert (denial["event_type"], denial["sub_event_type"]) == ("statement", "denial")
    assert (denial["actor1"], denial["actor2"]) == ("Valley Courier", "Mara Velen")
    assert float(denial["latitude"]) == pytest.approx(49.8347)
    assert float(denial["longitude"]) == pytest.approx(18.282)
    assert denial["source"] == "Ostrava Ledger" and denial["source_count"] == "1"


def test_csv_header_without_events(tmp_path: Path) -> None:
    report = dataclasses.replace(report_with_events(), events=())
    [path] = export(make_build(tmp_path / "b", report, with_store=False), "csv")
    with path.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [list(CSV_COLUMNS)]


def test_geojson_points_in_lon_lat_order(build: Path, tmp_path: Path) -> None:
    [path] = export(build, "geojson", tmp_path / "x.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    kinds = [f["properties"]["kind"] for f in data["features"]]
    assert kinds == ["place", "event"]  # Norbridge has no coordinates: neither it nor its event
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert math.isfinite(lon) and math.isfinite(lat)
        assert (lon, lat) == pytest.approx((18.282, 49.8347))  # Ostrava: lon first (RFC 7946)
    assert data["features"][1]["properties"]["place"] == "Ostrava"


def test_timelinejs_events_and_articles(build: Path) -> None:
    [path] = export(build, "timelinejs")
    data = json.loads(path.read_text(encoding="utf-8"))
    events = [e for e in data["events"] if e["group"] == "Events"]
    assert [e["start_date"] for e in events] == [
        {"year": 2031, "month": 4, "day": 8}, {"year": 2031, "month": 4, "day": 7},
    ]  # fmt: skip
    assert "Flood waters breached the Norbridge embankment" in events[0]["text"]["text"]
    articles = [e for e in data["events"] if e["group"] == "Articles"]
    assert len(articles) == 3  # the undated article is left out
    assert data["title"]["text"]["headline"]


def test_timelinejs_escapes_article_text(tmp_path: Path) -> None:
    report = report_with_events()
    hostile = dataclasses.replace(report.articles[0], title="<img src=x onerror=alert(1)>")
    report = dataclasses.replace(report, articles=(hostile, *report.articles[1:]))
    [path] = export(make_build(tmp_path / "b", report, with_store=False), "timelinejs")
    text = path.read_text(encoding="utf-8")
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text


def test_graphml_reads_back_with_typed_attributes(build: Path) -> None:
    [path] = export(build, "graphml")
    graph = nx.read_graphml(path)
    assert graph.nodes["e_mara"]["label"] == "Mara Velen"
    mentions = graph.nodes["e_mara"]["mentions"]
    assert mentions == 3 and isinstance(mentions, int)
    assert graph.nodes["e_mara"]["aliases"] == "Mara Velen; Velen"
    edges = {(u, v, d["kind"]): d["weight"] for u, v, d in graph.edges(data=True)}
    assert edges[("outlet:River Wire", "e_mara", "quotes")] == 1
    assert edges[("outlet:Ostrava Ledger", "e_courier", "cites")] == 1
    assert not any(kind == "co-occurs" for _, _, kind in edges)  # they share no article


def test_parquet_every_table(build: Path) -> None:
    paths = export(build, "parquet")
    names = {p.stem for p in paths}
    assert {"articles", "entities", "places", "events", "quotes", "claims", "evidence"} <= names
    con = duckdb.connect()
    folder = build / "exports" / "parquet"
    rows = con.execute(
        f"SELECT id, text, files FROM read_parquet('{folder}/articles.parquet') ORDER BY id"
    ).fetchall()
    assert len(rows) == 4 and rows[0][1].startswith("Flood waters")  # the cleaned text
    assert con.execute(f"SELECT count(*) FROM '{folder}/rejected.parquet'").fetchone() == (2,)
    evidence = pq.read_table(folder / "evidence.parquet").to_pylist()
    assert {e["record"] for e in evidence} == {"events", "claims", "summary"}
    assert pq.read_table(folder / "framing.parquet").to_pylist() == [
        {"outlet": "River Wire", "term": "evacuated", "score": 2.5}
    ]


def test_parquet_single_file_is_the_articles(build: Path, tmp_path: Path) -> None:
    [path] = export(build, "parquet", tmp_path / "articles.parquet")
    table = pq.read_table(path)
    assert table.num_rows == 4 and "text" in table.column_names


def test_jsonl_every_table(build: Path) -> None:
    paths = export(build, "jsonl")
    counts = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        counts[path.stem] = len([json.loads(line) for line in lines])
    assert counts["articles"] == 4 and counts["events"] == 2 and counts["claims"] == 2
    first = json.loads((build / "exports" / "jsonl" / "articles.jsonl").read_text().splitlines()[0])
    assert first["text"].startswith("Flood waters")


def test_unknown_format_and_missing_report(build: Path, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown export format"):
        export(build, "xlsx")
    with pytest.raises(UsageError, match=r"report\.json is missing"):
        export(tmp_path, "csv")
    assert "csv" in FORMATS


def test_fields_added_to_report_json_later_are_used_or_kept(build: Path) -> None:
    """Records may grow fields (the events work adds fatalities): CSV uses them, JSONL keeps
    them, the other formats ignore them."""
    path = build / "report.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["events"][0]["fatalities"] = 41
    data["events"][0]["certainty"] = "reported"
    path.write_text(json.dumps(data), encoding="utf-8")
    [csv_path] = export(build, "csv")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        assert [r["fatalities"] for r in csv.DictReader(handle)] == ["41", ""]
    jsonl = next(p for p in export(build, "jsonl") if p.stem == "events")
    first = json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])
    assert first["certainty"] == "reported"
    assert export(build, "geojson") and export(build, "graphml") and export(build, "parquet")
