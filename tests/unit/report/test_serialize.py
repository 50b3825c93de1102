from __future__ import annotations

import dataclasses
import json
import math

import pytest

from sitroom.errors import SitroomError
from sitroom.report import report_to_dict, report_to_json
from sitroom.types import Report

TOP_LEVEL = [
    "schema_version", "generated_by", "as_of", "articles", "rejected", "entities", "places",
    "events", "quotes", "citations", "claims", "stories", "framing", "summary", "timeline",
    "contradictions",
]  # fmt: skip


def test_top_level_keys_in_contract_order(report: Report) -> None:
    assert list(report_to_dict(report)) == TOP_LEVEL


def test_article_fields(report: Report) -> None:
    articles = report_to_dict(report)["articles"]
    first, duplicate, inferred, undated = articles
    assert "text" not in first  # the cleaned text lives in the store, not in report.json
    assert first["files"] == ["in/river_wire.txt"]
    assert first["date_range"] is None
    assert first["author"] == "Ilse Brandt"
    assert duplicate["duplicate_of"] == first["id"]
    assert duplicate["files"] == ["in/feed.xml#2", "in/copy.html"]
    assert inferred["published"] is None
    assert inferred["date_basis"] == "inferred"
    assert inferred["date_range"] == ["2031-04-07", "2031-04-12"]
    assert undated["date_basis"] == "unknown" and undated["title"] is None


def test_nested_records_become_plain_json(report: Report) -> None:
    data = report_to_dict(report)
    # Round-tripping through json proves there is no tuple, dataclass or other non-JSON value.
    assert json.loads(json.dumps(data)) == data
    assert data["claims"][0]["evidence"][0]["text"].startswith("Flood waters breached")
    assert data["framing"][0] == {
        "outlet": "River Wire",
        "distinctive_terms": [
            {"term": "evacuated", "score": 2.5, "z": 0.0, "kind": "actor", "count": 0}
        ],
        "uses": [],
    }
    assert data["places"][1]["lat"] is None
    assert data["places"][1]["reason"] == "no gazetteer entry matches"


def test_same_report_gives_identical_text(report: Report) -> None:
    rebuilt = dataclasses.replace(report)
    first = report_to_json(report_to_dict(report))
    assert first == report_to_json(report_to_dict(rebuilt))
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert first.startswith('{\n  "schema_version": 1,')


def test_non_ascii_is_kept_readable(report: Report) -> None:
    article = dataclasses.replace(report.articles[0], outlet="Gazeta Wrocławska")
    text = report_to_json(report_to_dict(dataclasses.replace(report, articles=(article,))))
    assert "Gazeta Wrocławska" in text


def test_nan_is_refused_with_a_fix(report: Report) -> None:
    place = dataclasses.replace(report.places[0], lat=math.nan)
    data = report_to_dict(dataclasses.replace(report, places=(place,)))
    with pytest.raises(SitroomError, match="NaN"):
        report_to_json(data)


def test_the_streamed_text_is_the_text_of_the_whole_data(report: Report) -> None:
    from sitroom.report.serialize import report_json_chunks

    article = dataclasses.replace(report.articles[0], title="Flood\nat «Gdańsk»\t\"now\"")
    for variant in (
        report,
        dataclasses.replace(report, articles=(article, *report.articles[1:])),
        Report(1, "sitroom 0.1.0", None, ()),  # every list empty
    ):
        streamed = "".join(report_json_chunks(variant))
        assert streamed == report_to_json(report_to_dict(variant))
        assert json.loads(streamed) == report_to_dict(variant)


def test_the_streamed_text_refuses_nan_too(report: Report) -> None:
    from sitroom.report.serialize import report_json_chunks

    place = dataclasses.replace(report.places[0], lat=math.inf)
    with pytest.raises(SitroomError, match="cannot hold"):
        "".join(report_json_chunks(dataclasses.replace(report, places=(place,))))
