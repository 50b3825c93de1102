from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sitroom.errors import SitroomError
from sitroom.report import report_schema, report_to_dict, validate_report
from sitroom.types import Report


def _objects(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object with ``properties``, anywhere in the schema."""
    if isinstance(node, dict):
        if "properties" in node:
            yield path, node
        for key, value in node.items():
            yield from _objects(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _objects(value, f"{path}/{index}")


def _error(data: dict[str, Any]) -> str:
    with pytest.raises(SitroomError) as info:
        validate_report(data)
    return str(info.value)


def test_schema_is_valid_draft_2020_12() -> None:
    schema = report_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema_version"] == {
        "description": schema["properties"]["schema_version"]["description"],
        "const": 1,
    }


def test_every_object_is_closed_and_every_property_documented() -> None:
    found = list(_objects(report_schema()))
    assert len(found) >= 14  # the report itself plus one per record type
    for path, node in found:
        assert node.get("additionalProperties") is False, path
        assert node.get("description"), path
        for name, prop in node["properties"].items():
            assert prop.get("description"), f"{path}/properties/{name} has no description"
        assert set(node["required"]) <= set(node["properties"]), path


def test_contract_fields_and_enums() -> None:
    schema = report_schema()
    assert schema["required"] == [
        "schema_version", "generated_by", "as_of", "articles", "rejected", "entities", "places",
        "events", "quotes", "citations", "claims", "stories", "framing", "summary", "timeline",
        "contradictions",
    ]  # fmt: skip
    defs = schema["$defs"]
    article = defs["article"]
    assert article["properties"]["date_basis"]["enum"] == [
        "metadata", "header", "inferred", "unknown",
    ]  # fmt: skip
    assert "author" in article["properties"] and "author" not in article["required"]
    assert defs["claim"]["properties"]["status"]["enum"] == [
        "corroborated", "single_source", "contested", "denied",
    ]  # fmt: skip
    place = defs["place"]
    assert {"confidence", "reason"} <= set(place["properties"])
    assert not {"confidence", "reason"} & set(place["required"])
    assert "mention_count" in defs["entity"]["required"]


def test_serialized_records_have_exactly_the_schema_fields(report: Report) -> None:
    # Keeps report_to_dict and schema.json in step: a field added to one must reach the other.
    data = report_to_dict(report)
    defs = report_schema()["$defs"]
    pairs = {
        "article": data["articles"][0],
        "rejected": data["rejected"][0],
        "entity": data["entities"][0],
        "place": data["places"][0],
        "event": data["events"][0],
        "quote": data["quotes"][0],
        "citation": data["citations"][0],
        "claim": data["claims"][0],
        "story": data["stories"][0],
        "framing": data["framing"][0],
        "summary_item": data["summary"][0],
        "evidence": data["claims"][0]["evidence"][0],
    }
    for name, item in pairs.items():
        assert list(item) == list(defs[name]["properties"]), name
    assert list(data) == list(report_schema()["properties"])


def test_realistic_report_validates(report: Report) -> None:
    validate_report(report_to_dict(report))


def test_report_with_empty_lists_validates() -> None:
    validate_report(report_to_dict(Report(1, "sitroom 0.1.0", None, ())))


def test_missing_articles_is_named_by_path(report: Report) -> None:
    data = report_to_dict(report)
    del data["articles"]
    message = _error(data)
    assert "$.articles" in message
    assert "missing" in message and "fix:" in message


def test_bad_date_is_named_by_path(report: Report) -> None:
    data = report_to_dict(report)
    data["articles"][0]["published"] = "8 April 2031"
    message = _error(data)
    assert "$.articles[0].published" in message
    assert "YYYY-MM-DD" in message


@pytest.mark.parametrize("bad", ["2031-13-01", "2031-04-32", "2031-4-8", "20310408"])
def test_impossible_dates_are_refused(report: Report, bad: str) -> None:
    data = report_to_dict(report)
    data["articles"][2]["date_range"] = ["2031-04-07", bad]
    assert "$.articles[2].date_range" in _error(data)


def test_unknown_fields_and_values_are_refused(report: Report) -> None:
    data = report_to_dict(report)
    data["entities"][1]["colour"] = "red"
    assert "$.entities[1]" in _error(data)

    data = report_to_dict(report)
    data["claims"][0]["status"] = "probably_true"
    message = _error(data)
    assert "$.claims[0].status" in message and "corroborated" in message

    data = report_to_dict(report)
    data["schema_version"] = 2
    assert "$.schema_version" in _error(data)


def test_coordinates_out_of_range_are_refused(report: Report) -> None:
    data = report_to_dict(report)
    data["places"][0]["lat"] = 123.0
    assert "$.places[0].lat" in _error(data)


def test_links_between_records_are_checked(report: Report) -> None:
    base = report_to_dict(report)

    data = copy.deepcopy(base)
    data["claims"][1]["evidence"][0]["article"] = "nope"
    message = _error(data)
    assert "$.claims[1].evidence[0].article" in message and "'nope'" in message

    data = copy.deepcopy(base)
    data["quotes"][0]["start"] = data["quotes"][0]["end"] + 1
    assert "$.quotes[0].end" in _error(data)

    data = copy.deepcopy(base)
    data["articles"][2]["date_range"] = ["2031-04-12", "2031-04-07"]
    assert "$.articles[2].date_range" in _error(data)

    data = copy.deepcopy(base)
    data["articles"][1]["duplicate_of"] = "gone"
    assert "$.articles[1].duplicate_of" in _error(data)

    data = copy.deepcopy(base)
    data["articles"].append(copy.deepcopy(data["articles"][0]))
    assert "$.articles[4].id" in _error(data)


def test_report_schema_returns_a_copy() -> None:
    schema = report_schema()
    schema["properties"].clear()
    assert report_schema()["properties"]
