"""The page's compact records: passages as pointers into texts the page holds, articles as
positions, and only the fields the page script reads."""

from __future__ import annotations

import dataclasses
import json
import re
from importlib import resources
from typing import Any

from sitroom.report import render_html, report_schema, report_to_dict
from sitroom.report.page_data import PAGE_FIELDS, PageRecords
from sitroom.types import Evidence, Report

from .html_probe import expand_page_data, page_view, probe


def _data(document: str) -> dict[str, Any]:
    page = probe(document)
    ids = [e.attrs.get("id") for e in page.tags("script")]
    data: dict[str, Any] = json.loads(page.scripts[ids.index("sitroom-data")])
    return data


def test_passages_point_into_the_texts(report: Report, texts: dict[str, str]) -> None:
    data = _data(render_html(report, texts))
    claim = report.claims[0].evidence[0]
    position = [a.id for a in report.articles].index(claim.article)
    # the passage is the article's position and its offsets: no copy of its words
    assert data["claims"][0]["evidence"] == [[position, claim.start, claim.end]]
    # the claim's own words are those characters too, given by their offsets
    assert data["claims"][0]["text"] == [claim.start, claim.end]
    assert claim.text not in json.dumps(data["claims"])
    assert expand_page_data(data)["claims"][0]["text"] == report.claims[0].text
    # the quote's words are cut from the text too, and its article is a position
    assert "text" not in data["quotes"][0] and data["quotes"][0]["article"] == position
    assert expand_page_data(data)["quotes"][0]["text"] == report.quotes[0].text


def test_passage_text_kept_when_the_page_cannot_cut_it(report: Report) -> None:
    # Without the texts, every passage carries its own words.
    data = _data(render_html(report))
    assert data["claims"][0]["evidence"][0][3] == report.claims[0].evidence[0].text
    assert data["quotes"][0]["text"] == report.quotes[0].text
    assert expand_page_data(data) == page_view(report_to_dict(report), {})


def test_passage_that_differs_from_its_characters_keeps_its_words(report: Report) -> None:
    article = report.articles[0]
    loose = Evidence(article.id, 0, 5, "not the first five characters")
    claim = dataclasses.replace(report.claims[0], evidence=(loose,))
    changed = dataclasses.replace(report, claims=(claim, *report.claims[1:]))
    texts = {a.id: a.text for a in changed.articles}
    data = _data(render_html(changed, texts))
    assert data["claims"][0]["evidence"] == [[0, 0, 5, loose.text]]
    assert expand_page_data(data) == page_view(report_to_dict(changed), texts)


def test_hidden_characters_are_shown_in_passages_and_masked_in_texts(report: Report) -> None:
    text = "Officials said \u202etxt.exe was cut."
    article = dataclasses.replace(report.articles[0], text=text)
    passage = Evidence(article.id, 15, 23, text[15:23])
    claim = dataclasses.replace(report.claims[0], evidence=(passage,))
    changed = dataclasses.replace(report, articles=(article, *report.articles[1:]),
                                  claims=(claim, *report.claims[1:]))  # fmt: skip
    data = _data(render_html(changed, {article.id: text}))
    # the page masks the character in the text (offsets hold) but shows it in the passage
    assert data["texts"][article.id] == text.replace("\u202e", "\ufffd")
    assert data["claims"][0]["evidence"] == [[0, 15, 23, "[U+202E]txt.exe"]]


def test_an_article_missing_from_the_report_is_named_by_its_id() -> None:
    records = PageRecords(["a1", "a2"], {"a1": "Some text here."})
    evidence = {"article": "zz", "start": 0, "end": 4, "text": "Some"}
    assert records.passage(evidence) == ["zz", 0, 4, "Some"]
    assert records.passage({**evidence, "article": "a1"}) == [0, 0, 4]
    assert records.passage({**evidence, "article": "a2"}) == [1, 0, 4, "Some"]


def test_fields_left_off_the_page_are_never_read_by_its_script() -> None:
    script = resources.files("sitroom.report").joinpath("assets", "report.js").read_text("utf-8")
    schema = report_schema()
    every = {name for record in schema["$defs"].values() for name in record.get("properties", {})}
    kept = {field for fields in PAGE_FIELDS.values() if fields for field in fields}
    for section, fields in PAGE_FIELDS.items():
        if fields is None:  # the whole record
            record = schema["properties"][section]["items"]["$ref"].rsplit("/", 1)[1]
            kept |= set(schema["$defs"][record]["properties"])
    kept |= {"term", "score", "article", "start", "end", "text"}  # a term's; a passage's
    kept |= _read_for_other_things
    for field in sorted(every - kept):
        assert not re.search(r"\." + field + r"\b", script), field
    for section in sorted(set(schema["properties"]) - set(PAGE_FIELDS) - {"as_of"}):
        if isinstance(report_schema()["properties"][section].get("items"), dict):
            assert f"data.{section}" not in script, section


#: Names the script reads from things other than records (a select's value, a timeline
#: item's event, a provenance node's targets), which a record field of the same name cannot
#: be told apart from.
_read_for_other_things = {"value", "event", "targets"}


def test_words_that_are_part_of_their_first_passage_are_offsets(report: Report) -> None:
    claim = report.claims[0]
    passage = claim.evidence[0]
    part = passage.text[6:30]  # the statement is part of the sentence it comes from
    changed = dataclasses.replace(report, claims=(dataclasses.replace(claim, text=part),
                                                  *report.claims[1:]))  # fmt: skip
    texts = {a.id: a.text for a in changed.articles}
    data = _data(render_html(changed, texts))
    assert data["claims"][0]["text"] == [passage.start + 6, passage.start + 30]
    assert expand_page_data(data)["claims"][0]["text"] == part
    assert expand_page_data(data) == page_view(report_to_dict(changed), texts)
