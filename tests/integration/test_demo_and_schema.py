"""The bundled demo builds, and every report written validates against `sitroom schema`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from .conftest import load_report, run_cli


def _schema() -> dict[str, object]:
    result = run_cli("schema")
    assert result.exit_code == 0
    schema: dict[str, object] = json.loads(result.stdout)
    return schema


def test_schema_command_prints_a_valid_json_schema() -> None:
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    properties = schema["properties"]
    assert isinstance(properties, dict)
    for key in (
        "schema_version", "generated_by", "as_of", "articles", "rejected", "entities", "places",
        "events", "quotes", "citations", "claims", "stories", "framing", "summary",
    ):
        assert key in properties


def test_demo_report_validates_and_covers_every_outlet(demo_out: Path) -> None:
    report = load_report(demo_out)
    jsonschema.validate(report, _schema())
    outlets = {a["outlet"] for a in report["articles"]}
    assert len(report["articles"]) >= 12
    assert len(outlets - {"unknown"}) >= 4
    files = [f for a in report["articles"] for f in a["files"]]
    formats = {Path(f.split("!")[0].split("#")[0]).suffix for f in files}
    assert {".txt", ".html", ".json", ".xml"} <= formats
    assert report["rejected"] == []


def test_demo_dates_come_from_metadata_header_or_inference(demo_out: Path) -> None:
    report = load_report(demo_out)
    bases = {a["date_basis"] for a in report["articles"]}
    assert {"header", "metadata"} <= bases
    undated = [a for a in report["articles"] if a["published"] is None]
    for article in undated:
        assert article["date_basis"] in ("inferred", "unknown")
        if article["date_basis"] == "inferred":
            lo, hi = article["date_range"]
            assert lo <= hi


def test_seeds_report_validates(seeds_out: Path) -> None:
    jsonschema.validate(load_report(seeds_out), _schema())


def test_demo_command_prints_where_the_report_is(tmp_path: Path) -> None:
    result = run_cli("demo", "--out", str(tmp_path / "d"), "--quiet")
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "d" / "report.html") in result.stdout
    assert (tmp_path / "d" / "report.html").is_file()
